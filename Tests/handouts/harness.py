"""What the handout tests share: the binary, the browser and a scratch folder for one run,
exporting, opening a page in the browser with the checks every handout must pass, printing
it on A4, and the runner that prints `N passed, M failed` as the other suites do.

Without a headless Chromium the tests are skipped with a message saying why, since
`make deps` cannot install one everywhere (Ubuntu has only a snap); with
CARAVAN_REQUIRE_BROWSER=1 that is a failure instead.
"""

import json
import os
import re
import sys
import shutil
import subprocess
import tempfile
import textwrap
import time
import traceback

from browser import Browser, PageAudit, pdf_page_texts

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BINARY = os.path.abspath(os.environ.get("CARAVAN_BIN", os.path.join(ROOT, ".build/debug/caravan")))
COURSE = os.path.join(ROOT, "Tests", "fixtures", "five-connectivities")
# What a printer with A4 paper does: the same page, on the other size.
A4 = "<style>@page { size: A4; } @page slide { size: A4 landscape; }</style>"


class Session:
    """The browser and the scratch folder of one run."""
    browser = None
    scratch = None


session = Session()


def caravan(*args, check=True):
    result = subprocess.run([BINARY] + list(args), capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    if check:
        assert result.returncode == 0, (args, result.returncode, result.stderr)
    return result


def export(name, *args):
    """Exports a handout to a file in the scratch folder; returns its path."""
    path = os.path.join(session.scratch, name)
    caravan("export", *args, "-o", path)
    return path


def content_file(name, path, text):
    """Writes `text`, dedented, as the file `path` of a content folder `name` in the
    scratch folder; returns the folder."""
    folder = os.path.join(session.scratch, name)
    target = os.path.join(folder, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as file:
        file.write(textwrap.dedent(text))
    return folder


def open_page(path, pdf=False):
    """The page's audit after Chromium loaded it (and its PDF's path when asked), checked
    for what every handout must be: links that resolve, nothing fetched or run."""
    pdf_path = path + ".pdf" if pdf else None
    dom = session.browser.load(path, pdf=pdf_path)
    audit = PageAudit(dom)
    assert "<main>" in dom, "the page loaded: " + dom[:300]
    assert audit.broken_links() == [], "links to nothing: %s" % audit.broken_links()[:10]
    assert audit.problems == [], audit.problems[:10]
    assert session.browser.proxy.taken() == [], "the page asked the network for something"
    with open(path, encoding="utf-8") as file:
        source = PageAudit(file.read())
    assert source.problems == [], "in the file itself: %s" % source.problems[:10]
    return audit, pdf_path


def on_a4(path):
    """A copy of the page as an A4 printer prints it; its PDF's path."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    copy = path.replace(".html", "-a4.html")
    with open(copy, "w", encoding="utf-8") as file:
        file.write(text.replace("</head>", A4 + "</head>", 1))
    pdf = copy + ".pdf"
    session.browser.load(copy, pdf=pdf)
    assert session.browser.proxy.taken() == []
    return pdf


def model(*content):
    args = ["export", "--format", "json"]
    for folder in content:
        args += ["--content", folder]
    return json.loads(caravan(*args).stdout)


def slide_count(deck):
    shown = caravan("show", deck, "--width", "200").stdout
    match = re.search(r"Slides \((\d+)\)", shown)
    assert match, shown[:400]
    return int(match.group(1))


def check_slides(pdf, count, notes_of_first=None):
    """Slide n is on page n, alone: its number "n / N" is there and no other slide's."""
    pages = pdf_page_texts(pdf)
    assert len(pages) >= count, (len(pages), count)
    for number in range(1, count + 1):
        text = pages[number - 1]
        found = re.findall(r"\b(\d+) ?/ ?%d\b" % count, text)
        assert found == [str(number)], "page %d holds slides %s" % (number, found)
    if notes_of_first:
        assert notes_of_first in " ".join(pages[0].split()), "the first slide's notes are on its page"
    # Whatever follows (references, see also) starts on a page of its own.
    for text in pages[count:]:
        assert not re.search(r"\b\d+ ?/ ?%d\b" % count, text)
    return pages


def run(names, argv):
    """Runs the test functions among `names` (a module's globals) whose names hold one of
    `argv`, or all of them; prints a line for each and the summary last."""
    tests = [(name, test) for name, test in names.items()
             if name.startswith("test_") and callable(test)]
    if argv:
        tests = [(name, test) for name, test in tests if any(arg in name for arg in argv)]
    problem = None
    if not os.access(BINARY, os.X_OK):
        problem = "no executable at %s (set CARAVAN_BIN)" % BINARY
    for tool in ("pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            problem = "%s is not installed (poppler-utils: make deps)" % tool
    try:
        session.browser = Browser()
    except RuntimeError as error:
        if os.environ.get("CARAVAN_REQUIRE_BROWSER") != "1":
            print("SKIP %d handout tests: %s" % (len(tests), error))
            print("0 passed, 0 failed, %d skipped" % len(tests))
            return 0
        problem = str(error)
    session.scratch = tempfile.mkdtemp(prefix="caravan-handouts-")
    passed = failed = 0
    try:
        for name, test in tests:
            started = time.monotonic()
            try:
                if problem:
                    raise RuntimeError(problem)
                test()
            except Exception as error:  # noqa: BLE001 - report every failure the same way
                failed += 1
                print("FAIL %s (%.1fs)" % (name, time.monotonic() - started))
                if isinstance(error, AssertionError):
                    # The failing line, then what the assertion said.
                    frame = traceback.extract_tb(error.__traceback__)[-1]
                    detail = "line %d: %s\n%s" % (frame.lineno, frame.line, error)
                else:
                    detail = traceback.format_exc()
                print(textwrap.indent(detail.rstrip() or type(error).__name__, "    "))
            else:
                passed += 1
                print("PASS %s (%.1fs)" % (name, time.monotonic() - started))
            sys.stdout.flush()
    finally:
        if session.browser:
            session.browser.close()
        shutil.rmtree(session.scratch, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not tests else 0
