#!/usr/bin/env python3
"""Real-client tests of `caravan serve`: OpenSSH on loopback, throw-away keys.

Each test starts what it needs with a timeout and the runner stops every
server, client and tmux server it started, whatever happens. Only 127.0.0.0/8
is used: servers listen on 127.0.0.1 with a port the kernel picks, and the
many-sessions test spreads its clients over a few loopback source addresses.

Needs: ssh and ssh-keygen (Debian: openssh-client), tmux, python3.
CARAVAN_BIN names the binary (default .build/debug/caravan).
The last line printed is `N passed, M failed`; the exit status is 1 on failure.
"""

import ctypes
import fcntl
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(os.environ.get("CARAVAN_BIN", os.path.join(ROOT, ".build/debug/caravan")))


class Failure(AssertionError):
    pass


def die_with_parent():
    """In a child before exec: get SIGTERM if this runner dies, so nothing outlives it."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def wait_until(predicate, timeout, what, interval=0.1):
    """Polls `predicate` until it returns something true; fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure("timed out after %.0fs waiting for %s" % (timeout, what))
        time.sleep(interval)


def process_exists(pid):
    """True while `pid` exists and is not a zombie."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def children_of(pid):
    """The pids (and states) of the processes whose parent is `pid`."""
    result = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            result[int(entry)] = fields[0]
    return result


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise Failure("no VmRSS for %d" % pid)


class Workspace:
    """Keys, files and every process the tests start, for cleanup."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="caravan-serve-test-")
        self.processes = []
        self.tmux_socket = "caravan-serve-test-%d" % os.getpid()
        self.home = self.path("home")
        os.makedirs(self.home)
        self.env = dict(os.environ)
        self.env.update({
            "HOME": self.home,
            "XDG_STATE_HOME": self.path("state"),
            "XDG_CONFIG_HOME": self.path("config"),
            "XDG_RUNTIME_DIR": self.path("run"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
        })
        os.makedirs(self.path("run"), mode=0o700)
        self.keys = {}

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def key(self, name, kind="ed25519"):
        if name not in self.keys:
            path = self.path("key-" + name)
            extra = ["-b", "256"] if kind == "ecdsa" else []
            subprocess.run(
                ["ssh-keygen", "-q", "-t", kind, *extra, "-N", "", "-C", name, "-f", path],
                check=True, timeout=30, stdin=subprocess.DEVNULL)
            self.keys[name] = path
        return self.keys[name]

    def public_key(self, name):
        with open(self.key(name) + ".pub") as handle:
            return handle.read().strip()

    def fingerprint(self, key_path):
        output = subprocess.run(
            ["ssh-keygen", "-l", "-f", key_path], capture_output=True, text=True, timeout=30,
            check=True).stdout
        return output.split()[1]

    def spawn(self, args, **kwargs):
        process = subprocess.Popen(args, preexec_fn=die_with_parent, **kwargs)
        self.processes.append(process)
        return process

    def tmux(self, *args, check=True):
        result = subprocess.run(
            ["tmux", "-L", self.tmux_socket, "-f", "/dev/null", *args], capture_output=True,
            text=True, timeout=15, env=self.env)
        if check and result.returncode != 0:
            raise Failure("tmux %s: %s" % (" ".join(args), result.stderr.strip()))
        return result.stdout

    def cleanup(self):
        subprocess.run(
            ["tmux", "-L", self.tmux_socket, "kill-server"], capture_output=True, timeout=15)
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=12)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    """One `caravan serve` on 127.0.0.1 with a port the kernel picks."""

    def __init__(self, ws, name, args):
        self.ws = ws
        self.log_path = ws.path("server-%s.log" % name)
        self.log_file = open(self.log_path, "w")
        self.process = ws.spawn(
            [BIN, "serve", "--listen", "127.0.0.1:0", *args], stdout=self.log_file,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=ws.env, cwd=ws.dir)
        match = wait_until(
            lambda: self._early_exit() or re.search(r"listening on 127\.0\.0\.1:(\d+)", self.log()),
            30, "the server to listen")
        self.port = int(match.group(1))
        self.fingerprint = re.search(r"host key (SHA256:\S+)", self.log()).group(1)
        self.pid = self.process.pid

    def _early_exit(self):
        if self.process.poll() is not None:
            raise Failure("the server exited with %s:\n%s" % (self.process.returncode, self.log()))
        return None

    def log(self):
        with open(self.log_path) as handle:
            return handle.read()

    def log_lines(self):
        return [line for line in self.log().splitlines() if " duration=" in line]

    def wait_for_log(self, pattern, timeout=10):
        return wait_until(
            lambda: next((l for l in self.log_lines() if re.search(pattern, l)), None), timeout,
            "a log line matching %r; log:\n%s" % (pattern, self.log()))

    def ssh_args(self, key, *extra, bind=None):
        args = [
            "ssh", "-F", "/dev/null", "-p", str(self.port), "-i", self.ws.key(key),
            "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
        ]
        if bind:
            args += ["-o", "BindAddress=" + bind]
        return args + list(extra)

    def ssh(self, key, *options, command=(), timeout=20):
        return subprocess.run(
            self.ssh_args(key, *options, "class@127.0.0.1", *command), capture_output=True, text=True,
            timeout=timeout, stdin=subprocess.DEVNULL, env=self.ws.env)

    def stop(self, timeout=15):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure("the server did not stop within %ds after SIGTERM" % timeout)


