#!/usr/bin/env python3
"""Capture screens of the running explorer with tmux and put them in README.md.

usage: scripts/screenshots.py [--binary PATH] [--check]
With --check, exit 1 when README.md's screenshots differ from a fresh capture.
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SESSION = "caravan-screenshots"
WIDTH, HEIGHT = 100, 30

# (caption, keys sent before the capture)
SHOTS = [
    ("The explorer at start: contents, the paper, and its links", []),
    ("A case study opened from the jump prompt (`:` then a few letters)",
     [":", "almaty", "Enter"]),
    ("Searching (`/`) ranks titles above summaries above text", ["/", "brand expansion"]),
]


def tmux(*args):
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(binary, keys):
    # Without the reader's config and saved place, so that every capture starts alike.
    env = "TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8"
    tmux("new-session", "-d", "-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT),
         f"{env} {binary} --ignore-config --no-state")
    try:
        time.sleep(0.8)
        for key in keys:
            if key in ("Enter", "Escape", "Tab", "BSpace"):
                tmux("send-keys", "-t", SESSION, key)
            else:
                tmux("send-keys", "-t", SESSION, "-l", key)
            time.sleep(0.3)
        time.sleep(0.5)
        screen = tmux("capture-pane", "-p", "-t", SESSION)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    lines = [line.rstrip() for line in screen.splitlines()]
    return "\n".join(lines[:HEIGHT])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/caravan"))
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    blocks = []
    for caption, keys in SHOTS:
        blocks.append(f"{caption}:\n\n```text\n{capture(options.binary, keys)}\n```\n")
    section = "<!-- screenshots:start -->\n" + "\n".join(blocks) + "<!-- screenshots:end -->"
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as handle:
        readme = handle.read()
    updated = re.sub(r"<!-- screenshots:start -->.*?<!-- screenshots:end -->", lambda _: section,
                     readme, flags=re.S)
    if options.check:
        sys.exit(0 if updated == readme else 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(updated)


if __name__ == "__main__":
    main()
