"""The settlement plan: task kinds, "in progress", evidence and skip reasons; the contact log
with who was there and the family's needs-met rating; goals and their reviews; the group's own
task templates.

Check-ins keep what they said: "notes" becomes the summary, "concerns" the concern, and a
concern marked resolved is taken as resolved on the day of the check-in. A "phone" check-in
(the word the demo used) becomes a call.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

PHASES = (
    "pre_arrival",
    "arrival_day",
    "weeks_1_2",
    "month_1",
    "months_2_3",
    "months_4_6",
    "month_12",
    "month_24",
)
AREAS = ("self_sufficiency", "participation", "health", "education", "housing")
TASK_KINDS = ("task", "meeting", "snapshot")
GOAL_STATUSES = ("not_started", "progressing", "achieved", "changed")
CHECK_IN_KINDS = ("visit", "call", "meeting", "programme_review")


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table("task") as batch_op:
        batch_op.alter_column(
            "status",
            existing_type=_enum(("open", "done", "not_needed"), "task_status"),
            type_=_enum(("open", "in_progress", "done", "not_needed"), "task_status"),
            existing_nullable=False,
        )
        batch_op.add_column(
            sa.Column("kind", _enum(TASK_KINDS, "task_kind"), nullable=False, server_default="task")
        )
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("skip_reason", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    for key in (
        "week1_meeting",
        "us_midpoint",
        "us_transition",
        "day60_review",
        "nz_evaluation",
        "ca_monitoring",
    ):
        connection.exec_driver_sql(
            "UPDATE task SET kind = 'meeting' WHERE template_key = ?", (key,)
        )

    connection.exec_driver_sql("UPDATE check_in SET kind = 'call' WHERE kind = 'phone'")
    connection.exec_driver_sql(
        "UPDATE check_in SET kind = 'visit' WHERE kind NOT IN "
        "('visit', 'call', 'meeting', 'programme_review')"
    )
    with op.batch_alter_table("check_in") as batch_op:
        batch_op.alter_column("notes", new_column_name="summary", existing_type=sa.Text())
        batch_op.alter_column("concerns", new_column_name="concern", existing_type=sa.Text())
        batch_op.add_column(sa.Column("needs_met", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("concern_resolved_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("task_id", sa.Integer(), nullable=True))
    connection.exec_driver_sql(
        "UPDATE check_in SET concern_resolved_on = held_on "
        "WHERE concern != '' AND concerns_resolved = 1"
    )
    with op.batch_alter_table("check_in") as batch_op:
        batch_op.drop_column("concerns_resolved")
        batch_op.alter_column(
            "kind",
            existing_type=sa.String(length=40),
            type_=_enum(CHECK_IN_KINDS, "check_in_kind"),
            existing_nullable=False,
        )
        batch_op.create_check_constraint(
            "needs_met_1_5", "needs_met IS NULL OR needs_met BETWEEN 1 AND 5"
        )
        batch_op.create_foreign_key(
            op.f("fk_check_in_task_id_task"), "task", ["task_id"], ["id"], ondelete="SET NULL"
        )

    op.create_table(
        "check_in_volunteer",
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_in_id"],
            ["check_in.id"],
            name=op.f("fk_check_in_volunteer_check_in_id_check_in"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_check_in_volunteer_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("check_in_id", "volunteer_id", name=op.f("pk_check_in_volunteer")),
    )
    op.create_table(
        "goal",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("outcome_area", _enum(AREAS, "outcome_area"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("set_on", sa.Date(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("status", _enum(GOAL_STATUSES, "goal_status"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_goal_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    op.create_index(op.f("ix_goal_household_id"), "goal", ["household_id"])
    op.create_table(
        "goal_review",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("status", _enum(GOAL_STATUSES, "goal_status"), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_in_id"],
            ["check_in.id"],
            name=op.f("fk_goal_review_check_in_id_check_in"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_review_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_review")),
    )
    op.create_index(op.f("ix_goal_review_goal_id"), "goal_review", ["goal_id"])
    op.create_table(
        "task_template",
        sa.Column("phase", _enum(PHASES, "phase"), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("outcome_area", _enum(AREAS, "outcome_area"), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("guidance", sa.Text(), nullable=False),
        sa.Column("family_facing", sa.Boolean(), nullable=False),
        sa.Column("kind", _enum(TASK_KINDS, "task_kind"), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_template")),
    )


def downgrade() -> None:
    raise NotImplementedError("schema 0007 is not taken back")
