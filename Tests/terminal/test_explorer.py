#!/usr/bin/env python3
"""Real-terminal tests of the explorer on the built-in paper.

Drives the built binary in tmux the way a reader would: follows a link from a
section to a case and back, searches, jumps, opens help, resizes through every
layout down to 1x1 and back, and quits, checking the screen at each step.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_explorer.py [NAME...]
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from tmuxharness import Session  # noqa: E402
from test_terminal import BINARY, assert_restored  # noqa: E402


def start(args=(), width=120, height=40, env=None):
    """A tmux session running the explorer, ready for keys; returns (session, pid)."""
    session = Session.start(width=width, height=height, env=env)
    try:
        session.run_command([BINARY] + list(args))
        pid = session.wait_for_program()
        session.wait_for_alternate(True)
        session.wait_for("Caravan")
        session.stable_screen()
        return session, pid
    except BaseException:
        session.close()
        raise


def title_bar(session):
    return session.screen().splitlines()[0]


def first_case_link(section):
    """How many Tabs reach the first link to a case on a section's page, and that case."""
    text = subprocess.run([BINARY, "show", section, "--width", "80"], check=True,
                          capture_output=True, text=True).stdout
    links = re.findall(r"^\[(\d+)\] (\S+) ", text, flags=re.M)
    for number, target in links:
        if target.startswith("case/"):
            return int(number), target
    raise AssertionError("no case link on " + section)


def entity_title(entity):
    text = subprocess.run([BINARY, "show", entity, "--width", "200"], check=True,
                          capture_output=True, text=True).stdout
    return text.splitlines()[0].lstrip("# ").strip()


def test_follow_a_link_from_a_section_to_a_case_and_back():
    tabs, case = first_case_link("section/3-products")
    title = entity_title(case)
    session, pid = start(["--open", "section/3-products"])
    try:
        assert "§3b" in title_bar(session), title_bar(session)
        session.keys(*(["Tab"] * tabs))
        session.keys("Enter")
        session.wait_until(lambda: title[:20] in title_bar(session), what="the case in the title bar")
        assert case in session.screen().splitlines()[-1], "status bar names the case"
        session.keys("BSpace")
        session.wait_until(lambda: "§3b" in title_bar(session), what="back at the section")
        session.keys("]")
        session.wait_until(lambda: title[:20] in title_bar(session), what="forward to the case")
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def test_search_opens_the_match_and_counts_matches():
    session, pid = start()
    try:
        session.keys("/")
        session.wait_for("Search")
        session.type("almaty")
        session.wait_for("results")
        assert "The Almaty" in session.screen()
        session.keys("Enter")
        session.wait_until(lambda: "Almaty" in title_bar(session), what="the result opened")
        status = session.screen().splitlines()[-1]
        assert "match 1/" in status, status
        session.keys("n")
        session.wait_until(lambda: "match 2/" in session.screen().splitlines()[-1],
                           what="n moves to the next match")
        session.keys("N")
        session.wait_until(lambda: "match 1/" in session.screen().splitlines()[-1],
                           what="N moves back")
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def jump(session, text, expected):
    """Types text at the jump prompt and waits for the status line to show the entity."""
    session.keys(":")
    session.wait_for("Jump to")
    session.type(text)
    session.keys("Enter")
    session.wait_until(lambda: expected in session.screen().splitlines()[-1],
                       what="jumped to " + expected)


def test_jump_and_help():
    session, pid = start()
    try:
        jump(session, "west papua", "case/west-papua-industrial-park")
        session.keys("?")
        session.wait_for("Keys")
        assert "Search everything" in session.screen()
        session.keys("Escape")
        session.wait_until(lambda: "Search everything" not in session.screen(), what="help closed")
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def test_chinese_names_are_searched_jumped_to_and_shown_in_two_cells_a_character():
    for width, height in ((120, 40), (80, 24)):
        session, pid = start(["--no-state"], width=width, height=height)
        try:
            session.keys("/")
            session.wait_for("Search")
            session.type("民心")
            session.wait_for("results")
            assert "People-to-people exchange" in session.screen(), session.screen()
            session.keys("Enter")
            session.wait_until(lambda: "concept/people-to-people-exchange"
                               in session.screen().splitlines()[-1], what="the result opened")
            jump(session, "软实力", "concept/soft-power")
            rows = session.screen().splitlines()
            names = [row for row in rows if "Names: 软实力 (zh)" in row]
            assert names, "\n".join(rows)
            # Each character takes two cells, so the row keeps the terminal's width and the
            # pane's right edge stays where it is on the rows around it.
            row = rows.index(names[0])
            cells = [tmuxharness.display_width(line) for line in rows[row - 1:row + 2]]
            assert cells[1] <= width, (cells, names[0])
            if "│" in rows[row - 1] and "│" in names[0]:
                edge = tmuxharness.display_width(rows[row - 1][:rows[row - 1].rindex("│")])
                assert tmuxharness.display_width(names[0][:names[0].rindex("│")]) == edge, rows
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()


