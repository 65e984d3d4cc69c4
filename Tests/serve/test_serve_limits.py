#!/usr/bin/env python3
"""Limits that keep a class usable, file safety and the log of `caravan serve`,
with the real OpenSSH client (and raw sockets for what OpenSSH would never send).

Needs: ssh and ssh-keygen (Debian: openssh-client), tmux, python3.
CARAVAN_BIN names the binary (default .build/debug/caravan).
The last line printed is `N passed, M failed`; the exit status is 1 on failure.
"""

import fcntl
import os
import signal
import socket
import struct
import subprocess
import sys
import termios
import time

from serve_harness import (
    BIN, PtyClient, Screen, Server, banner, cpu_seconds, explorer_children, opens_the_explorer,
    process_exists, pump_all, raw_connection, run_suite, wait_until)


def refused_start(ws, name, args):
    """Starts a server that must refuse to start; returns its exit status and output."""
    result = subprocess.run(
        [BIN, "serve", "--listen", "127.0.0.1:0", *args], capture_output=True, text=True,
        timeout=30, stdin=subprocess.DEVNULL, env=ws.env, cwd=ws.dir)
    return result.returncode, result.stdout + result.stderr


def silent_connections(port, count, addresses):
    conns = []
    for index in range(count):
        conns.append(raw_connection(port, addresses[index % len(addresses)]))
    return conns


def logs_in(server, key, bind=None):
    """Whether `key` gets past authentication (the exec request is refused after it)."""
    result = server.ssh(key, *(["-o", "BindAddress=" + bind] if bind else []), command=["true"])
    return "Permission denied" not in result.stderr, result.stderr


# -- 3: unauthenticated connections and the class's slots ----------------------


def test_silent_connections_leave_room_for_the_class(ws, cls, _small):
    addresses = ["127.0.1.%d" % n for n in range(1, 21)]
    conns = silent_connections(cls.port, 200, addresses)
    try:
        time.sleep(3)
        opens_the_explorer(cls, "alice")
    finally:
        for conn in conns:
            conn.close()


def test_login_grace_is_short(ws, cls, _small):
    conn = raw_connection(cls.port, "127.0.0.30")
    conn.settimeout(1)
    started = time.monotonic()
    try:
        def closed():
            try:
                return conn.recv(4096) == b""
            except socket.timeout:
                return False
            except ConnectionResetError:
                return True
        wait_until(closed, 20, "the silent connection to be closed")
    finally:
        conn.close()
    waited = time.monotonic() - started
    assert waited < 15, "closed after %.1fs" % waited
    cls.wait_for_log(r"127\.0\.0\.30:\d+ .*end=login timeout")


def test_connection_without_a_session_is_closed(ws, cls, small):
    for server, key in ((cls, "alice"), (small, None)):
        started = time.monotonic()
        result = server.ssh(key, "-N", timeout=40)
        waited = time.monotonic() - started
        assert result.returncode == 255, result
        assert waited < 15, "ssh -N was kept for %.1fs" % waited
        server.wait_for_log(r"end=no session started")


def test_a_class_behind_one_address(ws, cls, _small):
    clients = []
    try:
        for _ in range(12):
            clients.append(PtyClient(ws, cls, "alice", bind="127.0.0.40"))
            time.sleep(0.05)
        pump_all(clients, lambda: all(b"Caravan" in c.output for c in clients), 120,
                 "12 explorers from one address; %d ready" % sum(b"Caravan" in c.output for c in clients))
        for client in clients:
            client.send(b"q")
        pump_all(clients, lambda: all(c.process.poll() is not None for c in clients), 60,
                 "every client to end")
        assert [c.process.returncode for c in clients] == [0] * 12
    finally:
        for client in clients:
            client.close()


def test_refused_clients_are_told_why(ws, _cls, small):
    # small: --max-sessions 2 --max-per-ip 1
    first = Screen(small, None, bind="127.0.0.51")
    second = Screen(small, None, bind="127.0.0.52")
    try:
        first.wait_for("Caravan")
        second.wait_for("Caravan")
        same = small.ssh(None, "-tt", "-o", "BindAddress=127.0.0.51")
        assert same.returncode == 255, same
        assert "Received disconnect" in same.stderr and "your address" in same.stderr, same.stderr
        full = small.ssh(None, "-tt", "-o", "BindAddress=127.0.0.53")
        assert "Received disconnect" in full.stderr and "full" in full.stderr, full.stderr
        small.wait_for_log(r"end=refused: server full")
        small.wait_for_log(r"end=refused: too many sessions from this address")
        first.quit()
        second.quit()
    finally:
        first.close()
        second.close()


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


