"""Drive a program in a real terminal: a detached tmux session.

Each Session runs on its own tmux server socket, so tests never touch the
user's tmux. The pane starts an interactive bash without rc files or line
editing, in a pinned environment (UTF-8, TZ=UTC, temporary HOME), so tests can
type commands, start the program under test, and inspect the terminal after it
ends (`stty -a`, the alternate screen flag).

    with Session.start(width=80, height=24) as term:
        term.run_command("caravan --content DIR")
        term.wait_for_alternate(True)
        term.keys("q")
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

PROMPT = "ready$ "


class HarnessError(AssertionError):
    """A wait timed out or tmux failed; the message includes the screen."""


def display_width(text):
    """Terminal cells a captured line takes: East Asian wide and full-width characters
    take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def tmux_available():
    return shutil.which("tmux") is not None


class Session:
    def __init__(self, socket, name, home):
        self.socket = socket
        self.name = name
        self.home = home
        self.target = name + ":0.0"

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def start(cls, cmd=None, width=80, height=24, env=None):
        """Start a tmux session of the given size running an interactive shell.

        If `cmd` is given (a string or an argument list), it is typed at the
        prompt. `env` adds variables to the shell's environment.
        """
        socket = "caravan-test-%d-%d" % (os.getpid(), time.monotonic_ns())
        home = tempfile.mkdtemp(prefix="caravan-home-")
        session = cls(socket, "t", home)
        variables = {
            "TERM": "tmux-256color",
            "HOME": home,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "PS1": PROMPT,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        variables.update(env or {})
        shell = ["env", "-i"] + ["%s=%s" % item for item in variables.items()]
        shell += ["bash", "--norc", "--noprofile", "--noediting", "-i"]
        config = os.path.join(home, "tmux.conf")
        with open(config, "w") as file:
            file.write("set -g default-terminal tmux-256color\n"
                       "set -g status off\n"
                       "set -s escape-time 0\n")
        session.tmux("-f", config, "new-session", "-d", "-s", session.name,
                     "-x", str(width), "-y", str(height), shlex.join(shell))
        # Set after the session exists: in a configuration file this option
        # makes tmux 3.3 exit at start-up.
        session.tmux("set-option", "-g", "window-size", "manual")
        session.resize(width, height)
        session.wait_for(PROMPT.strip())
        if cmd is not None:
            session.run_command(cmd)
        return session

    def close(self):
        self.tmux("kill-server", check=False)
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- talking to tmux ---------------------------------------------------

    def tmux(self, *args, check=True):
        result = subprocess.run(["tmux", "-L", self.socket] + list(args),
                                capture_output=True, text=True, timeout=10)
        if check and result.returncode != 0:
            raise HarnessError("tmux %s failed: %s" % (" ".join(args), result.stderr.strip()))
        return result.stdout

    def display(self, fmt):
        return self.tmux("display-message", "-p", "-t", self.target, fmt).strip()

    # -- input -------------------------------------------------------------

    def keys(self, *keys):
        """Send tmux key names ("q", "Enter", "C-c", "Up", "PageDown", ...)."""
        for key in keys:
            self.tmux("send-keys", "-t", self.target, key)

    def type(self, text):
        """Send text literally, character by character."""
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def run_command(self, cmd):
        """Type a shell command at the prompt and press Enter."""
        if not isinstance(cmd, str):
            cmd = shlex.join(cmd)
        self.type(cmd)
        self.keys("Enter")

    def resize(self, width, height):
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    # -- output ------------------------------------------------------------

    def screen(self):
        """The visible screen as text, one line per row, trailing spaces kept off."""
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def size(self):
        width, height = self.display("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def alternate_on(self):
        """Whether the pane shows the alternate screen (a full-screen program)."""
        return self.display("#{alternate_on}") == "1"

    def pane_pid(self):
        """The pid of the pane's shell."""
        return int(self.display("#{pane_pid}"))

    def pane_tty(self):
        return self.display("#{pane_tty}")

    def program_pid(self):
        """The pid of the shell's foreground child (the program under test), or None."""
        children = child_pids(self.pane_pid())
        return children[0] if children else None

    def signal(self, signum, pid=None):
        """Send a signal to the program under test (or to `pid`)."""
        pid = pid or self.program_pid()
        if pid is None:
            raise HarnessError("no program is running in the pane\n" + self.screen())
        os.kill(pid, signum)
        return pid

    # -- waiting -----------------------------------------------------------

    def wait_until(self, condition, timeout=5.0, what="condition"):
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise HarnessError("timed out after %.1fs waiting for %s; screen:\n%s"
                                   % (timeout, what, self.screen()))
            time.sleep(0.05)

    def wait_for(self, text, timeout=5.0):
        """Wait until `text` is on the screen; returns the screen."""
        return self.wait_until(lambda: text in self.screen() and self.screen(), timeout,
                               repr(text))

    def wait_for_alternate(self, on, timeout=5.0):
        self.wait_until(lambda: self.alternate_on() == on, timeout,
                        "alternate screen %s" % ("on" if on else "off"))

    def wait_for_exit(self, pid, timeout=5.0):
        self.wait_until(lambda: not pid_alive(pid), timeout, "process %d to end" % pid)

    def wait_for_program(self, timeout=5.0):
        return self.wait_until(self.program_pid, timeout, "the program to start")

    def stable_screen(self, quiet=0.3, timeout=5.0):
        """The screen once it has stopped changing for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        last = self.screen()
        changed = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != last:
                last, changed = now, time.monotonic()
            elif time.monotonic() - changed >= quiet:
                return now
        return last

    # -- terminal state ----------------------------------------------------

    def tty_settings(self):
        """`stty -a` for the pane's terminal, read directly (not through the shell)."""
        with open(self.pane_tty(), "rb") as tty:
            result = subprocess.run(["stty", "-a"], stdin=tty, capture_output=True,
                                    text=True, timeout=5)
        return result.stdout

    def stty_in_pane(self, timeout=5.0):
        """Run `stty -a` at the pane's prompt and return the screen showing its output."""
        self.tmux("clear-history", "-t", self.target)
        self.run_command("clear; stty -a; echo STTY-DONE")
        return self.wait_for("STTY-DONE\n" + PROMPT.strip(), timeout)


def start(cmd=None, width=80, height=24, env=None):
    """Shorthand for Session.start."""
    return Session.start(cmd, width=width, height=height, env=env)


def stty_flags(text):
    """The set of words in `stty -a` output (flags like 'echo' and '-echo')."""
    return set(text.replace(";", " ").split())


def terminal_is_sane(stty_output):
    """True when the terminal echoes and is in canonical (line) mode."""
    flags = stty_flags(stty_output)
    return "echo" in flags and "icanon" in flags and "-echo" not in flags \
        and "-icanon" not in flags


def pid_alive(pid):
    """Whether pid exists and is not a zombie."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def process_state(pid):
    """The process state letter from /proc (R, S, T for stopped, Z...), or None."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return None


def child_pids(parent):
    """Live children of a process, oldest first (scans /proc; Linux only)."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            children.append(int(entry))
    return sorted(children)


def run_tests(namespace, argv, binary):
    """Runs the `test_*` functions of a module namespace (those named in argv, if any).

    Prints PASS or FAIL per test, then `N passed, M failed`; returns the exit status.
    """
    import textwrap
    import traceback

    tests = [(name, test) for name, test in namespace.items()
             if name.startswith("test_") and callable(test)]
    if argv:
        tests = [(name, test) for name, test in tests if any(arg in name for arg in argv)]
    passed = failed = 0
    problem = None
    if not tmux_available():
        problem = "tmux is not installed"
    elif not os.access(binary, os.X_OK):
        problem = "no executable at %s (set CARAVAN_BIN)" % binary
    for name, test in tests:
        started = time.monotonic()
        try:
            if problem:
                raise HarnessError(problem)
            test()
        except Exception as error:  # noqa: BLE001 - report every failure the same way
            failed += 1
            print("FAIL %s (%.1fs)" % (name, time.monotonic() - started))
            detail = str(error) if isinstance(error, AssertionError) else traceback.format_exc()
            print(textwrap.indent(detail.rstrip() or type(error).__name__, "    "))
        else:
            passed += 1
            print("PASS %s (%.1fs)" % (name, time.monotonic() - started))
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not tests else 0
