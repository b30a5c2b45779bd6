"""Sensitive fields and retention: members' health and immigration notes; when a household's
or a volunteer's personal details were removed.

Health and immigration notes are kept apart from a member's general notes so that the window
can hide them (showing them is recorded in the history) and exports and anonymised reports can
leave them out by name. `details_removed_at` marks a household or volunteer whose personal
details were removed when the time to keep them had passed (their figures stay).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_member") as batch_op:
        batch_op.add_column(sa.Column("health_notes", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("immigration_notes", sa.Text(), nullable=False, server_default="")
        )
    for table in ("household", "volunteer"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("details_removed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in ("volunteer", "household"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("details_removed_at")
    with op.batch_alter_table("household_member") as batch_op:
        batch_op.drop_column("immigration_notes")
        batch_op.drop_column("health_notes")
