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


def unwrapped(line):
    """Whether a line of plain text is one that stays whole: a heading or a link."""
    return (line.startswith("#") or re.match(r"^\[\d+\] \S+/\S+", line) is not None
            or re.match(r"^- [a-z ]+: \S+/\S+", line) is not None)


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
    # Text wraps to the width; headings and links stay one line.
    assert max(len(line) for line in shown.stdout.splitlines() if not unwrapped(line)) <= 60

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
    # Text wraps to the width; a heading or a link stays one line, however long.
    assert max(len(line) for line in text.splitlines() if not unwrapped(line)) <= 72
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


def framework_order():
    """Mechanism ids as the framework orders them: by connotation, each parent followed by
    its parts, all by their `order`, from the exported model."""
    entities = json.loads(run("export", "--format", "json").stdout)["entities"]
    def order(entity):
        return (entity["fields"].get("order", 0), entity["id"])
    connotations = sorted((e for e in entities if e["kind"] == "connotation"), key=order)
    mechanisms = [e for e in entities if e["kind"] == "mechanism"]
    result = []
    def visit(entity):
        result.append(entity["id"])
        parts = [m for m in mechanisms if m["fields"].get("parent") == entity["id"]]
        for part in sorted(parts, key=order):
            visit(part)
    for connotation in connotations:
        top = [m for m in mechanisms if m["fields"].get("connotation") == connotation["id"]]
        for mechanism in sorted(top, key=order):
            visit(mechanism)
    assert len(result) == len(mechanisms), (result, [m["id"] for m in mechanisms])
    return result


def test_list_and_read_follow_the_framework_order():
    expected = framework_order()
    listed = run("list", "mechanism")
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == expected, listed.stdout
    everything = [line.split()[0] for line in run("list").stdout.splitlines()]
    assert [i for i in everything if i.startswith("mechanism/")] == expected
    text = run("read", "--width", "400").stdout
    titles = {e["id"]: e["title"] for e in json.loads(run("export", "--format", "json").stdout)["entities"]}
    places = [text.index("\n## " + titles[i] + "\n") for i in expected]
    assert places == sorted(places), "mechanisms read in framework order"


def test_show_resolves_names_as_the_jump_prompt_does():
    for name, heading in [("almaty", '# The Almaty "Silk Road" brand'), ("E2", "# Brand expansion"),
                          ("3b", "# 3b Cultural product development"),
                          ("3-products", "# 3b Cultural product development")]:
        shown = run("show", name)
        assert shown.returncode == 0, (name, shown.stderr)
        assert shown.stdout.startswith(heading), (name, shown.stdout[:80])
    several = run("show", "brand")
    assert several.returncode == 2, several.returncode
    assert several.stdout == ""
    for candidate in ("mechanism/brand-expansion", "concept/cultural-brand"):
        assert candidate in several.stderr, several.stderr
    unknown = run("show", "zzqqxj")
    assert unknown.returncode == 2 and "unknown id" in unknown.stderr, unknown.stderr
    # --open resolves the same way, before the terminal is touched.
    opened = run("--open", "brand")
    assert opened.returncode == 2, opened.returncode
    assert "mechanism/brand-expansion" in opened.stderr, opened.stderr


def test_the_papers_chinese_terms_are_searched_and_shown():
    found = run("search", "文化产业")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1. concept/cultural-industry"), found.stdout[:200]
    shown = run("show", "民心相通")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(
        "# People-to-people exchange\nConcept\nNames: 民心相通 (zh)\n"), shown.stdout[:120]
    assert shown.stdout == run("show", "concept/people-to-people-exchange").stdout
    part = run("search", "民心")
    assert part.returncode == 0 and "concept/people-to-people-exchange" in part.stdout, part.stdout
    soft = run("show", "软实力")
    assert soft.returncode == 0 and soft.stdout.startswith("# Soft power\n"), soft.stderr
    connotations = run("search", "内涵", "--limit", "3")
    assert connotations.returncode == 0, connotations.stderr
    firsts = [line.split()[1] for line in connotations.stdout.splitlines() if line[:1].isdigit()]
    assert sorted(firsts) == ["connotation/economic", "connotation/humanistic",
                              "connotation/security"], connotations.stdout


