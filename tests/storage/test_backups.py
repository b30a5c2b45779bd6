"""Backups: taken while another process writes, kept by the group's id in a rotating set,
cleaned up after a kill, offered for a damaged file, and restored with every commit."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.locations import backup_dir
from sponsor_app.services.group.groups import NewGroup, create_group, open_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage import rotation
from sponsor_app.storage.backup import (
    backup_file,
    group_folder,
    list_backups,
    offering_backup,
    prune,
    restore_backup,
)
from sponsor_app.storage.errors import (
    DamagedFile,
    DifferentGroup,
    FolderMissing,
    NotAFolder,
    SameFile,
)
from sponsor_app.storage.facts import group_of_file
from sponsor_app.storage.leftovers import clean_partials
from sponsor_app.storage.store import Store

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in connection.execute("SELECT full_name FROM volunteer ORDER BY id")]
    finally:
        connection.close()


def _group(path: Path, name: str, volunteers: list[str] = ()) -> str:
    with create_group(path, NewGroup(name=name)) as store:
        for person in volunteers:
            add_volunteer(store, VolunteerInput(person, ("volunteer",)))
        return store.group.uuid


# --- backups while another process writes ----------------------------------------------------
WRITER = """
import sys
from sponsor_app.storage.models import Volunteer
from sponsor_app.storage.store import Store

store = Store.open(sys.argv[1])
for n in range(1, int(sys.argv[2]) + 1):
    with store.transaction() as s:
        s.add(Volunteer(full_name=f"committed {n}"))
    print(n, flush=True)
sys.stdin.readline()
store.close()
"""


def _writer(path: Path, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_backup_while_another_process_writes_has_every_committed_row(tmp_path, capsys):
    """Failure 4: `backup` was refused while the window had the file open."""
    path = tmp_path / "group.sponsor"
    _group(path, "Busy")
    writer = _writer(path, 400)
    try:
        for _ in range(40):
            seen = int(writer.stdout.readline())  # committed before the backup starts
        assert run(["backup", str(path), "--to", str(tmp_path / "copies")]) == 0
        (copy,) = (tmp_path / "copies").glob("group backup *.sponsor")
        names = _names(copy)
        assert len(names) >= seen
        assert names == [f"committed {n}" for n in range(1, len(names) + 1)]  # a clean prefix
    finally:
        writer.stdin.close()
        writer.wait(timeout=60)
        writer.stdout.close()
    assert "Backed up" in capsys.readouterr().out


def test_a_backup_holds_the_saved_changes_a_plain_copy_of_an_open_file_misses(tmp_path):
    """Why the README says "back up", not "copy": the last changes live in the log beside the
    file until SQLite folds them in, so a copy of the file alone is out of date."""
    path = tmp_path / "group.sponsor"
    _group(path, "Open")
    writer = _writer(path, 20)
    try:
        for _ in range(20):
            writer.stdout.readline()
        plain = tmp_path / "plain.sponsor"
        shutil.copyfile(path, plain)
        made = backup_file(path, to_dir=tmp_path)
    finally:
        writer.stdin.close()
        writer.wait(timeout=60)
        writer.stdout.close()
    assert len(_names(made)) == 20
    assert len(_names(plain)) < 20


BACKUP_LOOP = """
import sys
from pathlib import Path
from sponsor_app.storage.backup import backup_file
while True:
    backup_file(Path(sys.argv[1]))
    print("done", flush=True)
