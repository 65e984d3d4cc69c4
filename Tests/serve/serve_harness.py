"""What the `caravan serve` suites share: throw-away keys and folders, servers on
127.0.0.1 with a port the kernel picks, OpenSSH clients in tmux or on ptys of our
own, and a runner that stops everything it started whatever happens.

CARAVAN_BIN names the binary (default .build/debug/caravan).
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
    return {child: info[1] for child, info in process_table().items() if info[0] == pid}


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
        # tmux's server exits when its last session closes; a session made at that moment
        # fails with "server exited unexpectedly". Keep it up until cleanup kills it.
        self.tmux("start-server", ";", "set-option", "-s", "exit-empty", "off")

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

    def __init__(self, ws, name, args, env=None, cwd=None):
        self.ws = ws
        self.log_path = ws.path("server-%s.log" % name)
        self.log_file = open(self.log_path, "w")
        self.process = ws.spawn(
            [BIN, "serve", "--listen", "127.0.0.1:0", *args], stdout=self.log_file,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=dict(ws.env, **(env or {})),
            cwd=cwd or ws.dir)
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
        """OpenSSH's arguments with `key`, or with no key at all when it is None."""
        identity = ["-i", self.ws.key(key)] if key else ["-o", "PubkeyAuthentication=no"]
        args = [
            "ssh", "-F", "/dev/null", "-p", str(self.port), *identity,
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

    def __init__(self, server, key, width=100, height=30, prefix="", bind=None):
        Screen.count += 1
        self.ws = server.ws
        self.name = "s%d" % Screen.count
        command = prefix + " ".join(server.ssh_args(key, "-tt", "class@127.0.0.1", bind=bind))
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

    def quit(self):
        """Quits the explorer with q; the client must end with status 0."""
        self.keys("q")
        code = self.exit_code()
        if code != 0:
            raise Failure("ssh ended with %d; screen:\n%s" % (code, self.text()))

    def client_pid(self):
        return int(self.ws.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def close(self):
        self.ws.tmux("kill-session", "-t", self.name, check=False)


def opens_the_explorer(server, key, **screen_options):
    """A client with `key` gets the explorer and quits it cleanly."""
    screen = Screen(server, key, **screen_options)
    try:
        screen.wait_for("Caravan")
        screen.quit()
    finally:
        screen.close()


def explorer_children(server):
    return {pid: state for pid, state in children_of(server.pid).items()}


def process_table():
    """Every process now: pid -> (parent pid, state, command name)."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as stat:
                text = stat.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        table[int(entry)] = (int(fields[1]), fields[0], name)
    return table


def descendants(pid, table=None):
    """The processes below `pid`, at any depth: pid -> (parent pid, state, name)."""
    table = table if table is not None else process_table()
    found = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, info in table.items():
            if info[0] == parent and child not in found:
                found[child] = info
                frontier.append(child)
    return found


def cpu_seconds(pid):
    """User plus system CPU time `pid` has used so far."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def run_suite(tests, setup, argv):
    """Runs `tests` (each called as test(ws, *fixtures)) after `setup(ws)` made the
    fixtures; prints one line per test and `N passed, M failed` last."""
    selected = argv[1:]
    missing = [tool for tool in ("ssh", "ssh-keygen", "ssh-keyscan", "tmux") if not shutil.which(tool)]
    if missing or not os.access(BIN, os.X_OK):
        print("cannot run: missing %s" % ", ".join(missing or [BIN]))
        print("0 passed, 1 failed")
        return 1
    ws = Workspace()
    passed = failed = 0
    try:
        fixtures = setup(ws)
        for test in tests:
            if selected and not any(name in test.__name__ for name in selected):
                continue
            started = time.monotonic()
            try:
                test(ws, *fixtures)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                failed += 1
                detail = "".join(traceback.format_exception_only(type(error), error)).strip()
                print("FAIL %s (%.1fs): %s" % (test.__name__, time.monotonic() - started, detail))
                if not isinstance(error, (Failure, AssertionError)):
                    traceback.print_exc()
            else:
                passed += 1
                print("ok   %s (%.1fs)" % (test.__name__, time.monotonic() - started), flush=True)
    except Exception as error:  # noqa: BLE001 - setup failed
        failed += 1
        print("FAIL setup: %s" % error)
        traceback.print_exc()
    finally:
        ws.cleanup()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0
