#!/usr/bin/env python3
"""Real-terminal tests for presenting: `caravan present`, `caravan notes`, `caravan follow`.

Each test runs the programs side by side in windows of one tmux server, with a private
XDG_RUNTIME_DIR so that their socket is the test's own, and checks what a lecturer and
an audience would see: notes and followers track the presenter live, nothing typed in a
follower moves the presenter, either side may start or quit first without the others
failing, every terminal is restored, and a user without permission cannot connect.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_present.py [NAME...]

Tests that switch user (setpriv) run only as root. Prints `N passed, M failed` last and
exits non-zero on failure.
"""

import copy
import json
import os
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from tmuxharness import HarnessError, Session, terminal_is_sane  # noqa: E402

BINARY = os.path.abspath(os.environ.get("CARAVAN_BIN", ".build/debug/caravan"))
CARAVAN = shlex.quote(BINARY)
# A whole run must end; a hung test is killed by this alarm.
TIME_LIMIT = 600
# Slides in the shipped lecture (Content/decks/lecture.md).
SLIDES = 21


# -- a presentation in tmux windows -------------------------------------------

class Room:
    """A tmux server whose windows run the presenter, notes and followers.

    Every window's shell shares one private XDG_RUNTIME_DIR, so the programs find
    each other's socket and nothing else.
    """

    def __init__(self, width=80, height=24):
        self.runtime = tempfile.mkdtemp(prefix="caravan-runtime-")
        os.chmod(self.runtime, 0o700)
        self.env = {"XDG_RUNTIME_DIR": self.runtime}
        self.width, self.height = width, height
        self.main = Session.start(width=width, height=height, env=self.env)
        self.windows = [self.main]

    def window(self):
        """A new window (with its own shell) in the same tmux server."""
        index = len(self.windows)
        variables = {
            "TERM": "tmux-256color", "HOME": self.main.home, "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8", "TZ": "UTC", "PS1": tmuxharness.PROMPT,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        variables.update(self.env)
        shell = ["env", "-i"] + ["%s=%s" % item for item in variables.items()]
        shell += ["bash", "--norc", "--noprofile", "--noediting", "-i"]
        # tmux 3.3 crashes making a window while window-size is manual: lift it meanwhile.
        self.main.tmux("set-option", "-g", "window-size", "latest")
        self.main.tmux("new-window", "-d", "-t", "%s:%d" % (self.main.name, index),
                       shlex.join(shell))
        self.main.tmux("set-option", "-g", "window-size", "manual")
        self.main.tmux("resize-window", "-t", "%s:%d" % (self.main.name, index),
                       "-x", str(self.width), "-y", str(self.height))
        window = copy.copy(self.main)
        window.target = "%s:%d.0" % (self.main.name, index)
        window.wait_for(tmuxharness.PROMPT.strip())
        self.windows.append(window)
        return window

    @property
    def folder(self):
        return os.path.join(self.runtime, "caravan")

    def socket_path(self, session=None):
        name = "present-%s.sock" % session if session else "present.sock"
        return os.path.join(self.folder, name)

    def close(self):
        self.main.close()
        shutil.rmtree(self.runtime, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def start(window, command, expect):
    """Type a caravan command in a window and wait until `expect` shows."""
    window.run_command(CARAVAN + " " + command)
    # Generous: the machine may be busy (loading the content takes a fraction of a second).
    window.wait_for_alternate(True, timeout=15)
    return window.wait_for(expect, timeout=15)


def quit_and_check_restored(window, *keys):
    """Quit the program in a window (with q, or `keys`) and check the terminal is as it was."""
    window.keys(*(keys or ("q",)))
    window.wait_for_alternate(False, timeout=10)
    window.wait_until(lambda: window.program_pid() is None, timeout=10, what="the program to end")
    window.wait_for(tmuxharness.PROMPT.strip())
    settings = window.tty_settings()
    assert terminal_is_sane(settings), "terminal not restored:\n" + settings


def quit_presenter(window):
    """q asks first; y answers."""
    window.keys("q")
    window.wait_for("Quit the presentation? q or y quits")
    quit_and_check_restored(window, "y")


def footer(window):
    """The presenter's footer row (the last non-empty line of the screen)."""
    lines = [line for line in window.screen().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def slide_number(window):
    """The `n` of the `n/N` the footer shows."""
    words = footer(window).split()
    assert words and "/" in words[0], "no slide number in the footer: %r" % footer(window)
    return int(words[0].split("/")[0])


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def read_line(path, timeout=3.0, as_nobody=None):
    """Connect to a socket (as another user with `as_nobody`, a setpriv argument list)
    and read one line: returns ("line", text), ("eof", ""), or ("refused", reason)."""
    code = (
        "import socket,sys\n"
        "s=socket.socket(socket.AF_UNIX)\n"
        "s.settimeout(%r)\n"
        "try:\n"
        "    s.connect(sys.argv[1])\n"
        "except OSError as e:\n"
        "    print('refused', e.__class__.__name__); sys.exit(0)\n"
        "data=b''\n"
        "try:\n"
        "    while not data.endswith(b'\\n'):\n"
        "        chunk=s.recv(65536)\n"
        "        if not chunk: break\n"
        "        data+=chunk\n"
        "except OSError as e:\n"
        "    print('error', e.__class__.__name__); sys.exit(0)\n"
        "print('line' if data else 'eof', data.decode().strip())\n" % timeout)
    command = (as_nobody or []) + [sys.executable, "-c", code, path]
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout + 5)
    kind, _, rest = result.stdout.strip().partition(" ")
    assert kind, "the client printed nothing: %s" % result.stderr
    return kind, rest


def as_nobody(*groups):
    """setpriv arguments to run as nobody (with supplementary `groups`, if any)."""
    arguments = ["setpriv", "--reuid=nobody", "--regid=nogroup"]
    arguments += ["--groups=" + ",".join(groups)] if groups else ["--clear-groups"]
    return arguments


def remove_if_empty(folder):
    try:
        os.rmdir(folder)
    except OSError:
        pass


def needs_root():
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        print("    (skipped: needs root and setpriv to act as another user)")
        return True
    return False


# -- tests ---------------------------------------------------------------------

def test_notes_follow_the_presenter():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        notes = room.window()
        start(notes, "notes", f"Slide 1/{SLIDES}")
        presenter.keys("Space", "Space")
        screen = notes.wait_for(f"Slide 3/{SLIDES}")
        assert "Next: Hardware and software" in screen, screen
        presenter.keys("G")
        screen = notes.wait_for(f"Slide {SLIDES}/{SLIDES}: Discussion")
        assert "Last slide" in screen, screen
        presenter.keys("1", "3", "Enter")
        notes.wait_for(f"Slide 13/{SLIDES}")
        quit_and_check_restored(notes)
        quit_presenter(presenter)


SEMINAR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                       "fixtures", "africa-seminar")


def test_present_takes_a_deck_file_or_an_id():
    with Room() as room:
        presenter = room.main
        # A deck's file outside the content: its folder (with caravan.yaml) goes on top.
        deck = shlex.quote(os.path.join(SEMINAR, "decks", "seminar.md"))
        screen = start(presenter, "present " + deck, "1/6")
        assert "A seminar on Bian & Liu (2023)" in screen, screen
        quit_presenter(presenter)
        # The same deck by its id, with the folder given before or after the subcommand.
        folder = shlex.quote(SEMINAR)
        start(presenter, "--content %s present africa-seminar --slide 3" % folder, "3/6")
        quit_presenter(presenter)
        # Where the last run left the deck is offered; n starts from the beginning.
        start(presenter, "present deck/africa-seminar --content %s" % folder,
              "Resume at slide 3, 00:00? y/n")
        presenter.keys("n")
        presenter.wait_for("1/6")
        quit_presenter(presenter)


def test_notes_started_first_wait_for_the_presenter():
    with Room() as room:
        notes = room.main
        start(notes, "notes", "Waiting for the presenter")
        presenter = room.window()
        start(presenter, "present --slide 4", f"4/{SLIDES}")
        notes.wait_for(f"Slide 4/{SLIDES}: Hardware and software")
        quit_presenter(presenter)
        notes.wait_for("Waiting for the presenter")
        quit_and_check_restored(notes)


def test_follow_follows_and_cannot_drive():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        follower = room.window()
        start(follower, "follow", "following")
        presenter.keys("Space", "Space", "Space")
        follower.wait_for("Hardware and software")
        # Every key that moves a presenter, typed into the follower.
        for key in ["Space", "n", "Right", "PageDown", "j", "G", "g", "Left", "p",
                    "BSpace", "o", "b", "5", "Enter"]:
            follower.keys(key)
        time.sleep(1.0)
        assert slide_number(presenter) == 4, footer(presenter)
        assert "Hardware and software" in presenter.screen(), presenter.screen()
        # Step out into the explorer; the talk goes on; rejoin with f.
        follower.keys("Escape")
        follower.keys("e")
        follower.wait_for("Caravan")
        presenter.keys("Space")
        time.sleep(0.5)
        assert "Two views" not in follower.screen(), "the follower left the explorer"
        follower.keys("f")
        follower.wait_for("Two views of the culture industry")
        assert slide_number(presenter) == 5, footer(presenter)
        quit_and_check_restored(follower)
        quit_presenter(presenter)


def test_a_follower_writing_to_the_socket_never_moves_the_presenter():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        client = socket.socket(socket.AF_UNIX)
        client.settimeout(5)
        client.connect(room.socket_path())
        first = json.loads(client.makefile().readline())
        assert first["slide"] == 0 and first["count"] == SLIDES, first
        for junk in [b"next\n", b'{"slide": 9}\n', b"\x1b[C\n", b"G" * 70000]:
            try:
                client.sendall(junk)
            except OSError:
                break
        time.sleep(0.5)
        assert slide_number(presenter) == 1, footer(presenter)
        presenter.keys("Space")
        presenter.wait_for(f"2/{SLIDES}")
        client.close()
        quit_presenter(presenter)


def test_either_side_may_quit_first():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        notes = room.window()
        start(notes, "notes", f"Slide 1/{SLIDES}")
        follower = room.window()
        start(follower, "follow", "following")
        # The presenter goes first: the others wait, still running.
        quit_presenter(presenter)
        assert not os.path.exists(room.socket_path()), "the socket outlived the presenter"
        notes.wait_for("Waiting for the presenter")
        follower.wait_for("Waiting for the presenter")
        assert notes.alternate_on() and follower.alternate_on()
        # It comes back; they follow again.
        start(presenter, "present --slide 2", f"2/{SLIDES}")
        notes.wait_for(f"Slide 2/{SLIDES}", timeout=5)
        follower.wait_for(f"2/{SLIDES} · following", timeout=5)
        # Now the audience leaves first; the presenter carries on.
        quit_and_check_restored(notes)
        quit_and_check_restored(follower)
        presenter.keys("Space")
        presenter.wait_for(f"3/{SLIDES}")
        assert presenter.alternate_on()
        quit_presenter(presenter)


def test_follow_auto_finds_a_named_session():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --session seminar --slide 5", f"5/{SLIDES}")
        follower = room.window()
        start(follower, "follow --auto", f"5/{SLIDES} · following")
        presenter.keys("Space")
        follower.wait_for(f"6/{SLIDES} · following")
        quit_and_check_restored(follower)
        quit_presenter(presenter)


def test_a_stale_socket_is_removed_at_start():
    with Room() as room:
        # What a presenter killed with SIGKILL leaves: a socket nobody listens on.
        os.makedirs(room.folder, mode=0o700)
        stale = socket.socket(socket.AF_UNIX)
        stale.bind(room.socket_path())
        stale.close()
        assert stat.S_ISSOCK(os.lstat(room.socket_path()).st_mode)
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        notes = room.window()
        start(notes, "notes", f"Slide 1/{SLIDES}")
        quit_and_check_restored(notes)
        quit_presenter(presenter)


def test_a_second_presenter_on_the_same_session_is_refused():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --session talk", f"1/{SLIDES}")
        other = room.window()
        other.run_command(CARAVAN + " present --session talk; echo STATUS=$?")
        # The typed command holds "STATUS=$?" too: wait for the digit the shell prints.
        other.wait_until(lambda: re.search(r"STATUS=\d", other.screen()), what="the exit status")
        screen = other.screen()
        assert "STATUS=1" in screen and "already running" in screen, screen
        assert not other.alternate_on()
        # Another session name is another presentation.
        start(other, "present --session other", f"1/{SLIDES}")
        quit_presenter(other)
        quit_presenter(presenter)


def test_sockets_are_owner_only_by_default():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        folder = os.lstat(room.folder)
        sock = os.lstat(room.socket_path())
        assert stat.S_IMODE(folder.st_mode) == 0o700, oct(folder.st_mode)
        assert stat.S_IMODE(sock.st_mode) == 0o600, oct(sock.st_mode)
        kind, line = read_line(room.socket_path())
        assert kind == "line" and json.loads(line)["deck"] == "deck/lecture", (kind, line)
        quit_presenter(presenter)


def test_a_user_without_permission_cannot_connect():
    if needs_root():
        return
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        # Even with the folders made traversable, the socket itself is owner-only.
        os.chmod(room.runtime, 0o755)
        os.chmod(room.folder, 0o755)
        kind, reason = read_line(room.socket_path(), as_nobody=as_nobody())
        assert kind == "refused" and "PermissionError" in reason, (kind, reason)
        # And a notes screen run as that user never gets past waiting.
        window = room.window()
        window.run_command("setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp "
                           "XDG_RUNTIME_DIR=%s %s notes" % (room.runtime, CARAVAN))
        window.wait_for("Waiting for the presenter")
        time.sleep(1.5)
        assert f"Slide 1/{SLIDES}" not in window.screen(), window.screen()
        quit_and_check_restored(window)
        quit_presenter(presenter)


def test_group_audience_checks_peer_credentials():
    if needs_root():
        return
    with Room() as room:
        session = "group-test-%d" % os.getpid()
        presenter = room.main
        start(presenter, "present --audience group --session " + session, f"1/{SLIDES}")
        folder = "/tmp/caravan-%d-group" % os.geteuid()
        path = os.path.join(folder, "present-%s.sock" % session)
        try:
            assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o750
            assert stat.S_IMODE(os.lstat(path).st_mode) == 0o660
            # In our group by a supplementary group, file permissions let nobody connect,
            # but its credentials name another group, so the presenter hangs up at once.
            kind, line = read_line(path, as_nobody=as_nobody("0"))
            assert kind == "eof" and not line, (kind, line)
            # Outside the group it can't even reach the folder.
            kind, reason = read_line(path, as_nobody=as_nobody())
            assert kind == "refused", (kind, reason)
            # Our own user is welcome.
            kind, line = read_line(path)
            assert kind == "line" and json.loads(line)["slide"] == 0, (kind, line)
            quit_presenter(presenter)
            assert not os.path.exists(path)
        finally:
            if os.path.exists(path):
                os.unlink(path)
            remove_if_empty(os.path.dirname(path))


def test_all_audience_admits_any_user_read_only():
    if needs_root():
        return
    with Room() as room:
        session = "all-test-%d" % os.getpid()
        presenter = room.main
        start(presenter, "present --audience all --session " + session, f"1/{SLIDES}")
        path = "/tmp/caravan-%d-all/present-%s.sock" % (os.geteuid(), session)
        try:
            assert stat.S_IMODE(os.lstat(path).st_mode) == 0o666
            kind, line = read_line(path, as_nobody=as_nobody())
            assert kind == "line" and json.loads(line)["title"], (kind, line)
            follower = room.window()
            follower.run_command(
                "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp "
                "%s follow --from root --session %s" % (CARAVAN, session))
            follower.wait_for("following", timeout=10)
            follower.keys("Space", "n", "G")
            time.sleep(0.8)
            assert slide_number(presenter) == 1, footer(presenter)
            quit_and_check_restored(follower)
            quit_presenter(presenter)
        finally:
            if os.path.exists(path):
                os.unlink(path)
            remove_if_empty(os.path.dirname(path))


def test_idle_screens_use_almost_no_cpu():
    with Room() as room:
        presenter = room.main
        start(presenter, "present", f"1/{SLIDES}")
        notes = room.window()
        start(notes, "notes", f"Slide 1/{SLIDES}")
        pids = [presenter.program_pid(), notes.program_pid()]
        before = [cpu_seconds(pid) for pid in pids]
        time.sleep(3.0)
        used = [cpu_seconds(pid) - start_time for pid, start_time in zip(pids, before)]
        # One redraw of the clock a second, and nothing else.
        assert all(seconds < 0.15 for seconds in used), used
        screen = presenter.screen()
        assert "00:0" in screen and "00:00" not in footer(presenter), footer(presenter)
        quit_and_check_restored(notes)
        quit_presenter(presenter)


def main(argv):
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(
        HarnessError("the tests took longer than %d seconds" % TIME_LIMIT)))
    signal.alarm(TIME_LIMIT)
    try:
        return tmuxharness.run_tests(globals(), argv, BINARY)
    finally:
        signal.alarm(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
