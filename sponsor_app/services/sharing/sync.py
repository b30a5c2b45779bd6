"""One sync of a shared group file with a folder or a hub: send what the place lacks, receive
what this copy lacks, and say what happened (docs/sharing-design.md §7).

1. Open the channel: the place must share this group from this file's lineage (same genesis
   and key). A refusal changes nothing, here or there.
2. Last defence: a place holding this copy's own numbers at or above its next one means the
   file is an older copy (a backup put back); it takes a new identity before sending anything.
3. Send every record this copy holds that the place lacks: its own and those it passes on.
4. Receive from the cursor, page by page: every record is opened (authenticated) before any of
   the page is applied; each page is applied in one transaction. Records that wait for an
   earlier one are carried to the next page; the cursor moves only past pages whose every
   record was applied or already seen, so what waits, or was refused, is read again next time.
5. Publish what this copy has seen, and note the outcome (sync_channel).

A kill anywhere leaves the file and the place usable: every write on either side is whole or
absent, and applying is idempotent (a record is never applied twice).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ... import __version__, clock
from ...domain.errors import SponsorDeskError
from ...domain.messages import Message, Sharing
from ...storage.errors import OpenedToRead
from ...storage.schema import SCHEMA_VERSION
from ...storage.store import Store
from ...storage.sync import channels, envelope, replica, versions
from ...storage.sync.folder import FolderTransport
from ...storage.sync.transport import SyncProblem, Transport

PAGE = 500  # records per pull, and per push: one transaction applies a page


@dataclass(frozen=True)
class SyncProgress:
    step: str  # "sending" or "receiving"
    done: int
    total: int  # 0 while not known (receiving: the place does not say how many wait)


Progress = Callable[[SyncProgress], None]


@dataclass
class SyncResult:
    """What one sync did, as data: the window and the command line word it."""

    where: str
    pushed: int = 0
    pulled: int = 0
    applied: int = 0
    waiting: int = 0  # received, waiting for an earlier record that has not arrived
    newer: int = 0  # received, waiting for a newer Sponsor Desk
    conflicts: int = 0  # conflicts the applied records opened
    refused: list[SyncProblem] = field(default_factory=list)  # damaged, cut short, foreign...
    reminted: bool = False  # an older copy: it took a new identity first

    @property
    def outcome(self) -> str:
        """As sync_channel.last_result keeps it."""
        if self.refused:
            return "refused"
        if self.newer:
            return "newer"
        return "waiting" if self.waiting else "ok"

    def messages(self) -> list[Message]:
        """One message per thing worth saying, the counts first."""
        said = [Sharing.PUSHED(n=self.pushed), Sharing.APPLIED(n=self.applied)]
        if self.reminted:
            said.insert(0, Sharing.REMINTED())
        if self.waiting:
            said.append(Sharing.WAITING(n=self.waiting))
        if self.newer:
            said.append(Sharing.NEWER(n=self.newer))
        if self.conflicts:
            said.append(Sharing.CONFLICTS(n=self.conflicts))
        return said


class NotShared(SponsorDeskError):
    def __init__(self, store: Store):
        super().__init__(Sharing.NOT_SHARED(path=store.path))


class SyncCancelled(SponsorDeskError):
    def __init__(self):
        super().__init__(Sharing.SYNC_CANCELLED())


def kind_of(transport: Transport) -> str:
    return "folder" if isinstance(transport, FolderTransport) else "hub"


def sync(
    store: Store,
    transport: Transport,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    page: int = PAGE,
) -> SyncResult:
    """One sync of the shared `store` with `transport`'s place (see the module's note).
    Raises NotShared, SyncProblem (the place refused or went away: what was exchanged before
    stays), SyncCancelled (when `cancelled()` said so between pages), or a storage error."""
    if store.reading_only:  # before the place is touched: nothing could be applied
        raise OpenedToRead(store.path)
    sharing = sharing_of(store)
    if sharing is None:
        raise NotShared(store)
    transport.open(sharing.channel)  # a refusal here has changed nothing
    run = _Run(store, transport, sharing, progress, cancelled, page)
    try:
        run.check_rollback()
        run.push()
        run.pull()
        run.publish_seen()
    except (SyncProblem, SyncCancelled) as stopped:
        reason = "cancelled" if isinstance(stopped, SyncCancelled) else stopped.code.value
        with contextlib.suppress(SponsorDeskError):  # the reason is what the person reads
            run.note(reason)
        raise
    finally:
        transport.close()
    run.note(run.result.outcome)
    return run.result


def sharing_of(store: Store) -> channels.GroupSharing | None:
    with store.read() as session:
        return channels.sharing_of(session.connection(), store.group.uuid)


class _Run:
    def __init__(self, store, transport, sharing, progress, cancelled, page):
        self.store = store
        self.place = transport
        self.channel = sharing.channel
        self.keys = sharing.keys
        self.progress = progress
        self.cancelled = cancelled
        self.page = page
        self.kind = kind_of(transport)
        self.result = SyncResult(transport.where)

    def _tick(self, step: str, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise SyncCancelled()
        if self.progress is not None:
            self.progress(SyncProgress(step, done, total))

    def check_rollback(self) -> None:
        """The design's last defence (§1): numbers of this copy already on the place."""
        with self.store.read() as session:
            me = replica.identity(session.connection())
        if me is None or self.place.highest_seq(me.replica_id) < me.next_seq:
            return
        with self.store.bookkeeping() as connection:
            fresh = replica.mint(connection)
        replica.register(self.store.path, fresh)
        self.result.reminted = True

    def push(self) -> None:
        with self.store.read() as session:
            held = versions.vector(session.connection())
        lacking = {}
        for origin, highest in sorted(held.items()):
            there = self.place.highest_seq(origin)
            if highest > there:
                lacking[origin] = there
        total = sum(held[origin] - there for origin, there in lacking.items())
        done = 0
        self._tick("sending", 0, total)
        for origin, after in lacking.items():
            while True:
                with self.store.read() as session:
                    batch = versions.records_of(session.connection(), origin, after, self.page)
                if not batch:
                    break
                sealed = [envelope.seal_change(self.keys, self.channel, r) for r in batch]
                self.result.pushed += self.place.push(sealed)
                after = batch[-1].seq
                done += len(batch)
                self._tick("sending", done, total)

    def pull(self) -> None:
        with self.store.read() as session:
            cursor = channels.cursor_of(session.connection(), self.place.where)
        carried: dict[tuple[str, int], object] = {}
        newer: set[tuple[str, int]] = set()
        stuck = False  # something refused or too new: the cursor stays before it
        while True:
            self._tick("receiving", self.result.pulled, 0)
            pulled = self.place.pull(cursor, self.page)
            opened = envelope.open_changes(self.keys, self.channel, pulled.records)
            self.result.refused += [*pulled.refused, *opened.refused]
            self.result.pulled += len(pulled.records)
            batch = [*carried.values(), *opened.records]
            if batch:
                report = self.store.apply_records(batch)
                self.result.applied += len(report.applied)
                self.result.conflicts += report.conflicts
                waiting = set(report.waiting)
                newer |= set(report.newer)
                carried = {(r.replica, r.seq): r for r in batch if (r.replica, r.seq) in waiting}
                stuck = stuck or bool(report.newer)
            stuck = stuck or bool(pulled.refused or opened.refused)
            moved = pulled.cursor != cursor
            cursor = pulled.cursor
            if moved and not stuck and not carried:
                with self.store.bookkeeping() as connection:
                    channels.keep_cursor(connection, self.kind, self.place.where, cursor)
            if not pulled.more or not moved:  # not moved: the same page would come again
                break
        self.result.waiting = len(carried)
        self.result.newer = len(newer)
        self._tick("receiving", self.result.pulled, self.result.pulled)

    def publish_seen(self) -> None:
        with self.store.read() as session:
            connection = session.connection()
            me = replica.identity(connection)
            seen = {
                "vector": versions.vector(connection),
                "at": clock.now().isoformat(),
                "version": __version__,
                "laptop": me.laptop_name,
            }
        record = envelope.seal_seen(
            self.keys, self.channel, me.replica_id, me.next_seq - 1, SCHEMA_VERSION, seen
        )
        self.place.publish_seen(record)

    def note(self, outcome: str) -> None:
        with self.store.bookkeeping() as connection:
            channels.note_result(connection, self.kind, self.place.where, outcome, clock.now())
        with self.store.read() as session:
            me = replica.identity(session.connection())
        replica.register(self.store.path, me)


__all__ = ["NotShared", "SyncCancelled", "SyncProgress", "SyncResult", "sync"]
