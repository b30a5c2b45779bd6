"""The hub's first schema: groups, their sealed records, seen records, snapshots, bundles, and
row-level security keeping each group's login to its own rows.

Revision ID: 0001
Revises:
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

S = "sponsor_hub"
ROLE = "sponsor_hub_group"
# Tables a group's login reads and writes, each holding group_id: one policy each.
GROUP_TABLES = (
    "hub_group",
    "hub_record",
    "hub_removed",
    "hub_snapshot",
    "hub_replica",
    "hub_bundle",
)


def upgrade() -> None:
    # Roles belong to the whole server, not one database: another hub database on the same
    # server may have made it already.
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') "
        f"THEN CREATE ROLE {ROLE} NOLOGIN; END IF; END $$"
    )
    op.execute(f"""
        CREATE TABLE {S}.hub_group (
            group_id uuid PRIMARY KEY,
            role_name name NOT NULL UNIQUE,
            label text NOT NULL DEFAULT '',
            genesis uuid,
            key_id text,
            next_hub_seq bigint NOT NULL DEFAULT 1 CHECK (next_hub_seq >= 1),
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE {S}.hub_record (
            group_id uuid NOT NULL REFERENCES {S}.hub_group ON DELETE CASCADE,
            replica_id uuid NOT NULL,
            seq bigint NOT NULL CHECK (seq >= 1),
            hub_seq bigint NOT NULL,
            body bytea NOT NULL,
            size integer GENERATED ALWAYS AS (octet_length(body)) STORED,
            stored_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, replica_id, seq),
            UNIQUE (group_id, hub_seq)
        );
        CREATE TABLE {S}.hub_removed (
            group_id uuid NOT NULL REFERENCES {S}.hub_group ON DELETE CASCADE,
            replica_id uuid NOT NULL,
            seq bigint NOT NULL,
            snapshot_id text NOT NULL,
            PRIMARY KEY (group_id, replica_id, seq)
        );
        CREATE TABLE {S}.hub_snapshot (
            group_id uuid NOT NULL REFERENCES {S}.hub_group ON DELETE CASCADE,
            snapshot_id text NOT NULL,
            chunk integer NOT NULL CHECK (chunk >= 1),
            replica_id uuid NOT NULL,
            body bytea NOT NULL,
            size integer GENERATED ALWAYS AS (octet_length(body)) STORED,
            stored_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, snapshot_id, chunk)
        );
        CREATE TABLE {S}.hub_replica (
            group_id uuid NOT NULL REFERENCES {S}.hub_group ON DELETE CASCADE,
            replica_id uuid NOT NULL,
            seq bigint NOT NULL,
            body bytea NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, replica_id)
        );
        CREATE TABLE {S}.hub_bundle (
            group_id uuid NOT NULL REFERENCES {S}.hub_group ON DELETE CASCADE,
            bundle_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            published_at timestamptz NOT NULL DEFAULT now(),
            sha256 bytea NOT NULL,
            body bytea NOT NULL
        );
    """)
    # Which group the session's login is. session_user, not current_user: inside a SECURITY
    # DEFINER function current_user is the function's owner.
    op.execute(f"""
        CREATE FUNCTION {S}.my_group() RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {S}, pg_temp
        AS $$ SELECT group_id FROM {S}.hub_group WHERE role_name = session_user $$;
        REVOKE ALL ON FUNCTION {S}.my_group() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION {S}.my_group() TO {ROLE};
    """)
    for table in GROUP_TABLES:
        op.execute(f"""
            ALTER TABLE {S}.{table} ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_group ON {S}.{table} TO {ROLE}
                USING (group_id = {S}.my_group()) WITH CHECK (group_id = {S}.my_group());
        """)
    op.execute(f"""
        REVOKE ALL ON SCHEMA {S} FROM PUBLIC;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        GRANT USAGE ON SCHEMA {S} TO {ROLE};
        GRANT SELECT ON {S}.alembic_version TO {ROLE};
        GRANT SELECT, UPDATE (next_hub_seq, genesis, key_id) ON {S}.hub_group TO {ROLE};
        GRANT SELECT, INSERT, DELETE ON {S}.hub_record, {S}.hub_snapshot, {S}.hub_bundle
            TO {ROLE};
        GRANT SELECT, INSERT ON {S}.hub_removed TO {ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON {S}.hub_replica TO {ROLE};
    """)


def downgrade() -> None:
    op.execute(f"DROP SCHEMA {S} CASCADE")
