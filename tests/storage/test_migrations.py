"""Migrations: every revision from an empty file, models in step, backups before upgrades."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from sponsor_app.locations import backup_dir
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.storage import migrate
from sponsor_app.storage.backup import list_backups
from sponsor_app.storage.errors import NewerSchema
from sponsor_app.storage.models import Base
from sponsor_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from sponsor_app.storage.store import Store, make_engine


def revisions_oldest_first():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_schema_constant_is_the_alembic_head():
    assert migrate.head_revision() == SCHEMA_VERSION


def test_models_and_migrations_agree(group_path):
    with Store.building(group_path):
        pass
    engine = make_engine(group_path)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == [], "a model changed without a migration: add one under storage/migrations"


@pytest.mark.parametrize("target", revisions_oldest_first())
def test_every_revision_from_an_empty_file_then_opens_at_head(tmp_path, target):
    """Build the file up to each revision, then let Store.open migrate it to head."""
    path = tmp_path / f"at-{target}.sponsor"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
    raw.commit()
    raw.close()
    engine = make_engine(path)
    migrate.upgrade(engine, path, backup_first=False, target=target)
    engine.dispose()
    assert migrate.current_revision(path) == target
    _add_a_group_profile(path)
    with Store.open(path) as store, store.read() as session:
        tables = set(Base.metadata.tables)
        found = {
            r[0] for r in session.connection().exec_driver_sql("SELECT name FROM sqlite_master")
        }
        assert tables <= found
    assert migrate.current_revision(path) == SCHEMA_VERSION
    if target != SCHEMA_VERSION:
        assert list_backups(GROUP_ID), "an upgrade backs the file up first"


GROUP_ID = "00000000-0000-4000-8000-000000000001"


def _add_a_group_profile(path):
    """A file built revision by revision has no group yet; every real one has (schema 0001's
    columns, which every later revision keeps)."""
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER IF EXISTS audit_group_profile_insert")
    raw.execute(
        "INSERT INTO group_profile (id, uuid, name, programme_key, currency, locale, start_date,"
        " created_at, prepared_by_role) VALUES (1, ?, 'At a revision', 'nz-cors', 'NZD',"
        " 'en_NZ', '2025-01-01', '2025-01-01 00:00:00', 'Group lead')",
        (GROUP_ID,),
    )
    raw.commit()
    raw.close()


def test_older_file_is_backed_up_before_it_moves(tmp_path):
    """A real file of the schema before head: opening it upgrades it, and the backup taken
    first holds the file as it was (the old revision, every row, intact). It used to pretend
    an upgrade was needed by patching away the very decision (`needs_upgrade`) it tests."""
    previous = revisions_oldest_first()[-2]
    path = tmp_path / "old.sponsor"
    path.write_bytes((FIXTURES / f"schema-{previous}.sponsor").read_bytes())
    volunteers = _count(path, "volunteer")
    Store.open(path).close()
    assert migrate.current_revision(path) == SCHEMA_VERSION
    (backup,) = backup_dir().rglob("*-before-schema-*.sponsor")
    assert migrate.current_revision(backup) == previous  # taken before the file moved
    assert sqlite3.connect(backup).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _count(backup, "volunteer") == volunteers


def test_a_file_at_head_is_not_backed_up_for_an_upgrade(tmp_path):
    path = tmp_path / "current.sponsor"
    path.write_bytes((FIXTURES / f"schema-{SCHEMA_VERSION}.sponsor").read_bytes())
    Store.open(path).close()
    assert not list(backup_dir().rglob("*-before-schema-*.sponsor"))


def _count(path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_newer_schema_is_refused_untouched(group_path):
    create_group(group_path, NewGroup(name="Newer")).close()
    connection = sqlite3.connect(group_path)
    connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.commit()
    connection.close()
    before = group_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version of Sponsor Desk"):
        Store.open(group_path)
    assert group_path.read_bytes() == before
    assert not list(backup_dir().rglob("*.sponsor"))


FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures"


def test_a_real_file_for_every_schema_version(tmp_path):
    """tests/fixtures keeps one file per revision, each at its own revision (a new revision
    adds its file: tools/schema_fixture.py). Each is read from a copy: reading a WAL-mode file
    in place would leave -wal and -shm files in the repository."""
    kept = {}
    for fixture in FIXTURES.glob("schema-*.sponsor"):
        copy = tmp_path / fixture.name
        copy.write_bytes(fixture.read_bytes())
        kept[fixture.name] = migrate.current_revision(copy)
    assert kept == {f"schema-{r}.sponsor": r for r in revisions_oldest_first()}


@pytest.mark.parametrize("revision", revisions_oldest_first())
def test_real_files_of_every_earlier_schema_open_with_their_rows(tmp_path, revision):
    """Files written by earlier versions (kept under tests/fixtures) migrate without loss."""
    from sponsor_app.services.files.health import check_file

    path = tmp_path / f"schema-{revision}.sponsor"
    path.write_bytes((FIXTURES / path.name).read_bytes())
    before = {
        table: _count(path, table)
        for table in ("volunteer", "household", "task", "ledger_transaction", "audit_entry")
    }
    report = check_file(path)
    assert report.healthy and report.schema_version == SCHEMA_VERSION
    for table, count in before.items():
        assert report.row_counts[table] == count, table
    upgraded = list(backup_dir().rglob("*-before-schema-*.sponsor"))
    assert bool(upgraded) == (revision != SCHEMA_VERSION), "backed up before an upgrade only"
    profile = (
        sqlite3.connect(path).execute("SELECT vetting_warning_days FROM group_profile").fetchone()
    )
    assert profile == (30,)


def test_an_older_ledger_is_searched_without_its_macrons_after_the_upgrade(tmp_path):
    """Schema 0010 folds every row's search text again: a 0004 file's "Kāpiti Quakers" rows,
    stored case-folded only, are then found by "kapiti" as well as by "Kāpiti"."""
    from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions

    path = tmp_path / "schema-0004.sponsor"
    path.write_bytes((FIXTURES / "schema-0004.sponsor").read_bytes())
    raw = sqlite3.connect(path)
    (kapiti,) = raw.execute(
        "SELECT count(*) FROM ledger_transaction WHERE counterparty = 'Kāpiti Quakers'"
    ).fetchone()
    raw.close()
    assert kapiti > 0
    with Store.open(path) as store:
        for typed in ("kapiti quakers", "KĀPITI QUAKERS"):
            assert len(find_transactions(store, LedgerFilter(text=typed)).ids) == kapiti
        assert len(find_transactions(store, LedgerFilter(text="ngati whatua")).ids) > 0
    stored = sqlite3.connect(path).execute("SELECT search_text FROM ledger_transaction").fetchall()
    assert not [text for (text,) in stored if {"ā", "ō", "ş"} & set(text)]
