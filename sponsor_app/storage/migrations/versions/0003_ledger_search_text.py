"""Ledger: a case-folded search column, filled for every existing transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 5000


def _fold(counterparty, reference, note, method) -> str:
    # The same rule as models.ledger.search_text_for, copied: a migration must not change
    # when the application's code does.
    return "\x1f".join((counterparty or "", reference or "", note or "", method or "")).casefold()


def upgrade() -> None:
    with op.batch_alter_table("ledger_transaction") as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    table = sa.table(
        "ledger_transaction",
        sa.column("id", sa.Integer),
        sa.column("counterparty", sa.String),
        sa.column("reference", sa.String),
        sa.column("note", sa.Text),
        sa.column("method", sa.String),
        sa.column("search_text", sa.Text),
    )
    rows = connection.execute(
        sa.select(table.c.id, table.c.counterparty, table.c.reference, table.c.note, table.c.method)
    ).all()
    for start in range(0, len(rows), BATCH):
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values(search_text=sa.bindparam("text")),
            [{"row_id": r[0], "text": _fold(*r[1:])} for r in rows[start : start + BATCH]],
        )


def downgrade() -> None:
    with op.batch_alter_table("ledger_transaction") as batch_op:
        batch_op.drop_column("search_text")
