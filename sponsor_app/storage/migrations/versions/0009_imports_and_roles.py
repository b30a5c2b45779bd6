"""Roles are the group's own; imports remember their mappings; bank statements and rules.

- `role`: the roles a volunteer may hold, as data (they were a fixed list in the code). An
  existing file keeps its roles: the ten the code knew are written here with the same keys, so
  every `volunteer_role` row stays as it was and now refers to a row of `role`.
- `import_mapping`: how a file's columns and values were matched, for the next file like it.
- `category_rule`: "counterparty contains Countdown: Food" for bank statements.
- `ledger_transaction.statement_ref`: the bank's own id of the statement line a transaction
  stands for, so the same statement imported twice adds nothing.
- "Other income" and "Other spending" get their purposes (where bank lines go uncategorised).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The roles as the code listed them when this revision was made (a frozen copy).
ROLES = (
    ("group_lead", "Group lead"),
    ("finance", "Finance lead"),
    ("housing", "Housing lead"),
    ("employment", "Employment lead"),
    ("education", "Education and English lead"),
    ("health", "Health and benefits lead"),
    ("transport", "Transport lead"),
    ("welcome", "Welcome and orientation lead"),
    ("safeguarding", "Safeguarding lead"),
    ("volunteer", "Volunteer"),
)
PURPOSE_BY_NAME = {
    ("income", "other income"): "other_income",
    ("expense", "other spending"): "other_spending",
}


def upgrade() -> None:
    op.create_table(
        "role",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
        sa.UniqueConstraint("key", name=op.f("uq_role_key")),
        sa.UniqueConstraint("name", name="role_name"),
    )
    connection = op.get_bind()
    # A file that already holds a group gets the roles it had; a new, empty file gets its
    # programme's list when the group is written (services/group/groups.py).
    has_group = connection.exec_driver_sql("SELECT count(*) FROM group_profile").scalar()
    for position, (key, name) in enumerate(ROLES if has_group else ()):
        connection.exec_driver_sql(
            "INSERT INTO role (key, name, position) VALUES (?, ?, ?)", (key, name, position)
        )
    old_role = sa.Enum(
        *(key for key, _ in ROLES),
        name="role",
        native_enum=False,
        create_constraint=True,
        length=32,
    )
    with op.batch_alter_table("volunteer_role", recreate="always") as batch_op:
        batch_op.alter_column(
            "role", existing_type=old_role, type_=sa.String(length=40), existing_nullable=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_volunteer_role_role_role"),
            "role",
            ["role"],
            ["key"],
            ondelete="RESTRICT",
        )

    op.create_table(
        "category_rule",
        sa.Column("pattern", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "field IN ('counterparty', 'any')", name=op.f("ck_category_rule_rule_field")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["ledger_category.id"],
            name=op.f("fk_category_rule_category_id_ledger_category"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_rule")),
        sa.UniqueConstraint("field", "pattern", "category_id", name="one_rule"),
    )
    op.create_index(
        op.f("ix_category_rule_category_id"), "category_rule", ["category_id"], unique=False
    )
    op.create_table(
        "import_mapping",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mapping")),
        sa.UniqueConstraint("kind", "signature", name="one_per_columns"),
    )
    op.add_column(
        "ledger_transaction", sa.Column("statement_ref", sa.String(length=120), nullable=True)
    )
    op.create_index(
        op.f("ix_ledger_transaction_statement_ref"),
        "ledger_transaction",
        ["statement_ref"],
        unique=False,
    )

    taken = {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT purpose FROM ledger_category WHERE purpose IS NOT NULL"
        )
    }
    categories = connection.exec_driver_sql(
        "SELECT id, kind, name FROM ledger_category ORDER BY archived_at IS NOT NULL, id"
    ).all()
    for category_id, kind, name in categories:
        purpose = PURPOSE_BY_NAME.get((kind, name.strip().lower()))
        if purpose and purpose not in taken:
            taken.add(purpose)
            connection.exec_driver_sql(
                "UPDATE ledger_category SET purpose = ? WHERE id = ?", (purpose, category_id)
            )


def downgrade() -> None:
    connection = op.get_bind()
    connection.exec_driver_sql(
        "UPDATE ledger_category SET purpose = NULL "
        "WHERE purpose IN ('other_income', 'other_spending')"
    )
    op.drop_index(op.f("ix_ledger_transaction_statement_ref"), table_name="ledger_transaction")
    with op.batch_alter_table("ledger_transaction") as batch_op:
        batch_op.drop_column("statement_ref")
    op.drop_table("import_mapping")
    op.drop_index(op.f("ix_category_rule_category_id"), table_name="category_rule")
    op.drop_table("category_rule")
    with op.batch_alter_table("volunteer_role", recreate="always") as batch_op:
        batch_op.drop_constraint("fk_volunteer_role_role_role", type_="foreignkey")
    op.drop_table("role")
