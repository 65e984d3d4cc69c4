#!/usr/bin/env python3
"""Real-terminal tests for giving a class: `q` asks before quitting, a restarted presenter
offers to resume its slide and clock, detours reach the notes and follow screens and
Backspace brings everyone back, a follower in the explorer is told how to rejoin, and
presenting from the explorer (`P`) is broadcast. Polls answered over SSH are tested in
Tests/serve/test_serve_class.py.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_class.py [NAME...]

Prints `N passed, M failed` last and exits non-zero on failure.
"""

import os
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from test_present import (  # noqa: E402
    BINARY, SLIDES, TIME_LIMIT, Room, footer, quit_and_check_restored, quit_presenter,
    slide_number, start)
from tmuxharness import HarnessError  # noqa: E402


def clock(window):
    """The mm:ss at the right of the footer, in seconds."""
    match = re.search(r"(\d\d):(\d\d)\s*$", footer(window))
    assert match, "no clock in the footer: %r" % footer(window)
    return int(match.group(1)) * 60 + int(match.group(2))


def test_q_asks_before_quitting():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --slide 3", f"3/{SLIDES}")
        presenter.keys("q")
        presenter.wait_for("Quit the presentation? q or y quits, any other key goes on")
        # Anything else goes on, without acting on the key.
        presenter.keys("Space")
        presenter.wait_for(f"3/{SLIDES}")
        time.sleep(0.3)
        assert presenter.alternate_on() and slide_number(presenter) == 3, footer(presenter)
        presenter.keys("q")
        presenter.wait_for("Quit the presentation?")
        quit_and_check_restored(presenter, "q")


def test_a_restarted_presenter_resumes_slide_and_time():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --slide 5", f"5/{SLIDES}")
        presenter.wait_until(lambda: clock(presenter) >= 2, timeout=10, what="two seconds")
        presenter.keys("p")
        presenter.wait_for("Clock paused")
        stopped = clock(presenter)
        quit_presenter(presenter)
        screen = start(presenter, "present", "Resume at slide 5, 00:%02d (clock paused)? y/n" % stopped)
        assert f"1/{SLIDES}" not in footer(presenter), screen
        presenter.keys("y")
        presenter.wait_for(f"5/{SLIDES} · clock paused")
        time.sleep(1.5)
        assert clock(presenter) == stopped, footer(presenter)
        # r resets the clock; p starts it again.
        presenter.keys("r", "p")
        presenter.wait_until(lambda: clock(presenter) >= 1, timeout=10, what="the clock to run")
        presenter.keys("Space")
        quit_presenter(presenter)
        # n starts afresh; --restart does not ask.
        start(presenter, "present", "Resume at slide 6")
        presenter.keys("n")
        presenter.wait_for(f"1/{SLIDES}")
        quit_presenter(presenter)
        screen = start(presenter, "present --restart", f"1/{SLIDES}")
        assert "Resume" not in screen, screen
        quit_presenter(presenter)


def test_a_detour_shows_on_notes_and_followers_and_backspace_returns_all():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --slide 13", f"13/{SLIDES}")
        notes = room.window()
        start(notes, "notes", f"Slide 13/{SLIDES}")
        follower = room.window()
        start(follower, "follow", f"13/{SLIDES} · following")
        presenter.keys("Enter")
        presenter.wait_for("Caravan")
        screen = notes.wait_for('Detour: The Almaty "Silk Road" brand')
        assert "Links" in screen and "illustrates: The cultural product system" in screen, screen
        assert "Your note" in screen, screen
        screen = follower.wait_for('the presenter opened The Almaty "Silk Road" brand')
        assert "Where: Almaty, Kazakhstan" in screen, screen
        # The presenter goes on to a link: everyone follows it.
        presenter.keys("Tab", "Enter")
        notes.wait_until(lambda: "Detour: The Almaty" not in notes.screen(), timeout=10,
                         what="the detour to move on")
        assert "Detour: " in notes.screen(), notes.screen()
        # Backspace to the start of the detour, and once more to the slide.
        presenter.keys("BSpace")
        notes.wait_for('Detour: The Almaty "Silk Road" brand')
        presenter.keys("BSpace")
        notes.wait_for("Speaker notes: ")
        follower.wait_for(f"13/{SLIDES} · following")
        presenter.wait_for(f"13/{SLIDES}")
        quit_and_check_restored(follower)
        quit_and_check_restored(notes)
        quit_presenter(presenter)


def test_a_follower_off_the_live_slide_is_told_how_to_rejoin():
    with Room() as room:
        presenter = room.main
        start(presenter, "present --slide 2", f"2/{SLIDES}")
        follower = room.window()
        start(follower, "follow", "following, e explores")
        follower.keys("e")
        screen = follower.wait_for("f follow again")
        assert "Caravan" in screen, screen
        follower.keys("f")
        follower.wait_for(f"2/{SLIDES} · following")
        assert "f follow again" not in follower.screen(), follower.screen()
        quit_and_check_restored(follower)
        quit_presenter(presenter)


def test_presenting_from_the_explorer_is_broadcast():
    with Room() as room:
        reader = room.main
        start(reader, "--no-state --open case/almaty-silk-road-brand", "Caravan")
        notes = room.window()
        start(notes, "notes", "Waiting for the presenter")
        follower = room.window()
        start(follower, "follow", "Waiting for the presenter")
        reader.keys("P")
        notes.wait_for(f"Slide 13/{SLIDES}: The Almaty")
        follower.wait_for(f"13/{SLIDES} · following")
        reader.keys("Space")
        notes.wait_for(f"Slide 14/{SLIDES}")
        reader.keys("q")
        reader.wait_for("Quit the presentation?")
        reader.keys("y")
        reader.wait_for("Caravan")
        notes.wait_for("Waiting for the presenter")
        assert not os.path.exists(room.socket_path()), "the socket outlived the presentation"
        quit_and_check_restored(notes)
        quit_and_check_restored(follower)
        quit_and_check_restored(reader)


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
