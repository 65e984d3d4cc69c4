#!/usr/bin/env python3
"""make bench-serve: a class on `caravan serve`, with silent connections beside it.

On loopback only, bounded in count and time:
  1. 200 silent TCP connections from 20 addresses (127.0.1.1-20), opened again as soon
     as the server closes them (at most 100 a second), for the whole run;
  2. 100 sessions, each with its own key, all from one address (a class behind one
     NAT), each an OpenSSH client on a pseudo-terminal of its own;
  3. 10 s idle, then SERVE_SECONDS of scripted keys: every session presses a key about
     once a second (j j k k l h); the latency from a key to the first and to the last
     byte of the frame that answers it (the last byte before 50 ms of quiet);
  4. meanwhile, every 3 s a student from another address (127.0.3.N) logs in: whether
     and how fast the explorer appears while the silent connections press on;
  5. CPU of the server and of the sessions over the key phase, memory (PSS and RSS from
     /proc/PID/smaps_rollup) of the server and of each session.
Prints a table and writes bench/serve-results.json (not committed). See docs/benchmarks.md.

Environment: CARAVAN_BIN (default .build/release/caravan), SERVE_SESSIONS (100, at most
200), SERVE_SILENT (200, at most 500), SERVE_SECONDS (30, at most 120).
"""

import json
import os
import selectors
import shutil
import signal
import socket
import statistics
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "serve"))
import serve_harness  # noqa: E402
from serve_harness import PtyClient, Server, Workspace, cpu_seconds  # noqa: E402

SESSIONS = min(200, int(os.environ.get("SERVE_SESSIONS", "100")))
SILENT = min(500, int(os.environ.get("SERVE_SILENT", "200")))
SECONDS = min(120, int(os.environ.get("SERVE_SECONDS", "30")))
DEADLINE = time.monotonic() + 900  # the whole run, whatever happens
KEYS = [b"j", b"j", b"k", b"k", b"l", b"h"]
QUIET = 0.05


def log(message):
    print(message, file=sys.stderr, flush=True)


def memory_kib(pid):
    """PSS and RSS of a process, in KiB."""
    values = {}
    with open("/proc/%d/smaps_rollup" % pid) as rollup:
        for line in rollup:
            parts = line.split()
            if parts[0] in ("Pss:", "Rss:"):
                values[parts[0][:-1]] = int(parts[1])
    return values.get("Pss", 0), values.get("Rss", 0)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class SilentCrowd:
    """Connections that never say a word, opened again as soon as they are closed."""

    def __init__(self, port, count, addresses, per_second=100):
        self.port = port
        self.addresses = addresses
        self.count = count
        self.per_second = per_second
        self.stopping = threading.Event()
        self.opened = 0
        self.closed_by_server = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _connect(self, index):
        conn = socket.socket()
        conn.setblocking(False)
        conn.bind((self.addresses[index % len(self.addresses)], 0))
        try:
            conn.connect(("127.0.0.1", self.port))
        except BlockingIOError:
            pass
        self.opened += 1
        return conn

    def _run(self):
        selector = selectors.DefaultSelector()
        for index in range(self.count):
            selector.register(self._connect(index), selectors.EVENT_READ, index)
        budget = self.per_second
        window = time.monotonic()
        while not self.stopping.is_set() and time.monotonic() < DEADLINE:
            for key, _ in selector.select(timeout=0.2):
                try:
                    data = key.fileobj.recv(4096)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if data:
                    continue  # the server's version line, and a refusal: keep listening
                selector.unregister(key.fileobj)
                key.fileobj.close()
                self.closed_by_server += 1
                now = time.monotonic()
                if now - window >= 1:
                    window, budget = now, self.per_second
                if budget <= 0:
                    time.sleep(max(0, window + 1 - now))
                    window, budget = time.monotonic(), self.per_second
                budget -= 1
                selector.register(self._connect(key.data), selectors.EVENT_READ, key.data)
        for key in list(selector.get_map().values()):
            key.fileobj.close()

    def stop(self):
        self.stopping.set()
        self.thread.join(timeout=10)


