"""A file shared with another laptop, with a row in every table sharing keeps: what the
privacy tests plant names in (and a purge must scrub), made by the real founding, a real local
write and a real apply of another laptop's write made at once."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from sponsor_app.storage.audit import fetch_row, table_shapes
from sponsor_app.storage.schema import SCHEMA_VERSION
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import replica
from sponsor_app.storage.sync.records import ChangeRecord, RowImage


def share_with_a_conflict(store: Store, table: str, row_id: int, column: str, ours, theirs):
    """Found sharing on the file, write `ours` into the row's column here and apply another
    laptop's `theirs`, made without seeing ours: sync_group, sync_field (both writes),
    sync_conflict (the two values), sync_row (a household added and removed since, with its
    last values) and sync_channel (as a sync through a folder leaves it) then hold a row."""
    from sponsor_app.services.households.households import (
        HouseholdInput,
        add_household,
        delete_household,
    )

    with store.engine.begin() as connection:
        if not replica.is_shared(connection):
            replica.found_group(connection)
    # Versions are kept from founding on: a row removed since leaves its tombstone.
    gone = add_household(store, HouseholdInput("HGONE", family_name="Gone", town="Nelson"))
    delete_household(store, gone.id)
    with store.transaction(f"Change {table}.{column}") as session:
        session.execute(
            text(f'UPDATE "{table}" SET "{column}" = :value WHERE id = :id'),
            {"value": ours, "id": row_id},
        )
    with store.read() as session:
        connection = session.connection()
        before = fetch_row(connection, table_shapes(connection)[table], (row_id,))
        stamp = replica.identity(connection).hlc + 1
    before = {**before, column: "as it was before either write"}
    other = ChangeRecord(
        replica=str(uuid.uuid4()),
        seq=1,
        hlc=stamp,
        deps={},
        schema=SCHEMA_VERSION,
        kind="edit",
        actor="Lead on the other laptop",
        description=f"Change {table}.{column}",
        at="2026-06-01 10:00:00",
        laptop="the other laptop",
        images=(RowImage(table, [row_id], before, {**before, column: theirs}),),
    )
    report = store.apply_records([other])
    assert report.applied and report.conflicts, report
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_channel (location, kind, cursor, last_sync_at, last_result) "
            "VALUES ('/media/usb/Sponsor Desk sharing', 'folder', '', NULL, 'ok')"
        )
