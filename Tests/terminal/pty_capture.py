"""Run a program in a pseudo-terminal and capture every byte it writes.

Used to check what actually reaches a terminal (escape injection tests), which
a screen capture cannot show: tmux interprets sequences instead of keeping them.

    result = capture(["caravan", "--content", folder], keys=[b"j", b"q"])
    assert b"\\x1b]" not in result.output
"""

import fcntl
import os
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass


@dataclass
class CaptureResult:
    output: bytes
    exit_status: int | None  # exit code, or -signal; None if it had to be killed
    timed_out: bool
    seconds_to_exit: float  # from the last key (or the hang-up) to the end


def _set_size(fd, width, height):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


def _spawn(argv, environment, width, height):
    """Fork `argv` as a session leader whose controlling terminal is a new pty."""
    master, slave = os.openpty()
    _set_size(slave, width, height)
    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            if slave > 2:
                os.close(slave)
            os.execvpe(argv[0], list(argv), environment)
        finally:
            os._exit(127)
    os.close(slave)
    return pid, master


class _Pty:
    def __init__(self, master):
        self.master = master
        self.output = bytearray()

    def pump(self, seconds):
        """Read output for up to `seconds`; True once the pty has closed."""
        deadline = time.monotonic() + seconds
        while self.master is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([self.master], [], [], remaining)
            if not ready:
                return False
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every slave descriptor is closed
                return True
            if not chunk:
                return True
            self.output.extend(chunk)
        time.sleep(max(0.0, deadline - time.monotonic()))
        return True

    def settle(self, quiet, timeout):
        """Read until the output has been quiet for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.output)
            if self.pump(quiet) or len(self.output) == before:
                return

    def close(self):
        if self.master is not None:
            os.close(self.master)
            self.master = None


def capture(argv, keys=(), width=80, height=24, env=None, settle=0.5, timeout=15.0,
            term="xterm-256color", hang_up=False):
    """Run `argv` on a fresh pty of the given size and return what it wrote.

    The program starts with TERM=`term` and a UTF-8 locale (`env` overrides
    both). Each item of `keys` (bytes) is sent once the output has been quiet
    for `settle` seconds. After the last key the program has `timeout` seconds
    to end; then it gets SIGTERM, and SIGKILL a second later. With `hang_up`,
    the terminal is closed after the last key instead, as when an SSH link
    drops, and the program has `timeout` seconds to notice and end.
    """
    environment = dict(os.environ)
    environment.update({"TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    environment.pop("NO_COLOR", None)
    environment.update(env or {})

    pid, master = _spawn(argv, environment, width, height)
    pty = _Pty(master)
    status = None

    def reap(seconds):
        nonlocal status
        deadline = time.monotonic() + seconds
        while True:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
                return True
            if time.monotonic() > deadline:
                return False
            pty.pump(0.02)

    try:
        pty.settle(settle, timeout)
        for key in keys:
            os.write(pty.master, key)
            pty.settle(settle, timeout)
        if hang_up:
            pty.close()
        last_input = time.monotonic()
        timed_out = not reap(timeout)
        seconds_to_exit = time.monotonic() - last_input
        if timed_out:
            for sig, grace in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 5.0)):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
                if reap(grace):
                    break
        pty.pump(0.2)
    finally:
        pty.close()
    return CaptureResult(bytes(pty.output), None if timed_out else status, timed_out,
                         seconds_to_exit)


def sgr_parameters(output):
    """Every parameter of every SGR sequence (ESC [ ... m) in `output`, as ints."""
    import re
    parameters = []
    for match in re.finditer(rb"\x1b\[([0-9;:]*)m", output):
        for part in re.split(rb"[;:]", match.group(1)):
            parameters.append(int(part) if part else 0)
    return parameters
