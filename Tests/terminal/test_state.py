#!/usr/bin/env python3
"""Real-terminal tests of remembering the reader: place, marks and notes survive a
restart; a damaged state file is set aside with a warning; notes go through $EDITOR.

    CARAVAN_BIN=.build/debug/caravan python3 Tests/terminal/test_state.py [NAME...]
"""

import glob
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tmuxharness  # noqa: E402
import test_explorer  # noqa: E402
from test_terminal import BINARY, assert_restored  # noqa: E402


def start(home, env=None, args=()):
    """The explorer with HOME at `home`, so its state is kept between sessions."""
    variables = {"HOME": home}
    variables.update(env or {})
    return test_explorer.start(args, env=variables)


def status(session):
    return session.screen().splitlines()[-1]


def state_folder(home):
    return os.path.join(home, ".local", "state", "caravan")


def fake_editor(home, script):
    """An executable shell script in `home`, run as the editor with the note's file as $1."""
    path = os.path.join(home, "fake-editor")
    with open(path, "w") as file:
        file.write("#!/bin/sh\n" + script)
    os.chmod(path, 0o755)
    return path


def test_restart_lands_where_it_left_with_marks_and_notes():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    try:
        session, pid = start(home)
        try:
            session.keys(":")
            session.type("almaty")
            session.keys("Enter")
            session.wait_until(lambda: "case/almaty-silk-road-brand" in status(session), what="jump")
            session.keys("m", "a")
            session.wait_until(lambda: "Mark a set" in status(session), what="mark set")
            session.keys("a")
            session.wait_for("Note on")
            session.type("Remember the hotels")
            session.keys("C-s")
            session.wait_for("Your note")
            session.keys(":")
            session.type("west papua")
            session.keys("Enter")
            session.wait_until(lambda: "case/west-papua-industrial-park" in status(session),
                               what="second jump")
            session.keys("j", "j", "j")
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
        assert glob.glob(os.path.join(state_folder(home), "state-*.json")), "no state file written"
        assert oct(os.stat(state_folder(home)).st_mode & 0o777) == "0o700"

        session, pid = start(home)
        try:
            assert "case/west-papua-industrial-park" in status(session), status(session)
            assert " 4-" in status(session), "scroll position restored: " + status(session)
            session.keys("'", "a")
            session.wait_until(lambda: "case/almaty-silk-road-brand" in status(session),
                               what="mark a jumps back")
            session.wait_for("Remember the hotels")
            session.keys("BSpace")
            session.wait_until(lambda: "case/west-papua-industrial-park" in status(session),
                               what="history survives too")
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_damaged_state_file_is_kept_as_bak_with_a_warning():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    try:
        folder = state_folder(home)
        os.makedirs(folder, mode=0o700)
        damaged = os.path.join(folder, "state-builtin-bian-liu-2023.json")
        with open(damaged, "w") as file:
            file.write("{ this is not json")
        session, pid = start(home)
        try:
            session.wait_until(lambda: "damaged" in status(session), what="the warning")
            assert os.path.exists(damaged + ".bak"), os.listdir(folder)
            with open(damaged + ".bak") as file:
                assert file.read() == "{ this is not json"
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_notes_are_written_in_the_editor_from_editor_variable():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    try:
        editor = fake_editor(home, "printf 'Written in the editor\\n' >> \"$1\"\n")
        session, pid = start(home, env={"EDITOR": editor})
        try:
            session.keys("a")
            session.wait_for("Written in the editor")
            assert "Note saved" in status(session), status(session)
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_an_editor_that_cannot_start_or_fails_changes_nothing():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    try:
        failing = fake_editor(home, "printf 'Half a thought' >> \"$1\"\nexit 3\n")
        for editor, expected in ((os.path.join(home, "no-such-editor"), "Cannot start the editor"),
                                 (failing, "exited with status 3")):
            session, pid = start(home, env={"EDITOR": editor, "TMPDIR": home})
            try:
                session.keys("a")
                session.wait_until(lambda: expected in status(session), what=expected)
                assert "Note saved" not in session.screen(), session.screen()
                session.keys("q")
                assert_restored(session, pid)
            finally:
                session.close()
            assert not any(saved_notes(home).values()), saved_notes(home)
        # What the failing editor wrote is kept in its file, and the status named it.
        kept = glob.glob(os.path.join(home, "caravan-note-*.md"))
        assert len(kept) == 1, kept
        with open(kept[0]) as file:
            assert file.read() == "Half a thought"
    finally:
        shutil.rmtree(home, ignore_errors=True)



def saved_notes(home):
    """The notes in the state file on disk, by entity id."""
    files = glob.glob(os.path.join(state_folder(home), "state-*.json"))
    if not files:
        return {}
    with open(files[0]) as file:
        annotations = json.load(file).get("annotations", {})
    return {key: value.get("text", "") for key, value in annotations.items()}


def test_note_saved_means_on_disk_even_after_kill_9():
    for editor_kind in ("external", "built-in"):
        home = tempfile.mkdtemp(prefix="caravan-state-")
        try:
            env = {}
            if editor_kind == "external":
                env["EDITOR"] = fake_editor(home, "printf 'Kept after a crash\\n' >> \"$1\"\n")
            session, pid = start(home, env=env)
            try:
                session.keys("a")
                if editor_kind == "built-in":
                    session.wait_for("Note on")
                    session.type("Kept after a crash")
                    session.keys("C-s")
                session.wait_until(lambda: "Note saved" in status(session), what="Note saved")
                session.signal(9, pid)
                session.wait_for_exit(pid)
            finally:
                session.close()
            notes = saved_notes(home)
            assert any("Kept after a crash" in text for text in notes.values()), (editor_kind, notes)
        finally:
            shutil.rmtree(home, ignore_errors=True)


def test_a_note_that_cannot_be_written_stays_in_the_editor():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    folder = state_folder(home)
    try:
        # A file where the state folder should be: every save fails (even as root).
        os.makedirs(os.path.dirname(folder))
        with open(folder, "w") as file:
            file.write("not a folder")
        session, pid = start(home)
        try:
            session.keys("a")
            session.wait_for("Note on")
            session.type("Do not lose this")
            session.keys("C-s")
            session.wait_until(lambda: "not saved" in status(session).lower(), what="the failure")
            screen = session.screen()
            assert "Note saved" not in screen, screen
            assert "Do not lose this" in screen, "the text stays in the editor: " + screen
            assert "Note on" in screen, screen
            # Once the folder can be made, Ctrl-S saves.
            os.remove(folder)
            session.keys("C-s")
            session.wait_until(lambda: "Note saved" in status(session), what="saved on retry")
            assert any("Do not lose this" in text for text in saved_notes(home).values())
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_sigterm_saves_the_place():
    home = tempfile.mkdtemp(prefix="caravan-state-")
    try:
        session, pid = start(home)
        try:
            session.keys(":")
            session.type("sericulture")
            session.keys("Enter")
            session.wait_until(lambda: "case/sericulture-central-asia" in status(session), what="jump")
            session.signal(15, pid)
            assert_restored(session, pid)
        finally:
            session.close()
        session, pid = start(home)
        try:
            assert "case/sericulture-central-asia" in status(session), status(session)
            session.keys("q")
            assert_restored(session, pid)
        finally:
            session.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(tmuxharness.run_tests(globals(), sys.argv[1:], BINARY))
