"""A shared folder as a transport: a USB stick, a network drive, or a folder a cloud service syncs.

    DIR/Sponsor Desk sharing/<group uuid>/
      channel.json                                   plain: format, group, key id, genesis
      records/<replica>/<first:010d>-<last:010d>.sdseg  sealed change records of one replica
      seen/<replica>.sdseen                          that replica's sealed seen record
      snapshots/<snapshot id>.sdsnap                 a compaction's sealed chunks

Every file has one writer and, once it has its final name, is never changed by that writer, so
a cloud client never makes a "conflicted copy" of ours (one it makes anyway has a name we do not
read). A file is written as `.partial-<replica>-<random>`, synced to disk, renamed to its final
name and the folder synced, so a kill or a full disk leaves either the whole file or a partial
one no reader looks at. A file with its final name can still be cut short: a cloud client or a
file manager may be copying it in. A pull names it in `Pulled.refused`, gives the rest, and
does not move its cursor past it, so it is read once it has arrived.

Nothing depends on where the folder is (paths, inodes, times): a copy of it moved elsewhere by
a cloud service, or to another drive, is the same channel. The cursor is per replica: the
highest seq up to which every segment has been read.

A compaction replaces a replica's segments by ones without the removed records under the same
names, so the names still say which seqs were ever stored and a removed record is never pushed
again. Nothing here opens a record: `seal.py` does, with the key the transport never holds.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .codec import canonical, records_of, segment
from .seal import sealed_by
from .transport import (
    START,
    Channel,
    Kind,
    Pulled,
    Sealed,
    SnapshotInfo,
    SyncCode,
    SyncProblem,
)

FORMAT = 1
SHARING_FOLDER = "Sponsor Desk sharing"
SEGMENT_SUFFIX = ".sdseg"
SEEN_SUFFIX = ".sdseen"
SNAPSHOT_SUFFIX = ".sdsnap"
PARTIAL = ".partial-"
# A push writes segments of at most this many bytes of records: a cloud client uploads a file
# whole, so smaller files go up sooner, and a reader holds one in memory at a time.
SEGMENT_BYTES = 4 * 1024 * 1024
WRITE_BYTES = 1024 * 1024  # one write call at most: a kill can land between two of them
_SEGMENT_NAME = re.compile(r"^(\d{10})-(\d{10})\.sdseg$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_FILE_MODE = 0o600
_FOLDER_MODE = 0o700


@dataclass(frozen=True)
class _Segment:
    replica: str
    first: int
    last: int
    path: Path


class FolderTransport:
    """The transport of one group in `folder` (the folder the person chose; ours is inside it).
    `group_file` is the group file being synced: a folder that is, or holds, it is refused."""

    def __init__(self, folder: Path | str, group_file: Path | str | None = None):
        self.folder = Path(folder)
        self.where = str(self.folder)
        self._group_file = Path(group_file) if group_file is not None else None
        self._root: Path | None = None

    # --- the channel ----------------------------------------------------------------------
    def open(self, channel: Channel) -> None:
        if not _UUID.match(channel.group):
            raise ValueError("a group id is a lower-case uuid")
        if not self.folder.is_dir():
            raise SyncProblem(SyncCode.FOLDER_MISSING, self.where)
        if self._group_file is not None and _inside(self._group_file, self.folder):
            raise SyncProblem(SyncCode.FOLDER_HOLDS_FILE, self.where)
        root = self.folder / SHARING_FOLDER / channel.group
        described = root / "channel.json"
        if described.exists():
            self._check(described, channel)
        elif (root / "records").exists():
            # Records but no description: the folder is still being copied in.
            raise SyncProblem(SyncCode.CUT_SHORT, str(described))
        else:
            with self._writing():
                _make_folder(self.folder / SHARING_FOLDER)
                _make_folder(root)
                description = {
                    "format": FORMAT,
                    "group": channel.group,
                    "key_id": channel.key_id,
                    "genesis": channel.genesis,
                    "about": "Sponsor Desk sharing: sealed records of one group. Never edit or "
                    "put the group file here.",
                }
                # Two laptops starting at once: the first description written stands, and
                # the other laptop is checked against it like any later one.
                if not _create_atomically(root, described.name, canonical(description)):
                    self._check(described, channel)
                for place in (root / "records", root / "seen", root / "snapshots"):
                    _make_folder(place)
        self._root = root

    def _check(self, described: Path, channel: Channel) -> None:
        where = str(described)
        try:
            fields = json.loads(described.read_bytes().decode("utf-8"))
        except OSError:
            raise SyncProblem(SyncCode.FOLDER_MISSING, where) from None
        except (UnicodeDecodeError, ValueError):
            raise SyncProblem(SyncCode.CUT_SHORT, where) from None
        if not isinstance(fields, dict):
            raise SyncProblem(SyncCode.TAMPERED, where)
        if not isinstance(fields.get("format"), int) or fields["format"] > FORMAT:
            raise SyncProblem(SyncCode.NEWER_SCHEMA, where)
        if fields.get("group") != channel.group:
            raise SyncProblem(SyncCode.FOREIGN_GROUP, where)
        if fields.get("genesis") != channel.genesis:
            raise SyncProblem(SyncCode.OTHER_GENESIS, where)
        if fields.get("key_id") != channel.key_id:
            raise SyncProblem(SyncCode.OTHER_KEY, where)

    @property
    def root(self) -> Path:
        if self._root is None:
            raise RuntimeError("open the channel first")
        return self._root

    # --- change records -------------------------------------------------------------------
    def push(self, records: Sequence[Sealed]) -> int:
        if not records:
            return 0
        replicas = {record.replica for record in records}
        if len(replicas) != 1 or any(r.kind is not Kind.CHANGE for r in records):
            raise ValueError("a push carries change records of one replica (its own)")
        (replica,) = replicas
        if not _UUID.match(replica):
            raise ValueError("a replica id is a lower-case uuid")
        stored = self._covered(replica)
        new = sorted(
            (r for r in {r.seq: r for r in records}.values() if not _in(stored, r.seq)),
            key=lambda r: r.seq,
        )
        if not new:
            return 0
        place = self.root / "records" / replica
        with self._writing():
            _make_folder(place.parent)
            _make_folder(place)
            _remove_own_partials(place, replica)
            for batch in _batches(new):
                name = f"{batch[0].seq:010d}-{batch[-1].seq:010d}{SEGMENT_SUFFIX}"
                body = segment([(r.seq, r.body) for r in batch])
                _write_atomically(place, replica, body, name)
        return len(new)

    def pull(self, cursor: str = START, limit: int = 500) -> Pulled:
        reached = _read_cursor(cursor)
        found: list[Sealed] = []
        refused: list[SyncProblem] = []
        more = False
        for replica, segments in sorted(self._segments().items()):
            high = reached.get(replica, 0)
            contiguous = True
            for seg in segments:
                if seg.last <= high:
                    continue
                if len(found) >= limit:
                    more = True
                    break
                try:
                    records = self._read_segment(seg)
                except SyncProblem as problem:
                    refused.append(problem)
                    contiguous = False
                    continue
                found += records
                if contiguous and seg.first <= high + 1:
                    high = seg.last
                else:
                    contiguous = False  # a segment missing before it: still arriving
            if high:
                reached[replica] = high
            if more:
                break
        return Pulled(tuple(found), _write_cursor(reached), more, tuple(refused))

    def _read_segment(self, seg: _Segment) -> list[Sealed]:
        where = str(seg.path)
        try:
            data = seg.path.read_bytes()
        except FileNotFoundError:  # replaced or removed while we listed
            raise SyncProblem(SyncCode.CUT_SHORT, where) from None
        except OSError:
            raise SyncProblem(SyncCode.FOLDER_MISSING, where) from None
        records = records_of(data, where)
        if any(not seg.first <= seq <= seg.last for seq, _ in records):
            raise SyncProblem(SyncCode.MISPLACED, where)
        return [Sealed(seg.replica, seq, Kind.CHANGE, body, where) for seq, body in records]

    def highest_seq(self, replica: str) -> int:
        return max((seg.last for seg in self._segments().get(replica, [])), default=0)

    def _covered(self, replica: str) -> list[tuple[int, int]]:
        return [(seg.first, seg.last) for seg in self._segments().get(replica, [])]

    def _segments(self) -> dict[str, list[_Segment]]:
        """Every replica's segments with a final name, in order; other names are not ours
        (a cloud client's conflicted copy, a partial file, a note someone left)."""
        found: dict[str, list[_Segment]] = {}
        for place in _listing(self.root / "records"):
            if not (_UUID.match(place.name) and place.is_dir()):
                continue
            for path in _listing(place):
                matched = _SEGMENT_NAME.match(path.name)
                if matched:
                    first, last = int(matched[1]), int(matched[2])
                    if 1 <= first <= last:
                        found.setdefault(place.name, []).append(
                            _Segment(place.name, first, last, path)
                        )
        for segments in found.values():
            segments.sort(key=lambda seg: (seg.first, seg.last))
        return found

    # --- seen records ---------------------------------------------------------------------
    def publish_seen(self, record: Sealed) -> None:
        if record.kind is not Kind.SEEN or not _UUID.match(record.replica):
            raise ValueError("publish a seen record of a replica")
        place = self.root / "seen"
        with self._writing():
            _make_folder(place)
            _remove_own_partials(place, record.replica)
            body = segment([(record.seq, record.body)])
            _write_atomically(place, record.replica, body, record.replica + SEEN_SUFFIX)

    def seen(self) -> list[Sealed]:
        """Every replica's seen record that can be read now; one still arriving is left out
        (the previous one was replaced in one step, so it is the only one that can be)."""
        found = []
        for path in _listing(self.root / "seen"):
            replica = path.name.removesuffix(SEEN_SUFFIX)
            if path.name.endswith(SEEN_SUFFIX) and _UUID.match(replica):
                try:
                    ((seq, body),) = records_of(path.read_bytes(), str(path))
                except (SyncProblem, OSError, ValueError):
                    continue
                found.append(Sealed(replica, seq, Kind.SEEN, body, str(path)))
        return found

    # --- snapshots ------------------------------------------------------------------------
    def snapshots(self) -> list[SnapshotInfo]:
        found = []
        for path in _listing(self.root / "snapshots"):
            if path.name.endswith(SNAPSHOT_SUFFIX) and not path.name.startswith("."):
                try:
                    chunks = records_of(path.read_bytes(), str(path))
                except (SyncProblem, OSError):
                    continue  # still arriving: not a snapshot yet
                size = sum(len(body) for _, body in chunks)
                found.append((path.stat().st_mtime_ns, path.stem, len(chunks), size))
        return [SnapshotInfo(name, chunks, size) for _, name, chunks, size in sorted(found)]

    def read_snapshot(self, snapshot_id: str) -> list[Sealed]:
        path = self.root / "snapshots" / (_safe_name(snapshot_id) + SNAPSHOT_SUFFIX)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SyncProblem(SyncCode.CUT_SHORT, str(path)) from None
        return [
            Sealed(sealed_by(chunk_body), seq, Kind.SNAPSHOT, chunk_body, str(path))
            for seq, chunk_body in records_of(data, str(path))
        ]

    def compact(
        self, snapshot_id: str, chunks: Sequence[Sealed], remove: Collection[tuple[str, int]]
    ) -> None:
        name = _safe_name(snapshot_id)
        removing: dict[str, set[int]] = {}
        for replica, seq in remove:
            removing.setdefault(replica, set()).add(seq)
        with self._writing():
            snapshots = self.root / "snapshots"
            _make_folder(snapshots)
            body = segment([(chunk.seq, chunk.body) for chunk in chunks])
            _write_atomically(snapshots, "compaction", body, name + SNAPSHOT_SUFFIX)
            for replica, seqs in sorted(removing.items()):
                for seg in self._segments().get(replica, []):
                    if not any(seg.first <= seq <= seg.last for seq in seqs):
                        continue
                    try:
                        kept = [r for r in self._read_segment(seg) if r.seq not in seqs]
                    except SyncProblem:
                        continue  # still arriving; the next compaction will see it whole
                    kept_body = segment([(r.seq, r.body) for r in kept])
                    _write_atomically(seg.path.parent, "compaction", kept_body, seg.path.name)

    def close(self) -> None:
        self._root = None

    # --- failures named for what they are -------------------------------------------------
    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        try:
            yield
        except OSError as error:
            raise SyncProblem(_writing_problem(error), self.where) from None


def _writing_problem(error: OSError) -> SyncCode:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SyncCode.FOLDER_FULL
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
        return SyncCode.FOLDER_MISSING
    return SyncCode.FOLDER_UNWRITABLE  # EROFS, EACCES, EPERM and the rest


def _write_atomically(place: Path, writer: str, body: bytes, name: str | None = None) -> None:
    """`body` as `place/name`, whole or not at all: a partial file, synced, then renamed, then
    the folder synced (so the name survives a power cut too)."""
    final = place / (name if name is not None else writer + ".json")
    partial = place / f"{PARTIAL}{_safe_name(writer)}-{secrets.token_hex(6)}"
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
        try:
            view = memoryview(body)
            while view:
                view = view[os.write(descriptor, view[:WRITE_BYTES]) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(partial, final)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _sync_folder(place)


def _create_atomically(place: Path, name: str, body: bytes) -> bool:
    """`body` as `place/name` unless that exists (False then): written whole under a partial
    name, then linked to its name, which fails if another writer was first. A file system
    without hard links (FAT, exFAT) gets a rename, where the last writer wins."""
    partial = place / f"{PARTIAL}create-{secrets.token_hex(6)}"
    _write_atomically(place, "create", body, partial.name)
    try:
        os.link(partial, place / name)
    except FileExistsError:
        return False
    except OSError:
        os.replace(partial, place / name)
        _sync_folder(place)
        return True
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    _sync_folder(place)
    return True


def _sync_folder(place: Path) -> None:
    if os.name != "posix":  # Windows has no handle on a folder to sync; its renames are durable
        return
    descriptor = os.open(place, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as error:  # some network file systems cannot sync a folder
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


def _make_folder(place: Path) -> None:
    place.mkdir(mode=_FOLDER_MODE, exist_ok=True)


def _remove_own_partials(place: Path, writer: str) -> None:
    """A writer killed mid-write left a partial file; only its writer removes it (another
    laptop's partial may be a write in progress)."""
    for path in _listing(place):
        if path.name.startswith(f"{PARTIAL}{writer}-"):
            with contextlib.suppress(OSError):
                path.unlink()


def _listing(place: Path) -> list[Path]:
    try:
        return sorted(place.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []


def _batches(records: list[Sealed]) -> Iterator[list[Sealed]]:
    batch: list[Sealed] = []
    size = 0
    for record in records:
        if batch and size + len(record.body) > SEGMENT_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(record)
        size += len(record.body) + 12
    if batch:
        yield batch


def _in(ranges: list[tuple[int, int]], seq: int) -> bool:
    return any(first <= seq <= last for first, last in ranges)


def _inside(path: Path, folder: Path) -> bool:
    resolved, place = path.resolve(), folder.resolve()
    return resolved == place or place in resolved.parents


def _safe_name(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", name):
        raise ValueError(f"not a name for a file: {name!r}")
    return name


def _read_cursor(cursor: str) -> dict[str, int]:
    if cursor == START:
        return {}
    try:
        value = json.loads(cursor)
    except ValueError:
        raise ValueError("not a folder's cursor") from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) for k, v in value.items()
    ):
        raise ValueError("not a folder's cursor")
    return value


def _write_cursor(reached: dict[str, int]) -> str:
    return canonical(reached).decode("utf-8") if reached else START
