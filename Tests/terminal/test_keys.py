#!/usr/bin/env python3
"""Real-terminal tests of keys rebound in config.toml.

A config file rebinds keys of the explorer, the framework views and the presenter; the
explorer then takes the new keys, its status hints and `?` name them, and `caravan keys`
lists them (or the built-in ones with --ignore-config, as the manual page has them).

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_keys.py [NAME...]
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
from tmuxharness import Session  # noqa: E402
from test_terminal import BINARY, assert_restored  # noqa: E402

CONFIG = """\
[keys]
help = "F2"
quit = "x"
line-down = "n"
[keys.views]
filter-region = "R"
[keys.presenter]
next = ["x", "Space"]
"""


def write_config(home):
    folder = os.path.join(home, ".config", "caravan")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.toml"), "w") as file:
        file.write(CONFIG)


def keys_listing(*args):
    home = tempfile.mkdtemp(prefix="caravan-keys-")
    write_config(home)
    variables = dict(os.environ, HOME=home, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    variables.pop("XDG_CONFIG_HOME", None)
    result = subprocess.run([BINARY, "keys"] + list(args), capture_output=True, text=True,
                            env=variables, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def line_for(text, help_text):
    for line in text.splitlines():
        if line.rstrip().endswith(help_text):
            return line
    raise AssertionError("no line for %r in:\n%s" % (help_text, text))


def test_caravan_keys_lists_the_keys_as_the_config_binds_them():
    rebound = keys_listing()
    assert line_for(rebound, "Show this help").split() == ["F2", "Show", "this", "help"]
    assert line_for(rebound, "  Quit").split()[0] == "x"
    assert " R " in line_for(rebound, "one region, the next, then all (matrix)")
    assert line_for(rebound, "next slide").split()[:2] == ["x", "Space"]
    built_in = keys_listing("--ignore-config")
    assert line_for(built_in, "Show this help").split()[:2] == ["?", "F1"]
    assert line_for(built_in, "  Quit").split()[:2] == ["q", "Q"]
    manual = keys_listing("--format", "mdoc", "--ignore-config")
    assert manual.startswith(".Sh KEYS"), manual[:40]
    assert '.It Sy "? F1"' in manual, "the manual page has the built-in keys"


def test_the_explorer_takes_names_and_helps_with_the_rebound_keys():
    session = Session.start(width=120, height=40)
    try:
        write_config(session.home)
        session.run_command([BINARY, "--no-state"])
        pid = session.wait_for_program()
        session.wait_for_alternate(True)
        session.wait_for("Caravan")
        status = lambda: session.screen().splitlines()[-1]
        assert "F2 help" in status(), status()
        assert "x quit" in status(), status()
        session.keys("?")
        session.wait_until(lambda: "? is not bound; press F2 for help" in status(),
                           what="the old help key refused, naming the new one")
        session.keys("F2")
        session.wait_for("Keys")
        assert re.search(r"\bn\s+Move down one line", session.screen()), session.screen()
        session.keys("Escape")
        session.wait_until(lambda: "Keys" not in session.screen().splitlines()[1],
                           what="help closed")
        # The matrix takes the rebound filter key, and the rebound move from [keys].
        session.keys("X")
        session.wait_for("Case matrix")
        header = lambda: session.screen().splitlines()[1]
        assert "R region" in header(), header()
        session.keys("R")
        session.wait_until(lambda: "all connotations, Central Asia" in header(),
                           what="the matrix filtered by region")
        session.keys("q")
        session.stable_screen()
        assert session.alternate_on(), "q no longer quits"
        session.keys("x")
        assert_restored(session, pid)
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
