#!/usr/bin/env python3
"""Real-client tests of `caravan serve`: OpenSSH on loopback, throw-away keys.

Each test starts what it needs with a timeout and the runner stops every
server, client and tmux server it started, whatever happens. Only 127.0.0.0/8
is used: servers listen on 127.0.0.1 with a port the kernel picks, and the
many-sessions test spreads its clients over a few loopback source addresses.
The security suite is test_serve_security.py; `make serve-test` runs both.

Needs: ssh and ssh-keygen (Debian: openssh-client), tmux, python3.
CARAVAN_BIN names the binary (default .build/debug/caravan).
The last line printed is `N passed, M failed`; the exit status is 1 on failure.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

from serve_harness import (
    Failure, PtyClient, Screen, Server, explorer_children, opens_the_explorer, process_exists,
    pump_all, rss_kib, run_suite, wait_until)


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
    opens_the_explorer(main, "ecdsa-student")


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
    opens_the_explorer(open_server, "stranger")


def test_idle_session_is_closed(ws, main, open_server):
    screen = Screen(open_server, "stranger")
    try:
        screen.wait_for("Caravan")
        screen.exit_code(timeout=20)
        screen.wait_for("without input")
        open_server.wait_for_log(r"end=idle timeout")
    finally:
        screen.close()


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
    test_fifty_sessions_at_once,
    test_killed_client_leaves_no_orphan,
    test_crashed_child_does_not_stop_the_server,
    test_follows_a_live_presentation,
    test_shutdown_reaps_every_child,  # last: it stops the main server
]



def setup(ws):
    ws.key("student")
    ws.key("ecdsa-student", kind="ecdsa")
    ws.key("stranger")
    with open(ws.path("authorized_keys"), "w") as handle:
        handle.write("# the class\n\n%s\n" % ws.public_key("student"))
        # Options before a key are allowed; from= is honoured.
        handle.write('no-agent-forwarding,from="127.0.0.0/8" %s\n' % ws.public_key("ecdsa-student"))
    main_server = Server(ws, "main", [
        "--authorized-keys", ws.path("authorized_keys"),
        "--host-key", ws.path("hostkey", "host_ed25519"),
    ])
    open_server = Server(ws, "open", [
        "--open", "--idle-timeout", "3", "--max-sessions", "3", "--max-per-ip", "2",
        "--host-key", ws.path("hostkey-open", "host_ed25519"),
    ])
    return main_server, open_server


if __name__ == "__main__":
    sys.exit(run_suite(TESTS, setup, sys.argv))
