"""Headless Chromium for the handout tests: load a page with the network shut, dump its
DOM, print it to PDF, and check what it links to and what it asked for.

Every request the browser makes goes to a recording proxy on loopback that answers
nothing, and every host name fails to resolve, so a page that tries to fetch anything is
caught and nothing leaves the machine.
"""

import html.parser
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import urllib.parse

CANDIDATES = ("chromium-headless-shell", "chromium", "chromium-browser")


def find_chromium():
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("no headless Chromium found (install chromium-headless-shell: make deps)")


class RecordingProxy:
    """A proxy on loopback that writes down the first line of every request and refuses it."""

    def __init__(self):
        self.requests = []
        self._lock = threading.Lock()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(32)
        self.port = self._server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                try:
                    data = connection.recv(4096)
                except OSError:
                    data = b""
                line = data.split(b"\r\n", 1)[0].decode("latin-1")
                with self._lock:
                    self.requests.append(line or "(a connection that sent nothing)")

    def taken(self):
        """The requests recorded so far, forgotten once read."""
        with self._lock:
            requests, self.requests = self.requests, []
        return requests

    def close(self):
        self._server.close()


class Browser:
    """Runs headless Chromium once per page, with its own profile folder, no network but
    the recording proxy, and nothing left running afterwards."""

    def __init__(self):
        self.binary = find_chromium()
        self.proxy = RecordingProxy()
        self.folder = tempfile.mkdtemp(prefix="caravan-browser-")

    def close(self):
        self.proxy.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def load(self, page, pdf=None, timeout=90):
        """Loads the file `page`; returns its DOM as HTML after load, and prints it to
        `pdf` when given."""
        profile = tempfile.mkdtemp(prefix="profile-", dir=self.folder)
        arguments = [
            self.binary, "--headless", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--mute-audio",
            "--proxy-server=http://127.0.0.1:%d" % self.proxy.port,
            "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--dump-dom",
        ]
        if pdf:
            arguments += ["--no-pdf-header-footer", "--print-to-pdf=" + pdf]
        arguments.append("file://" + urllib.parse.quote(os.path.abspath(page)))
        process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
        finally:
            # The browser's helpers share its process group; none may outlive it.
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            shutil.rmtree(profile, ignore_errors=True)
        if process.returncode != 0:
            raise RuntimeError("chromium exited with %d: %s" % (process.returncode,
                                                                  err.decode()[-2000:]))
        if pdf and not os.path.exists(pdf):
            raise RuntimeError("chromium wrote no PDF: " + err.decode()[-2000:])
        return out.decode("utf-8")


# Attributes through which a browser fetches something by itself.
FETCHING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "action", "formaction",
                       "ping", "manifest", "codebase", "archive", "longdesc", "lowsrc",
                       "dynsrc", "imagesrcset", "xlink:href"}
FETCHING_TAGS = {"link", "script", "iframe", "frame", "object", "embed", "img", "image",
                 "video", "audio", "source", "track", "base", "form", "input", "svg",
                 "picture", "applet", "portal", "fencedframe"}


class PageAudit(html.parser.HTMLParser):
    """What a page defines and links to, and everything in it that could fetch, run or
    redirect."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.links = []        # (href, tag)
        self.problems = []     # things a handout must never hold
        self.tags = []
        self.languages = []    # (lang, text) of elements with a lang attribute
        self._style = False
        self._lang_stack = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        if tag in FETCHING_TAGS:
            self.problems.append("a <%s> element" % tag)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("a meta refresh")
        for name, value in attrs:
            value = value or ""
            if name == "id":
                self.ids.append(value)
            if name in FETCHING_ATTRIBUTES:
                self.problems.append("%s=%r on <%s>" % (name, value, tag))
            if name.startswith("on"):
                self.problems.append("an event handler %s on <%s>" % (name, tag))
            if name == "style" and ("url(" in value.lower() or "@import" in value.lower()):
                self.problems.append("a style attribute that fetches: %r" % value)
            if name == "href":
                if tag != "a":
                    self.problems.append("href on <%s>" % tag)
                self.links.append((value, tag))
                scheme = urllib.parse.urlsplit(value.strip()).scheme.lower()
                if scheme not in ("", "http", "https", "mailto"):
                    self.problems.append("a %s: link %r" % (scheme, value))
        if tag == "style":
            self._style = True
        if "lang" in values and tag != "html":
            self._lang_stack.append([values["lang"], ""])

    def handle_endtag(self, tag):
        if tag == "style":
            self._style = False
        if tag == "span" and self._lang_stack:
            self.languages.append(tuple(self._lang_stack.pop()))

    def handle_data(self, data):
        if self._style:
            lowered = data.lower()
            for needle in ("url(", "@import", "image-set(", "src:"):
                if needle in lowered:
                    self.problems.append("a style sheet with %s" % needle)
        for entry in self._lang_stack:
            entry[1] += data

    def internal_links(self):
        return [urllib.parse.unquote(href[1:]) for href, _ in self.links if href.startswith("#")]

    def broken_links(self):
        ids = set(self.ids)
        return sorted({target for target in self.internal_links() if target not in ids})

    def remote_links(self):
        return [href for href, _ in self.links
                if urllib.parse.urlsplit(href).scheme.lower() in ("http", "https")]


def pdf_pages(pdf):
    """The page count and each page's size in points, from pdfinfo."""
    result = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True,
                            text=True, check=True)
    count = None
    sizes = []
    for line in result.stdout.splitlines():
        if line.startswith("Pages:"):
            count = int(line.split()[1])
        elif line.startswith("Page") and "size:" in line:
            numbers = line.split("size:")[1].split()
            sizes.append((float(numbers[0]), float(numbers[2])))
    return count, sizes


def pdf_page_texts(pdf):
    """The text of each page, from pdftotext."""
    result = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                            text=True, check=True)
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages
