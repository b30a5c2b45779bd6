"""Which schema this version writes, and how a group file says it is one."""

# The newest Alembic revision in storage/migrations/versions. A test keeps the two equal; the
# constant lets a file at the current schema open without loading Alembic at all.
SCHEMA_VERSION = "0013"

# Written to SQLite's header (PRAGMA application_id) so any tool can tell a group file: "SpDk".
APPLICATION_ID = 0x53704B44

SQLITE_MAGIC = b"SQLite format 3\x00"


def revision_number(revision: str) -> int:
    """Revisions are numbered 0001, 0002...; a higher number is a newer schema."""
    try:
        return int(revision.split("_", 1)[0])
    except ValueError:
        return 10**9  # a revision this version has never heard of is treated as newer
