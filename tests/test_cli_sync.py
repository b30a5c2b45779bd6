"""`sponsor-app sync FILE --folder DIR | --hub URL`, run as a person runs it: a real process on
real files and a real folder. Two laptops converge; bad input is one line on stderr and exit 2
with nothing changed; a kill -9 mid-sync leaves the file and the folder usable, and the next
sync completes."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import (
    HouseholdInput,
    add_household,
    list_households,
)
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.folder import SHARING_FOLDER

from .forking import Forker
from .storage.sync.memory import differences, dump, explain

COMMAND = [sys.executable, "-m", "sponsor_app"]


def sponsor_app(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *map(str, argv)], capture_output=True, text=True, timeout=120)


def _codes(path: Path) -> list[str]:
    with Store.open(path) as store:
        return sorted(h.code for h in list_households(store, include_archived=True))


def _add(path: Path, *codes: str) -> None:
    with Store.open(path) as store:
        for code in codes:
            add_household(store, HouseholdInput(code, family_name="Haddad", town="Nelson"))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def two_laptops(tmp_path):
    """A group file shared through a folder by its first `sync`, and a copy of it."""
    share = tmp_path / "shared"
    share.mkdir()
    first = tmp_path / "laptop-a.sponsor"
    create_group(first, NewGroup(name="Riverside")).close()
    started = sponsor_app("sync", first, "--folder", share)
    assert started.returncode == 0, started.stderr
    assert "Started sharing" in started.stdout
    assert "not protected with a passphrase" in started.stderr  # the advice, not a refusal
    second = tmp_path / "laptop-b.sponsor"
    shutil.copyfile(first, second)
    return share, first, second


def test_two_laptops_converge_with_the_command(two_laptops):
    share, a, b = two_laptops
    _add(a, "H1")
    _add(b, "H2", "H3")
    for path in (a, b, a):
        done = sponsor_app("sync", path, "--folder", share)
        assert done.returncode == 0, done.stderr
        assert done.stderr == "" and "Synced" in done.stdout
    assert "Received 2 change sets." in done.stdout
    assert _codes(a) == _codes(b) == ["H1", "H2", "H3"]
    with Store.open(a) as one, Store.open(b) as other:
        assert differences(one, other) == {}, explain(differences(one, other))


def test_a_protected_file_syncs_with_its_passphrase(tmp_path, monkeypatch):
    from sponsor_app.services.files.protection import protect_file

    share = tmp_path / "shared"
    share.mkdir()
    path = tmp_path / "protected.sponsor"
    create_group(path, NewGroup(name="Riverside")).close()
    protect_file(path, "kererū over the harbour at dawn")
    missing = sponsor_app("sync", path, "--folder", share)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "SPONSOR_APP_PASSPHRASE" in missing.stderr
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", "kererū over the harbour at dawn")
    done = sponsor_app("sync", path, "--folder", share)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize(
    "problem",
    ["missing folder", "the group file", "a file", "beside the file", "bad hub", "no hub"],
)
def test_bad_input_is_one_line_and_exit_2_changing_nothing(two_laptops, problem):
    share, _, b = two_laptops
    (b.parent / "notes.txt").write_text("not a folder")
    given = {
        "missing folder": ["--folder", b.parent / "not plugged in"],
        "the group file": ["--folder", b],
        "a file": ["--folder", b.parent / "notes.txt"],
        "beside the file": ["--folder", b.parent],
        "bad hub": ["--hub", "not a url"],
        "no hub": ["--hub", f"postgresql://group@/hub?host={b.parent / 'no-server'}"],
    }[problem]
    expected = {
        "missing folder": "is not there",
        "the group file": "is the group file itself",
        "a file": "is a file, not a folder",
        "beside the file": "holds the group file itself",
        "bad hub": "is not a PostgreSQL connection URL",
        "no hub": "could not be reached",
    }[problem]
    before, folder = _state(b), _files(share)
    done = sponsor_app("sync", b, *given)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
    assert done.stdout == ""
    assert _files(share) == folder
    assert not (b.parent / "not plugged in").exists()
    assert not (b.parent / SHARING_FOLDER).exists()
    assert _state(b) == before


def test_another_genesis_is_refused_with_exit_2_changing_nothing(tmp_path):
    """A copy made before sharing started, shared on its own elsewhere: pointed at the group's
    folder it is refused, and neither it nor the folder changes."""
    share, elsewhere = tmp_path / "shared", tmp_path / "another share"
    share.mkdir()
    elsewhere.mkdir()
    first, early_copy = tmp_path / "laptop-a.sponsor", tmp_path / "copied too early.sponsor"
    create_group(first, NewGroup(name="Riverside")).close()
    shutil.copyfile(first, early_copy)
    _add(first, "H1")
    assert sponsor_app("sync", first, "--folder", share).returncode == 0
    assert sponsor_app("sync", early_copy, "--folder", elsewhere).returncode == 0
    _add(early_copy, "H9")
    before, folder = _state(early_copy), _files(share)
    done = sponsor_app("sync", early_copy, "--folder", share)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "already shares this group from another copy" in done.stderr
    assert _files(share) == folder and _state(early_copy) == before


def _state(path: Path):
    """Everything the file holds that a sync could change: the data, the versions and the
    place it synced with (not the log of change sets, which records the opening)."""
    from sponsor_app.services.sharing.status import last_syncs

    with Store.open(path) as store:
        return dump(store), last_syncs(store)


def test_a_file_open_in_another_process_is_named_and_exit_2(two_laptops):
    share, _, b = two_laptops
    with Store.open(b):
        done = sponsor_app("sync", b, "--folder", share)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "already open in" in done.stderr


SYNC = """
from sponsor_app.cli import run
import sponsor_app.services.sharing.sync, sponsor_app.storage.store  # loaded before the fork


