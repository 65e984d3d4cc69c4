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


def _set_size(fd, width, height):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


def capture(argv, keys=(), width=80, height=24, env=None, settle=0.5, timeout=15.0,
            term="xterm-256color"):
    """Run `argv` on a fresh pty of the given size and return what it wrote.

    The program starts with TERM=`term` and a UTF-8 locale. Each item of `keys`
    (bytes) is sent once the output has been quiet for `settle` seconds. After
    the last key the program has `timeout` seconds to end; then it gets
    SIGTERM, and SIGKILL a second later.
    """
    environment = dict(os.environ)
    environment.update({"TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    environment.pop("NO_COLOR", None)
    environment.update(env or {})

    master, slave = os.openpty()
    _set_size(slave, width, height)
    pid = os.fork()
    if pid == 0:  # child: new session with the pty as its controlling terminal
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

    output = bytearray()
    status = None

    def pump(seconds):
        """Read output for up to `seconds`; True if the pty closed."""
        deadline = time.monotonic() + seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                return False
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every slave descriptor is closed
                return True
            if not chunk:
                return True
            output.extend(chunk)

    def settle_output():
        """Read until the output has been quiet for `settle` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(output)
            if pump(settle) or len(output) == before:
                return

    def reap(block_seconds):
        nonlocal status
        deadline = time.monotonic() + block_seconds
        while True:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
                return True
            if time.monotonic() > deadline:
                return False
            pump(0.05)

    settle_output()
    for key in keys:
        os.write(master, key)
        settle_output()

    timed_out = not reap(timeout)
    if timed_out:
        for sig, grace in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
            if reap(grace):
                break
    pump(0.2)
    os.close(master)
    return CaptureResult(bytes(output), status if not timed_out else None, timed_out)