def test_search_finds_the_start_of_the_last_word_and_is_quiet_without_a_match():
    prefix = run("search", "bran", "--limit", "3")
    assert prefix.returncode == 0, prefix.stderr
    assert re.search(r"brand", prefix.stdout, re.I), prefix.stdout
    none = run("search", "zzzqqq")
    assert none.returncode == 1
    assert none.stdout == "", none.stdout
    assert "no results" in none.stderr.lower(), none.stderr
    typo = run("search", "brnad")
    assert typo.returncode == 1 and typo.stdout == ""
    assert "did you mean 'brand'" in typo.stderr, typo.stderr


def test_show_keeps_one_link_a_line_and_ends_every_view_with_a_newline():
    titles = {}
    for entity in json.loads(run("export", "--format", "json").stdout)["entities"]:
        number = entity["fields"].get("number") if entity["kind"] == "section" else None
        titles[entity["id"]] = (number + " " if number else "") + entity["title"]
    shown = run("show", "mechanism/brand-expansion", "--width", "50")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    start = lines.index("## Linked from")
    links = [line for line in lines[start + 1:] if line.strip()]
    assert links, "the mechanism has backlinks"
    for line in links:
        match = re.match(r"^- [a-z ]+: (\S+) (.+)$", line)
        assert match, line
        assert match.group(2) == titles[match.group(1)], line
    for view in ("map", "matrix", "atlas"):
        result = run("show", "--view", view)
        assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n"), view


def test_top_level_help_shows_the_explorer_options():
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for option in ("--open", "--view", "--theme", "--screen-reader", "--content", "--no-state",
                   "--mouse", "--ignore-config"):
        assert option in result.stdout, (option, result.stdout)


def test_framework_views_as_plain_text_respect_the_width():
    for view in ("map", "matrix", "atlas"):
        for width in (40, 80, 132):
            result = run("show", "--view", view, "--width", str(width))
            assert result.returncode == 0, result.stderr
            lines = result.stdout.splitlines()
            assert lines and max(len(line) for line in lines) <= width, (view, width)
            assert "\x1b" not in result.stdout


COURSE = os.path.join(ROOT, "Tests", "fixtures", "five-connectivities")
SEMINAR = os.path.join(ROOT, "Tests", "fixtures", "africa-seminar")


def test_global_options_work_before_or_after_the_subcommand():
    before = run("--content", COURSE, "list", "pillars")
    after = run("list", "pillars", "--content", COURSE)
    joined = run("--content=" + COURSE, "list", "pillars")
    for result in (before, after, joined):
        assert result.returncode == 0, result.stderr
    assert before.stdout == after.stdout == joined.stdout, (before.stdout, after.stdout)
    ids = [line.split()[0] for line in before.stdout.splitlines()]
    assert len(ids) == 5 and all(i.startswith("connotation/") for i in ids), ids
    narrow = run("--width", "40", "show", "case/almaty-silk-road-brand")
    assert narrow.returncode == 0, narrow.stderr
    assert max(len(line) for line in narrow.stdout.splitlines() if not unwrapped(line)) <= 40
    # Every explorer option may come before a subcommand, as --content may.
    text = run("--help").stdout
    section = text.split("EXPLORER OPTIONS")[1].split("SUBCOMMANDS:")[0]
    options = re.findall(r"^  (--[a-z-]+)( <[^>]+>)?", section, re.M)
    assert len(options) >= 8, section
    for option, value in options:
        arguments = [option] + (["x"] if value else []) + ["explore", "--help"]
        result = run(*arguments)
        assert result.returncode == 0, (arguments, result.stderr)
    # A value that is also a subcommand's name stays a value.
    opened = run("--open", "list")
    assert opened.returncode == 2 and "'list'" in opened.stderr, opened.stderr


def test_a_course_speaks_its_own_words_and_scripts():
    checked = run("check", COURSE)
    assert checked.returncode == 0, checked.stdout
    assert re.search(r"^\d+ entities, 0 errors, 0 warnings$", checked.stdout, re.M), checked.stdout
    shown = run("--content", COURSE, "show", "PP")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# People-to-people bonds\nPillar\nNames: 民心相通 (zh)\n"), \
        shown.stdout[:120]
    assert "\n- action areas: mechanism/vocational-training" in shown.stdout, shown.stdout
    by_name = run("--content", COURSE, "show", "民心相通")
    assert by_name.returncode == 0 and by_name.stdout == shown.stdout, by_name.stderr
    text = run("--content", COURSE, "read").stdout
    for heading in ("# Lessons", "# Pillars", "# Action areas", "# Cases"):
        assert "\n" + heading + "\n" in text, heading
    assert "# Connotations" not in text and "# Paper" not in text
    assert "\nCourse unit\n" in text, "the overview is a course unit"
    found = run("--content", COURSE, "search", "意义")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1. case/luban-workshop-thailand"), found.stdout
    assert "意义" in found.stdout
    railways = run("--content", COURSE, "search", "铁路").stdout
    assert "case/china-laos-railway  中老铁路" in railways, railways
    assert run("--content", COURSE, "search", "铁道").returncode == 1
    typo = run("--content", COURSE, "list", "pilars")
    assert typo.returncode == 2 and "did you mean 'pillar'" in typo.stderr, typo.stderr
    exported = json.loads(run("--content", COURSE, "export").stdout)
    assert exported["vocabulary"]["connotation"]["plural"] == "pillars"
    assert any(r["name"] == "Africa" for r in exported["regions"])
    pillars = {e["id"]: e for e in exported["entities"] if e["kind"] == "connotation"}
    assert pillars["connotation/people-to-people-bonds"]["code"] == "PP"
    assert pillars["connotation/financial-integration"]["code"] == "FI"
    assert pillars["connotation/policy-coordination"]["names"] == [
        {"language": "zh", "text": "政策沟通"}]


def test_a_seminar_layered_on_the_built_in_paper():
    builtin = run("check")
    checked = run("check", SEMINAR)
    assert checked.returncode == 0, checked.stdout
    count = lambda result: int(result.stdout.splitlines()[-1].split()[0])  # noqa: E731
    assert count(checked) == count(builtin) + 4, (checked.stdout, builtin.stdout)
    assert checked.stdout.splitlines()[-1].endswith(" entities in 2 layers, 0 errors, 0 warnings"), \
        checked.stdout
    decks = run("--content", SEMINAR, "list", "deck").stdout
    assert "deck/africa-seminar" in decks and "deck/lecture" in decks, decks
    shown = run("--content", SEMINAR, "show", "吉布提")
    assert shown.stdout.startswith("# Luban Workshop in Djibouti\nCase study\n"), shown.stdout
    # The same folder without its manifest, laid on the paper from the command line.
    folder = tempfile.mkdtemp(prefix="caravan-layer-")
    try:
        shutil.copytree(os.path.join(SEMINAR, "cases"), os.path.join(folder, "cases"))
        with open(os.path.join(folder, "caravan.yaml"), "w") as file:
            file.write("regions:\n  - name: Africa\n")
        alone = run("check", folder)
        assert alone.returncode == 1 and "does not exist" in alone.stdout, alone.stdout
        stacked = run("--content", "builtin", "--content", folder, "check")
        assert stacked.returncode == 0, stacked.stdout
        # Redefining an entity of the paper is an error in the layer, naming both files.
        with open(os.path.join(folder, "cases", "almaty.md"), "w") as file:
            file.write("---\nid: case/almaty-silk-road-brand\nkind: case\ntitle: Mine\n"
                       "region: Africa\nillustrates: [mechanism/product-system]\n---\nText.\n")
        clash = run("--content", "builtin", "--content", folder, "check")
        assert clash.returncode == 1, clash.stdout
        line = next(l for l in clash.stdout.splitlines() if "already defined" in l)
        assert line.startswith(os.path.join(folder, "cases", "almaty.md") + ":2:"), line
        assert "<built-in>/cases/almaty-silk-road-brand.md:2" in line, line
    finally:
        shutil.rmtree(folder, ignore_errors=True)


VALID_PAPER = """---
id: paper/p
kind: paper
title: A paper
authors:
  - name: A. Author
---
Body.
"""