def test_waiting_connections_are_limited(ws, _cls, _small):
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


# -- 4, 5: the host key's folder and the authorized-keys file ---------------------


def test_host_key_leaves_existing_folders_alone(ws, _cls, _small):
    shared = ws.path("shared-tmp")
    os.makedirs(shared)
    os.chmod(shared, 0o1777)
    here = ws.path("cwd")
    os.makedirs(here)
    os.chmod(here, 0o755)
    for name, path, cwd in (("in-shared", os.path.join(shared, "key"), None),
                            ("relative", "hostkey", here)):
        server = Server(ws, name, ["--open", "--host-key", path], cwd=cwd)
        assert server.stop() == 0
    assert os.stat(shared).st_mode & 0o7777 == 0o1777, oct(os.stat(shared).st_mode)
    assert os.stat(here).st_mode & 0o7777 == 0o755, oct(os.stat(here).st_mode)
    assert os.stat(os.path.join(here, "hostkey")).st_mode & 0o777 == 0o600


def test_keys_file_open_to_others_is_refused(ws, _cls, _small):
    folder = ws.path("keys-wide")
    os.makedirs(folder)
    path = os.path.join(folder, "authorized_keys")
    with open(path, "w") as handle:
        handle.write(ws.public_key("alice") + "\n")
    os.chmod(path, 0o666)
    status, output = refused_start(ws, "wide-file", ["--authorized-keys", path])
    assert status != 0 and "writable by others" in output, (status, output)
    os.chmod(path, 0o600)
    os.chmod(folder, 0o777)
    status, output = refused_start(ws, "wide-folder", ["--authorized-keys", path])
    assert status != 0 and "writable by others" in output and folder in output, (status, output)


def test_from_option_is_honoured(ws, cls, _small):
    assert not logs_in(cls, "far")[0], "a key limited to 10.9.9.9 logged in from 127.0.0.1"
    assert logs_in(cls, "near", bind="127.0.0.1")[0]
    assert not logs_in(cls, "near", bind="127.0.0.2")[0], "a key limited to 127.0.0.1 came from .2"


def test_bad_lines_skip_only_themselves(ws, _cls, _small):
    folder = ws.path("keys-latin1")
    os.makedirs(folder, mode=0o700)
    path = os.path.join(folder, "authorized_keys")
    with open(path, "wb") as handle:
        handle.write(b"# Cours de caf\xe9, Latin-1\n%s\n" % ws.public_key("alice").encode())
    os.chmod(path, 0o600)
    server = Server(ws, "latin1", [
        "--authorized-keys", path, "--host-key", ws.path("hostkey-latin1", "host_ed25519"),
    ])
    try:
        assert logs_in(server, "alice")[0]
        with open(path, "ab") as handle:
            handle.write(b"\xff\xfe not text\n" + ws.public_key("bob").encode() + b"\n")
        assert logs_in(server, "bob")[0], "the key after a bad line was not read"
        assert logs_in(server, "alice")[0]
        assert "line 1: not UTF-8" in server.log() and "line 3: not UTF-8" in server.log()
    finally:
        assert server.stop() == 0


def test_unsafe_reload_keeps_the_last_good_keys(ws, cls, _small):
    path = ws.path("keys", "authorized_keys")
    assert logs_in(cls, "alice")[0]
    os.chmod(path, 0o666)
    with open(path, "a") as handle:
        handle.write(ws.public_key("mallory") + "\n")
    try:
        assert not logs_in(cls, "mallory")[0], "a key added to a world-writable file got in"
        assert logs_in(cls, "alice")[0], "the last good keys were dropped"
        assert "writable by others" in cls.log()
    finally:
        os.chmod(path, 0o600)
    assert logs_in(cls, "mallory")[0], "the file was not read again once it was safe"


# -- 6, 7, 9: the log, window changes, messages -------------------------------------


