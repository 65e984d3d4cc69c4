#!/usr/bin/env python3
"""Handouts in a real browser: each is exported, opened in headless Chromium with the
network shut, its DOM dumped and checked (every internal link leads to an element of the
page, nothing is fetched, nothing could run), and printed to PDF on Letter and on A4 (a
deck prints one slide a page, and with --notes each slide above its own notes).

    CARAVAN_BIN=.build/debug/caravan python3 Tests/handouts/test_handouts.py [NAME...]
"""

import html
import os
import re
import stat
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import (COURSE, caravan, check_slides, content_file, export, model,  # noqa: E402
                     on_a4, open_page, run, session, slide_count)
from browser import PageAudit, pdf_page_texts, pdf_pages  # noqa: E402

# MARK: The checks can fail

def test_the_checks_catch_a_fetch_a_broken_link_and_a_script():
    path = os.path.join(session.scratch, "bad.html")
    with open(path, "w") as file:
        file.write('<!DOCTYPE html><html><body><main><a href="#nowhere">x</a>'
                   '<img src="http://example.test/x.png"><a href="javascript:alert(1)">y</a>'
                   '<p id="here" onclick="f()">z</p></main></body></html>')
    dom = session.browser.load(path)
    requests = session.browser.proxy.taken()
    assert any("example.test" in request for request in requests), requests
    audit = PageAudit(dom)
    assert audit.broken_links() == ["nowhere"], audit.broken_links()
    assert any("<img>" in problem for problem in audit.problems), audit.problems
    assert any("javascript" in problem for problem in audit.problems), audit.problems
    assert any("onclick" in problem for problem in audit.problems), audit.problems


# MARK: The whole paper

def test_the_whole_paper_in_html_prints_with_every_link_working():
    path = export("paper.html", "--all", "--format", "html")
    audit, pdf = open_page(path, pdf=True)
    exported = model()
    ids = set(audit.ids)
    missing = [e["id"] for e in exported["entities"] if e["id"] not in ids]
    assert missing == [], "every entity has its place: %s" % missing
    internal = set(audit.internal_links())
    unlinked = [e["id"] for e in exported["entities"]
                if e["id"] not in internal and e["kind"] != "paper"]
    assert unlinked == [], "the contents reach every entity: %s" % unlinked
    # Citations lead to their references.
    assert "reference/zhao2019" in internal and "reference/liu2010" in internal
    with open(path, encoding="utf-8") as file:
        page = file.read()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy and "default-src 'none'" in html.unescape(policy.group(1)), "a policy forbids loads"
    assert "script-src" not in policy.group(1), "and so scripts: nothing allows them back"
    assert "<script" not in page.lower() and "<link" not in page.lower()
    # The map: a row per connotation; the matrix: a row per case, a mark per link.
    map_table = re.search(r'<table class="map">(.*?)</table>', page, re.S)
    matrix = re.search(r'<table class="matrix">(.*?)</table>', page, re.S)
    assert map_table and matrix, "the map and the matrix are tables"
    connotations = [e for e in exported["entities"] if e["kind"] == "connotation"]
    mechanisms = [e for e in exported["entities"] if e["kind"] == "mechanism"]
    cases = [e for e in exported["entities"] if e["kind"] == "case"]
    body = re.search(r"<tbody>(.*?)</tbody>", map_table.group(1), re.S).group(1)
    assert body.count("<tr>") == len(connotations)
    for mechanism in mechanisms:
        assert '<strong>%s</strong> <a href="#%s">' % (mechanism["code"], mechanism["id"]) in body, \
            mechanism["id"]
    rows = re.search(r"<tbody>(.*?)</tbody>", matrix.group(1), re.S).group(1)
    assert rows.count("<tr>") == len(cases)
    framework = {e["id"] for e in connotations + mechanisms}
    links = sum(1 for link in exported["links"]
                if link["type"] == "illustrates" and link["target"] in framework)
    assert rows.count(">●<") == links, (rows.count(">●<"), links)
    # On paper: the part openings start pages, on Letter and on A4.
    letter, sizes = pdf_pages(pdf)
    assert letter > 20 and all(size == (612.0, 792.0) for size in sizes), (letter, sizes[:3])
    a4, sizes = pdf_pages(on_a4(path))
    assert a4 > 20 and all(abs(size[0] - 595.3) < 1 and abs(size[1] - 841.9) < 1
                           for size in sizes), sizes[:3]
    texts = pdf_page_texts(pdf)
    starts = [text.strip().splitlines()[0].strip() for text in texts if text.strip()]
    for part in ("Sections", "Connotations", "Cases", "References"):
        assert part in starts, "%s opens a page: %s" % (part, starts[:40])


