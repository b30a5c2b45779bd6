"""Share this file: found the group's sharing and make the first sync (docs/sharing-design.md
§1, "Founding and joining").

Founding writes the travelling `sync_group` row (the group key, a new genesis); from then on
every copy made of the file is a laptop of the group, and joining means copying the founded
file. The place must not already share this group from another copy: then the founding is
taken back and nothing is changed (the same refusal as any copy made before founding meets).

A plain (unprotected) file may be shared, with a warning rather than a refusal: what leaves the
laptop is sealed with the group's key either way, and the issue asks the app to *recommend*
protection. The key lives inside the file, so protecting the file also protects the key; the
window shows the same advice as a banner in File > Sharing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...domain.errors import SponsorDeskError
from ...domain.messages import Sharing
from ...storage.protection import is_protected
from ...storage.store import Store
from ...storage.sync import channels, replica
from ...storage.sync.transport import SyncProblem, Transport
from .sync import Progress, SyncResult, sharing_of, sync


class AlreadyShared(SponsorDeskError):
    def __init__(self, store: Store):
        super().__init__(Sharing.ALREADY_SHARED(path=store.path))


@dataclass(frozen=True)
class Shared:
    genesis: str
    plain: bool  # the file has no passphrase: recommend protecting it (Sharing.PLAIN_FILE)
    first_sync: SyncResult


def is_shared(store: Store) -> bool:
    return sharing_of(store) is not None


def share_file(
    store: Store,
    transport: Transport,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Shared:
    """Found sharing on the file and sync it with a place that does not share this group yet.
    Refused, changing nothing: AlreadyShared, or the place's SyncProblem (another genesis,
    not reachable, not writable...)."""
    if is_shared(store):
        raise AlreadyShared(store)
    with store.bookkeeping() as connection:
        genesis = replica.found_group(connection)
    try:
        result = sync(store, transport, progress, cancelled)
    except SyncProblem:
        if transport_was_set_up(store):
            raise  # the place took the founding: it stands, and the next sync goes on
        with store.bookkeeping() as connection:
            channels.forget_founding(connection, genesis)
        raise
    return Shared(genesis, not is_protected(store.path), result)


def transport_was_set_up(store: Store) -> bool:
    """Did a sync get past opening the place (it noted an outcome there)?"""
    with store.read() as session:
        return bool(channels.channels(session.connection()))