"""


@posix_only
def test_kill_during_backups_leaves_complete_backups_and_partials_cleaned_at_start(
    tmp_path, large_demo_bytes, app_home
):
    """Failure 8: killed backups left `.partial` copies of personal data forever."""
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    before = path.read_bytes()
    rng = random.Random(13)
    kills_mid_copy = 0
    for _round in range(12):
        process = subprocess.Popen(
            [sys.executable, "-c", BACKUP_LOOP, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout.readline().strip() == "done"  # one whole backup, then a kill
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        partials = list(backup_dir().rglob("*.partial"))
        kills_mid_copy += bool(partials)
        if kills_mid_copy >= 3:
            break
    assert kills_mid_copy, "no kill landed in the middle of a copy"
    folder = group_folder(group_of_file(path).uuid)
    for backup in folder.glob("*.sponsor"):
        connection = sqlite3.connect(backup)
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        connection.close()
    assert run(["check", str(path)]) == 0  # any start of the app cleans up
    assert list(backup_dir().rglob("*.partial*")) == []
    assert path.read_bytes() == before


HOLDER = """
import sys
from pathlib import Path
from sponsor_app.storage.lock import hold
hold(Path(sys.argv[1]))
print("holding", flush=True)
sys.stdin.readline()
"""


def test_the_clean_up_leaves_a_partial_another_process_is_still_writing(tmp_path):
    folder = backup_dir() / "some-group"
    folder.mkdir(parents=True)
    busy = folder / ".x.sponsor.1234.partial"
    busy.write_bytes(b"being written")
    abandoned = folder / ".y.sponsor.5678.partial"
    abandoned.write_bytes(b"left by a killed backup")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(busy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert clean_partials() == [abandoned]
        assert busy.exists() and not abandoned.exists()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


# --- the rotating set ------------------------------------------------------------------------
def _expected(moments: list[datetime], now: datetime) -> set[datetime]:
    """The promise, worked out the long way: the ten newest, and for each of the twelve months
    up to now the newest backup taken in that month."""
    newest = set(sorted(set(moments))[-10:])
    monthly = set()
    for back in range(12):
        year, month = now.year, now.month - back
        while month < 1:
            year, month = year - 1, month + 12
        in_month = [m for m in moments if (m.year, m.month) == (year, month)]
        if in_month:
            monthly.add(max(in_month))
    return newest | monthly


def test_rotation_keeps_the_promised_set_over_a_simulated_year():
    rng = random.Random(5)
    day = datetime(2026, 1, 1, 9, tzinfo=UTC)
    kept: list[datetime] = []
    for _ in range(420):  # some days with one session, some with several, some with none
        for _session in range(rng.choice([0, 1, 1, 2, 3])):
            kept.append(day + timedelta(minutes=rng.randrange(600)))
        now = day + timedelta(hours=12)
        keep = rotation.to_keep(kept, now)
        assert keep == _expected(kept, now)
        kept = sorted(keep)
        assert len(kept) <= rotation.RECENT + rotation.MONTHS
        day += timedelta(days=1)
    months = {(m.year, m.month) for m in kept}
    assert len(months) == 12, "a year on, one backup from each of the last twelve months"


def test_pruning_real_backup_files_over_a_year_never_touches_manual_ones(tmp_path):
    group_id = "11111111-2222-4333-8444-555555555555"
    folder = group_folder(group_id)
    folder.mkdir(parents=True)
    manual = folder / "20260102T100000000000Z-manual.sponsor"
    manual.write_bytes(b"asked for")
    day = datetime(2026, 1, 1, 8, tzinfo=UTC)
    for _ in range(365):
        for reason, hour in (("open", 0), ("close", 5)):
            stamp = (day + timedelta(hours=hour)).strftime("%Y%m%dT%H%M%S%fZ")
            (folder / f"{stamp}-{reason}.sponsor").write_bytes(b"x")
        prune(group_id, now=day + timedelta(hours=6))
        day += timedelta(days=1)
    automatic = [b for b in list_backups(group_id) if b.automatic]
    assert len(automatic) == 10 + 11  # the newest of this month is among the ten
    assert manual.exists()
    assert sorted({(b.taken_at.year, b.taken_at.month) for b in automatic})[0] == (2026, 1)


# --- automatic backups, by the group's id --------------------------------------------------------
def test_backups_on_open_and_close_are_named_by_the_group_and_only_when_needed(tmp_path):
    path = tmp_path / "riverside.sponsor"
    group_id = _group(path, "Riverside")
    with open_group(path):
        pass
    assert [b.reason for b in list_backups(group_id)] == ["open"]
    with open_group(path):  # unchanged since that backup, and nothing written: none
        pass
    assert [b.reason for b in list_backups(group_id)] == ["open"]
    with open_group(path) as store:
        add_volunteer(store, VolunteerInput("Aroha Ngata", ("volunteer",)))
    assert [b.reason for b in list_backups(group_id)] == ["close", "open"]
    assert _names(list_backups(group_id)[0].path) == ["Aroha Ngata"]
    renamed = tmp_path / "renamed.sponsor"
    os.rename(path, renamed)
    with open_group(renamed):
        pass
    assert all(p.parent.name == group_id for p in backup_dir().rglob("*.sponsor"))
    assert not list(backup_dir().rglob("*riverside*")), "never by the file's name"


def test_a_damaged_file_is_offered_its_own_groups_backup_only(tmp_path):
    """Failure 6: "riverside-old-..." was offered for riverside.sponsor (matched by name)."""
    ours = tmp_path / "riverside.sponsor"
    theirs = tmp_path / "riverside-old.sponsor"
    _group(ours, "Riverside", ["Ours"])
    _group(theirs, "Riverside (old group)", ["Theirs", "And more"])
    mine = backup_file(ours, reason="open")
    backup_file(theirs, reason="open")  # newer, and its name starts like ours
    ours.write_bytes(ours.read_bytes()[:100] + b"\0" * 3000)  # header kept, the rest gone
    with pytest.raises(DamagedFile) as caught:
        Store.open(ours)
    offered = offering_backup(caught.value)
    offer = offered.offer
    assert offer.path == mine and offer.group_name == "Riverside"
    assert (offer.households, offer.volunteers) == (0, 1)
    assert "0 households, 1 volunteer and 0 transactions" in str(offered) and str(mine) in str(
        offered
    )


def test_the_newest_good_backup_skips_a_damaged_one(tmp_path):
    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A"])
    good = backup_file(path, reason="open")
    bad = backup_file(path, reason="close")
    bad.write_bytes(bad.read_bytes()[:4096] + b"\xee" * 8192)
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(DamagedFile) as caught:
        Store.open(path)
    assert offering_backup(caught.value).offer.path == good


# --- restoring ---------------------------------------------------------------------------------
KILLED_WRITER = """
import os, signal, sys
from sponsor_app.storage.models import Volunteer
from sponsor_app.storage.store import Store
store = Store.open(sys.argv[1])
for n in range(1, 17):
    with store.transaction() as s:
        s.add(Volunteer(full_name=f"volunteer {n}"))
