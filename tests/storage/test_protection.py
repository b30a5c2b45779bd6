"""Passphrase protection: an encrypted file nobody reads without its passphrase or recovery
code, whose every row survives protecting, changing and removing, and whose backups and copies
are protected too. Real files, real SQLCipher, and a fresh process's keyring (forget_keys)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from sponsor_app.services.files.backups import backups_of
from sponsor_app.services.files.copies import save_copy
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.storage import connect as connections
from sponsor_app.storage.backup import (
    backup_file,
    describe,
    list_backups,
    offering_backup,
    restore_backup,
)
from sponsor_app.storage.errors import (
    AlreadyProtected,
    DamagedFile,
    FileLocked,
    NoPassphraseHere,
    PassphraseNeeded,
    WrongPassphrase,
    WrongRecoveryCode,
)
from sponsor_app.storage.keys import key_file
from sponsor_app.storage.protection import (
    change_passphrase,
    is_protected,
    new_recovery_code,
    protect_file,
    unlock,
    unprotect_file,
)
from sponsor_app.storage.store import Store

PASSPHRASE = "kumara paddock wheelbarrow"


def _names(path: Path) -> list[str]:
    with open_group(path) as store:
        return sorted(v.full_name for v in list_volunteers(store, include_archived=True))


def _dump(path: Path) -> list[str]:
    """Every row of every table, and the schema, as SQL text (read through the app)."""
    connection = connections.connect(path, read_only=True)
    try:
        schema = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        rows = [
            (name, connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall())
            for kind, name, _sql in schema
            if kind == "table"
        ]
        return [repr(schema), *map(repr, rows)]
    finally:
        connection.close()


def test_a_protected_file_is_unreadable_without_the_passphrase(demo):
    names = _names(demo)
    protect_file(demo, PASSPHRASE)
    # The standard library's SQLite sees a database it cannot read...
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(demo).execute("SELECT count(*) FROM volunteer").fetchone()
    # ... and no name of anyone in it appears anywhere in the bytes.
    found = subprocess.run(["strings", "-n", "4", str(demo)], capture_output=True, text=True)
    text = found.stdout
    assert text.startswith("SQLite format 3")  # the plain header says what it is
    for name in names:
        for word in name.split():
            if len(word) > 3:
                assert word not in text, word
    assert "Riverside" not in text and "volunteer" not in text  # nor the schema
    connections.forget_keys()
    with pytest.raises(PassphraseNeeded, match="is protected with a passphrase"):
        Store.open(demo)


def test_the_passphrase_opens_it_and_a_wrong_one_is_said_to_be_wrong(demo):
    names = _names(demo)
    protect_file(demo, PASSPHRASE)
    connections.forget_keys()
    with pytest.raises(WrongPassphrase, match="That is not the passphrase of"):
        unlock(demo, passphrase="kumara paddock wheelbarrows")
    with pytest.raises(PassphraseNeeded):  # still locked: never "damaged"
        Store.open(demo)
    unlock(demo, passphrase=PASSPHRASE)
    assert _names(demo) == names


def test_protecting_then_removing_keeps_every_row(demo):
    before = _dump(demo)
    protect_file(demo, PASSPHRASE)
    assert is_protected(demo) and key_file(demo).exists()
    assert _dump(demo) == before
    unprotect_file(demo)
    assert not is_protected(demo) and not key_file(demo).exists()
    assert _dump(demo) == before
    # Plain again: the standard library reads it.
    assert sqlite3.connect(demo).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_changing_the_passphrase_keeps_every_row_and_the_recovery_code(demo):
    before = _dump(demo)
    code = protect_file(demo, PASSPHRASE).recovery_code
    unlocked_bytes = demo.read_bytes()
    change_passphrase(demo, "a different tui sings")
    assert demo.read_bytes() == unlocked_bytes, "a new passphrase must not rewrite the file"
    connections.forget_keys()
    with pytest.raises(WrongPassphrase):
        unlock(demo, passphrase=PASSPHRASE)
    unlock(demo, passphrase="a different tui sings")
    assert _dump(demo) == before
    connections.forget_keys()
    unlock(demo, recovery_code=code)
    assert _dump(demo) == before


def test_the_recovery_code_opens_it_however_it_is_typed(demo):
    names = _names(demo)
    code = protect_file(demo, PASSPHRASE).recovery_code
    assert len(code.split("-")) == 9 and all(len(group) == 4 for group in code.split("-"))
    key_file(demo).unlink()  # not even the key file is needed
    shutil.rmtree(demo.parent / "app-home" / "data" / "keys")
    connections.forget_keys()
    with pytest.raises(NoPassphraseHere, match="recovery code"):
        unlock(demo, passphrase=PASSPHRASE)
    typed = code.lower().replace("-", " ").replace("0", "o")
    unlock(demo, recovery_code=typed)
    assert _names(demo) == names


def test_a_mistyped_or_foreign_recovery_code_is_named(demo, tmp_path, small_demo_bytes):
    code = protect_file(demo, PASSPHRASE).recovery_code
    other = tmp_path / "other.sponsor"
    other.write_bytes(small_demo_bytes)
    other_code = protect_file(other, PASSPHRASE).recovery_code
    connections.forget_keys()
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(WrongRecoveryCode, match="has a mistake in it"):
        unlock(demo, recovery_code=wrong)
    with pytest.raises(WrongRecoveryCode, match="groups of four"):
        unlock(demo, recovery_code="1234-5678")
    with pytest.raises(WrongRecoveryCode, match="is not the code of"):
        unlock(demo, recovery_code=other_code)


def test_a_backup_of_a_protected_file_needs_the_passphrase(demo, tmp_path):
    protect_file(demo, PASSPHRASE)
    names = _names(demo)
    copy = backup_file(demo, to_dir=tmp_path / "usb")
    assert is_protected(copy)
    assert key_file(copy).exists()  # so the passphrase opens it on another computer
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT count(*) FROM volunteer").fetchone()
    connections.forget_keys()
    with pytest.raises(PassphraseNeeded):
        Store.open(copy)
    unlock(copy, passphrase=PASSPHRASE)
    assert _names(copy) == names


def test_protecting_protects_the_groups_backups_too(demo):
    with open_group(demo) as store:
        store.backup("manual")
        group = store.group.uuid
    plain = list_backups(group)
    assert plain and not any(is_protected(info.path) for info in plain)
    done = protect_file(demo, PASSPHRASE)
    assert done.backups == len(plain)
    assert all(is_protected(info.path) for info in list_backups(group))
    with open_group(demo) as store:  # the window lists them with their counts
        assert all(info.volunteers for info in backups_of(store))
    connections.forget_keys()
    assert describe(list_backups(group)[0]) is None  # unreadable without the key


def test_a_copy_opens_with_the_passphrase_on_another_computer(demo, tmp_path, monkeypatch):
    protect_file(demo, PASSPHRASE)
    names = _names(demo)
    (tmp_path / "usb").mkdir()
    with open_group(demo) as store:
        copy = save_copy(store, tmp_path / "usb" / "copy.sponsor")
    assert is_protected(copy) and key_file(copy).exists()
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "hall laptop"))
    connections.forget_keys()
    unlock(copy, passphrase=PASSPHRASE)  # from the key file beside it
    assert _names(copy) == names


def test_restoring_a_protected_backup_makes_a_protected_file(demo, tmp_path):
    protect_file(demo, PASSPHRASE)
    copy = backup_file(demo)
    target = tmp_path / "restored.sponsor"
    restore_backup(copy, target)
    assert is_protected(target) and key_file(target).exists()
    connections.forget_keys()
    unlock(target, passphrase=PASSPHRASE)
    assert _names(target) == _names(demo)


def test_a_damaged_protected_file_is_damaged_not_a_wrong_passphrase(demo):
    with open_group(demo):
        pass  # a backup on opening
    protect_file(demo, PASSPHRASE)
    with demo.open("r+b") as handle:  # cut short by a failing disk
        handle.truncate(demo.stat().st_size // 2)
    connections.forget_keys()
    unlock(demo, passphrase=PASSPHRASE)  # the passphrase is right...
    with pytest.raises(DamagedFile) as refused:  # ... and the file is what is wrong
        Store.open(demo)
    offer = offering_backup(refused.value).offer
    assert offer is not None  # this group's newest good (protected) backup
    assert is_protected(offer.path)


def test_protect_refuses_an_open_or_protected_file(demo):
    store = open_group(demo)
    try:
        with pytest.raises(FileLocked):
            protect_file(demo, PASSPHRASE)
    finally:
        store.close()
    assert not is_protected(demo)
    protect_file(demo, PASSPHRASE)
    with pytest.raises(AlreadyProtected):
        protect_file(demo, PASSPHRASE)


def test_a_new_recovery_code_retires_the_old_one(demo):
    before = _dump(demo)
    old = protect_file(demo, PASSPHRASE).recovery_code
    new = new_recovery_code(demo, PASSPHRASE)
    assert new != old
    connections.forget_keys()
    with pytest.raises(WrongRecoveryCode):
        unlock(demo, recovery_code=old)
    unlock(demo, recovery_code=new)
    assert _dump(demo) == before


def test_an_older_protected_file_is_upgraded_with_a_protected_backup(tmp_path):
    path = tmp_path / "old.sponsor"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema-0004.sponsor", path)
    protect_file(path, PASSPHRASE)
    connections.forget_keys()
    unlock(path, passphrase=PASSPHRASE)
    with Store.open(path) as store:
        group = store.group.uuid
    (upgrade_backup,) = [b for b in list_backups(group) if b.reason.startswith("before-schema")]
    assert is_protected(upgrade_backup.path) and is_protected(path)


def test_protecting_through_a_symbolic_link_protects_the_file_itself(demo, tmp_path):
    """The link's name was rewritten: the link became an encrypted copy and the real file
    stayed plain, while the app said "Protected"."""
    link = tmp_path / "elsewhere" / "link.sponsor"
    link.parent.mkdir()
    link.symlink_to(demo)
    names = _names(demo)
    protect_file(link, PASSPHRASE)
    assert link.is_symlink() and is_protected(demo)
    assert key_file(demo).exists()
    connections.forget_keys()
    unlock(link, passphrase=PASSPHRASE)  # through the link: its key file is the real one's
    assert _names(link) == names
    change_passphrase(link, "a different tui sings")
    new_recovery_code(link, "a different tui sings")
    unprotect_file(link)
    assert link.is_symlink() and not is_protected(demo)
    assert _names(demo) == names