class Session:
    """One OpenSSH client on its own pty, with the timing of its keys."""

    def __init__(self, ws, server, key, bind):
        self.started = time.monotonic()
        self.client = PtyClient(ws, server, key, bind=bind, columns=100, rows=30)
        self.ready_at = None
        self.sent_at = None
        self.first_byte = None
        self.last_byte = None
        self.first_latencies = []
        self.frame_latencies = []
        self.unanswered = 0
        self.next_key = 0

    def read(self, now):
        self.client.pump()
        if self.ready_at is None and b"Caravan" in self.client.output:
            self.ready_at = now
        self.client.output = self.client.output[-256:]
        if self.sent_at is not None:
            if self.first_byte is None:
                self.first_byte = now
            self.last_byte = now

    def settle(self, now):
        """Closes the frame of the last key once the output has been quiet a while."""
        if self.sent_at is None:
            return
        if self.last_byte is not None and now - self.last_byte >= QUIET:
            self.first_latencies.append(self.first_byte - self.sent_at)
            self.frame_latencies.append(self.last_byte - self.sent_at)
            self.sent_at = None
        elif self.last_byte is None and now - self.sent_at > 2:
            self.unanswered += 1
            self.sent_at = None

    def press(self, key, now):
        self.client.send(key)
        self.sent_at, self.first_byte, self.last_byte = now, None, None


def pump(sessions, seconds, on_tick=None):
    """Reads every session for `seconds`, calling on_tick(now) between reads."""
    selector = selectors.DefaultSelector()
    for session in sessions:
        if not session.client.ended:
            selector.register(session.client.master, selectors.EVENT_READ, session)
    end = min(time.monotonic() + seconds, DEADLINE)
    while time.monotonic() < end:
        for key, _ in selector.select(timeout=0.01):
            session = key.data
            session.read(time.monotonic())
            if session.client.ended:
                selector.unregister(key.fileobj)
        now = time.monotonic()
        for session in sessions:
            session.settle(now)
        if on_tick and on_tick(now):
            break
    selector.close()


def probe_login(ws, server, key, bind):
    """A student logging in during the run: seconds to the explorer, or None."""
    started = time.monotonic()
    client = PtyClient(ws, server, key, bind=bind, columns=100, rows=30)
    try:
        while time.monotonic() - started < 30:
            client.pump()
            if b"Caravan" in client.output:
                elapsed = time.monotonic() - started
                client.send(b"q")
                return elapsed
            if client.ended:
                return None
        return None
    finally:
        client.close()


