"""A copy of the group file takes its own identity at its first open; rows made on two copies
never share an id; a real file of the schema before sharing upgrades keeping every id."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sponsor_app.storage.models import Household
from sponsor_app.storage.schema import SCHEMA_VERSION
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import ids, replica

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _identity(path: Path) -> tuple:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(
            "SELECT replica_id, id_prefix, parent_replica_id FROM sync_replica"
        ).fetchone()
    finally:
        raw.close()


def _add_household(store: Store, code: str) -> int:
    with store.transaction(f"Add {code}") as session:
        row = Household(code=code, family_name="Family " + code)
        session.add(row)
        session.flush()
        return row.id


def _share(path: Path) -> None:
    with Store.open(path) as store, store.engine.begin() as connection:
        replica.found_group(connection)


def test_a_schema_0012_file_upgrades_keeping_its_ids_and_counting_on_after_them(tmp_path):
    path = tmp_path / "old.sponsor"
    shutil.copyfile(FIXTURES / "schema-0012.sponsor", path)
    raw = sqlite3.connect(path)
    before = raw.execute("SELECT id, code FROM household ORDER BY id").fetchall()
    ever = raw.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'ledger_transaction'"
    ).fetchone()[0]
    raw.close()
    with Store.open(path) as store:
        new_id = _add_household(store, "H90")
        with store.read() as session:
            counter = (
                session.connection()
                .exec_driver_sql(
                    "SELECT next FROM sync_id_counter WHERE table_name = 'ledger_transaction'"
                )
                .scalar()
            )
    raw = sqlite3.connect(path)
    after = raw.execute("SELECT id, code FROM household ORDER BY id").fetchall()
    origin = raw.execute(
        "SELECT origin_seq, native FROM change_set WHERE description = 'Add H90'"
    ).fetchone()
    version = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    raw.close()
    assert version == SCHEMA_VERSION
    assert after[: len(before)] == before  # no existing id changed
    assert new_id == max(row[0] for row in before) + 1  # prefix 0: the ids people know go on
    assert counter == ever + 1  # never an id some deleted row once had
    assert origin == (1, 1)  # the file's first record of its own


def test_a_new_file_is_prefix_zero_and_keeps_its_identity_when_reopened(group_path):
    from sponsor_app.services.group.groups import NewGroup, create_group

    create_group(group_path, NewGroup(name="Ours")).close()
    first = _identity(group_path)
    assert first[1] == 0
    Store.open(group_path).close()
    Store.open(group_path).close()
    assert _identity(group_path) == first


def test_a_copy_of_a_shared_file_takes_its_own_identity_and_id_range(group_path, tmp_path):
    from sponsor_app.services.group.groups import NewGroup, create_group

    create_group(group_path, NewGroup(name="Ours")).close()
    _share(group_path)
    original = _identity(group_path)
    copy = tmp_path / "laptop-2.sponsor"
    shutil.copyfile(group_path, copy)
    with Store.open(copy) as store:
        on_copy = _add_household(store, "H2")
    with Store.open(group_path) as store:
        on_original = _add_household(store, "H1")
    minted = _identity(copy)
    assert minted[0] != original[0] and minted[2] == original[0]
    assert minted[1] != 0 and ids.prefix_of(on_copy) == minted[1]
    assert ids.prefix_of(on_original) == 0 and on_copy != on_original
    assert _identity(group_path) == original  # the original stays itself


def test_a_moved_file_keeps_its_identity_but_an_older_copy_put_back_does_not(group_path, tmp_path):
    from sponsor_app.services.group.groups import NewGroup, create_group

    create_group(group_path, NewGroup(name="Ours")).close()
    _share(group_path)
    older = tmp_path / "older.sponsor"
    shutil.copyfile(group_path, older)
    identity = _identity(group_path)
    moved = tmp_path / "moved.sponsor"
    group_path.rename(moved)
    with Store.open(moved) as store:
        _add_household(store, "H5")
    assert _identity(moved) == identity  # moved, not copied
    shutil.copyfile(older, moved)  # a backup of it put back: numbering behind the registry
    Store.open(moved).close()
    assert _identity(moved)[0] != identity[0]


def test_a_file_from_elsewhere_takes_a_new_identity(group_path, tmp_path, monkeypatch):
    """No entry in this computer's registry (another laptop, a USB stick): mint."""
    from sponsor_app.locations import HOME_VARIABLE
    from sponsor_app.services.group.groups import NewGroup, create_group

    create_group(group_path, NewGroup(name="Ours")).close()
    identity = _identity(group_path)
    monkeypatch.setenv(HOME_VARIABLE, str(tmp_path / "another-laptop"))
    Store.open(group_path).close()
    assert _identity(group_path)[0] != identity[0]


def test_a_record_sealed_with_the_founded_groups_key_opens(tmp_path):
    """Founding stores the key id the wire derives from the key: a random one made every seal
    refuse the header ("names another key")."""
    from sponsor_app.services.group.groups import NewGroup, create_group
    from sponsor_app.storage.sync import codec, seal, versions
    from sponsor_app.storage.sync.transport import Kind

    path = tmp_path / "shared.sponsor"
    create_group(path, NewGroup(name="Shared group")).close()
    _share(path)
    with Store.open(path) as store:
        _add_household(store, "H2")
        with store.read() as session:
            connection = session.connection()
            group_key, key_id = connection.exec_driver_sql(
                "SELECT group_key, key_id FROM sync_group"
            ).one()
            record = versions.own_records(connection)[-1]
        group = store.group.uuid
    keys = seal.Keys(bytes(group_key))
    assert key_id == keys.key_id
    header = seal.Header(Kind.CHANGE, group, key_id, record.replica, record.seq, record.schema)
    sealed = seal.seal(keys, header, codec.pack(record.to_value()))
    (opened,) = seal.open_all(keys, group, [sealed])
    assert codec.unpack(opened.plaintext) == record.to_value()
    assert opened.header.key_id == key_id


def test_ids_taken_at_once_follow_on_from_one_at_a_time_and_a_rollback_gives_them_back(
    group_path, tmp_path
):
    # An import takes its 100,000 ids in one statement (storage/sync/ids.reserve_ids); they
    # must be the ids the rows would have got one by one, in the copy's own range.
    from sponsor_app.services.group.groups import NewGroup, create_group

    create_group(group_path, NewGroup(name="Ours")).close()
    _share(group_path)
    copy = tmp_path / "laptop-2.sponsor"
    shutil.copyfile(group_path, copy)
    for path in (group_path, copy):
        with Store.open(path) as store:
            first = _add_household(store, "H1")
            with store.transaction("Import") as session:
                taken = ids.reserve_ids(session.connection(), "household", 1000)
            try:
                with store.transaction("Import that fails") as session:
                    ids.reserve_ids(session.connection(), "household", 500)
                    raise RuntimeError("the import failed")
            except RuntimeError:
                pass
            after = _add_household(store, "H2")
        assert list(taken) == list(range(first + 1, first + 1001))
        assert after == first + 1001  # the failed import's 500 came back
        assert ids.prefix_of(after) == ids.prefix_of(first)