class Screen:
    """An ssh client in a tmux window, `class@127.0.0.1`."""

    count = 0

    def __init__(self, server, key, width=100, height=30):
        Screen.count += 1
        self.ws = server.ws
        self.name = "s%d" % Screen.count
        command = " ".join(server.ssh_args(key, "-tt", "class@127.0.0.1"))
        self.ws.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            "%s; echo SSH-EXIT-$?; sleep 60" % command)

    def text(self):
        return self.ws.tmux("capture-pane", "-p", "-t", self.name, check=False)

    def lines(self):
        return self.text().split("\n")

    def wait_for(self, needle, timeout=20):
        return wait_until(
            lambda: needle in self.text(), timeout,
            "%r on the screen; screen:\n%s" % (needle, self.text()))

    def keys(self, *keys):
        self.ws.tmux("send-keys", "-t", self.name, *keys)

    def exit_code(self, timeout=15):
        match = wait_until(
            lambda: re.search(r"SSH-EXIT-(\d+)", self.text()), timeout,
            "ssh to end; screen:\n%s" % self.text())
        return int(match.group(1))

    def client_pid(self):
        return int(self.ws.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def close(self):
        self.ws.tmux("kill-session", "-t", self.name, check=False)


def explorer_children(server):
    return {pid: state for pid, state in children_of(server.pid).items()}


# -- tests -------------------------------------------------------------------


def test_host_key_created_private_and_fingerprint_printed(ws, main, _open):
    key_path = ws.path("hostkey", "host_ed25519")
    mode = os.stat(key_path).st_mode & 0o777
    folder_mode = os.stat(os.path.dirname(key_path)).st_mode & 0o777
    assert mode == 0o600, "host key mode %o" % mode
    assert folder_mode == 0o700, "host key folder mode %o" % folder_mode
    assert ws.fingerprint(key_path) == main.fingerprint, "ssh-keygen disagrees with the printed fingerprint"
    scanned = subprocess.run(
        ["ssh-keyscan", "-p", str(main.port), "-t", "ed25519", "127.0.0.1"], capture_output=True,
        text=True, timeout=20).stdout
    with open(ws.path("scanned"), "w") as handle:
        handle.write(scanned)
    assert ws.fingerprint(ws.path("scanned")) == main.fingerprint, "the served key differs"


def test_host_key_reused_on_restart(ws, main, _open):
    again = Server(ws, "restart", ["--open", "--host-key", ws.path("hostkey", "host_ed25519")])
    try:
        assert again.fingerprint == main.fingerprint
        assert "created a new host key" not in again.log()
    finally:
        assert again.stop() == 0


def test_authorized_key_gets_the_explorer(ws, main, _open):
    screen = Screen(main, "student")
    try:
        screen.wait_for("Caravan")
        before = screen.text()
        screen.keys("j")
        wait_until(lambda: screen.text() != before, 10, "the screen to change after j")
        screen.keys("q")
        assert screen.exit_code() == 0
        fingerprint = ws.fingerprint(ws.key("student"))
        main.wait_for_log(re.escape("key=" + fingerprint) + r" session=explore .* end=exited 0")
    finally:
        screen.close()


def test_ecdsa_key_gets_the_explorer(ws, main, _open):
    screen = Screen(main, "ecdsa-student")
    try:
        screen.wait_for("Caravan")
        screen.keys("q")
        assert screen.exit_code() == 0
    finally:
        screen.close()


def test_resize_reaches_the_child(ws, main, _open):
    screen = Screen(main, "student", width=100, height=30)
    try:
        screen.wait_for("Caravan")
        wait_until(lambda: len(screen.lines()[0]) > 80 or "q quit" in screen.text(), 10, "a full screen")
        status = lambda: [l for l in screen.lines() if "q quit" in l]
        wait_until(lambda: status() and len(status()[0].rstrip()) > 80, 10, "a 100-wide status line")
        ws.tmux("resize-window", "-t", screen.name, "-x", "80", "-y", "24")
        wait_until(
            lambda: status() and len(status()[0].rstrip()) <= 80
            and len(status()[0].rstrip()) >= 70 and screen.lines().index(status()[0]) == 23,
            10, "the screen to reflow to 80x24; screen:\n%s" % screen.text())
        assert all(len(line.rstrip()) <= 80 for line in screen.lines())
        screen.keys("q")
        assert screen.exit_code() == 0
    finally:
        screen.close()


def test_unknown_key_is_refused(ws, main, _open):
    result = main.ssh("stranger", "-tt")
    assert result.returncode == 255, result
    assert "Permission denied" in result.stderr, result.stderr
    main.wait_for_log(r"user=- key=none .*end=closed before login")


def test_too_many_failed_keys_disconnect(ws, main, _open):
    extra = []
    for index in range(8):
        extra += ["-i", ws.key("wrong-%d" % index)]
    result = main.ssh("stranger", *extra, "-tt")
    assert result.returncode == 255, result
    main.wait_for_log(r"end=too many authentication failures")


def test_exec_is_refused(ws, main, _open):
    result = main.ssh("student", command=["echo", "hello-from-exec"])
    assert result.returncode == 1, result
    assert "hello-from-exec" not in result.stdout
    assert "it runs no commands" in result.stderr, result.stderr
    main.wait_for_log(r"end=client closed; refused exec")


def test_subsystem_is_refused(ws, main, _open):
    result = main.ssh("student", "-s", command=["sftp"])
    assert result.returncode != 0, result
    main.wait_for_log(r"refused subsystem")


def test_shell_without_terminal_is_refused(ws, main, _open):
    result = main.ssh("student", "-T")
    assert result.returncode == 1, result
    assert "connect with ssh -t" in result.stderr, result.stderr
    main.wait_for_log(r"end=client closed; refused shell without a terminal")


def test_local_port_forwarding_is_refused(ws, main, _open):
    target = socket.socket()
    target.bind(("127.0.0.1", 0))
    target.listen(1)
    target.setblocking(False)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    local_port = probe.getsockname()[1]
    probe.close()
    client = ws.spawn(
        main.ssh_args(
            "student", "-N", "-o", "ExitOnForwardFailure=yes",
            "-L", "127.0.0.1:%d:127.0.0.1:%d" % (local_port, target.getsockname()[1]),
            "class@127.0.0.1"),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ws.env)
    try:
        def connect():
            try:
                return socket.create_connection(("127.0.0.1", local_port), timeout=1)
            except OSError:
                return None
        conn = wait_until(connect, 15, "ssh to listen on the local port")
        conn.settimeout(10)
        try:
            data = conn.recv(100)
        except ConnectionResetError:
            data = b""
        conn.close()
        assert data == b"", "data came through the forward"
        try:
            target.accept()
            raise Failure("the forward reached its target")
        except BlockingIOError:
            pass
    finally:
        client.terminate()
        client.wait(timeout=10)
        target.close()
    main.wait_for_log(r"refused port forwarding")


def test_remote_port_forwarding_is_refused(ws, main, _open):
    result = main.ssh(
        "student", "-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:9")
    assert result.returncode == 255, result
    assert "forwarding failed" in result.stderr, result.stderr


def test_x11_forwarding_is_not_given(ws, main, _open):
    # NIOSSH drops the connection on an x11-req (swift-nio-ssh issue 221) where
    # it should only refuse it; either way no X11 is forwarded, and the server
    # goes on serving.
    before = len(main.log_lines())
    result = subprocess.run(
        main.ssh_args("student", "-tt", "-X", "class@127.0.0.1"), capture_output=True, text=True,
        timeout=20, input="q", env=dict(ws.env, DISPLAY="127.0.0.1:99"))
    wait_until(lambda: len(main.log_lines()) > before, 10, "the connection's log line")
    assert "X11 forwarding request failed" in result.stderr or result.returncode == 255, result
    assert main.process.poll() is None


def test_open_admits_an_unlisted_key(ws, main, open_server):
    assert "WARNING: --open" in open_server.log()
    screen = Screen(open_server, "stranger")
    try:
        screen.wait_for("Caravan")
        screen.keys("q")
        assert screen.exit_code() == 0
    finally:
        screen.close()


def test_idle_session_is_closed(ws, main, open_server):
    screen = Screen(open_server, "stranger")
    try:
        screen.wait_for("Caravan")
        screen.exit_code(timeout=20)
        screen.wait_for("without input")
        open_server.wait_for_log(r"end=idle timeout")
    finally:
        screen.close()


def raw_connection(port, source):
    conn = socket.socket()
    conn.settimeout(5)
    conn.bind((source, 0))
    conn.connect(("127.0.0.1", port))
    return conn


def banner(conn):
    try:
        return conn.recv(256)
    except (socket.timeout, ConnectionResetError):
        return b""


def read_until_closed(conn, limit=4096):
    data = b""
    try:
        while len(data) < limit:
            chunk = conn.recv(limit)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data


def test_waiting_connections_are_limited(ws, _main, _open):
    # At most 4 connections wait to log in; one address may hold all 4 (a quarter,
    # but never fewer than 4). A newcomer from another address takes the place of
    # the busiest address's oldest; one from the same address is refused, told why.
    server = Server(ws, "startups", [
        "--open", "--max-startups", "4", "--host-key", ws.path("hostkey-startups", "host_ed25519"),
    ])
    conns = []
    try:
        for _ in range(4):
            conns.append(raw_connection(server.port, "127.0.0.1"))
            assert banner(conns[-1]).startswith(b"SSH-2.0-")
        refused = raw_connection(server.port, "127.0.0.1")
        reply = read_until_closed(refused)
        version, _, packet = reply.partition(b"\r\n")
        assert version.startswith(b"SSH-2.0-"), reply
        # An unencrypted SSH_MSG_DISCONNECT, reason 12 (too many connections).
        length, padding, kind, reason = struct.unpack(">IBBI", packet[:10])
        assert (len(packet), kind, reason) == (length + 4, 1, 12), packet
        assert b"from your address" in packet, packet
        other = raw_connection(server.port, "127.0.0.2")
        conns.append(other)
        assert banner(other).startswith(b"SSH-2.0-")
        assert read_until_closed(conns[0]) == b"", "the oldest waiting connection was kept"
        server.wait_for_log(r"127\.0\.0\.1:\d+ .*end=refused: too many connections waiting")
        server.wait_for_log(r"end=login timeout: replaced by a newer connection")
    finally:
        for conn in conns:
            conn.close()
        assert server.stop() == 0


class PtyClient:
    """ssh -tt on a pseudo-terminal of our own, for many sessions at once."""

    def __init__(self, ws, server, key, bind, columns=80, rows=24):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = dict(ws.env, TERM="xterm-256color")
        self.process = ws.spawn(
            server.ssh_args(key, "-tt", "class@127.0.0.1", bind=bind), stdin=slave, stdout=slave,
            stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = b""
        self.ended = False

    def pump(self):
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: ssh has closed the terminal
            chunk = b""
        self.output += chunk
        self.ended = not chunk

    def send(self, data):
        os.write(self.master, data)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        os.close(self.master)


def pump_all(clients, until, timeout, what):
    deadline = time.monotonic() + timeout
    while not until():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Failure("timed out waiting for " + what)
        open_clients = [c for c in clients if not c.ended]
        if not open_clients:
            time.sleep(0.1)
            continue
        ready, _, _ = select.select([c.master for c in open_clients], [], [], min(remaining, 0.5))
        for client in open_clients:
            if client.master in ready:
                client.pump()


def test_fifty_sessions_at_once(ws, main, _open):
    clients = []
    try:
        for index in range(50):
            # Ten clients from each of five loopback addresses: the default per-address limit.
            clients.append(PtyClient(ws, main, "student", bind="127.0.0.%d" % (2 + index // 10)))
            time.sleep(0.02)
        pump_all(
            clients, lambda: all(b"Caravan" in c.output for c in clients), 180,
            "50 explorers; %d of 50 ready" % sum(b"Caravan" in c.output for c in clients))
        running = [pid for pid, state in explorer_children(main).items() if state != "Z"]
        assert len(running) == 50, "%d children" % len(running)
        rss = rss_kib(main.pid)
        assert rss < 200 * 1024, "server RSS %d KiB" % rss
        print("    server RSS with 50 sessions: %.1f MiB" % (rss / 1024))
        for client in clients:
            client.output = b""
            client.send(b"j")
        pump_all(clients, lambda: all(c.output for c in clients), 60, "every screen to answer j")
        for client in clients:
            client.send(b"q")
        pump_all(
            clients, lambda: all(c.process.poll() is not None for c in clients), 60,
            "every client to end")
        codes = [c.process.returncode for c in clients]
        assert codes == [0] * 50, "exit codes %s" % codes
        wait_until(lambda: not explorer_children(main), 15, "every child reaped")
    finally:
        for client in clients:
            client.close()


def test_killed_client_leaves_no_orphan(ws, main, _open):
    screen = Screen(main, "student")
    try:
        screen.wait_for("Caravan")
        children = [pid for pid, state in explorer_children(main).items() if state != "Z"]
        assert len(children) == 1, children
        child = children[0]
        os.kill(screen.client_pid(), signal.SIGKILL)
        wait_until(lambda: not process_exists(child), 5, "the child to end")
        wait_until(lambda: not explorer_children(main), 5, "the child to be reaped")
        orphans = subprocess.run(
            ["ps", "-eo", "pid,ppid,stat,args"], capture_output=True, text=True, timeout=10).stdout
        assert not [l for l in orphans.splitlines() if l.split()[0] == str(child)], orphans
        main.wait_for_log(r"end=client closed")
    finally:
        screen.close()


def test_crashed_child_does_not_stop_the_server(ws, main, _open):
    screen = Screen(main, "student")
    try:
        screen.wait_for("Caravan")
        child = next(pid for pid, state in explorer_children(main).items() if state != "Z")
        os.kill(child, signal.SIGSEGV)
        assert screen.exit_code() != 0
        screen.wait_for("stopped unexpectedly")
        main.wait_for_log(r"end=killed by SIGSEGV")
        wait_until(lambda: not explorer_children(main), 5, "the child to be reaped")
    finally:
        screen.close()
    again = Screen(main, "student")
    try:
        again.wait_for("Caravan")
        again.keys("q")
        assert again.exit_code() == 0
    finally:
        again.close()


def test_follows_a_live_presentation(ws, main, _open):
    # While a presenter answers on present.sock the child is `caravan follow --auto`.
    folder = ws.path("run", "caravan")
    os.makedirs(folder, exist_ok=True)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.path.join(folder, "present.sock"))
    sock.listen(8)
    try:
        screen = Screen(main, "student")
        time.sleep(2)
        screen.close()
        main.wait_for_log(r"session=follow ", timeout=20)
        wait_until(lambda: not explorer_children(main), 10, "the child to be reaped")
    finally:
        sock.close()
        os.unlink(os.path.join(folder, "present.sock"))


def test_shutdown_reaps_every_child(ws, main, _open):
    screen = Screen(main, "student")
    try:
        screen.wait_for("Caravan")
        children = list(explorer_children(main))
        assert main.stop() == 0
        for child in children:
            assert not process_exists(child), "child %d outlived the server" % child
        screen.wait_for("shutting down")
    finally:
        screen.close()


TESTS = [
    test_host_key_created_private_and_fingerprint_printed,
    test_host_key_reused_on_restart,
    test_authorized_key_gets_the_explorer,
    test_ecdsa_key_gets_the_explorer,
    test_resize_reaches_the_child,
    test_unknown_key_is_refused,
    test_too_many_failed_keys_disconnect,
    test_exec_is_refused,
    test_subsystem_is_refused,
    test_shell_without_terminal_is_refused,
    test_local_port_forwarding_is_refused,
    test_remote_port_forwarding_is_refused,
    test_x11_forwarding_is_not_given,
    test_open_admits_an_unlisted_key,
    test_idle_session_is_closed,
    test_waiting_connections_are_limited,
    test_fifty_sessions_at_once,
    test_killed_client_leaves_no_orphan,
    test_crashed_child_does_not_stop_the_server,
    test_follows_a_live_presentation,
    test_shutdown_reaps_every_child,  # last: it stops the main server
]


def main():
    selected = sys.argv[1:]
    missing = [tool for tool in ("ssh", "ssh-keygen", "ssh-keyscan", "tmux") if not shutil.which(tool)]
    if missing or not os.access(BIN, os.X_OK):
        print("cannot run: missing %s" % ", ".join(missing or [BIN]))
        print("0 passed, 1 failed")
        return 1
    ws = Workspace()
    passed = failed = 0
    try:
        ws.key("student")
        ws.key("ecdsa-student", kind="ecdsa")
        ws.key("stranger")
        with open(ws.path("authorized_keys"), "w") as handle:
            handle.write("# the class\n\n%s\n" % ws.public_key("student"))
            # Options before a key are allowed (and ignored).
            handle.write('no-agent-forwarding,from="127.0.0.0/8" %s\n' % ws.public_key("ecdsa-student"))
        main_server = Server(ws, "main", [
            "--authorized-keys", ws.path("authorized_keys"),
            "--host-key", ws.path("hostkey", "host_ed25519"),
        ])
        open_server = Server(ws, "open", [
            "--open", "--idle-timeout", "3", "--max-sessions", "3", "--max-per-ip", "2",
            "--host-key", ws.path("hostkey-open", "host_ed25519"),
        ])
        for test in TESTS:
            if selected and not any(name in test.__name__ for name in selected):
                continue
            started = time.monotonic()
            try:
                test(ws, main_server, open_server)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                failed += 1
                detail = "".join(traceback.format_exception_only(type(error), error)).strip()
                print("FAIL %s (%.1fs): %s" % (test.__name__, time.monotonic() - started, detail))
                if not isinstance(error, (Failure, AssertionError)):
                    traceback.print_exc()
            else:
                passed += 1
                print("ok   %s (%.1fs)" % (test.__name__, time.monotonic() - started))
    except Exception as error:  # noqa: BLE001 - setup failed
        failed += 1
        print("FAIL setup: %s" % error)
        traceback.print_exc()
    finally:
        ws.cleanup()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