os.kill(os.getpid(), signal.SIGKILL)
"""


@posix_only
def test_restore_from_a_file_with_a_hot_log_keeps_every_commit(tmp_path, capsys):
    """Failure 5: restoring copied the main file without its log: 12 volunteers of 16."""
    source = tmp_path / "crashed.sponsor"
    _group(source, "Crashed")
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(source)], check=False)
    assert Path(f"{source}-wal").stat().st_size > 0, "the log was never folded in"
    target = tmp_path / "restored.sponsor"
    assert run(["restore", str(source), str(target)]) == 0
    assert _names(target) == [f"volunteer {n}" for n in range(1, 17)]
    assert not Path(f"{target}-wal").exists()


def test_restoring_a_file_onto_itself_is_refused(tmp_path):
    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A", "B"])
    link = tmp_path / "link.sponsor"
    os.link(path, link)
    for source in (path, link):
        with pytest.raises(SameFile):
            restore_backup(source, path)
    assert _names(path) == ["A", "B"]


def test_restore_over_the_file_keeps_a_copy_first(tmp_path):
    path = tmp_path / "group.sponsor"
    group_id = _group(path, "G", ["A"])
    old = backup_file(path, to_dir=tmp_path / "usb")
    with Store.open(path) as store:
        add_volunteer(store, VolunteerInput("Added later", ("volunteer",)))
    done = restore_backup(old, path)
    assert _names(path) == ["A"]
    assert done.kept.parent == group_folder(group_id)
    assert _names(done.kept) == ["A", "Added later"]


def test_restore_of_another_groups_backup_needs_force(tmp_path, capsys):
    path = tmp_path / "group.sponsor"
    other = tmp_path / "other.sponsor"
    _group(path, "Ours", ["Ours"])
    _group(other, "Theirs", ["Theirs"])
    before = path.read_bytes()
    assert run(["restore", str(other), str(path)]) == 1
    err = capsys.readouterr().err
    assert "backup of another group (“Theirs”)" in err and "--force" in err
    assert err.count("\n") == 1 and path.read_bytes() == before
    assert run(["restore", str(other), str(path), "--force"]) == 0
    assert _names(path) == ["Theirs"]
    third = tmp_path / "third.sponsor"
    _group(third, "Third")
    with pytest.raises(DifferentGroup):
        restore_backup(third, other)


def test_restore_over_a_damaged_file_sets_it_aside(tmp_path):
    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A"])
    good = backup_file(path, to_dir=tmp_path / "usb")
    damaged = path.read_bytes()[:5000]
    path.write_bytes(damaged)
    done = restore_backup(good, path)
    assert _names(path) == ["A"]
    assert done.set_aside.read_bytes() == damaged and "damaged" in done.set_aside.name


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("damaged backup", "the backup itself is damaged"),
        ("missing folder", "does not exist"),
        ("folder as backup", "it is a folder"),
    ],
)
def test_restore_mistakes_are_one_line_and_change_nothing(tmp_path, capsys, case, words):
    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A"])
    before = path.read_bytes()
    backup = backup_file(path, to_dir=tmp_path / "usb")
    target = path
    if case == "damaged backup":
        data = backup.read_bytes()
        backup.write_bytes(data[:4096] + b"\xee" * (len(data) - 4096))
    elif case == "missing folder":
        target = tmp_path / "no" / "such" / "group.sponsor"
    else:
        backup = tmp_path / "usb"
    assert run(["restore", str(backup), str(target)]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before


def test_backup_to_an_existing_file_instead_of_a_folder(tmp_path, capsys):
    path = tmp_path / "group.sponsor"
    _group(path, "G")
    existing = tmp_path / "notes.txt"
    existing.write_text("keep me")
    assert run(["backup", str(path), "--to", str(existing)]) == 1
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and err.count("\n") == 1
    assert existing.read_text() == "keep me"
    with pytest.raises(NotAFolder):
        backup_file(path, to_dir=existing)
    with pytest.raises(FolderMissing):
        restore_backup(path, tmp_path / "gone" / "x.sponsor")


def test_two_backups_to_a_folder_in_one_second_both_stay(tmp_path):
    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A"])
    first = backup_file(path, to_dir=tmp_path / "usb")
    second = backup_file(path, to_dir=tmp_path / "usb")
    assert first != second and first.exists() and second.exists()


def test_restore_over_a_file_open_in_another_window_is_refused(tmp_path):
    from sponsor_app.storage.errors import FileLocked

    from .helpers import hold_open, release

    path = tmp_path / "group.sponsor"
    _group(path, "G", ["A"])
    old = backup_file(path, to_dir=tmp_path / "usb")
    holder = hold_open(path)
    try:
        with pytest.raises(FileLocked, match="already open"):
            restore_backup(old, path)
    finally:
        release(holder)
    assert _names(path) == ["A"]


def test_backing_up_a_damaged_file_blames_the_file_and_offers_its_backup(
    tmp_path, large_demo_bytes, capsys
):
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    good = backup_file(path, reason="open")
    data = bytearray(path.read_bytes())
    data[len(data) // 3 : len(data) // 3 * 2] = b"\xee" * (len(data) // 3)
    path.write_bytes(bytes(data))
    assert run(["backup", str(path), "--to", str(tmp_path / "usb")]) == 1
    err = capsys.readouterr().err
    assert f"{path} is damaged" in err and str(good) in err and err.count("\n") == 1
    assert not [p for p in (tmp_path / "usb").glob("*") if p.name.endswith(".sponsor")]
