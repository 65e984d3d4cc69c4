#!/usr/bin/env python3
"""Real-terminal tests of content as a lecturer writes it: ordinary Markdown (hard
breaks, heading levels, links in angle brackets) through `show`, `read` and the
explorer, and a folder with one broken file, which `check` fails but every reader opens
with the broken entity marked.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_authoring.py [NAME...]
"""

import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
import test_explorer  # noqa: E402
from test_cli import run  # noqa: E402
from test_terminal import BINARY, assert_restored  # noqa: E402

FILES = {
    "paper.md": """---
id: paper/p
kind: paper
title: A paper
authors:
  - name: A. Author
---
On [the address](concept/address), [the outline](concept/outline) and
[the broken one](concept/broken); see also [a URI](</my uri>) and \\[not](a/link).
""",
    "address.md": """---
id: concept/address
kind: concept
title: An address
---
Institute of Strategy Research  
80 Xianlie Road\\
Guangzhou
""",
    "outline.md": """---
id: concept/outline
kind: concept
title: An outline
---
# One

## Two

###### Six

A newline&#10;written as a reference.
""",
    "broken.md": """---
id: concept/broken
title: Broken one
kind: concept
summary: [never closed
---
What is below the broken front matter is still read.
""",
}


class Folder:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="caravan-authoring-")
        for name, text in FILES.items():
            with open(os.path.join(self.path, name), "w") as file:
                file.write(text)
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def test_check_fails_on_the_broken_file_and_on_nothing_else():
    with Folder() as folder:
        result = run("check", folder)
        assert result.returncode == 1, result.stdout
        errors = [line for line in result.stdout.splitlines() if ": error: " in line]
        assert len(errors) == 1 and "broken.md:6:1: error: malformed YAML" in errors[0], errors
        assert result.stdout.splitlines()[-1].startswith("4 entities, 1 error"), result.stdout


def test_show_and_read_go_on_and_say_where_the_errors_are():
    with Folder() as folder:
        shown = run("show", "concept/broken", "--content", folder)
        assert shown.returncode == 0, shown.stderr
        lines = shown.stdout.splitlines()
        assert lines[0] == "# Broken one", lines
        assert "## Problems" in lines, lines
        assert any("broken.md:6:1: error: malformed YAML" in line for line in lines), lines
        assert "What is below the broken front matter is still read." in lines
        assert "broken.md:6:1: error: malformed YAML" in shown.stderr, shown.stderr
        assert "1 error in 1 file" in shown.stderr and "marked broken" in shown.stderr

        address = run("show", "concept/address", "--content", folder).stdout.splitlines()
        start = address.index("Institute of Strategy Research")
        assert address[start:start + 3] == [
            "Institute of Strategy Research", "80 Xianlie Road", "Guangzhou"], address

        outline = run("show", "concept/outline", "--content", folder).stdout.splitlines()
        body = outline[:outline.index("## Linked from")]
        # Each level marked once, a level below the entity's title.
        assert ["## One", "### Two", "####### Six"] == [
            line for line in body if line.startswith("#") and not line.startswith("# ")], body
        assert "A newline written as a reference." in outline, outline
        assert "^J" not in "\n".join(outline)

        paper = run("show", "paper/p", "--content", folder, "--width", "200").stdout
        assert "a URI </my uri>" in paper and "[not](a/link)" in paper, paper

        read = run("read", "--content", folder)
        assert read.returncode == 0, read.stderr
        assert "## Broken one" in read.stdout and "### Problems" in read.stdout
        assert re.search(r"^### One$", read.stdout, re.M), read.stdout
        assert "\x1b" not in read.stdout

        listed = run("list", "--content", folder)
        assert listed.returncode == 0 and "concept/broken" in listed.stdout, listed.stderr
        assert run("export", "--content", folder).returncode == 1, "export stays strict"


def test_a_folder_with_nothing_readable_still_stops():
    folder = tempfile.mkdtemp(prefix="caravan-unreadable-")
    try:
        with open(os.path.join(folder, "x.md"), "w") as file:
            file.write("no front matter\n")
        result = run("show", "concept/x", "--content", folder)
        assert result.returncode == 1, (result.returncode, result.stderr)
        assert "x.md:1:1: error: missing front matter" in result.stderr, result.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_explorer_opens_the_folder_and_lists_its_errors():
    for width, height in ((80, 24), (120, 40)):
        with Folder() as folder:
            session, pid = test_explorer.start(
                ["--content", folder, "--no-state"], width=width, height=height)
            try:
                screen = session.screen()
                status = screen.splitlines()[-1]
                assert "E 1 error in 1 file" in status, status
                assert "The content has 1 error in 1 file; E lists them" in status, status
                assert "! Broken one" in screen, screen
                session.keys("E")
                session.wait_for("Problems")
                assert "malformed YAML" in session.screen(), session.screen()
                session.keys("Enter")
                session.wait_until(
                    lambda: "concept/broken" in session.screen().splitlines()[-1],
                    what="the broken entity opened")
                page = session.screen()
                assert "What is below the broken front matter" in page, page
                assert "broken.md:6:1: error:" in page and "malformed YAML" in page, page
                session.keys(":")
                session.wait_for("Jump to")
                session.type("concept/outline")
                session.keys("Enter")
                session.wait_until(lambda: "## Two" in session.screen(), what="the outline")
                assert "###### Six" in session.screen(), session.screen()
                session.keys("q")
                assert_restored(session, pid)
            finally:
                session.close()


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