def test_check_reports_every_broken_file_with_its_line_and_exits_1():
    folder = tempfile.mkdtemp(prefix="caravan-broken-")
    outside = tempfile.mkdtemp(prefix="caravan-outside-")
    try:
        files = {
            "paper.md": VALID_PAPER,
            "yaml.md": "---\nid: concept/a\nkind: concept\ntitle: [unclosed\n---\n",
            "open.md": "---\nid: concept/b\nkind: concept\ntitle: B\n",
            "required.md": "---\nid: section/s\nkind: section\ntitle: S\n---\n",
            "kind.md": "---\nid: casee/x\nkind: casee\ntitle: X\n---\n",
            "field.md": "---\nid: concept/c\nkind: concept\ntitle: C\nrelatd: []\n---\n",
            "dup1.md": "---\nid: concept/d\nkind: concept\ntitle: D\n---\n",
            "dup2.md": "---\nid: concept/d\nkind: concept\ntitle: D again\n---\n",
            "link.md": "---\nid: concept/e\nkind: concept\ntitle: E\nrelated: [concept/dd]\n---\n",
            "cite.md": "---\nid: concept/f\nkind: concept\ntitle: F\n---\nAs shown [@nobody2020].\n",
            "loop1.md": "---\nid: section/l1\nkind: section\ntitle: L1\nnumber: '1'\nparent: section/l2\n---\n",
            "loop2.md": "---\nid: section/l2\nkind: section\ntitle: L2\nnumber: '2'\nparent: section/l1\n---\n",
            "empty.md": "",
        }
        for name, text in files.items():
            with open(os.path.join(folder, name), "w") as file:
                file.write(text)
        with open(os.path.join(folder, "utf8.md"), "wb") as file:
            file.write(b"---\nid: concept/g\nkind: concept\ntitle: G \xff\n---\n")
        with open(os.path.join(folder, "binary.md"), "wb") as file:
            file.write(b"---\nid: concept/h\x00\n")
        with open(os.path.join(folder, "big.md"), "w") as file:
            file.write("---\nid: concept/i\nkind: concept\ntitle: I\n---\n" + "x" * (1 << 21))
        os.symlink(os.path.join(folder, "missing-target.md"), os.path.join(folder, "unreadable.md"))
        with open(os.path.join(outside, "secret.md"), "w") as file:
            file.write(VALID_PAPER)
        os.symlink(os.path.join(outside, "secret.md"), os.path.join(folder, "outside.md"))

        result = run("check", folder)
        assert result.returncode == 1, result.returncode
        lines = result.stdout.splitlines()
        assert re.match(r"^\d+ entities, \d+ errors?, \d+ warnings?$", lines[-1]), lines[-1]
        expected = {
            "yaml.md": (r":5:\d+: error: malformed YAML", None),
            "open.md": (r":1:1: error: front matter is never closed", None),
            "required.md": (r":1:1: error: missing required field `number`", None),
            "kind.md": (r":3:\d+: error: unknown kind `casee`", "did you mean `case`"),
            "field.md": (r":5:1: error: unknown field `relatd`", "did you mean `related`"),
            "dup2.md": (r":2:\d+: error: duplicate id `concept/d`", "dup1.md"),
            "link.md": (r":5:\d+: error: link to `concept/dd`", "did you mean `concept/d`"),
            "cite.md": (r":6:\d+: error: citation `@nobody2020`", None),
            "empty.md": (r":1:1: error: file is empty", None),
            "utf8.md": (r":4:\d+: error: invalid UTF-8", None),
            "binary.md": (r":2:\d+: error: binary file", None),
            "big.md": (r": error: file is larger than", None),
            "unreadable.md": (r": error: ", None),
            "outside.md": (r": error: symbolic link leads outside", None),
        }
        for name, (pattern, extra) in expected.items():
            path = os.path.join(folder, name)
            matching = [line for line in lines if line.startswith(path + ":")]
            assert any(re.search(pattern, line) for line in matching), (name, matching)
            if extra:
                assert any(extra in line for line in matching), (name, matching)
        loops = [line for line in lines if "/loop" in line and "`parent` chain loops" in line]
        assert len(loops) == 1 and re.search(r"loop[12]\.md:6:\d+: error", loops[0]), loops
        for line in lines[:-1]:
            assert re.match(r"^.+:\d+:\d+: (error|warning): ", line), line
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)


def test_shipped_content_checks_clean_and_exports():
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert re.search(r"^\d+ entities, 0 errors, 0 warnings$", result.stdout, re.M), result.stdout
    exported = json.loads(run("export", "--format", "json").stdout)
    counts = exported["counts"]
    minimum = {"section": 12, "connotation": 3, "mechanism": 9, "case": 16, "concept": 20,
               "reference": 17}
    for kind, least in minimum.items():
        assert counts.get(kind, 0) >= least, (kind, counts)
    assert counts["reference"] == 17
    assert all("backlinks" in entity and "links" in entity for entity in exported["entities"])


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
