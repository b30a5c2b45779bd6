"""Backups belong to the file that made them: protecting a copy of a group file re-protects
only the copy's backups, never the original's; a damaged file is offered its own backups,
protected ones too (their passphrase asked), and one whose beginning was destroyed is still
known by its path. Real files, real commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.locations import backup_dir
from sponsor_app.storage import connect as connections
from sponsor_app.storage.connect import protection_of

PASSPHRASE = "kumara paddock wheelbarrow"
TEST_PASSPHRASE = "seventeen orange kayaks paddling"


def _backups() -> list[Path]:
    return sorted(backup_dir().rglob("*.sponsor"))


def _protected(paths) -> list[str]:
    return [p.name for p in paths if protection_of(p) is not None]


@pytest.fixture
def original_and_copy(demo, tmp_path, capsys) -> tuple[Path, Path]:
    """The real file with a backup of its own, and a test copy made with `backup --to` that
    has a backup of its own too: all four share the group's id."""
    assert run(["backup", str(demo)]) == 0
    assert run(["backup", str(demo), "--to", str(tmp_path / "stick")]) == 0
    copy = next((tmp_path / "stick").glob("*.sponsor"))
    assert run(["backup", str(copy)]) == 0
    capsys.readouterr()
    return demo, copy


def test_protecting_a_copy_leaves_the_originals_backups_alone(
    original_and_copy, monkeypatch, capsys
):
    """Both share the group's id: `protect test-copy.sponsor` re-keyed the original's manual
    backup too, and a forgotten test passphrase lost them."""
    original, copy = original_and_copy
    before = {p: p.read_bytes() for p in _backups()}
    assert len(before) == 2
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", TEST_PASSPHRASE)
    assert run(["protect", str(copy)]) == 0
    assert "its 1 backup in the app's folder" in capsys.readouterr().out
    after = _backups()
    assert len(_protected(after)) == 1
    untouched = [p for p in after if protection_of(p) is None]
    assert len(untouched) == 1 and untouched[0].read_bytes() == before[untouched[0]]
    # The original and its backup open with no passphrase at all.
    connections.forget_keys()
    monkeypatch.delenv("SPONSOR_APP_NEW_PASSPHRASE")
    assert run(["restore", str(untouched[0]), str(original.with_name("again.sponsor"))]) == 0
    assert run(["check", str(original)]) == 0


def test_protecting_the_original_protects_its_backups_and_lists_its_copies(
    original_and_copy, monkeypatch, capsys
):
    original, copy = original_and_copy
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", PASSPHRASE)
    assert run(["protect", str(original)]) == 0
    out = capsys.readouterr().out
    assert "its 1 backup in the app's folder" in out
    assert "1 copy made before stays readable" in out and str(copy) in out, out
    assert protection_of(copy) is None


@pytest.mark.parametrize("choice", ["protect", "delete"])
def test_copies_made_before_can_be_protected_or_deleted_with_the_file(
    demo, tmp_path, monkeypatch, capsys, choice
):
    assert run(["backup", str(demo), "--to", str(tmp_path / "stick")]) == 0
    copy = next((tmp_path / "stick").glob("*.sponsor"))
    capsys.readouterr()
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", PASSPHRASE)
    assert run(["protect", str(demo), "--copies", choice]) == 0
    out = capsys.readouterr().out
    if choice == "delete":
        assert f"Deleted {copy}" in out and not copy.exists()
        return
    assert f"Protected {copy}" in out and protection_of(copy) == protection_of(demo)
    connections.forget_keys()
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)  # the same passphrase opens it
    assert run(["check", str(copy)]) == 0


def _zero_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["first page zeroed", "written over with a CSV"])
def test_a_file_whose_beginning_is_destroyed_is_offered_its_backups(demo, capsys, damage):
    """It was "not a Sponsor Desk group file" with no backup offered, though the app knew the
    file and its group's backups."""
    assert run(["check", str(demo)]) == 0
    assert run(["backup", str(demo)]) == 0
    capsys.readouterr()
    if damage == "first page zeroed":
        _zero_first_page(demo)
    else:
        demo.write_text("where,problem\nline 3,date\n")
    assert run(["check", str(demo)]) == 1
    err = capsys.readouterr().err
    assert "is damaged and cannot be opened" in err and err.count("\n") == 1, err
    assert "The newest good backup of this group" in err and "sponsor-app restore" in err, err


def test_a_damaged_protected_file_is_offered_its_protected_backup(demo, monkeypatch, capsys):
    """The offer said "No good backup of this group was found" when every backup was
    protected; it now names the newest and restores it with its passphrase."""
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", PASSPHRASE)
    assert run(["protect", str(demo)]) == 0
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    assert run(["backup", str(demo)]) == 0
    capsys.readouterr()
    connections.forget_keys()
    _zero_first_page(demo)
    monkeypatch.delenv("SPONSOR_APP_PASSPHRASE")
    assert run(["check", str(demo)]) == 1
    err = capsys.readouterr().err
    assert "is protected with a passphrase: restore it with" in err, err
    backup = Path(err.split("“sponsor-app restore ")[1].split(" ")[0])
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    assert run(["restore", str(backup), str(demo)]) == 0
    assert "damaged file it replaced was kept" in capsys.readouterr().out
    assert run(["check", str(demo)]) == 0
