"""What the last syncs of this copy did, for the status bar and File > Sharing: with which
place, when, and how it ended (sync_channel, kept by services/sharing/sync.py)."""

from __future__ import annotations

from ...storage.store import Store
from ...storage.sync import channels
from ...storage.sync.channels import ChannelState


def last_syncs(store: Store) -> list[ChannelState]:
    """Every folder and hub this copy synced with, the latest sync first (a place whose sync
    never got past opening it is not listed: nothing was exchanged)."""
    with store.read() as session:
        return channels.channels(session.connection())


def last_sync(store: Store) -> ChannelState | None:
    found = last_syncs(store)
    return found[0] if found else None


__all__ = ["ChannelState", "last_sync", "last_syncs"]