def test_client_strings_are_sanitized_in_the_log(ws, cls, _small):
    conn = raw_connection(cls.port, "127.0.0.60")
    try:
        conn.sendall(b"SSH-1.5-\x1b[2J\x1b[31mINJECTED\r2026-12-07T00:00:00Z forged end=exited 0\r\n")
        cls.wait_for_log(r"127\.0\.0\.60:")
    finally:
        conn.close()
    log = cls.log()
    assert "\x1b" not in log and "\r" not in log, repr([l for l in log.splitlines() if "INJECTED" in l])


def test_window_change_storm_is_coalesced(ws, cls, _small):
    client = PtyClient(ws, cls, "alice", bind="127.0.0.70")
    try:
        pump_all([client], lambda: b"Caravan" in client.output, 30, "the explorer")
        child = next(pid for pid in explorer_children(cls))
        before = cpu_seconds(child)
        deadline = time.monotonic() + 5
        flip = False
        while time.monotonic() < deadline:
            flip = not flip
            size = (1000, 1000) if flip else (999, 998)
            fcntl.ioctl(client.master, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
            os.kill(client.process.pid, signal.SIGWINCH)
            pump_all([client], lambda: True, 1, "output")
            client.output = client.output[-4096:]
            time.sleep(0.001)
        cost = cpu_seconds(child) - before
        slave = os.open(os.readlink("/proc/%d/fd/0" % child), os.O_RDONLY | os.O_NOCTTY)
        try:
            rows, columns = struct.unpack("HHHH", fcntl.ioctl(slave, termios.TIOCGWINSZ, b"\0" * 8))[:2]
        finally:
            os.close(slave)
        print("    5 s of window changes: %.2f CPU-s in the explorer, size %dx%d" % (cost, columns, rows))
        assert columns <= 500 and rows <= 300, "window %dx%d" % (columns, rows)
        assert cost < 2.5, "the explorer used %.2f CPU-s in 5 s of window changes" % cost
        client.send(b"q")
        pump_all([client], lambda: client.process.poll() is not None, 20, "the client to end")
    finally:
        client.close()


def test_break_request_is_explained(ws, cls, _small):
    screen = Screen(cls, "alice")
    try:
        screen.wait_for("Caravan")
        child = next(pid for pid in explorer_children(cls))
        screen.keys("Enter", "~", "B")
        screen.exit_code()
        cls.wait_for_log(r"end=.*(break|cannot read)")
        wait_until(lambda: not process_exists(child), 10, "the explorer to end")
        assert "NIOSSHError" not in cls.log()
    finally:
        screen.close()
    assert cls.process.poll() is None


def setup(ws):
    for name in ("alice", "bob", "far", "near", "mallory"):
        ws.key(name)
    os.makedirs(ws.path("keys"), mode=0o700)
    path = ws.path("keys", "authorized_keys")
    with open(path, "wb") as handle:
        handle.write(b"# the class\n%s\n" % ws.public_key("alice").encode())
        handle.write(b'from="10.9.9.9" %s\n' % ws.public_key("far").encode())
        handle.write(b'from="127.0.0.1" %s\n' % ws.public_key("near").encode())
    os.chmod(path, 0o600)
    served = Server(ws, "class", [
        "--authorized-keys", path, "--host-key", ws.path("hostkey", "host_ed25519"),
    ])
    small = Server(ws, "small", [
        "--open", "--max-sessions", "2", "--max-per-ip", "1",
        "--host-key", ws.path("hostkey-small", "host_ed25519"),
    ])
    return served, small


TESTS = [
    test_silent_connections_leave_room_for_the_class,
    test_login_grace_is_short,
    test_connection_without_a_session_is_closed,
    test_a_class_behind_one_address,
    test_refused_clients_are_told_why,
    test_waiting_connections_are_limited,
    test_host_key_leaves_existing_folders_alone,
    test_keys_file_open_to_others_is_refused,
    test_from_option_is_honoured,
    test_bad_lines_skip_only_themselves,
    test_unsafe_reload_keeps_the_last_good_keys,
    test_client_strings_are_sanitized_in_the_log,
    test_window_change_storm_is_coalesced,
    test_break_request_is_explained,
]

if __name__ == "__main__":
    sys.exit(run_suite(TESTS, setup, sys.argv))
