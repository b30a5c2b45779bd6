"""Ledger search ignores diacritics as well as case: every search_text folded again.

Until now the column was only case-folded, so "kapiti" missed "Kāpiti". It now holds each
field folded the way imports match names (domain/text.fold: case-folded, accents and macrons
taken off), and the search folds what is typed the same way. No column changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 5000


def _fold(text: str) -> str:
    # The same rule as domain.text.fold, copied: a migration must not change when the
    # application's code does.
    if text.isascii():
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _search_text(counterparty, reference, note, method) -> str:
    # models.ledger.search_text_for as of this revision
    return "\x1f".join(_fold(part or "") for part in (counterparty, reference, note, method))


def _case_folded(counterparty, reference, note, method) -> str:
    # what schema 0003 stored (models.ledger.search_text_for before this revision)
    return "\x1f".join((counterparty or "", reference or "", note or "", method or "")).casefold()


def _refill(rule) -> None:
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
        sa.select(
            table.c.id,
            table.c.counterparty,
            table.c.reference,
            table.c.note,
            table.c.method,
            table.c.search_text,
        )
    ).all()
    # Only the rows whose text changes are written (most ledgers are plain ASCII).
    changed = [{"row_id": r[0], "text": text} for r in rows if (text := rule(*r[1:5])) != r[5]]
    for start in range(0, len(changed), BATCH):
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values(search_text=sa.bindparam("text")),
            changed[start : start + BATCH],
        )


def upgrade() -> None:
    _refill(_search_text)


def downgrade() -> None:
    _refill(_case_folded)
