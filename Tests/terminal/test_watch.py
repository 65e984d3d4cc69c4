#!/usr/bin/env python3
"""Real-terminal tests of `--watch`: an author edits the content in one terminal while
the explorer or the presenter shows it in another. A saved file is read again at once,
the reader keeps its place, problems show in the status line without closing anything,
and nothing runs while the files are still.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_watch.py [NAME...]
"""

import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from tmuxharness import Session  # noqa: E402
from test_explorer import start as start_explorer  # noqa: E402
from test_terminal import BINARY, assert_restored, cpu_ticks  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COURSE = os.path.join(ROOT, "Tests", "fixtures", "five-connectivities")


class Course:
    """A copy of the course fixture an author can edit."""

    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="caravan-watch-")
        shutil.copytree(COURSE, os.path.join(self.path, "course"))
        self.path = os.path.join(self.path, "course")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)

    def file(self, name):
        return os.path.join(self.path, name)

    def edit(self, name, old, new):
        """Saves a changed file as many editors do: a new file renamed over the old."""
        path = self.file(name)
        with open(path) as file:
            text = file.read()
        assert old in text, (name, old)
        with open(path + ".tmp", "w") as file:
            file.write(text.replace(old, new, 1))
        os.rename(path + ".tmp", path)


def start(args, ready=None):
    """The explorer at 80x24 with `args`; or, given the text that shows it is ready, the
    command `args` names (the presenter)."""
    if ready is None:
        return start_explorer(args, width=80, height=24)
    session = Session.start(width=80, height=24)
    try:
        session.run_command([BINARY] + list(args))
        pid = session.wait_for_program()
        session.wait_for(ready)
        return session, pid
    except BaseException:
        session.close()
        raise


def status_line(session):
    return session.screen().splitlines()[-1]


def test_the_explorer_reloads_a_saved_file_and_keeps_the_place():
    with Course() as course:
        session, pid = start(["--watch", "--no-state", "--ignore-config", "--content",
                              course.path, "--open", "case/luban-workshop-thailand"])
        with session:
            session.keys("j", "j")
            before = session.stable_screen().splitlines()
            assert "Luban Workshop in Thailand" in before[0], before[0]
            body = [line for line in before if "sends teachers and equipment" in line]
            assert body, "\n".join(before)
            course.edit("cases/luban-workshop-thailand.md", "sends teachers and equipment",
                        "sends teachers, books and equipment")
            after = session.wait_for("books and equipment").splitlines()
            assert after[0] == before[0], (before[0], after[0])
            # The same line of the page is at the same row: the scroll is kept.
            row = next(i for i, line in enumerate(before) if "sends teachers" in line)
            assert "books and equipment" in after[row] or "sends teachers," in after[row], \
                "\n".join(after)
            session.keys("q")
            assert_restored(session, pid)


def test_a_broken_file_shows_its_error_and_mending_it_clears_it():
    with Course() as course:
        session, pid = start(["--watch", "--no-state", "--ignore-config", "--content",
                              course.path, "--open", "connotation/unimpeded-trade"])
        with session:
            course.edit("pillars/unimpeded-trade.md", "order: 3", "order: [3")
            screen = session.wait_for(": error: ")
            line = status_line(session)
            assert "pillars/unimpeded-trade.md:" in line and ": error: " in line, line
            assert "Unimpeded trade" in screen.splitlines()[0], screen
            assert pid_alive(pid)
            course.edit("pillars/unimpeded-trade.md", "order: [3", "order: 3")
            session.wait_until(lambda: ": error: " not in session.screen(), 5.0,
                               "the error to clear")
            assert "Unimpeded trade" in session.screen().splitlines()[0]
            session.keys("q")
            assert_restored(session, pid)


def test_idle_watching_costs_nothing_and_a_burst_of_saves_ends_as_the_last_left_it():
    with Course() as course:
        session, pid = start(["--watch", "--no-state", "--ignore-config", "--content",
                              course.path])
        with session:
            session.stable_screen()
            before = cpu_ticks(pid)
            time.sleep(1.5)
            assert cpu_ticks(pid) - before <= 1, "the watching explorer used CPU while idle"
            for number in range(20):
                with open(course.file("concepts/scratch-%d.md" % number), "w") as file:
                    file.write("")  # empty files are errors: each reload would say so
                os.remove(course.file("concepts/scratch-%d.md" % number))
            time.sleep(1.0)
            assert ": error: " not in session.screen(), session.screen()
            session.keys("q")
            assert_restored(session, pid)


def test_the_presenter_reloads_and_stays_on_its_slide():
    with Course() as course:
        session, pid = start(["present", "deck/first-session", "--watch", "--content",
                              course.path, "--session", "watch-%d" % os.getpid(),
                              "--slide", "3"], ready="3/5")
        with session:
            course.edit("pillars/facilities-connectivity.md", "most often photographed",
                        "most often on maps")
            screen = session.wait_for("most often on maps")
            assert "3/5" in screen.splitlines()[-1], screen
            session.keys("q")
            session.wait_for("Quit the presentation?")
            session.keys("y")
            assert_restored(session, pid)


def pid_alive(pid):
    return tmuxharness.pid_alive(pid)


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(dict(globals()), sys.argv[1:], BINARY))
