#!/usr/bin/env python3
"""Real-terminal tests for the caravan explorer.

Runs the built binary in tmux (and, for escape injection, in a bare pty) and
checks what a user would see: the terminal restored after every way out, a
redraw after suspend, survival of extreme resizes, and no escape sequence from
the content reaching the terminal.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_terminal.py [NAME...]

CARAVAN_CONTENT names a content folder to explore; by default a small fixture
is generated. Prints `N passed, M failed` last and exits non-zero on failure.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pty_capture  # noqa: E402
import tmuxharness  # noqa: E402
from tmuxharness import HarnessError, Session, terminal_is_sane  # noqa: E402

BINARY = os.path.abspath(os.environ.get("CARAVAN_BIN", ".build/debug/caravan"))

# Markers around every injected sequence; none has a letter twice in a row, so
# the terminal library has no reason to compress them.
BEFORE = "ZQBEFORE"
AFTER = "ZQAFTER"


# -- content fixtures ---------------------------------------------------------

def write_content(folder, title, summary, body):
    """A minimal valid content folder: a paper, a concept and a case.

    `title` and `summary` are YAML double-quoted scalars (so they may use YAML
    escapes such as \\e or \\x9b); `body` is raw Markdown.
    """
    files = {
        "paper.md": """\
            ---
            id: paper/terminal-test
            kind: paper
            title: "{title}"
            summary: "{summary}"
            authors:
              - name: Test Author
                affiliations: [1]
            affiliations:
              - number: 1
                name: Test University
            ---
            {body}
            """,
        "concepts/test-concept.md": """\
            ---
            id: concept/test-concept
            kind: concept
            title: "{title}"
            summary: "{summary}"
            related: [paper/terminal-test]
            ---
            {body}
            """,
        "cases/test-case.md": """\
            ---
            id: case/test-case
            kind: case
            title: "{title}"
            summary: "{summary}"
            region: Global
            illustrates: [concept/test-concept]
            related: [paper/terminal-test]
            ---
            {body}
            """,
    }
    for name, template in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = textwrap.dedent(template)
        text = text.replace("{title}", title).replace("{summary}", summary)
        text = text.replace("{body}", body)
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)


class Content:
    """The content folder for the tmux tests: CARAVAN_CONTENT or a fixture."""

    def __enter__(self):
        self.temporary = None
        if os.environ.get("CARAVAN_CONTENT"):
            return os.path.abspath(os.environ["CARAVAN_CONTENT"])
        self.temporary = tempfile.mkdtemp(prefix="caravan-content-")
        write_content(self.temporary, "Terminal Test Paper", "A paper for terminal tests.",
                      "A body with 中文 text.\n")
        return self.temporary

    def __exit__(self, *exc):
        if self.temporary:
            shutil.rmtree(self.temporary, ignore_errors=True)
        return False


def caravan_command(content):
    return [BINARY, "--content", content]


def start_caravan(content, width=80, height=24):
    """A tmux session with caravan running full-screen; returns (session, pid)."""
    session = Session.start(width=width, height=height)
    try:
        session.run_command(caravan_command(content))
        pid = session.wait_for_program()
        session.wait_for_alternate(True)
        session.stable_screen()
        return session, pid
    except BaseException:
        session.close()
        raise


def assert_restored(session, pid):
    """The program has ended and left the terminal as the shell expects."""
    session.wait_for_exit(pid)
    session.wait_for_alternate(False)
    direct = session.tty_settings()
    assert terminal_is_sane(direct), "terminal modes not restored:\n" + direct
    shown = session.stty_in_pane()
    assert terminal_is_sane(shown), "stty -a in the pane shows a raw terminal:\n" + shown


# -- tests --------------------------------------------------------------------

def test_quit_with_q_restores_terminal():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            session.keys("q")
            assert_restored(session, pid)


def test_sigterm_restores_terminal():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            session.signal(signal.SIGTERM, pid)
            assert_restored(session, pid)


def test_sighup_ends_process():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            session.signal(signal.SIGHUP, pid)
            session.wait_for_exit(pid)


def test_ctrl_c_restores_terminal():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            session.keys("C-c")
            assert_restored(session, pid)


def test_ctrl_z_then_fg_redraws_and_quits():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            before = session.stable_screen()
            session.keys("C-z")
            session.wait_for_alternate(False)
            session.wait_until(lambda: tmuxharness.process_state(pid) == "T", 5,
                               "the program to stop")
            session.wait_for(tmuxharness.PROMPT.strip())
            assert terminal_is_sane(session.tty_settings()), "terminal raw while suspended"
            session.run_command("fg")
            session.wait_for_alternate(True)
            after = session.wait_until(
                lambda: (lambda screen: screen if screen == before else None)(
                    session.stable_screen()),
                5, "the same screen after fg")
            assert after == before
            session.keys("q")
            assert_restored(session, pid)


def test_extreme_resizes_never_kill_the_process():
    with Content() as content:
        session, pid = start_caravan(content, 80, 24)
        with session:
            for width, height in [(200, 60), (80, 24), (40, 12), (10, 5), (1, 1), (80, 24)]:
                session.resize(width, height)
                assert session.size() == (width, height), "tmux did not resize to %dx%d" % (
                    width, height)
                time.sleep(0.3)
                assert tmuxharness.pid_alive(pid), "died after resizing to %dx%d" % (
                    width, height)
                assert session.alternate_on(), "left full screen at %dx%d" % (width, height)
            screen = session.stable_screen()
            assert screen.strip(), "nothing drawn after resizing back to 80x24"
            session.keys("q")
            assert_restored(session, pid)


# Each injected sequence, as YAML double-quoted text (\e is ESC, \a BEL,
# \x9b the 8-bit CSI) and as the raw characters.
INJECTIONS = [
    ("osc0", "\\e]0;pwned-title\\a", "\x1b]0;pwned-title\x07"),
    ("osc8", "\\e]8;;http://example.invalid\\e\\\\link\\e]8;;\\e\\\\",
     "\x1b]8;;http://example.invalid\x1b\\link\x1b]8;;\x1b\\"),
    ("osc52", "\\e]52;c;cHduZWQ=\\a", "\x1b]52;c;cHduZWQ=\x07"),
    ("dsr", "\\e[6n", "\x1b[6n"),
    ("title-report", "\\e[21t", "\x1b[21t"),
    ("c1-csi", "\\x9b6n", "\u009b6n"),
]


def test_escape_sequences_in_content_never_reach_the_terminal():
    title = BEFORE + " " + " ".join(yaml for _, yaml, _ in INJECTIONS) + " " + AFTER
    body = "\n\n".join("%s %s %s %s" % (BEFORE, name, raw, AFTER)
                        for name, _, raw in INJECTIONS)
    folder = tempfile.mkdtemp(prefix="caravan-inject-")
    try:
        write_content(folder, title, title, body + "\n")
        # Look around a little (move, open, switch pane, back) so that titles,
        # lists and bodies are all drawn, then quit.
        keys = [b"j", b"\r", b"j", b"\r", b"\t", b"\x1b", b"q"]
        result = pty_capture.capture(caravan_command(folder), keys=keys, width=160, height=50)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    output = result.output
    text = output.decode("utf-8", errors="replace")
    tail = output[-3000:]
    assert not result.timed_out, "caravan did not quit; output ends:\n%r" % tail
    assert BEFORE in text and AFTER in text, \
        "the text around the payload was not shown; output ends:\n%r" % tail
    assert "pwned-title" in text, "the payload should be shown as text, not dropped"
    forbidden = {
        "OSC (ESC ])": b"\x1b]",
        "cursor position report (ESC [ 6 n)": b"\x1b[6n",
        "window title report (ESC [ 21 t)": b"\x1b[21t",
        "8-bit CSI (U+009B as UTF-8)": b"\xc2\x9b",
    }
    for what, sequence in forbidden.items():
        assert sequence not in output, "%s reached the terminal" % what
    assert "\u009b" not in text, "8-bit CSI reached the terminal"


def test_closing_the_terminal_ends_the_process_promptly():
    with Content() as content:
        result = pty_capture.capture(caravan_command(content), hang_up=True, timeout=5)
    assert not result.timed_out, "still running 5 s after its terminal closed"
    assert result.seconds_to_exit < 2, "took %.1f s to notice" % result.seconds_to_exit


def test_idle_uses_no_cpu():
    with Content() as content:
        session, pid = start_caravan(content)
        with session:
            before = cpu_ticks(pid)
            time.sleep(3)
            used = cpu_ticks(pid) - before
            assert used <= 3, "used %d clock ticks of CPU in 3 s of idling" % used
            session.keys("q")
            session.wait_for_exit(pid)


def test_no_colour_sequences_with_no_color_or_on_a_monochrome_terminal():
    with Content() as content:
        for label, term, env in [("NO_COLOR", "xterm-256color", {"NO_COLOR": "1"}),
                                 ("vt100", "vt100", {})]:
            result = pty_capture.capture(caravan_command(content), keys=[b"j", b"q"],
                                         term=term, env=env)
            assert not result.timed_out, "%s: did not quit" % label
            assert result.exit_status == 0, "%s: exit status %s" % (label, result.exit_status)
            colours = [p for p in pty_capture.sgr_parameters(result.output)
                       if 30 <= p <= 49 or 90 <= p <= 107]
            assert not colours, "%s: colour attributes %s were sent" % (label, colours[:10])
            if not os.environ.get("CARAVAN_CONTENT"):
                assert b"Terminal" in result.output, "%s: the paper's title was not drawn" % label


def test_attribute_changes_do_not_reselect_the_character_set():
    # xterm's sgr0 and sgr also select the ASCII character set (ESC ( B), screen's and
    # the console's shift in (SI); ncurses does so once while starting, and after that
    # an attribute change should not repeat it.
    with Content() as content:
        for term, reset in [("xterm-256color", b"\x1b(B"), ("screen", b"\x0f"),
                            ("linux", b"\x0f")]:
            result = pty_capture.capture(caravan_command(content),
                                         keys=[b"l", b"j", b"\t", b"z", b"j", b"q"], term=term)
            assert not result.timed_out, "%s: did not quit" % term
            assert result.exit_status == 0, "%s: exit status %s" % (term, result.exit_status)
            assert 1 in pty_capture.sgr_parameters(result.output), \
                "%s: no bold text was drawn" % term
            count = result.output.count(reset)
            assert count <= 2, "%s: %r sent %d times" % (term, reset, count)


def test_attribute_changes_send_no_redundant_resets():
    # Where sgr starts with a full reset, the 0 before the attributes is left out (an
    # empty parameter means 0), and "leave italics" is not sent after it, since the
    # reset has already left them. The paper's pages have italic summaries, bold
    # fields and a reversed selection; following a link goes from one to the other.
    home = tempfile.mkdtemp(prefix="caravan-home-")
    try:
        for term, drawn in [("xterm-256color", (1, 3, 7)), ("screen", (1, 7)),
                            ("tmux-256color", (1, 3, 7))]:
            result = pty_capture.capture([BINARY, "--ignore-config", "--no-state"],
                                         keys=[b"l", b"\t", b"\r", b"\x7f", b"q"], term=term,
                                         env={"HOME": home, "XDG_STATE_HOME": home,
                                              "XDG_CONFIG_HOME": home})
            assert not result.timed_out, "%s: did not quit" % term
            assert result.exit_status == 0, "%s: exit status %s" % (term, result.exit_status)
            parameters = pty_capture.sgr_parameters(result.output)
            missing = [p for p in drawn if p not in parameters]
            assert not missing, "%s: attributes %s were not drawn" % (term, missing)
            resets = re.findall(rb"\x1b\[0[;m]", result.output)
            assert not resets, "%s: %d attribute changes started with 0" % (term, len(resets))
            assert b"\x1b[;" in result.output, "%s: no attribute change after a reset" % term
            assert b"\x1b[23m" not in result.output, "%s: left italics after a reset" % term
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_non_utf8_locale_writes_only_ascii():
    with Content() as content:
        result = pty_capture.capture(caravan_command(content), keys=[b"j", b"q"],
                                     env={"LANG": "C", "LC_ALL": "C"})
    assert not result.timed_out, "did not quit"
    non_ascii = sorted({byte for byte in result.output if byte >= 0x80})
    assert not non_ascii, "non-ASCII bytes %s written in the C locale" % [hex(b) for b in non_ascii[:10]]


def test_refuses_without_a_terminal():
    with Content() as content:
        result = subprocess.run(caravan_command(content), stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=30)
    assert result.returncode == 2, "exit status %d, expected 2" % result.returncode
    assert b"not a terminal" in result.stderr, "stderr: %r" % result.stderr[-500:]
    assert b"\x1b" not in result.stdout, "escape sequences written to a non-terminal"


def cpu_ticks(pid):
    """User plus system CPU time of a process, in clock ticks."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


# -- runner -------------------------------------------------------------------

def main(argv):
    return tmuxharness.run_tests(globals(), argv, BINARY)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