def main():
    binary = os.environ.get("CARAVAN_BIN", os.path.join(ROOT, ".build", "release", "caravan"))
    if not os.access(binary, os.X_OK) or not shutil.which("ssh"):
        log("bench-serve: needs %s and ssh" % binary)
        return 1
    serve_harness.BIN = binary
    ws = Workspace()
    results = {"date": time.strftime("%Y-%m-%d"), "sessions": SESSIONS, "silent": SILENT,
               "seconds": SECONDS, "cores": os.cpu_count()}
    sessions = []
    crowd = None
    try:
        log("bench-serve: %d keys" % (SESSIONS + 20))
        names = ["s%03d" % n for n in range(SESSIONS)] + ["late%02d" % n for n in range(20)]
        with open(ws.path("authorized_keys"), "w") as handle:
            for name in names:
                handle.write(ws.public_key(name) + "\n")
        os.chmod(ws.path("authorized_keys"), 0o600)
        server = Server(ws, "bench", [
            "--authorized-keys", ws.path("authorized_keys"),
            "--host-key", ws.path("hostkey", "host_ed25519"), "--idle-timeout", "0",
        ])
        crowd = SilentCrowd(server.port, SILENT, ["127.0.1.%d" % n for n in range(1, 21)])
        time.sleep(3)
        log("bench-serve: %d silent connections; starting %d sessions" % (SILENT, SESSIONS))
        started = time.monotonic()
        for index, name in enumerate(names[:SESSIONS]):
            sessions.append(Session(ws, server, name, "127.0.0.1"))
            pump(sessions, 0.08)
        pump(sessions, 180, lambda now: all(s.ready_at for s in sessions))
        ready = [s for s in sessions if s.ready_at]
        results["sessions_ready"] = len(ready)
        results["all_ready_s"] = round(max(s.ready_at for s in ready) - started, 2)
        results["login_median_s"] = round(statistics.median(s.ready_at - s.started for s in ready), 3)
        log("bench-serve: %d of %d explorers up; idle 10 s" % (len(ready), SESSIONS))
        children = [pid for pid in serve_harness.children_of(server.pid)]
        idle_before = sum(cpu_seconds(pid) for pid in children)
        pump(sessions, 10)
        results["idle_cpu_s_all_sessions_10s"] = round(
            sum(cpu_seconds(pid) for pid in children) - idle_before, 3)

        log("bench-serve: %d s of keys" % SECONDS)
        server_cpu = cpu_seconds(server.pid)
        child_cpu = sum(cpu_seconds(pid) for pid in children)
        phase_start = time.monotonic()
        for offset, session in enumerate(ready):
            session.next_key = phase_start + (offset % 100) / 100.0
        probes = []
        probe_names = iter(names[SESSIONS:])
        probe_due = [phase_start + 1.5]
        memory = {}

        def tick(now):
            for session in ready:
                if session.sent_at is None and now >= session.next_key:
                    session.press(KEYS[len(session.frame_latencies) % len(KEYS)], now)
                    session.next_key = now + 1.0
            if now >= probe_due[0]:
                probe_due[0] = now + 3
                name = next(probe_names, None)
                if name:
                    address = "127.0.3.%d" % (len(probes) + 1)
                    thread = threading.Thread(
                        target=lambda n=name, a=address: probes.append(probe_login(ws, server, n, a)),
                        daemon=True)
                    thread.start()
            if not memory and now - phase_start >= SECONDS / 2:
                memory["server"] = memory_kib(server.pid)
                memory["sessions"] = [memory_kib(pid) for pid in children if os.path.exists("/proc/%d" % pid)]
            return now - phase_start >= SECONDS

        pump(ready, SECONDS + 1, tick)
        elapsed = time.monotonic() - phase_start
        pump(ready, 1)
        results["server_cpu_pct"] = round(100 * (cpu_seconds(server.pid) - server_cpu) / elapsed, 1)
        all_children = sum(cpu_seconds(pid) for pid in children if os.path.exists("/proc/%d" % pid))
        results["sessions_cpu_pct_total"] = round(100 * (all_children - child_cpu) / elapsed, 1)
        results["session_cpu_pct_each"] = round(results["sessions_cpu_pct_total"] / len(ready), 2)
        firsts = [1000 * v for s in ready for v in s.first_latencies]
        frames = [1000 * v for s in ready for v in s.frame_latencies]
        results["keys"] = len(frames)
        results["unanswered_keys"] = sum(s.unanswered for s in ready)
        results["key_first_byte_ms"] = {"median": round(statistics.median(firsts), 1),
                                        "p99": round(percentile(firsts, 0.99), 1)}
        results["key_to_frame_ms"] = {"median": round(statistics.median(frames), 1),
                                      "p99": round(percentile(frames, 0.99), 1)}
        results["server_pss_kib"], results["server_rss_kib"] = memory.get("server", (0, 0))
        pss = [m[0] for m in memory.get("sessions", [])]
        rss = [m[1] for m in memory.get("sessions", [])]
        results["session_pss_kib_median"] = int(statistics.median(pss)) if pss else 0
        results["session_rss_kib_median"] = int(statistics.median(rss)) if rss else 0
        time.sleep(2)
        results["late_logins"] = len(probes)
        results["late_logins_in"] = sum(1 for p in probes if p is not None)
        got_in = [p for p in probes if p is not None]
        results["late_login_median_s"] = round(statistics.median(got_in), 3) if got_in else None
        results["late_login_max_s"] = round(max(got_in), 3) if got_in else None
        results["silent_opened"] = crowd.opened
        log_text = server.log()
        results["silent_replaced"] = log_text.count("replaced by a newer connection")
        results["silent_refused"] = log_text.count("refused: too many connections waiting")
        results["silent_timed_out"] = log_text.count("end=login timeout\n") + log_text.count(
            "end=login timeout (")
        for session in ready:
            session.client.send(b"q")
        pump(ready, 15, lambda now: all(s.client.ended for s in ready))
        results["server_stop_status"] = server.stop()
    finally:
        if crowd:
            crowd.stop()
        for session in sessions:
            session.client.close()
        ws.cleanup()
    with open(os.path.join(ROOT, "bench", "serve-results.json"), "w") as handle:
        json.dump(results, handle, indent=2)
    width = max(len(k) for k in results)
    for key, value in results.items():
        print("%-*s  %s" % (width, key, value))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(main())
