"""Sharing between laptops (issue 22): the file's identity, ids unique across copies, and the
bookkeeping that lets two copies merge their change sets.

- `sync_replica`: who this copy is (taken at its first open, storage/sync/replica.py).
- `sync_group`: written when sharing starts (the group key, the genesis); travels with copies.
- `sync_id_counter`: the next n of new ids per table, starting after the largest id each
  table ever held (AUTOINCREMENT's high-water mark of schema 0012), so no id is reused and no
  existing id changes.
- `sync_vector`, `sync_row`, `sync_field`, `sync_conflict`: what this copy has seen, and how
  each field came to hold its value (storage/sync/versions.py).
- `sync_channel`: the folders and hubs it syncs with.
- `change_set` gains the laptop and number of each change set, its clock and its version
  vector. Change sets made before stay without them: every copy already holds them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_LOCAL = ("change_set", "audit_entry")


def _keyed_by_one_id(connection, table: str) -> bool:
    info = connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
    key = [row for row in info if row[5]]
    return len(key) == 1 and key[0][1] == "id" and key[0][2].upper() == "INTEGER"


def upgrade() -> None:
    op.create_table(
        "sync_replica",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.Column("id_prefix", sa.BigInteger(), nullable=False),
        sa.Column("parent_replica_id", sa.String(length=36), nullable=True),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("laptop_name", sa.String(length=120), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_replica_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_replica")),
        sqlite_autoincrement=True,  # as every table keyed by one id (schema 0012)
    )
    op.create_table(
        "sync_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("genesis", sa.String(length=36), nullable=False),
        sa.Column("founder_replica", sa.String(length=36), nullable=False),
        sa.Column("founded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_group_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_group")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sync_id_counter",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("next", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_sync_id_counter")),
    )
    op.create_table(
        "sync_channel",
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("cursor", sa.String(length=200), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_result", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("location", name=op.f("pk_sync_channel")),
    )
    op.create_table(
        "sync_vector",
        sa.Column("replica", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("replica", name=op.f("pk_sync_vector")),
    )
    op.create_table(
        "sync_row",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.String(length=120), nullable=False),
        sa.Column("insert_hlc", sa.BigInteger(), nullable=False),
        sa.Column("insert_replica", sa.String(length=36), nullable=False),
        sa.Column("insert_seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("deleted_replica", sa.String(length=36), nullable=True),
        sa.Column("deleted_seq", sa.BigInteger(), nullable=True),
        sa.Column("last_values", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("table_name", "row_key", name=op.f("pk_sync_row")),
    )
    op.create_table(
        "sync_field",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.String(length=120), nullable=False),
        sa.Column("column_name", sa.String(length=60), nullable=False),
        sa.Column("replica", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(
            "table_name", "row_key", "column_name", "replica", "seq", name=op.f("pk_sync_field")
        ),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.String(length=120), nullable=False),
        sa.Column("column_name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint(
            "table_name", "row_key", "column_name", "kind", name=op.f("pk_sync_conflict")
        ),
    )
    with op.batch_alter_table("change_set") as batch_op:
        batch_op.add_column(sa.Column("origin_replica", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("origin_seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("hlc", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("deps", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("native", sa.Boolean(), nullable=True))
        batch_op.create_index("ux_change_set_origin", ["origin_replica", "origin_seq"], unique=True)

    connection = op.get_bind()
    tables = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'sync_%' AND name != 'alembic_version' ORDER BY name"
        )
    ]
    for table in tables:
        if table in _LOCAL or not _keyed_by_one_id(connection, table):
            continue
        # After the largest id the table ever held: AUTOINCREMENT's mark (schema 0012 set it
        # from the table and its history), or the table's own largest id if that is higher.
        largest = connection.exec_driver_sql(
            f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
            f'coalesce((SELECT max(id) FROM "{table}"), 0))',
            (table,),
        ).scalar()
        connection.exec_driver_sql(
            "INSERT INTO sync_id_counter (table_name, next) VALUES (?, ?)", (table, largest + 1)
        )


def downgrade() -> None:
    with op.batch_alter_table("change_set") as batch_op:
        batch_op.drop_index("ux_change_set_origin")
        for column in ("native", "deps", "hlc", "origin_seq", "origin_replica"):
            batch_op.drop_column(column)
    for table in (
        "sync_conflict",
        "sync_field",
        "sync_row",
        "sync_vector",
        "sync_channel",
        "sync_id_counter",
        "sync_group",
        "sync_replica",
    ):
        op.drop_table(table)
