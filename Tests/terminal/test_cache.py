#!/usr/bin/env python3
"""The cache of content folders' models, through the real binary: where it is kept,
that reading commands use it, and that `caravan check` reads the files whatever it holds.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_cache.py [NAME...]
"""

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from test_terminal import BINARY  # noqa: E402

MAKE_CONTENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                            "make_content.py")
CONCEPT = "---\nid: concept/{slug}\nkind: concept\ntitle: {title}\n---\nAbout {slug}.\n"


class Folder:
    """A content folder of two concepts written a minute ago, and a cache folder."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="caravan-cache-test-")
        self.content = os.path.join(self.root, "content")
        self.cache_home = os.path.join(self.root, "cache")
        os.makedirs(os.path.join(self.content, "concepts"))
        for slug, title in (("one", "First"), ("two", "Second")):
            self.write(f"concepts/{slug}.md", CONCEPT.format(slug=slug, title=title))
        self.backdate()

    def write(self, name, text):
        with open(os.path.join(self.content, name), "w") as out:
            out.write(text)

    def backdate(self, seconds=60, content=None):
        """Files older than the second in which a change could go unseen."""
        past = time.time() - seconds
        for folder, _, files in os.walk(content or self.content):
            for name in files + ["."]:
                os.utime(os.path.join(folder, name), (past, past))

    def run(self, *args):
        env = dict(os.environ, LANG="C.UTF-8", XDG_CACHE_HOME=self.cache_home,
                   HOME=self.root, XDG_CONFIG_HOME=self.root, XDG_STATE_HOME=self.root)
        return subprocess.run([BINARY, "--content", self.content] + list(args),
                              capture_output=True, text=True, env=env, timeout=60)

    def cache_files(self):
        folder = os.path.join(self.cache_home, "caravan")
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def test_a_folder_is_kept_once_in_a_private_cache_folder_and_read_from_it():
    folder = Folder()
    try:
        first = folder.run("list")
        assert first.returncode == 0, first.stderr
        assert "concept/one" in first.stdout and "concept/two" in first.stdout
        files = folder.cache_files()
        assert len(files) == 1 and files[0].endswith(".model"), files
        path = os.path.join(folder.cache_home, "caravan", files[0])
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
        made = os.stat(path).st_mtime_ns
        second = folder.run("list")
        assert second.stdout == first.stdout, second.stderr
        assert os.stat(path).st_mtime_ns == made, "a current cache is read, not written again"
        assert folder.cache_files() == files, "one file, no leftovers"
    finally:
        folder.remove()


def test_check_reads_the_files_when_the_cache_would_say_otherwise():
    folder = Folder()
    try:
        assert folder.run("list").returncode == 0
        # The same size and the same time as before, other words: a change the stamps
        # cannot see. Reading commands use the cache; `check` reads the files.
        name = os.path.join(folder.content, "concepts/two.md")
        before = os.stat(name)
        folder.write("concepts/two.md", CONCEPT.format(slug="two", title="[Broke"))
        os.utime(name, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert os.stat(name).st_size == before.st_size
        listed = folder.run("list")
        assert "Second" in listed.stdout, "the cache was read: " + listed.stdout + listed.stderr
        checked = folder.run("check")
        assert checked.returncode == 1, checked.stdout + checked.stderr
        assert "concepts/two.md:5:1: error" in checked.stdout + checked.stderr, checked.stdout
    finally:
        folder.remove()


def test_a_changed_file_is_read_again_and_the_cache_made_again():
    folder = Folder()
    try:
        assert "Second" in folder.run("list").stdout
        folder.write("concepts/two.md", CONCEPT.format(slug="two", title="Changed"))
        folder.backdate(30)
        listed = folder.run("list")
        assert "Changed" in listed.stdout and "Second" not in listed.stdout, listed.stdout
        assert len(folder.cache_files()) == 1
        path = os.path.join(folder.cache_home, "caravan", folder.cache_files()[0])
        with open(path, "r+b") as cache:  # damaged: a byte in the middle
            cache.seek(os.path.getsize(path) // 2)
            byte = cache.read(1)
            cache.seek(-1, os.SEEK_CUR)
            cache.write(bytes([byte[0] ^ 0x40]))
        again = folder.run("list")
        assert again.returncode == 0 and again.stdout == listed.stdout, again.stderr
    finally:
        folder.remove()


def test_a_cache_folder_that_cannot_be_made_only_means_reading_the_files():
    folder = Folder()
    try:
        with open(folder.cache_home, "w") as blocker:  # a file where the folder would go
            blocker.write("not a folder")
        listed = folder.run("list")
        assert listed.returncode == 0 and "concept/two" in listed.stdout, listed.stderr
        assert listed.stderr == "", listed.stderr
    finally:
        folder.remove()


def explore_and_quit(folder, content, signum=None):
    """Opens the explorer on `content` with the folder's cache, and quits (with `q`, or
    `signum`) as soon as the first screen shows."""
    env = {"XDG_CACHE_HOME": folder.cache_home}
    cmd = [BINARY, "--content", content, "--ignore-config", "--no-state"]
    with tmuxharness.start(cmd, env=env) as session:
        pid = session.wait_for_program()
        # The terminal is taken once the content is loaded, just before the first screen.
        session.wait_for_alternate(True, timeout=60)
        if signum is None:
            session.keys("q")
        else:
            session.signal(signum, pid)
        session.wait_for_exit(pid, timeout=60)


def test_the_explorer_keeps_the_cache_even_when_quit_at_once():
    folder = Folder()
    large = os.path.join(folder.root, "large")
    try:
        # Large enough that keeping its model takes longer than pressing q.
        subprocess.run([sys.executable, MAKE_CONTENT, large, "--entities", "1500"],
                       check=True, capture_output=True)
        folder.backdate(content=large)
        for content in (folder.content, large):
            for name in folder.cache_files():
                os.unlink(os.path.join(folder.cache_home, "caravan", name))
            explore_and_quit(folder, content)
            files = folder.cache_files()
            assert len(files) == 1 and files[0].endswith(".model"), (content, files)
            path = os.path.join(folder.cache_home, "caravan", files[0])
            made = os.stat(path).st_mtime_ns
            env = dict(os.environ, LANG="C.UTF-8", XDG_CACHE_HOME=folder.cache_home,
                       HOME=folder.root)
            listed = subprocess.run([BINARY, "--content", content, "list"], capture_output=True,
                                    text=True, env=env, timeout=120)
            assert listed.returncode == 0, listed.stderr
            assert os.stat(path).st_mtime_ns == made, "the explorer's cache was whole and current"
    finally:
        folder.remove()


def test_the_explorer_ended_by_a_signal_keeps_the_cache():
    folder = Folder()
    try:
        explore_and_quit(folder, folder.content, signum=signal.SIGTERM)
        files = folder.cache_files()
        assert len(files) == 1 and files[0].endswith(".model"), files
    finally:
        folder.remove()


def test_the_built_in_paper_needs_no_cache_and_no_files():
    empty = tempfile.mkdtemp(prefix="caravan-nowhere-")
    try:
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": empty}
        listed = subprocess.run([BINARY, "list", "paper"], capture_output=True, text=True,
                                env=env, cwd=empty, timeout=60)
        assert "paper/bian-liu-2023" in listed.stdout, listed.stderr
        assert os.listdir(empty) == [], "nothing written for the built-in paper"
    finally:
        shutil.rmtree(empty, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
