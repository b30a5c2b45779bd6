"""What this copy keeps about the places it syncs with (`sync_channel`), and the channel its
group's records travel on (`sync_group`): the SQL of a sync run, for services/sharing.

`sync_channel` is replica-local: one row per folder or hub, with the cursor of the last pull
whose every record was applied (or already seen), and when the last sync ended and how.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from .seal import Keys
from .transport import START, Channel


@dataclass(frozen=True)
class GroupSharing:
    """The group file's sharing: the channel its records travel on and the key they are
    sealed with (never shown, never logged: Keys' repr holds only its id)."""

    channel: Channel
    keys: Keys
    founder_replica: str
    founded_at: datetime | None


def sharing_of(connection: Connection, group: str) -> GroupSharing | None:
    """None while the file is not shared (no `sync_group`)."""
    found = connection.exec_driver_sql(
        "SELECT group_key, key_id, genesis, founder_replica, founded_at FROM sync_group"
    ).first()
    if found is None:
        return None
    key, key_id, genesis, founder, founded_at = found
    keys = Keys(bytes(key))
    return GroupSharing(Channel(group, key_id, genesis), keys, founder, _moment(founded_at))


@dataclass(frozen=True)
class ChannelState:
    kind: str  # "folder" or "hub"
    location: str  # the folder's path, or the hub's URL without its password
    cursor: str
    last_sync_at: datetime | None
    last_result: str  # "ok", "waiting", "newer", "refused", "cancelled", or a SyncCode value


def channels(connection: Connection) -> list[ChannelState]:
    """Every place this copy synced with, the latest first."""
    rows = connection.exec_driver_sql(
        "SELECT kind, location, cursor, last_sync_at, last_result FROM sync_channel "
        "ORDER BY last_sync_at DESC, location"
    ).all()
    return [ChannelState(k, loc, c, _moment(at), r) for k, loc, c, at, r in rows]


def cursor_of(connection: Connection, location: str) -> str:
    found = connection.exec_driver_sql(
        "SELECT cursor FROM sync_channel WHERE location = ?", (location,)
    ).first()
    return found[0] if found else START


def keep_cursor(connection: Connection, kind: str, location: str, cursor: str) -> None:
    """The place was read up to `cursor`, and everything before it is applied or seen."""
    connection.exec_driver_sql(
        "INSERT INTO sync_channel (location, kind, cursor, last_result) VALUES (?, ?, ?, '') "
        "ON CONFLICT (location) DO UPDATE SET cursor = excluded.cursor, kind = excluded.kind",
        (location, kind, cursor),
    )


def note_result(
    connection: Connection, kind: str, location: str, result: str, at: datetime
) -> None:
    """How the sync with the place ended, and when (stored as naive UTC, as change sets are)."""
    connection.exec_driver_sql(
        "INSERT INTO sync_channel (location, kind, cursor, last_sync_at, last_result) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (location) DO UPDATE SET kind = excluded.kind, "
        "last_sync_at = excluded.last_sync_at, last_result = excluded.last_result",
        (location, kind, START, _stored(at), result[:40]),
    )


def _stored(at: datetime) -> str:
    from datetime import UTC

    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(sep=" ")


def _moment(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    from datetime import UTC

    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def forget_founding(connection: Connection, genesis: str) -> None:
    """Take back a founding no place accepted (the file is as it was before: not shared)."""
    connection.exec_driver_sql("DELETE FROM sync_group WHERE genesis = ?", (genesis,))
