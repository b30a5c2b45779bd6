"""A file saved by a newer Sponsor Desk, opened by this (older) one, in the window and from the
command line as a whole process: one sentence saying so, and nothing changes: not the file,
not its backups (none is made), not the recent files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sponsor_app.locations import backup_dir
from sponsor_app.services.group.groups import NewGroup, create_group

from .conftest import answering_message


@pytest.fixture
def future(tmp_path) -> Path:
    path = tmp_path / "future.sponsor"
    create_group(path, NewGroup(name="Future")).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0500'")
    connection.commit()
    connection.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backups() -> list[Path]:
    return sorted(backup_dir().rglob("*.sponsor"))


def test_the_window_says_so_in_one_sentence_and_changes_nothing(window, qtbot, future):
    before, backups = _digest(future), _backups()
    seen = []
    with answering_message(qtbot, seen):
        assert window.open_file(future) is False
    assert len(seen) == 1 and "\n" not in seen[0].strip()
    assert "saved by a newer version of Sponsor Desk" in seen[0]
    assert _digest(future) == before
    assert _backups() == backups  # no backup "before the upgrade": there is none
    assert window.is_showing_welcome()
    assert window.settings.recent_files() == []


@pytest.mark.slow
def test_the_command_line_says_so_in_one_line_and_changes_nothing(future):
    before, backups = _digest(future), _backups()
    done = subprocess.run(
        [sys.executable, "-m", "sponsor_app", "history", str(future)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "newer version of Sponsor Desk" in lines[0], done.stderr
    assert "Update Sponsor Desk" in lines[0] and "not changed" in lines[0]
    assert _digest(future) == before
    assert _backups() == backups
