"""Change sets: every write is one, and the audit rows (now written by triggers) belong to it.

Audit rows recorded before (one per ORM flush, values in a {"field": [old, new]} form) are kept:
they are grouped into change sets by their time and actor, marked "legacy" (shown in the
history, never reverted, since they do not hold whole rows), and moved to the new columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LEGACY_DESCRIPTION = "Recorded before the change history"


def upgrade() -> None:
    op.create_table(
        "change_set",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reverts_id", sa.Integer(), nullable=True),
        sa.Column("is_open", sa.Boolean(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reverts_id"], ["change_set.id"], name=op.f("fk_change_set_reverts_id_change_set")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_set")),
    )
    op.create_index(op.f("ix_change_set_at"), "change_set", ["at"])
    op.create_index(
        "ux_change_set_open",
        "change_set",
        ["is_open"],
        unique=True,
        sqlite_where=sa.text("is_open = 1"),
        postgresql_where=sa.text("is_open = 1"),
    )
    op.create_table(
        "audit_entry_new",
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=120), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
        sa.Column("new_values", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["change_set_id"],
            ["change_set.id"],
            name=op.f("fk_audit_entry_change_set_id_change_set"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    _carry_over_legacy_rows()
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.rename_table("audit_entry_new", "audit_entry")
    op.create_index(op.f("ix_audit_entry_change_set_id"), "audit_entry", ["change_set_id"])
    op.create_index("ix_audit_entry_row", "audit_entry", ["table_name", "row_key"])


def _legacy_key(text: str) -> str:
    """ "id=5" -> [5]; "volunteer_id=1,role=housing" -> [1,"housing"]."""
    values = []
    for part in text.split(","):
        value = part.split("=", 1)[1] if "=" in part else part
        values.append(int(value) if value.lstrip("-").isdigit() else value)
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False)


def _split(action: str, changes: str) -> tuple[str | None, str | None]:
    pairs = json.loads(changes)
    old = {k: v[0] for k, v in pairs.items()}
    new = {k: v[1] for k, v in pairs.items()}
    dump = lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True)  # noqa: E731
    return (
        None if action == "insert" else dump(old),
        None if action == "delete" else dump(new),
    )


def _carry_over_legacy_rows() -> None:
    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        "SELECT id, at, actor, action, table_name, row_key, changes FROM audit_entry ORDER BY id"
    ).all()
    change_sets: dict[tuple[str, str], int] = {}
    moved = []
    for entry_id, at, actor, action, table, key, changes in rows:
        group = (at, actor)
        if group not in change_sets:
            change_sets[group] = connection.exec_driver_sql(
                "INSERT INTO change_set (at, actor, description, kind) VALUES (?, ?, ?, 'legacy')",
                (at, actor, LEGACY_DESCRIPTION),
            ).lastrowid
        old, new = _split(action, changes)
        moved.append((entry_id, change_sets[group], action, table, _legacy_key(key), old, new))
    if moved:
        connection.exec_driver_sql(
            "INSERT INTO audit_entry_new "
            "(id, change_set_id, action, table_name, row_key, old_values, new_values) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            moved,
        )


def downgrade() -> None:
    raise NotImplementedError("the change history cannot be folded back into the old form")
