#!/usr/bin/env python3
"""What a served user can and cannot do, with the real OpenSSH client on loopback.

A served session may run the explorer and nothing else, keeps each key's notes and
marks apart, and never shows one reader's state to another. The serving user's
config names an editor here, as a lecturer's might; no key a student can press may
start it. Limits, file safety and the log are in test_serve_limits.py.

Needs: ssh and ssh-keygen (Debian: openssh-client), tmux, python3.
CARAVAN_BIN names the binary (default .build/debug/caravan).
The last line printed is `N passed, M failed`; the exit status is 1 on failure.
"""

import glob
import os
import socket
import sys
import threading
import time

from serve_harness import (
    PtyClient, Screen, Server, cpu_seconds, descendants, explorer_children, opens_the_explorer,
    process_table, pump_all, run_suite)

NOTE_LIMIT = 16 * 1024


def reader_folder(ws, fingerprint):
    """Where a key's notes and marks live: readers/ and the fingerprint, path-safe."""
    name = fingerprint.split(":", 1)[1].replace("/", "_").replace("+", "-")
    return ws.path("state", "caravan", "readers", name)


def files_containing(folder, needle):
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                if needle.encode() in handle.read():
                    found.append(os.path.join(root, name))
    return found


class ProcessWatch:
    """Samples the server's process tree until stopped; remembers every process seen:
    pid -> (every parent it had, state, latest name)."""

    def __init__(self, server):
        self.server = server
        self.seen = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        while not self.stopping.is_set():
            for pid, info in descendants(self.server.pid, process_table()).items():
                # The latest name: between posix_spawn and exec a new explorer still
                # bears the name of the server thread that started it.
                parents = self.seen.get(pid, (set(),))[0] | {info[0]}
                self.seen[pid] = (parents, info[1], info[2])
            time.sleep(0.005)

    def stop(self):
        self.stopping.set()
        self.thread.join(timeout=10)
        return self.seen


def assert_only_explorers(server, seen):
    """Every process ever seen below the server was an explorer it started itself."""
    strangers = {pid: info for pid, info in seen.items()
                 if info[0] != {server.pid} or info[2] != "caravan"}
    assert not strangers, "processes other than the explorer: %s" % strangers


def status_fields(pid):
    with open("/proc/%d/status" % pid) as status:
        return dict(line.rstrip("\n").split(":\t", 1) for line in status if ":\t" in line)


# Key sequences a curious student might try, each left with Escape. `q` and Ctrl-C
# quit, so they come last, from the caller.
PROBES = [
    ["a"], ["-l", "typed into the note"], ["C-s"],
    ["a"], ["Escape"],
    ["!"], ["Escape"], ["C-z"], ["C-\\"], ["C-x"], ["C-o"], ["C-g"], ["C-t"], ["C-v"],
    [":"], ["-l", "!sh"], ["Enter"], ["Escape"],
    ["/"], ["-l", "$(id)"], ["Enter"], ["Escape"],
    ["?"], ["Escape"], ["F1"], ["Escape"], ["F2"], ["F10"], ["Escape"],
    ["M"], ["Escape"], ["X"], ["Escape"], ["A"], ["Escape"],
    ["P"], ["Space"], ["q"], ["q"],
    ["m"], ["z"], ["'"], ["z"], ["e"], ["v"], ["V"], ["s"], ["S"], ["|"], ["E"],
]


def test_configured_editor_is_never_started(ws, cls, opn):
    # The serving user's config names an editor (a script that would leave a file).
    for server, key in ((cls, "alice"), (opn, None)):
        watch = ProcessWatch(server)
        screen = Screen(server, key)
        try:
            screen.wait_for("Caravan")
            child = next(pid for pid in explorer_children(server))
            screen.keys("a")
            screen.wait_for("Ctrl-s saves")
            screen.keys("Escape")
            for probe in PROBES:
                screen.keys(*probe)
                time.sleep(0.05)
            screen.keys("Escape", "Escape")
            assert list(explorer_children(server)) == [child], "the explorer changed"
            fields = status_fields(child)
            assert fields["NoNewPrivs"].strip() == "1", fields["NoNewPrivs"]
            own = int(status_fields(server.pid).get("Seccomp_filters", "0"))
            assert int(fields.get("Seccomp_filters", "0")) > own, "no exec filter in the explorer"
            screen.quit()
        finally:
            seen = watch.stop()
            screen.close()
        assert not os.path.exists(ws.path("editor-ran")), "the configured editor ran"
        assert_only_explorers(server, seen)


def open_note_editor(screen):
    screen.wait_for("Caravan")
    screen.keys("a")
    screen.wait_for("Ctrl-s saves")


def write_note(screen, text, said="Note saved"):
    screen.keys("-l", text)
    screen.keys("C-s")
    screen.wait_for(said)


def test_each_key_keeps_its_own_notes(ws, cls, _opn):
    alice = Screen(cls, "alice")
    try:
        open_note_editor(alice)
        write_note(alice, "alice-private-note")
        alice.keys("m", "k")
        alice.quit()
    finally:
        alice.close()
    folder = reader_folder(ws, ws.fingerprint(ws.key("alice")))
    assert files_containing(folder, "alice-private-note"), "no state in %s" % folder
    assert os.stat(folder).st_mode & 0o077 == 0, "%s is open to others" % folder
    lecturer = glob.glob(ws.path("state", "caravan", "state-*.json"))
    assert not lecturer, "a served session wrote the lecturer's own state: %s" % lecturer

    bob = Screen(cls, "bob")
    try:
        open_note_editor(bob)
        assert "alice-private-note" not in bob.text(), bob.text()
        write_note(bob, "bob-was-here")
        bob.quit()
    finally:
        bob.close()
    assert files_containing(folder, "alice-private-note"), "bob overwrote alice's note"
    assert not files_containing(folder, "bob-was-here")

    again = Screen(cls, "alice")
    try:
        open_note_editor(again)
        again.wait_for("alice-private-note")
        again.keys("Escape")
        again.quit()
    finally:
        again.close()


