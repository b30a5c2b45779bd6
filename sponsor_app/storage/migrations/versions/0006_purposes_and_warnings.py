"""Categories keep a stable purpose; the group's own warning windows.

Rent and pledge payments were found by their English names, which a group may rename; each
category the app relies on now carries its purpose. Existing categories get theirs from their
current name (a frozen copy of the programmes' names, so this revision never changes).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (kind, lower-case name) -> purpose, as the programmes named them when this revision was made.
PURPOSE_BY_NAME = {
    ("expense", "rent"): "rent",
    ("income", "pledge payments"): "pledge_payments",
    ("income", "donations"): "donations",
    ("expense", "bond"): "bond",
    ("expense", "arrival cash"): "arrival_cash",
    ("expense", "start-up costs"): "start_up",
    ("expense", "cash assistance"): "cash_assistance",
}


def upgrade() -> None:
    with op.batch_alter_table("group_profile") as batch_op:
        batch_op.add_column(sa.Column("lease_warning_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_soon_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("arrival_warning_days", sa.Integer(), nullable=True))
    with op.batch_alter_table("ledger_category") as batch_op:
        batch_op.add_column(sa.Column("purpose", sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint("one_per_purpose", ["purpose"])
    connection = op.get_bind()
    categories = connection.exec_driver_sql(
        "SELECT id, kind, name FROM ledger_category ORDER BY archived_at IS NOT NULL, id"
    ).all()
    taken = set()
    for category_id, kind, name in categories:
        purpose = PURPOSE_BY_NAME.get((kind, name.strip().lower()))
        if purpose and purpose not in taken:  # the first (live) one keeps it if names repeat
            taken.add(purpose)
            connection.exec_driver_sql(
                "UPDATE ledger_category SET purpose = ? WHERE id = ?", (purpose, category_id)
            )


def downgrade() -> None:
    with op.batch_alter_table("ledger_category") as batch_op:
        batch_op.drop_constraint("one_per_purpose", type_="unique")
        batch_op.drop_column("purpose")
    with op.batch_alter_table("group_profile") as batch_op:
        batch_op.drop_column("arrival_warning_days")
        batch_op.drop_column("due_soon_days")
        batch_op.drop_column("lease_warning_days")
