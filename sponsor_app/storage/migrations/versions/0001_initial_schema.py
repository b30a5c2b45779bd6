"""Initial schema: group profile, people, housing, ledger, plan and audit tables.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 15:09:45.292221
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_entry",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)

    op.create_table(
        "group_profile",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("programme_key", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("prepared_by_role", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_group_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_profile")),
        sa.UniqueConstraint("uuid", name=op.f("uq_group_profile_uuid")),
    )
    op.create_table(
        "household",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("arrival_date", sa.Date(), nullable=True),
        sa.Column("arrival_confirmed", sa.Boolean(), nullable=False),
        sa.Column("town", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
        sa.UniqueConstraint("code", name=op.f("uq_household_code")),
    )
    op.create_table(
        "ledger_category",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "income",
                "expense",
                name="category_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_category")),
        sa.UniqueConstraint("kind", "name", name="kind_name"),
    )
    op.create_table(
        "pledge",
        sa.Column("donor", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_pledge_amount_positive")),
        sa.CheckConstraint(
            "end_on IS NULL OR end_on >= start_on", name=op.f("ck_pledge_end_after_start")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge")),
    )
    op.create_table(
        "property",
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("town", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("bedrooms", sa.Integer(), nullable=False),
        sa.Column("landlord", sa.String(length=200), nullable=False),
        sa.Column("landlord_contact", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("bedrooms >= 0", name=op.f("ck_property_bedrooms_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property")),
    )
    op.create_table(
        "volunteer",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
    )
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_volunteer_email"), ["email"], unique=False)

    op.create_table(
        "budget",
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_budget_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["ledger_category.id"],
            name=op.f("fk_budget_category_id_ledger_category"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget")),
        sa.UniqueConstraint("category_id", "month", name="category_month"),
    )
    op.create_table(
        "check_in",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("concerns_resolved", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("shareable", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_check_in_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_in")),
    )
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_in_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "household_member",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("relationship_to_principal", sa.String(length=40), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("is_principal", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_household_member_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_member")),
    )
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_member_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "indicator_reading",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_indicator_reading_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_reading")),
    )
    with op.batch_alter_table("indicator_reading", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_reading_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "ledger_transaction",
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "income",
                "expense",
                name="transaction_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_ledger_transaction_amount_positive")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["ledger_category.id"],
            name=op.f("fk_ledger_transaction_category_id_ledger_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_ledger_transaction_household_id_household"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_transaction")),
    )
    with op.batch_alter_table("ledger_transaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ledger_transaction_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index("ix_ledger_transaction_date_id", ["occurred_on", "id"], unique=False)

    op.create_table(
        "task",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("template_key", sa.String(length=40), nullable=True),
        sa.Column(
            "phase",
            sa.Enum(
                "pre_arrival",
                "arrival_day",
                "weeks_1_2",
                "month_1",
                "months_2_3",
                "months_4_6",
                "month_12",
                "month_24",
                name="phase",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome_area",
            sa.Enum(
                "self_sufficiency",
                "participation",
                "health",
                "education",
                "housing",
                name="outcome_area",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("guidance", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("family_facing", sa.Boolean(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "not_needed",
                name="task_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("milestone", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["volunteer.id"],
            name=op.f("fk_task_assignee_id_volunteer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_task_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_household_id"), ["household_id"], unique=False)
        batch_op.create_index("ix_task_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "tenancy",
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "searching",
                "secured",
                "occupied",
                "ended",
                name="tenancy_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("lease_start", sa.Date(), nullable=True),
        sa.Column("lease_end", sa.Date(), nullable=True),
        sa.Column("rent_minor", sa.BigInteger(), nullable=False),
        sa.Column(
            "rent_frequency",
            sa.Enum(
                "weekly",
                "fortnightly",
                "monthly",
                name="rent_frequency",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("group_share_minor", sa.BigInteger(), nullable=False),
        sa.Column("bond_minor", sa.BigInteger(), nullable=False),
        sa.Column("bond_holder", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("bond_minor >= 0", name=op.f("ck_tenancy_bond_not_negative")),
        sa.CheckConstraint(
            "lease_end IS NULL OR lease_start IS NULL OR lease_end >= lease_start",
            name=op.f("ck_tenancy_end_after_start"),
        ),
        sa.CheckConstraint(
            "rent_minor >= 0 AND group_share_minor >= 0 AND group_share_minor <= rent_minor",
            name=op.f("ck_tenancy_rent_shares"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_tenancy_household_id_household"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["property_id"],
            ["property.id"],
            name=op.f("fk_tenancy_property_id_property"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenancy")),
    )
    with op.batch_alter_table("tenancy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tenancy_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tenancy_property_id"), ["property_id"], unique=False)

    op.create_table(
        "training_record",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=60), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("certificate", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "expires_on IS NULL OR expires_on > completed_on",
            name=op.f("ck_training_record_expiry_after_completion"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_training_record_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_record")),
    )
    with op.batch_alter_table("training_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_record_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "vetting_check",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column(
            "result",
            sa.Enum(
                "cleared",
                "pending",
                "not_cleared",
                name="check_result",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "expires_on IS NULL OR checked_on IS NULL OR expires_on > checked_on",
            name=op.f("ck_vetting_check_expiry_after_check"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_vetting_check_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vetting_check")),
    )
    with op.batch_alter_table("vetting_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vetting_check_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "volunteer_hours",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("worked_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=60), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "minutes > 0 AND minutes <= 1440", name=op.f("ck_volunteer_hours_minutes_in_a_day")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_volunteer_hours_household_id_household"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_hours_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_hours")),
        sa.UniqueConstraint(
            "volunteer_id", "worked_on", "activity", "household_id", name="one_entry"
        ),
    )
    with op.batch_alter_table("volunteer_hours", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_hours_volunteer_id"), ["volunteer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_volunteer_hours_worked_on"), ["worked_on"], unique=False
        )

    op.create_table(
        "volunteer_role",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "group_lead",
                "finance",
                "housing",
                "employment",
                "education",
                "health",
                "transport",
                "welcome",
                "safeguarding",
                "volunteer",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_role_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "role", name=op.f("pk_volunteer_role")),
    )
    op.create_table(
        "inspection",
        sa.Column("tenancy_id", sa.Integer(), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("issues", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenancy_id"],
            ["tenancy.id"],
            name=op.f("fk_inspection_tenancy_id_tenancy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
    )
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_tenancy_id"), ["tenancy_id"], unique=False)

    op.create_table(
        "move_in_item",
        sa.Column("tenancy_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenancy_id"],
            ["tenancy.id"],
            name=op.f("fk_move_in_item_tenancy_id_tenancy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_move_in_item")),
    )
    with op.batch_alter_table("move_in_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_move_in_item_tenancy_id"), ["tenancy_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("move_in_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_move_in_item_tenancy_id"))

    op.drop_table("move_in_item")
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_tenancy_id"))

    op.drop_table("inspection")
    op.drop_table("volunteer_role")
    with op.batch_alter_table("volunteer_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_hours_worked_on"))
        batch_op.drop_index(batch_op.f("ix_volunteer_hours_volunteer_id"))

    op.drop_table("volunteer_hours")
    with op.batch_alter_table("vetting_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vetting_check_volunteer_id"))

    op.drop_table("vetting_check")
    with op.batch_alter_table("training_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_record_volunteer_id"))

    op.drop_table("training_record")
    with op.batch_alter_table("tenancy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tenancy_property_id"))
        batch_op.drop_index(batch_op.f("ix_tenancy_household_id"))

    op.drop_table("tenancy")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index("ix_task_status_due")
        batch_op.drop_index(batch_op.f("ix_task_household_id"))

    op.drop_table("task")
    with op.batch_alter_table("ledger_transaction", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_transaction_date_id")
        batch_op.drop_index(batch_op.f("ix_ledger_transaction_category_id"))

    op.drop_table("ledger_transaction")
    with op.batch_alter_table("indicator_reading", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_reading_household_id"))

    op.drop_table("indicator_reading")
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_member_household_id"))

    op.drop_table("household_member")
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_in_household_id"))

    op.drop_table("check_in")
    op.drop_table("budget")
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_email"))

    op.drop_table("volunteer")
    op.drop_table("property")
    op.drop_table("pledge")
    op.drop_table("ledger_category")
    op.drop_table("household")
    op.drop_table("group_profile")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