def test_at_80x24_l_reaches_the_links_and_a_count_stays_in_its_view():
    session, pid = start(["--open", "section/3-products", "--no-state"], width=80, height=24)
    try:
        status = lambda: session.screen().splitlines()[-1]
        session.keys("l")
        session.wait_until(lambda: "Links" in session.screen().splitlines()[1], what="Links")
        header = session.screen().splitlines()[1]
        assert header.index("Links") > 40, "Links comes in on the right: " + header
        session.keys("h", "X")
        session.wait_for("Case matrix")
        session.keys("8", "l")
        session.wait_for("E2 Brand expansion")
        assert "count" not in status(), status()
        session.keys("1", "1")
        session.wait_until(lambda: "count 11" in status(), what="a count typed in the matrix")
        session.keys("Escape")
        session.wait_until(lambda: "Case matrix" not in session.screen(), what="the matrix closed")
        assert "count" not in status(), status()
        session.keys("j")
        session.wait_until(lambda: "section/3-products  2-" in status(), what="j moves one line")
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def test_resizes_through_every_layout_and_back():
    session, pid = start(width=200, height=60)
    try:
        steps = [
            (200, 60, lambda s: "Contents" in s and "Links" in s),
            (80, 24, lambda s: "Contents" in s and "─ Links" not in s),
            (40, 12, lambda s: "Contents" in s),
            (10, 5, lambda s: "10x5" in s),
            (1, 1, lambda s: True),
            (120, 40, lambda s: "Contents" in s and "Links" in s and "Caravan" in s),
        ]
        for width, height, check in steps:
            session.resize(width, height)
            session.wait_until(lambda: check(session.screen()),
                               what="the screen at %dx%d" % (width, height))
            assert os.path.exists("/proc/%d" % pid), "caravan died at %dx%d" % (width, height)
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def navigator(session):
    """The navigator pane's rows: each body row up to the first pane border."""
    return [row.split("│", 1)[0] for row in session.screen().splitlines()[2:-1]]


def test_folding_the_tree():
    session, pid = start()
    try:
        # The jump selects the connotation in the navigator; h moves the focus there and o
        # folds it. Only the navigator is read: the page and its links name the mechanism too.
        jump(session, "Humanistic connotation", "connotation/humanistic")
        assert any("Talent cultivation" in row for row in navigator(session)), navigator(session)
        session.keys("h")
        session.keys("o")
        session.wait_until(lambda: "▸ Humanistic connotation" in "\n".join(navigator(session)),
                           what="folded")
        assert not any("Talent cultivation" in row for row in navigator(session)), \
            navigator(session)
        session.keys("o")
        session.wait_until(lambda: any("Talent cultivation" in row for row in navigator(session)),
                           what="unfolded")
        session.keys("q")
        assert_restored(session, pid)
    finally:
        session.close()


def test_presents_from_the_explorer_and_comes_back():
    session, pid = start(["--open", "case/almaty-silk-road-brand"], width=100, height=30)
    with session:
        session.keys("P")
        session.wait_until(lambda: re.match(r"^ \d+/\d+ ", session.screen().splitlines()[-1]),
                           what="the presenter's footer")
        footer = session.screen().splitlines()[-1]
        # The clock moves on its own: the presenter asked for ticks.
        session.wait_until(lambda: session.screen().splitlines()[-1].rstrip().endswith("00:02"),
                           timeout=6.0, what="the clock to tick: " + footer)
        session.keys("q")
        session.wait_for("Quit the presentation?")
        session.keys("q")
        session.wait_until(lambda: "case/almaty-silk-road-brand" in session.screen().splitlines()[-1],
                           what="back in the explorer")
        session.keys("q")
        assert_restored(session, pid)


def test_works_under_common_terminal_types():
    for term in ("xterm-256color", "screen", "screen-256color", "tmux-256color", "linux", "vt100"):
        session = Session.start(width=100, height=30, env={"TERM": term})
        try:
            session.run_command([BINARY, "--open", "case/almaty-silk-road-brand"])
            pid = session.wait_for_program()
            session.wait_for("Almaty", timeout=10)
            session.keys("Tab", "Enter")
            session.wait_until(lambda: "case/almaty" not in session.screen().splitlines()[-1],
                               what="a link followed under TERM=" + term)
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
