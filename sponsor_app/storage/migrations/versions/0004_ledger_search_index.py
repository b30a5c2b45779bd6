"""Ledger: an index that covers search-as-you-type in date order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ["occurred_on", "id", "search_text", "category_id", "kind", "amount_minor"]


def upgrade() -> None:
    op.create_index("ix_ledger_transaction_search", "ledger_transaction", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_ledger_transaction_search", table_name="ledger_transaction")
