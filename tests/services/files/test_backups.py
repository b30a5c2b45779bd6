"""Backups and restoring as the window and the command line use them: one restore path, the
same two choices (replacing another group's file, and a plain backup over a protected file)."""

from __future__ import annotations

import pytest

from sponsor_app.cli import run
from sponsor_app.services.files import backups
from sponsor_app.services.files.backups import back_up, restore
from sponsor_app.services.files.protection import is_protected, protect_file
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.storage.errors import DifferentGroup, RestoreWouldUnprotect
from sponsor_app.storage.store import Store

PASSPHRASE = "kumara paddock wheelbarrow"


def _names(path) -> list[str]:
    with Store.open(path) as store:
        return sorted(v.full_name for v in list_volunteers(store, include_archived=True))


@pytest.fixture
def two_groups(make_store, make_volunteer, store):
    """A backup of one group, and another group's file."""
    make_volunteer(full_name="Of the first group")
    first = store.path
    copy = back_up(first)
    other = make_store("Another Group")
    other_path = other.path
    other.close()
    return copy, other_path


def test_another_groups_file_is_replaced_only_when_said(two_groups):
    copy, other = two_groups
    before = other.read_bytes()
    with pytest.raises(DifferentGroup):
        restore(copy, other)
    assert other.read_bytes() == before
    done = restore(copy, other, another_group=True)
    assert done.kept is not None  # what it replaced was backed up first
    assert _names(other) == ["Of the first group"]


def test_a_plain_backup_over_a_protected_file_only_when_said(demo, tmp_path):
    (tmp_path / "stick").mkdir()
    copy = back_up(demo, to_dir=tmp_path / "stick")  # not in the app's folder: stays plain
    protect_file(demo, PASSPHRASE)
    with pytest.raises(RestoreWouldUnprotect):
        restore(copy, demo)
    assert is_protected(demo)
    restore(copy, demo, unprotect=True)
    assert not is_protected(demo)


@pytest.mark.parametrize(("force", "flags"), [(False, False), (True, True)])
def test_the_command_line_restores_through_the_one_service(
    two_groups, monkeypatch, capsys, force, flags
):
    """`sponsor-app restore` called storage's own function with `force` (which also meant
    "unprotect"); the window called the service with `unprotect` only. Both now go through
    services/files/backups.py `restore`: --force is the person's yes to both choices (the
    window's side: tests/ui/test_backup_restore.py)."""
    copy, other = two_groups
    calls = []
    real = backups.restore
    monkeypatch.setattr(backups, "restore", lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    code = run(["restore", str(copy), str(other), *(["--force"] if force else [])])
    assert calls == [{"another_group": flags, "unprotect": flags}]
    assert code == (0 if force else 1)
    err = capsys.readouterr().err
    assert ("another group" in err) != force
