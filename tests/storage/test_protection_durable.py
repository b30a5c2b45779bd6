"""The key is saved before anything is encrypted with it: a failed or killed protect, new
recovery code or passphrase change leaves a file that opens (D1), and a killed rewrite leaves
no copy beside the file once it is opened again (D2). Real files and real kill -9."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sponsor_app.services.group.groups import open_group
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.storage import connect as connections
from sponsor_app.storage.errors import KeyFileNotWritten, WrongPassphrase
from sponsor_app.storage.keys import key_file
from sponsor_app.storage.leftovers import clean_beside
from sponsor_app.storage.protection import (
    change_passphrase,
    is_protected,
    new_recovery_code,
    protect_file,
    unlock,
)

PASSPHRASE = "kumara paddock wheelbarrow"
NEW_PASSPHRASE = "seventeen orange kayaks paddling"


def _names(path: Path) -> list[str]:
    with open_group(path) as store:
        return sorted(v.full_name for v in list_volunteers(store, include_archived=True))


def _break_key_store(app_home: Path) -> None:
    """This computer's key folder cannot be made: a file stands where it belongs."""
    (app_home / "data").mkdir(parents=True, exist_ok=True)
    (app_home / "data" / "keys").write_text("not a folder")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_key_that_cannot_be_saved_on_this_computer_leaves_the_file_plain(demo, app_home):
    before = _names(demo)
    _break_key_store(app_home)
    with pytest.raises(KeyFileNotWritten, match="could not be written"):
        protect_file(demo, PASSPHRASE)
    assert not is_protected(demo)
    assert _names(demo) == before
    assert not key_file(demo).exists()
    assert _leftovers(demo.parent) == []


def test_a_key_file_that_cannot_be_written_beside_leaves_the_file_plain(demo):
    before = _names(demo)
    (key_file(demo) / "in the way").mkdir(parents=True)  # a folder where the key file goes
    with pytest.raises(KeyFileNotWritten, match=r"group\.sponsor-key"):
        protect_file(demo, PASSPHRASE)
    assert not is_protected(demo)
    assert _names(demo) == before


def test_a_failed_new_recovery_code_keeps_the_old_key_and_its_key_file(demo, app_home):
    code = protect_file(demo, PASSPHRASE).recovery_code
    for kept in (app_home / "data" / "keys").iterdir():
        kept.unlink()
    (app_home / "data" / "keys").rmdir()
    _break_key_store(app_home)
    with pytest.raises(KeyFileNotWritten):
        new_recovery_code(demo, NEW_PASSPHRASE)
    connections.forget_keys()
    unlock(demo, passphrase=PASSPHRASE)  # the key file beside is the old one again
    connections.forget_keys()
    unlock(demo, recovery_code=code)
    assert len(_names(demo)) > 0


def test_a_failed_passphrase_change_leaves_the_old_passphrase_alone(demo, app_home):
    protect_file(demo, PASSPHRASE)
    for slot in (app_home / "data" / "keys").iterdir():
        slot.unlink()
    (app_home / "data" / "keys").rmdir()
    _break_key_store(app_home)
    with pytest.raises(KeyFileNotWritten, match="was not changed"):
        change_passphrase(demo, NEW_PASSPHRASE)
    connections.forget_keys()
    with pytest.raises(WrongPassphrase):
        unlock(demo, passphrase=NEW_PASSPHRASE)
    unlock(demo, passphrase=PASSPHRASE)


def test_the_command_line_says_one_sentence_when_the_key_cannot_be_saved(demo, app_home):
    _break_key_store(app_home)
    env = {**os.environ, "SPONSOR_APP_NEW_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "sponsor_app", "protect", str(demo)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "was not changed" in done.stderr
    assert not is_protected(demo)


# A real kill -9 at the exact moment around the rename: the child replaces files.replace with
# one that kills itself just before (or just after) renaming the encrypted file into place.
_KILLED_AT_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from sponsor_app.storage import files, protection

    original = files.replace
    group = Path(sys.argv[1])

    def replace(partial, target):
        if Path(target) == group and sys.argv[2] == "after":
            original(partial, target)
        if Path(target) == group:
            os.kill(os.getpid(), signal.SIGKILL)
        original(partial, target)

    files.replace = replace
    protection.protect_file(group, sys.argv[3])
    """
)


def _protect_killed(demo: Path, moment: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_AT_RENAME, str(demo), moment, PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr


def test_killed_just_before_the_rename_the_file_is_plain_and_opens(demo):
    before = _names(demo)
    _protect_killed(demo, "before")
    assert not is_protected(demo)
    assert _names(demo) == before  # the key file left beside a plain file is ignored
    assert not any(p.name.endswith(".protecting") for p in demo.parent.iterdir())


def test_killed_just_after_the_rename_the_passphrase_opens_it(demo, tmp_path):
    before = _names(demo)
    _protect_killed(demo, "after")
    assert is_protected(demo)
    unlock(demo, passphrase=PASSPHRASE)  # the key was saved before the rename
    assert _names(demo) == before
    connections.forget_keys()
    other = tmp_path / "another computer"
    os.environ["SPONSOR_DESK_HOME"] = str(other)  # restored by app_home's monkeypatch
    unlock(demo, passphrase=PASSPHRASE)  # from the key file beside it alone


# --- D2: what a killed rewrite leaves beside the file ----------------------------------------
_UNPROTECT_PAUSED = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from sponsor_app.storage import files, protection

    group = Path(sys.argv[1])

    def replace(partial, target):  # the plain copy is written: say so and wait to be killed
        print("written", flush=True)
        sys.stdin.readline()
        os.kill(os.getpid(), signal.SIGKILL)

    files.replace = replace
    protection.unlock(group, passphrase=sys.argv[2])
    protection.unprotect_file(group)
    """
)


