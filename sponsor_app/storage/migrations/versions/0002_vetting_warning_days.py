"""Group setting: how many days before expiry vetting counts as expiring.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("group_profile") as batch_op:
        batch_op.add_column(
            sa.Column("vetting_warning_days", sa.Integer(), nullable=False, server_default="30")
        )


def downgrade() -> None:
    with op.batch_alter_table("group_profile") as batch_op:
        batch_op.drop_column("vetting_warning_days")