def work(path, folder):
    return run(["sync", path, "--folder", folder])
"""


def test_a_killed_sync_leaves_file_and_folder_usable_and_the_next_one_completes(
    two_laptops, tmp_path, capsys
):
    share, a, b = two_laptops
    _add(a, *(f"H{n}" for n in range(60)))
    assert sponsor_app("sync", a, "--folder", share).returncode == 0
    _add(b, *(f"B{n}" for n in range(60)))
    expected = sorted([*(f"H{n}" for n in range(60)), *(f"B{n}" for n in range(60))])
    pristine, folder = b.read_bytes(), _files(share)
    randomness = random.Random(22)
    unfinished = 0
    with Forker(SYNC, tmp_path / "forked") as forker:
        for attempt in range(8):
            b.write_bytes(pristine)
            for sidecar in (b.with_name(b.name + "-wal"), b.with_name(b.name + "-shm")):
                sidecar.unlink(missing_ok=True)
            shutil.rmtree(share)
            for name, data in folder.items():
                (share / name).parent.mkdir(parents=True, exist_ok=True)
                (share / name).write_bytes(data)
            syncing = forker.start(str(b), str(share))  # a real process, killed for real
            time.sleep(randomness.uniform(0.0, 2.5))
            forker.kill(syncing)
            unfinished += not _finished(b)
            capsys.readouterr()
            assert run(["sync", str(b), "--folder", str(share)]) == 0
            assert capsys.readouterr().err == "", attempt
            assert run(["sync", str(a), "--folder", str(share)]) == 0
            assert _codes(a) == _codes(b) == expected
            with Store.open(a) as one, Store.open(b) as other:
                assert differences(one, other) == {}, explain(differences(one, other))
    assert unfinished  # some kills landed before the sync was over (the case that matters)


def _finished(path: Path) -> bool:
    """The file is whole; did the killed sync get as far as noting its end?"""
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return bool(
            raw.execute(
                "SELECT count(*) FROM sync_channel WHERE last_sync_at > "
                "(SELECT max(at) FROM change_set WHERE native = 1)"
            ).fetchone()[0]
        )
    finally:
        raw.close()


def test_a_damaged_file_in_the_folder_is_named_the_rest_applied_exit_1(two_laptops):
    """One segment edited after it was written: it fails its authentication, is named in one
    line, and nothing of it is applied; the other laptop's other segments are; once the file
    is whole again, the next sync applies it."""
    share, a, b = two_laptops
    _add(a, "H1")
    assert sponsor_app("sync", a, "--folder", share).returncode == 0
    _add(a, "H2")
    assert sponsor_app("sync", a, "--folder", share).returncode == 0
    last = sorted(share.rglob("*.sdseg"), key=lambda p: p.name)[-1]
    whole = last.read_bytes()
    damaged = bytearray(whole)
    damaged[-5] ^= 0xFF
    last.write_bytes(bytes(damaged))
    done = sponsor_app("sync", b, "--folder", share)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "fails its authentication" in done.stderr
    assert str(last) in done.stderr
    assert _codes(b) == ["H1"]
    last.write_bytes(whole)
    again = sponsor_app("sync", b, "--folder", share)
    assert again.returncode == 0 and again.stderr == ""
    assert _codes(b) == ["H1", "H2"]