def _plain_copies_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".protecting" in p.name)


@contextlib.contextmanager
def _unprotect_until_written(demo: Path):
    """A real unprotect stopped just before its rename, killed (SIGKILL) when the block ends."""
    with subprocess.Popen(
        [sys.executable, "-c", _UNPROTECT_PAUSED, str(demo), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout.readline().strip() == "written"
            yield child
        finally:
            child.kill()
            child.wait(timeout=30)


def test_a_killed_unprotect_leaves_no_plain_copy_once_the_file_is_opened(demo):
    protect_file(demo, PASSPHRASE)
    before = _names(demo)
    connections.forget_keys()
    with _unprotect_until_written(demo):
        pass
    assert any(name.endswith(".protecting") for name in _plain_copies_beside(demo))
    unlock(demo, passphrase=PASSPHRASE)
    assert _names(demo) == before  # Store.open cleans up first
    assert _plain_copies_beside(demo) == []
    assert is_protected(demo)


def test_protecting_clears_a_killed_runs_copies_but_never_a_live_one(demo):
    protect_file(demo, PASSPHRASE)
    connections.forget_keys()
    with _unprotect_until_written(demo):
        live = _plain_copies_beside(demo)
        unlock(demo, passphrase=PASSPHRASE)
        assert clean_beside(demo) == []
        assert _plain_copies_beside(demo) == live  # its writer is alive
    new_recovery_code(demo, NEW_PASSPHRASE)  # starts by clearing the dead run's copy
    assert _plain_copies_beside(demo) == []


def test_a_passphrase_change_that_cannot_be_saved_is_one_line_and_changes_nothing(demo, app_home):
    protect_file(demo, PASSPHRASE)
    keys = app_home / "data" / "keys"
    for slot in keys.iterdir():
        slot.unlink()
    keys.rmdir()
    _break_key_store(app_home)
    env = {
        **os.environ,
        "SPONSOR_APP_PASSPHRASE": PASSPHRASE,
        "SPONSOR_APP_NEW_PASSPHRASE": NEW_PASSPHRASE,
    }
    done = subprocess.run(
        [sys.executable, "-m", "sponsor_app", "protect", str(demo)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "was not changed" in done.stderr
    connections.forget_keys()
    with pytest.raises(WrongPassphrase):
        unlock(demo, passphrase=NEW_PASSPHRASE)
    unlock(demo, passphrase=PASSPHRASE)


@pytest.mark.parametrize("command", ["check", "backup"])
def test_check_and_backup_also_clear_a_killed_unprotects_plain_copy(demo, command, tmp_path):
    """They read the file without opening a Store, so the copy survived them (the retest)."""
    protect_file(demo, PASSPHRASE)
    connections.forget_keys()
    with _unprotect_until_written(demo):
        pass
    assert _plain_copies_beside(demo)
    argv = [command, str(demo)] + (["--to", str(tmp_path / "out")] if command == "backup" else [])
    done = subprocess.run(
        [sys.executable, "-m", "sponsor_app", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "SPONSOR_APP_PASSPHRASE": PASSPHRASE},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert _plain_copies_beside(demo) == []


# --- a protect killed after the rename, before it showed the recovery code -------------------
_PROTECT_COMMAND_KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from sponsor_app.storage import files

    original = files.replace
    group = Path(sys.argv[1])

    def replace(partial, target):
        original(partial, target)
        if Path(target) == group:  # renamed into place: killed before anything is printed
            os.kill(os.getpid(), signal.SIGKILL)

    files.replace = replace
    from sponsor_app.cli import run
    run(["protect", str(group)])
    """
)


def test_a_protect_killed_after_the_rename_shows_the_code_and_finishes_at_the_next_open(
    demo, capsys
):
    """The file was left protected with the recovery code never shown, and its backups
    plain."""
    from sponsor_app.cli import run
    from sponsor_app.locations import backup_dir
    from sponsor_app.storage.connect import protection_of

    assert run(["backup", str(demo)]) == 0
    env = {**os.environ, "SPONSOR_APP_NEW_PASSPHRASE": PASSPHRASE}
    child = subprocess.run(
        [sys.executable, "-c", _PROTECT_COMMAND_KILLED, str(demo)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "Recovery code" not in child.stdout
    assert is_protected(demo)
    (backup,) = backup_dir().rglob("*-manual.sponsor")
    assert protection_of(backup) is None  # the kill came before the backups
    capsys.readouterr()
    os.environ["SPONSOR_APP_PASSPHRASE"] = PASSPHRASE  # removed by the finally below
    try:
        assert run(["check", str(demo)]) == 0
        out = capsys.readouterr().out
        assert "stopped before it showed the recovery code" in out
        code = out.split("keep it apart from the computer): ")[1].split()[0]
        assert protection_of(backup) == protection_of(demo)  # finished now
        assert run(["check", str(demo)]) == 0
        assert "Recovery code" not in capsys.readouterr().out  # shown once
    finally:
        del os.environ["SPONSOR_APP_PASSPHRASE"]
    connections.forget_keys()
    unlock(demo, recovery_code=code)  # the code shown is the file's
    assert len(_names(demo)) > 0
