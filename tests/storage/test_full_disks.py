"""A full disk is reported as a full disk, in one sentence, and the group file is unchanged.

Real small filesystems (tmpfs), filled to 0 bytes and to a few KB: the two places where the
app once gave a traceback (the lock file) or called a healthy file "damaged" (SQLite's I/O
error when its shared memory or log cannot grow).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.locations import backup_dir
from sponsor_app.services.files.copies import save_copy
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.errors import BackupFailed, DamagedFile, DiskFull
from sponsor_app.storage.store import Store

from .disks import fill, small_disk

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _rows(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in connection.execute("SELECT full_name FROM volunteer ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk", 4096) as folder:
        yield folder


def _group_with_two_volunteers(folder: Path) -> Path:
    path = folder / "group.sponsor"
    with create_group(path, NewGroup(name="Full disk")) as store:
        for name in ("Aroha Ngata", "Li Wei"):
            add_volunteer(store, VolunteerInput(name, ("volunteer",)))
    return path


@pytest.mark.parametrize("leave", [0, 8 * 1024], ids=["0 bytes", "8 KB"])
def test_every_command_on_a_full_disk_says_so_in_one_line(disk, tmp_path, capsys, leave):
    path = _group_with_two_volunteers(disk)
    before = path.read_bytes()
    source = tmp_path / "people.csv"
    source.write_text("Name,Roles\nMere Tane,volunteer\n", encoding="utf-8")
    filler = fill(disk, leave)
    commands = [
        ["history", str(path)],
        ["import", "volunteers", str(path), str(source)],
        ["export", "volunteers", str(path), "--out", str(disk / "roster.csv")],
        ["backup", str(path), "--to", str(disk / "copies")],
        ["new", str(disk / "second.sponsor"), "--name", "Second"],
        ["demo", str(disk / "demo.sponsor")],
        ["restore", str(path), str(disk / "restored.sponsor")],
    ]
    for command in commands:
        assert run(command) == 1, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is full" in err, (command, err)
        assert "damaged" not in err and "Traceback" not in err, (command, err)
    filler.unlink()
    assert path.read_bytes() == before
    assert _rows(path) == ["Aroha Ngata", "Li Wei"]
    leftovers = sorted(p.name for p in disk.iterdir() if not p.name.startswith("group.sponsor"))
    assert leftovers == [], "a failed command left something half written"


@pytest.mark.parametrize("leave", [0, 8 * 1024], ids=["0 bytes", "8 KB"])
def test_a_write_in_an_open_window_on_a_disk_that_fills_is_disk_full_not_damage(disk, leave):
    path = _group_with_two_volunteers(disk)
    with Store.open(path) as store:
        filler = fill(disk, leave)
        with pytest.raises(DiskFull, match="is full"):
            for n in range(50):  # a few KB may take one or two edits before it runs out
                add_volunteer(
                    store, VolunteerInput(f"Person {n}", ("volunteer",), notes="x" * 4000)
                )
        with pytest.raises(DiskFull):
            save_copy(store, disk / "copy.sponsor")
        filler.unlink()
        # Room again: the same open file takes the next edit.
        add_volunteer(store, VolunteerInput("After the space was freed", ("volunteer",)))
    names = _rows(path)
    assert names[:2] == ["Aroha Ngata", "Li Wei"] and names[-1] == "After the space was freed"
    assert not [p for p in disk.iterdir() if "copy" in p.name]


def test_a_damaged_file_is_still_called_damaged_when_the_disk_has_room(tmp_path):
    """The other side of the rule: the free-space test must not hide real damage."""
    path = _group_with_two_volunteers(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))
    with pytest.raises(DamagedFile, match="damaged"):
        Store.open(path).close()


def test_a_full_backups_disk_during_an_upgrade_blames_the_backups_folder(tmp_path, monkeypatch):
    """An old file must be backed up before it is upgraded; when the backups disk is full the
    message names that folder (not the group file's disk) and the file is left as it was."""
    path = tmp_path / "old.sponsor"
    shutil.copyfile(FIXTURES / "schema-0004.sponsor", path)
    before = path.read_bytes()
    with small_disk(tmp_path / "home-disk", 256) as home:
        monkeypatch.setenv("SPONSOR_DESK_HOME", str(home))
        folder = backup_dir()  # made while there is room
        fill(home)
        with pytest.raises(BackupFailed) as caught:
            Store.open(path)
        message = str(caught.value)
        assert str(folder) in message and "disk is full" in message
        assert f"{path} was not upgraded" in message and "unchanged" in message
        assert "The disk holding" not in message  # the group file's disk is not to blame
    assert path.read_bytes() == before


def test_an_xlsx_export_when_the_apps_own_folder_is_full_names_that_folder(
    tmp_path, small_demo_bytes
):
    """ "Cannot write fh.xlsx: No space left" blamed the export's disk, which had room: the
    rows stream through the app's own temporary folder, and that one was full."""
    import subprocess
    import sys

    group = tmp_path / "group.sponsor"
    group.write_bytes(small_demo_bytes)
    with small_disk(tmp_path / "home", 1024) as home:
        env = {**os.environ, "SPONSOR_DESK_HOME": str(home)}
        run_cli = [sys.executable, "-m", "sponsor_app"]
        made = subprocess.run([*run_cli, "check", str(group)], env=env, capture_output=True)
        assert made.returncode == 0, made.stderr
        fill(home, 16 * 1024)
        done = subprocess.run(
            [*run_cli, "export", "transactions", str(group), "--out", str(tmp_path / "t.xlsx")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert f"Sponsor Desk's own folder {home}" in done.stderr and "is full" in done.stderr
    assert not (tmp_path / "t.xlsx").exists()
