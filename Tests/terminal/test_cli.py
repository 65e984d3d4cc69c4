#!/usr/bin/env python3
"""Tests of the plain commands, for pipes, scripts and screen readers, and of install.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_cli.py [NAME...]
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from test_terminal import BINARY  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOX_DRAWING = re.compile("[\u2500-\u257f]")


def run(*args, env=None):
    variables = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    variables.update(env or {})
    return subprocess.run([BINARY] + list(args), capture_output=True, text=True, env=variables,
                          timeout=60)


def test_list_show_search_read_and_their_exit_codes():
    listed = run("list", "case")
    assert listed.returncode == 0, listed.stderr
    ids = [line.split()[0] for line in listed.stdout.splitlines()]
    assert len(ids) >= 16 and all(i.startswith("case/") for i in ids), ids
    assert "case/almaty-silk-road-brand" in ids

    shown = run("show", "case/changan-tianshan-corridor", "--width", "60")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# Silk Road"), shown.stdout[:80]
    assert "thirty-three" in shown.stdout, "the case's figures are shown"
    assert re.search(r"^\[1\] \S+/\S+", shown.stdout, re.M), "links as numbered references"
    assert max(len(line) for line in shown.stdout.splitlines()) <= 60

    found = run("search", "almaty", "--limit", "3")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1. case/almaty-silk-road-brand"), found.stdout
    assert len(re.findall(r"^\d+\. ", found.stdout, re.M)) <= 3
    only_concepts = run("search", "brand", "--kind", "concept")
    assert all(line.split()[1].startswith("concept/")
               for line in only_concepts.stdout.splitlines() if re.match(r"^\d+\. ", line))
    assert run("search", "zzzqqq").returncode == 1

    for args, needle in [(["show", "case/nope"], "unknown id"),
                         (["list", "kase"], "did you mean 'case'"),
                         (["chek"], "did you mean 'check'"),
                         (["show", "--view", "mapp"], "did you mean 'map'"),
                         (["--frobnicate"], "unknown option")]:
        result = run(*args)
        assert result.returncode == 2, (args, result.returncode, result.stderr)
        assert needle in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr


def test_piped_output_has_no_escape_codes_unless_asked():
    for args in (["read"], ["show", "section/3-products"], ["search", "brand"], ["list"],
                 ["show", "--view", "matrix"], ["keys"]):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "\x1b" not in result.stdout, args
    coloured = run("show", "section/3-products", "--color", "always")
    assert "\x1b[" in coloured.stdout, "--color always colours even in a pipe"


def test_read_prints_the_whole_paper_without_box_drawing():
    result = run("read", "--width", "72")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert not BOX_DRAWING.search(text), BOX_DRAWING.search(text)
    assert max(len(line) for line in text.splitlines()) <= 72
    text = run("read", "--width", "400").stdout
    exported = json.loads(run("export", "--format", "json").stdout)
    for entity in exported["entities"]:
        title = entity["title"]
        if entity["kind"] == "section":
            title = entity["fields"]["number"] + " " + title
        assert re.search(r"^#+ " + re.escape(title.replace("\n", " ")), text, re.M), title
    order = [text.index("# Sections"), text.index("# Connotations"), text.index("# Cases"),
             text.index("# Concepts"), text.index("# References")]
    assert order == sorted(order), "reading order: sections, framework, cases, concepts, references"


def test_framework_views_as_plain_text_respect_the_width():
    for view in ("map", "matrix", "atlas"):
        for width in (40, 80, 132):
            result = run("show", "--view", view, "--width", str(width))
            assert result.returncode == 0, result.stderr
            lines = result.stdout.splitlines()
            assert lines and max(len(line) for line in lines) <= width, (view, width)
            assert "\x1b" not in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0 and re.match(r"^\d+\.\d+\.\d+$", result.stdout.strip())


def test_make_install_into_a_temporary_prefix():
    prefix = tempfile.mkdtemp(prefix="caravan-prefix-")
    try:
        build = os.path.dirname(BINARY)
        config = os.path.basename(build)
        result = subprocess.run(["make", "-s", "install", "PREFIX=" + prefix, "CONFIG=" + config,
                                 "BUILD_DIR=" + os.path.dirname(build)],
                                cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        expected = ["bin/caravan", "share/man/man1/caravan.1",
                    "share/bash-completion/completions/caravan",
                    "share/zsh/site-functions/_caravan",
                    "share/fish/vendor_completions.d/caravan.fish"]
        for path in expected:
            assert os.path.isfile(os.path.join(prefix, path)), path
        installed = subprocess.run([os.path.join(prefix, "bin/caravan"), "list", "paper"],
                                   capture_output=True, text=True)
        assert "paper/bian-liu-2023" in installed.stdout, "the installed binary carries the paper"
        page = subprocess.run(["man", "-l", os.path.join(prefix, "share/man/man1/caravan.1")],
                              capture_output=True, text=True, env=dict(os.environ, MANWIDTH="80",
                                                                       MANPAGER="cat", PAGER="cat"))
        assert page.returncode == 0, page.stderr
        assert re.search(r"^KEYS", page.stdout, re.M), "a KEYS section"
        assert "Search everything" in page.stdout and "check" in page.stdout
        with open(os.path.join(prefix, "share/bash-completion/completions/caravan")) as file:
            assert "complete" in file.read()
        uninstall = subprocess.run(["make", "-s", "uninstall", "PREFIX=" + prefix], cwd=ROOT,
                                   capture_output=True, text=True, timeout=60)
        assert uninstall.returncode == 0, uninstall.stderr
        for path in expected:
            assert not os.path.exists(os.path.join(prefix, path)), path
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