def test_open_logins_keep_nothing(ws, _cls, opn):
    first = Screen(opn, None)
    try:
        first.wait_for("until you log out")
        open_note_editor(first)
        # An open login keeps nothing on disk, and says so.
        write_note(first, "anonymous-was-here", said="Note kept for this session, not on disk")
        first.keys("m", "z")
        first.quit()
    finally:
        first.close()
    assert not files_containing(ws.path("state"), "anonymous-was-here"), "an open login kept state"
    second = Screen(opn, None)
    try:
        open_note_editor(second)
        assert "anonymous-was-here" not in second.text()
        second.keys("Escape")
        second.quit()
    finally:
        second.close()


def test_notes_are_capped_with_a_message(ws, cls, _opn):
    client = PtyClient(ws, cls, "carol", bind="127.0.0.1", columns=100, rows=30)
    try:
        pump_all([client], lambda: b"Caravan" in client.output, 30, "the explorer")
        child = next(pid for pid in explorer_children(cls))
        client.output = b""
        client.send(b"a")
        pump_all([client], lambda: b"Ctrl-s saves" in client.output, 20, "the note editor")
        before = cpu_seconds(child)
        chunk = b"x" * 512
        for _ in range(80):  # 40 KiB, as a paste would send it
            client.send(chunk)
            pump_all([client], lambda: True, 5, "output")
        pump_all([client], lambda: b"16 KB" in client.output, 60,
                 "the limit's message; output tail %r" % client.output[-400:])
        cost = cpu_seconds(child) - before
        client.send(b"\x13")
        pump_all([client], lambda: b"Note saved" in client.output, 30, "the note to be saved")
        client.send(b"q")
        pump_all([client], lambda: client.process.poll() is not None, 20, "the client to end")
    finally:
        client.close()
    folder = reader_folder(ws, ws.fingerprint(ws.key("carol")))
    saved = files_containing(folder, "x" * 1000)
    assert saved, "the note was not saved"
    with open(saved[0]) as handle:
        longest = max(len(run) for run in handle.read().split('"'))
    assert NOTE_LIMIT - 100 <= longest <= NOTE_LIMIT, "the saved note is %d bytes" % longest
    print("    a 40 KiB paste into the note editor: %.2f CPU-s in the explorer" % cost)


def test_dead_presenter_leaves_the_explorer(ws, cls, _opn):
    folder = ws.path("run", "caravan")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    path = os.path.join(folder, "present.sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(path)
    sock.close()  # a presenter that was killed leaves its socket behind
    try:
        screen = Screen(cls, "alice")
        try:
            screen.wait_for("Caravan")
            assert "Waiting for the presenter" not in screen.text(), screen.text()
            screen.quit()
        finally:
            screen.close()
        cls.wait_for_log(r"session=explore .*end=exited 0")
    finally:
        os.unlink(path)


def write_config(folder, text):
    os.makedirs(os.path.join(folder, "caravan"), exist_ok=True)
    with open(os.path.join(folder, "caravan", "config.toml"), "w") as handle:
        handle.write(text)


def test_broken_config_falls_back_to_defaults(ws, _cls, _opn):
    write_config(ws.path("broken-config"), "editor = \n[[[\n")
    server = Server(ws, "broken-config", [
        "--open", "--host-key", ws.path("hostkey-broken", "host_ed25519"),
    ], env={"XDG_CONFIG_HOME": ws.path("broken-config")})
    try:
        assert "config.toml" in server.log(), "the server did not report the config:\n" + server.log()
        screen = Screen(server, None)
        try:
            screen.wait_for("Caravan")
            assert "config.toml" not in screen.text(), screen.text()
            assert ws.path("broken-config") not in screen.text()
            screen.quit()
        finally:
            screen.close()
    finally:
        assert server.stop() == 0


def test_unusable_terminal_type_falls_back(ws, cls, _opn):
    for term in (".", ".."):
        opens_the_explorer(cls, "alice", prefix="TERM=%s " % term)


def setup(ws):
    for name in ("alice", "bob", "carol"):
        ws.key(name)
    with open(ws.path("authorized_keys"), "w") as handle:
        for name in ("alice", "bob", "carol"):
            handle.write("%s\n" % ws.public_key(name))
    os.chmod(ws.path("authorized_keys"), 0o600)
    editor = ws.path("editor.sh")
    with open(editor, "w") as handle:
        handle.write("#!/bin/sh\necho $$ > %s\nexec sleep 30\n" % ws.path("editor-ran"))
    os.chmod(editor, 0o755)
    write_config(ws.path("config"), 'editor = "%s"\n' % editor)
    served = Server(ws, "class", [
        "--authorized-keys", ws.path("authorized_keys"),
        "--host-key", ws.path("hostkey", "host_ed25519"),
    ])
    anyone = Server(ws, "open", ["--open", "--host-key", ws.path("hostkey-open", "host_ed25519")])
    return served, anyone


TESTS = [
    test_configured_editor_is_never_started,
    test_each_key_keeps_its_own_notes,
    test_open_logins_keep_nothing,
    test_notes_are_capped_with_a_message,
    test_dead_presenter_leaves_the_explorer,
    test_broken_config_falls_back_to_defaults,
    test_unusable_terminal_type_falls_back,
]

if __name__ == "__main__":
    sys.exit(run_suite(TESTS, setup, sys.argv))
