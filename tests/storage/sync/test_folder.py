"""The shared folder: real files, a real kill -9 mid-write, a folder moved by a cloud service,
files still arriving, and a read-only or full disk named for what it is."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from sponsor_app.storage.sync.codec import unpack
from sponsor_app.storage.sync.folder import SHARING_FOLDER, FolderTransport
from sponsor_app.storage.sync.seal import Header, open_all, open_snapshot, seal
from sponsor_app.storage.sync.transport import (
    START,
    Channel,
    Kind,
    Sealed,
    SyncCode,
    SyncProblem,
    Transport,
)
from tests.storage.sync.folder_writer import CHANNEL, GROUP, KEYS, record

ROOT = Path(__file__).resolve().parents[3]
A = "00000000-0000-4000-8000-00000000000a"
B = "00000000-0000-4000-8000-00000000000b"


def records(replica: str, seqs, size: int = 40) -> list[Sealed]:
    return [record(replica, seq, size) for seq in seqs]


def opened(transport: FolderTransport, cursor: str = START) -> tuple[dict, str]:
    """Everything pulled since `cursor` (all pages), opened: {(replica, seq): plaintext}."""
    found = {}
    while True:
        pulled = transport.pull(cursor, limit=7)
        for one in open_all(KEYS, GROUP, pulled.records):
            found[(one.header.replica, one.header.seq)] = unpack(one.plaintext)["seq"]
        cursor = pulled.cursor
        if not pulled.more:
            return found, cursor


def shared(folder: Path) -> FolderTransport:
    transport = FolderTransport(folder)
    transport.open(CHANNEL)
    return transport


def segment_files(folder: Path, replica: str) -> list[Path]:
    return sorted((folder / SHARING_FOLDER / GROUP / "records" / replica).glob("*.sdseg"))


def test_a_folder_is_a_transport_and_records_travel_between_laptops(tmp_path):
    laptop_a, laptop_b = shared(tmp_path), shared(tmp_path)
    assert isinstance(laptop_a, Transport)
    assert laptop_a.push(records(A, range(1, 11))) == 10
    assert laptop_b.push(records(B, range(1, 4))) == 3
    found, cursor = opened(laptop_b)
    assert found == {**{(A, n): n for n in range(1, 11)}, **{(B, n): n for n in range(1, 4)}}
    assert laptop_b.pull(cursor).records == ()
    laptop_a.push(records(A, range(11, 13)))
    assert opened(laptop_b, cursor)[0] == {(A, 11): 11, (A, 12): 12}
    assert (laptop_b.highest_seq(A), laptop_b.highest_seq(B), laptop_b.highest_seq(GROUP)) == (
        12,
        3,
        0,
    )


def test_a_push_made_again_stores_nothing_twice(tmp_path):
    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 6)))
    assert laptop.push(records(A, range(1, 6))) == 0
    assert laptop.push(records(A, range(1, 9))) == 3
    assert [p.name for p in segment_files(tmp_path, A)] == [
        "0000000001-0000000005.sdseg",
        "0000000006-0000000008.sdseg",
    ]
    assert sorted(opened(laptop)[0]) == [(A, n) for n in range(1, 9)]


def test_a_push_carries_only_one_replicas_own_change_records(tmp_path):
    laptop = shared(tmp_path)
    with pytest.raises(ValueError):
        laptop.push(records(A, [1]) + records(B, [1]))


def test_every_file_is_the_owners_alone_and_no_partial_file_is_left(tmp_path):
    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 4)))
    made = list((tmp_path / SHARING_FOLDER).rglob("*"))
    assert made and all(p.stat().st_mode & 0o077 == 0 for p in made)
    assert not [p for p in made if p.name.startswith(".partial-")]


def test_a_segment_still_arriving_is_named_and_read_once_it_has_arrived(tmp_path):
    laptop = shared(tmp_path)
    for start in (1, 4, 7):
        laptop.push(records(A, range(start, start + 3)))
    middle = segment_files(tmp_path, A)[1]
    whole = middle.read_bytes()
    middle.write_bytes(whole[: len(whole) // 2])  # a cloud client half way through it
    pulled = laptop.pull()
    assert [p.code for p in pulled.refused] == [SyncCode.CUT_SHORT]
    assert str(middle) in str(pulled.refused[0])
    assert sorted(r.seq for r in pulled.records) == [1, 2, 3, 7, 8, 9]
    middle.write_bytes(whole)
    later = laptop.pull(pulled.cursor)
    assert sorted(r.seq for r in later.records) == [4, 5, 6, 7, 8, 9] and not later.refused
    assert laptop.pull(later.cursor).records == ()


def test_a_segment_not_yet_arrived_holds_the_cursor_before_it(tmp_path):
    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 4)))
    laptop.push(records(A, range(4, 7)))
    first = segment_files(tmp_path, A)[0]
    away = tmp_path / "away.sdseg"
    first.rename(away)
    pulled = laptop.pull()
    assert sorted(r.seq for r in pulled.records) == [4, 5, 6]
    away.rename(first)
    assert sorted(r.seq for r in laptop.pull(pulled.cursor).records) == [1, 2, 3, 4, 5, 6]


def test_files_that_are_not_ours_are_left_alone(tmp_path):
    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 3)))
    place = segment_files(tmp_path, A)[0].parent
    shutil.copy(place / "0000000001-0000000002.sdseg", place / "0000000001-0000000002 (1).sdseg")
    (place / ".partial-someone-0123").write_bytes(b"SDS1\0\0")
    (place / "desktop.ini").write_text("[x]")
    pulled = laptop.pull()
    assert sorted(r.seq for r in pulled.records) == [1, 2] and not pulled.refused


def test_a_copy_of_the_folder_moved_elsewhere_is_the_same_channel(tmp_path):
    (tmp_path / "Dropbox").mkdir()
    laptop = shared(tmp_path / "Dropbox")
    laptop.push(records(A, range(1, 6)))
    _, cursor = opened(laptop)
    shutil.copytree(tmp_path / "Dropbox", tmp_path / "OneDrive")
    moved = shared(tmp_path / "OneDrive")
    assert moved.pull(cursor).records == ()
    assert moved.highest_seq(A) == 5
    assert moved.push(records(A, range(1, 8))) == 2
    assert opened(moved, cursor)[0] == {(A, 6): 6, (A, 7): 7}


def test_a_channel_of_another_copy_key_or_version_is_refused_before_anything_is_written(
    tmp_path,
):
    shared(tmp_path).push(records(A, [1]))
    before = sorted(p.name for p in (tmp_path / SHARING_FOLDER).rglob("*"))
    for channel, code in (
        (Channel(GROUP, KEYS.key_id, str(uuid.uuid4())), SyncCode.OTHER_GENESIS),
        (Channel(GROUP, "0badc0de", CHANNEL.genesis), SyncCode.OTHER_KEY),
    ):
        with pytest.raises(SyncProblem) as raised:
            FolderTransport(tmp_path).open(channel)
        assert raised.value.code is code
    described = tmp_path / SHARING_FOLDER / GROUP / "channel.json"
    described.write_text(described.read_text().replace('"format":1', '"format":2'))
    with pytest.raises(SyncProblem) as raised:
        FolderTransport(tmp_path).open(CHANNEL)
    assert raised.value.code is SyncCode.NEWER_SCHEMA
    assert sorted(p.name for p in (tmp_path / SHARING_FOLDER).rglob("*")) == before


def test_a_missing_folder_and_a_folder_holding_the_group_file_are_named(tmp_path):
    with pytest.raises(SyncProblem) as raised:
        FolderTransport(tmp_path / "USB stick").open(CHANNEL)
    assert raised.value.code is SyncCode.FOLDER_MISSING and "USB stick" in str(raised.value)
    group_file = tmp_path / "Group.sponsor"
    group_file.write_bytes(b"")
    with pytest.raises(SyncProblem) as raised:
        FolderTransport(tmp_path, group_file=group_file).open(CHANNEL)
    assert raised.value.code is SyncCode.FOLDER_HOLDS_FILE
    assert not (tmp_path / SHARING_FOLDER).exists()


def test_a_seen_record_is_replaced_whole(tmp_path):
    laptop = shared(tmp_path)

    def seen(seq: int) -> Sealed:
        return seal(KEYS, Header(Kind.SEEN, GROUP, KEYS.key_id, A, seq, "0013"), b"v%d" % seq)

    laptop.publish_seen(seen(3))
    laptop.publish_seen(seen(9))
    (only,) = shared(tmp_path).seen()
    assert (only.replica, only.seq, only.kind) == (A, 9, Kind.SEEN)
    assert open_all(KEYS, GROUP, [only])[0].plaintext == b"v9"


def test_a_compaction_shows_the_snapshot_and_removed_records_never_return(tmp_path):
    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 6)))
    laptop.push(records(B, range(1, 3)))
    chunks = [
        seal(KEYS, Header(Kind.SNAPSHOT, GROUP, KEYS.key_id, B, n, "0013", "snap1", 2), b"c%d" % n)
        for n in (1, 2)
    ]
    laptop.compact("snap1", chunks, {(A, 2), (A, 3), (B, 1)})
    (info,) = laptop.snapshots()
    assert (info.snapshot_id, info.chunks) == ("snap1", 2)
    assert [
        o.plaintext for o in open_snapshot(KEYS, GROUP, "snap1", laptop.read_snapshot("snap1"))
    ] == [
        b"c1",
        b"c2",
    ]
    assert sorted(opened(laptop)[0]) == [(A, 1), (A, 4), (A, 5), (B, 2)]
    assert laptop.push(records(A, range(1, 6))) == 0  # removed ones are not pushed back
    assert laptop.highest_seq(A) == 5


# --- a disk that refuses: real read-only and full file systems (tmpfs) ------------------------
def mount_tmpfs(place: Path, options: str) -> None:
    place.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"{options},mode=0700", "tmpfs", str(place)],
        capture_output=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path):
    place = tmp_path / "disk"
    if os.geteuid() != 0:
        pytest.skip("making a read-only or full file system needs root (CI runs as root)")
    mount_tmpfs(place, "size=256k")
    yield place
    subprocess.run(["umount", "-l", str(place)], check=True)


def test_a_read_only_folder_is_read_and_a_push_is_refused_saying_so(small_disk):
    laptop = shared(small_disk)
    laptop.push(records(A, range(1, 4)))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    reader = shared(small_disk)
    assert sorted(opened(reader)[0]) == [(A, 1), (A, 2), (A, 3)]
    with pytest.raises(SyncProblem) as raised:
        reader.push(records(A, range(4, 6)))
    assert raised.value.code is SyncCode.FOLDER_UNWRITABLE
    assert "read-only" in str(raised.value) and str(small_disk) in str(raised.value)
    with pytest.raises(SyncProblem) as raised:
        FolderTransport(small_disk).open(Channel(A, KEYS.key_id, CHANNEL.genesis))
    assert raised.value.code is SyncCode.FOLDER_UNWRITABLE


def test_a_full_disk_is_named_and_leaves_nothing_half_written(small_disk):
    laptop = shared(small_disk)
    laptop.push(records(A, range(1, 4)))
    with pytest.raises(SyncProblem) as raised:
        laptop.push(records(A, range(4, 400), size=2000))
    assert raised.value.code is SyncCode.FOLDER_FULL
    assert not list(small_disk.rglob(".partial-*"))
    found, _ = opened(shared(small_disk))  # whatever was stored is whole
    assert {(A, 1), (A, 2), (A, 3)} <= set(found)
    assert all(v == seq for (_, seq), v in found.items())


# --- kill -9 mid-write ------------------------------------------------------------------------
@pytest.mark.slow
def test_a_laptop_killed_mid_push_leaves_the_folder_whole_and_the_next_push_finishes(tmp_path):
    """A real subprocess pushing 300 records of 4 kB (several segments per push) is killed at
    a random moment, ten times, each in a fresh folder: every file a reader then sees opens
    whole, and the push made again completes the set, each record stored once."""
    rng = random.Random(22)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def command(folder: Path) -> list[str]:
        module = "tests.storage.sync.folder_writer"
        return [sys.executable, "-m", module, str(folder), A, "300", "4000"]

    started = time.monotonic()
    (tmp_path / "timed").mkdir()
    subprocess.run(command(tmp_path / "timed"), cwd=ROOT, env=env, check=True, timeout=120)
    whole_run = time.monotonic() - started
    cut_short = 0
    for round_ in range(10):
        folder = tmp_path / f"round {round_}"
        folder.mkdir()
        child = subprocess.Popen(command(folder), cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 0.9) * whole_run)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if (folder / SHARING_FOLDER).exists():
            pulled = shared(folder).pull(limit=10_000)
            assert pulled.refused == ()
            seqs = [unpack(o.plaintext)["seq"] for o in open_all(KEYS, GROUP, pulled.records)]
            assert seqs == list(range(1, len(seqs) + 1))  # whole pushes, in order
            cut_short += len(seqs) < 300
        subprocess.run(command(folder), cwd=ROOT, env=env, check=True, timeout=120)
        pulled = shared(folder).pull(limit=10_000)
        assert [r.seq for r in pulled.records] == list(range(1, 301))
        assert not list(folder.rglob(".partial-*"))
    assert cut_short >= 5  # most kills landed mid-push (else this test proves nothing)


def test_a_segment_copied_under_another_laptop_or_range_is_refused_when_opened(tmp_path):
    from sponsor_app.storage.sync.seal import open_sealed

    laptop = shared(tmp_path)
    laptop.push(records(A, range(1, 4)))
    (segment,) = segment_files(tmp_path, A)
    replayed = segment.parent.parent / B
    replayed.mkdir()
    shutil.copy(segment, replayed / segment.name)
    shutil.copy(segment, segment.parent / "0000000004-0000000006.sdseg")
    pulled = laptop.pull()
    assert pulled.refused[0].code is SyncCode.MISPLACED  # seqs 1-3 in a file named 4-6
    from_b = [r for r in pulled.records if r.replica == B]
    assert len(from_b) == 3
    for one in from_b:
        with pytest.raises(SyncProblem) as raised:
            open_sealed(KEYS, GROUP, one)
        assert raised.value.code is SyncCode.MISPLACED and str(replayed) in str(raised.value)


@pytest.mark.slow
def test_two_laptops_pushing_at_the_same_moment_each_write_only_their_own(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    module = "tests.storage.sync.folder_writer"
    children = [
        subprocess.Popen(
            [sys.executable, "-m", module, str(tmp_path), replica, "200", "2000"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for replica in (A, B)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    found, _ = opened(shared(tmp_path))
    assert sorted(found) == sorted((r, n) for r in (A, B) for n in range(1, 201))