def test_a_reading_path_holds_its_steps_in_order():
    path = export("path.html", "path/lecture-50", "--format", "html")
    audit, _ = open_page(path)
    exported = {e["id"]: e for e in model()["entities"]}
    steps = exported["path/lecture-50"]["fields"]["steps"]
    articles = [i for i in audit.ids if "/" in i]
    positions = [articles.index(step) for step in steps]
    assert positions == sorted(positions), "steps in the path's order"
    assert articles[0] == "path/lecture-50"
    # What the steps link to but the path does not hold is in the back matter.
    assert "see-also" in audit.ids and "references" in audit.ids


def test_one_entity_and_what_it_links_to():
    path = export("case.html", "almaty", "--format", "html")
    audit, pdf = open_page(path, pdf=True)
    with open(path, encoding="utf-8") as file:
        page = file.read()
    assert re.search(r"<h1>The Almaty &quot;Silk Road&quot; brand</h1>", page), page[:2000]
    assert "case/almaty-silk-road-brand" in audit.ids
    assert "mechanism/brand-expansion" in audit.internal_links()
    assert "mechanism/brand-expansion" in audit.ids, "the back matter holds what it links to"
    count, _ = pdf_pages(pdf)
    assert 1 <= count <= 6, count


# MARK: Decks

def test_the_lecture_prints_one_slide_a_page_with_and_without_notes():
    count = slide_count("deck/lecture")
    for notes in (False, True):
        name = "lecture-notes.html" if notes else "lecture.html"
        path = export(name, "deck/lecture", "--format", "html", *(["--notes"] if notes else []))
        audit, pdf = open_page(path, pdf=True)
        slides = [i for i in audit.ids if i.startswith("slide-")]
        assert slides == ["slide-%d" % n for n in range(1, count + 1)], slides
        first_notes = "Minutes 0-8 (8 minutes, slides 1-6)" if notes else None
        pages = check_slides(pdf, count, first_notes)
        assert ("Minutes 0-8" in pages[0]) == notes, "notes only when asked for"
        total, sizes = pdf_pages(pdf)
        landscape = [w > h for w, h in sizes[:count]]
        assert all(landscape) if not notes else not any(landscape), sizes[:count]
        a4 = on_a4(path)
        check_slides(a4, count, first_notes)
        # The slides take the same pages on A4; only the back matter may differ.
        assert pdf_pages(a4)[0] - count <= total - count + 1


def test_a_deck_without_links_prints_exactly_one_page_a_slide():
    folder = content_file("talk", "decks/talk.md", """\
        ---
        id: deck/talk
        kind: deck
        title: A short talk
        ---
        # A short talk

        For the tests

        Notes: Say hello.
        ---
        ## Two

        - one point
        - another point, long enough to wrap on a page that is narrower than it
        - a third

        Notes: """ + "A long note that runs on. " * 60 + """
        ---
        ## Three

        > A quotation.

        ```
        code kept as written
        ```
        ---
        ## Four

        The end.
        """)
    for notes in (False, True):
        path = export("talk-%s.html" % notes, "deck/talk", "--content", folder, "--format",
                      "html", *(["--notes"] if notes else []))
        _, pdf = open_page(path, pdf=True)
        assert pdf_pages(pdf)[0] == 4, (notes, pdf_pages(pdf))
        check_slides(pdf, 4, "Say hello." if notes else None)
        assert pdf_pages(on_a4(path))[0] == 4


# MARK: Another framework, Markdown, the command line

def test_a_course_on_another_framework_reads_in_its_own_words():
    path = export("course.html", "--all", "--content", COURSE, "--format", "html")
    audit, pdf = open_page(path, pdf=True)
    with open(path, encoding="utf-8") as file:
        page = file.read()
    for heading in ("Lessons", "Pillars", "Action areas"):
        assert "<h2>%s</h2>" % heading in page, heading
    assert "Connotations" not in page and "Mechanisms" not in page
    # Names in other languages stand beside the titles, each in its language.
    assert ("zh", "五通") in audit.languages, audit.languages[:5]
    assert ("lo", "ທາງລົດໄຟລາວ-ຈີນ") in audit.languages
    # And on paper, in a font that has them (fonts-wqy-zenhei: make deps).
    printed = " ".join(pdf_page_texts(pdf))
    assert "五通" in printed and "中老铁路" in printed, \
        "the Chinese names print (is a Chinese font installed? make deps)"
    assert '<table class="matrix">' in page and "Which cases illustrate which action areas" in page


