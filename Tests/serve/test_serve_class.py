#!/usr/bin/env python3
"""A class on `caravan serve`: a real presenter, a local `caravan follow` and students
over OpenSSH answering a poll.

The presenter runs `caravan present --results DIR` in tmux as the serving user; while it
is live, every SSH login gets a follower whose answers the presenter counts under the
key's fingerprint, and the local follower's under its user id. Checked: the counts on
the presenter's screen and in the CSV, that a second answer replaces the first (from the
same client and from a second login with the same key), and that nothing a follower
types moves the presenter.

Needs: ssh and ssh-keygen (Debian: openssh-client), tmux, python3.
CARAVAN_BIN names the binary (default .build/debug/caravan).
The last line printed is `N passed, M failed`; the exit status is 1 on failure.
"""

import csv
import os
import re
import sys

from serve_harness import BIN, Screen, Server, run_suite, wait_until


class Local:
    """A `caravan` command in a tmux window, as the serving user."""

    count = 0

    def __init__(self, ws, *args, width=80, height=24):
        Local.count += 1
        self.ws = ws
        self.name = "local%d" % Local.count
        command = " ".join([BIN] + list(args))
        ws.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            "-c", ws.dir, "%s; echo LOCAL-EXIT-$?; sleep 60" % command)

    def text(self):
        return self.ws.tmux("capture-pane", "-p", "-t", self.name, check=False)

    def wait_for(self, pattern, timeout=20):
        return wait_until(
            lambda: re.search(pattern, self.text()), timeout,
            "%r on %s; screen:\n%s" % (pattern, self.name, self.text()))

    def keys(self, *keys):
        self.ws.tmux("send-keys", "-t", self.name, *keys)

    def close(self):
        self.ws.tmux("kill-session", "-t", self.name, check=False)


def results_row(line):
    """An option's row of the results chart: its number, then its count at the end."""
    match = re.match(r"\s+(\d)\s+(\S.*?)\s+[█#]*\s*(\d+)\s*$", line)
    return (int(match.group(1)), match.group(2), int(match.group(3))) if match else None


def chart(screen_text):
    rows = [results_row(line) for line in screen_text.split("\n")]
    return {number: count for number, _, count in filter(None, rows)}


def test_a_poll_answered_locally_and_over_ssh(ws, server):
    results = ws.path("results")
    os.makedirs(results)
    presenter = Local(ws, "present", "--slide", "21", "--results", results)
    follower = Local(ws, "follow")
    students = []
    try:
        presenter.wait_for(r"21/21")
        follower.wait_for(r"21/21 · poll not open yet")
        student = Screen(server, "student", width=80, height=24)
        students.append(student)
        wait_until(lambda: "21/21" in student.text(), 20, "the student to follow")
        # Before the poll opens, number keys count for nothing.
        follower.keys("1")
        presenter.keys("a")
        presenter.wait_for(r"Poll open")
        follower.wait_for(r"poll open: answer with 1-3")
        student.wait_for("poll open: answer with 1-3")

        follower.keys("1")
        follower.wait_for(r"you answered 1")
        follower.keys("1")
        student.keys("2")
        student.wait_for("you answered 2")
        # The student changes their mind: the answer is replaced, not added.
        student.keys("3")
        student.wait_for("you answered 3")
        # The same key logged in again is the same voter.
        again = Screen(server, "student", width=80, height=24)
        students.append(again)
        again.wait_for("poll open: answer with 1-3")
        again.keys("3")
        again.wait_for("you answered 3")
        # Keys that move the presenter do nothing from a follower.
        for screen in (student, again):
            screen.keys("Space", "g", "q")
        follower.keys("Space", "g", "a")

        presenter.keys("v")
        presenter.wait_for(r"open · 2 answered")
        wait_until(
            lambda: chart(presenter.text()) == {1: 1, 2: 0, 3: 1}, 20,
            "counts 1, 0, 1 on the presenter; screen:\n%s" % presenter.text())
        assert "21/21" in presenter.text(), presenter.text()
        presenter.keys("a")
        presenter.wait_for(r"Poll closed: 2 answered")
        # Closed: a late answer changes nothing.
        follower.wait_for(r"poll closed, you answered 1")
        follower.keys("2")
        path = os.path.join(results, "lecture-poll-results.csv")
        wait_until(lambda: os.path.exists(path), 10, "the results file")
        presenter.keys("q")
        presenter.wait_for(r"Quit the presentation\?")
        presenter.keys("y")
        presenter.wait_for(r"LOCAL-EXIT-0")
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [(row["option"], row["number"], row["votes"], row["answered"]) for row in rows] == [
            ("Humanistic", "1", "1", "2"), ("Economic", "2", "0", "2"), ("Security", "3", "1", "2"),
        ], rows
        assert all(row["slide"] == "21" and row["deck"] == "deck/lecture" for row in rows), rows
    finally:
        for screen in students:
            screen.close()
        follower.close()
        presenter.close()


TESTS = [test_a_poll_answered_locally_and_over_ssh]


def setup(ws):
    ws.key("student")
    with open(ws.path("authorized_keys"), "w") as handle:
        handle.write("%s\n" % ws.public_key("student"))
    server = Server(ws, "class", [
        "--authorized-keys", ws.path("authorized_keys"),
        "--host-key", ws.path("hostkey", "host_ed25519"),
    ])
    return (server,)


if __name__ == "__main__":
    sys.exit(run_suite(TESTS, setup, sys.argv))