def test_markdown_handouts_link_only_to_their_own_anchors():
    for name, args in (("paper.md", ["--all"]), ("path.md", ["path/first-read"]),
                       ("lecture.md", ["deck/lecture", "--notes"]),
                       ("course.md", ["--all", "--content", COURSE])):
        path = export(name, *args)   # the format from the extension
        with open(path, encoding="utf-8") as file:
            text = file.read()
        assert not text.lstrip().startswith("<!DOCTYPE"), "Markdown, from the extension"
        anchors = set(re.findall(r'^<a id="([^"]+)"></a>$', text, re.M))
        targets = set(re.findall(r"\]\(#([^)\s]+)\)", text))
        assert targets and targets <= anchors, (name, sorted(targets - anchors)[:10])
        # The only HTML is those anchors.
        html = [line for line in re.findall(r"<[a-zA-Z/][^>\n]*>", text)
                if not re.fullmatch(r'<a id="[^"]+">|</a>', line)]
        assert html == [], (name, html[:5])
    with open(os.path.join(session.scratch, "paper.md"), encoding="utf-8") as file:
        paper = file.read()
    assert re.search(r"^\| Code \| Connotation \| Field \| Lever \| Mechanisms \|$", paper, re.M)


def test_the_command_line_explains_itself_and_writes_atomically():
    for args, needle in (
            (["export", "deck/lecture"], "for a handout give --format html or markdown"),
            (["export", "case/almaty-silk-road-brand", "--format", "html", "--notes"],
             "--notes goes with a deck"),
            (["export", "deck/nope", "--format", "html"], "unknown id"),
            (["export", "--all", "deck/lecture", "--format", "html"], "not both")):
        result = caravan(*args, check=False)
        assert result.returncode == 2, (args, result.returncode, result.stderr)
        assert needle in result.stderr, (args, result.stderr)
    target = os.path.join(session.scratch, "out.html")
    with open(target, "w") as file:
        file.write("old")
    old_mask = os.umask(0o022)
    try:
        caravan("export", "deck/lecture", "-o", target)
    finally:
        os.umask(old_mask)
    with open(target, encoding="utf-8") as file:
        written = file.read()
    printed = caravan("export", "deck/lecture", "--format", "html").stdout
    assert written == printed and written.startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644
    assert [n for n in os.listdir(session.scratch) if ".tmp-" in n] == [], "no temporary file left"
    missing = caravan("export", "--all", "--format", "html", "-o",
                      os.path.join(session.scratch, "no", "such", "folder.html"), check=False)
    assert missing.returncode == 1 and "cannot write" in missing.stderr, missing.stderr
    help_text = caravan("help", "export").stdout
    assert "--notes" in help_text and "deck/lecture --format html --notes" in help_text


def test_hostile_content_stays_text_in_the_browser():
    folder = content_file("hostile", "concepts/evil.md", """\
        ---
        id: concept/evil
        kind: concept
        title: '<script>alert(1)</script><img src=x onerror=alert(2)>'
        summary: '" onmouseover="alert(3)'
        aka: ['</style><script>alert(4)</script>']
        names: {zh: '<b>粗</b>'}
        ---
        [click](javascript:alert(5)) [data](data:text/html,<script>alert(6)</script>)
        <iframe src="http://example.test/"></iframe>

        ![pic](http://example.test/pic.png) [ok](https://example.org/?a=1&b=2)
        """)
    path = export("hostile.html", "concept/evil", "--content", folder, "--format", "html")
    audit, _ = open_page(path)
    assert "script" not in audit.tags and "img" not in audit.tags and "iframe" not in audit.tags
    with open(path, encoding="utf-8") as file:
        page = file.read()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page), "javascript: only as text"
    assert audit.remote_links() == ["http://example.test/pic.png", "https://example.org/?a=1&b=2"], \
        audit.remote_links()


if __name__ == "__main__":
    sys.exit(run(globals(), sys.argv[1:]))
