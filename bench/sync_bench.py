"""Sharing's wire: 10,000 sealed change records pushed to and pulled from a shared folder and
a PostgreSQL hub, each beside the time to copy the group file itself.

Records are about the size of a real change set (a few rows of text, compressed and sealed:
~600 bytes). Sealing and opening are timed apart from the transports. The hub runs on this
machine's PostgreSQL (Debian's packages) in a temporary folder, with its default durability
(fsync on); without PostgreSQL the hub lines say so.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sponsor_app.storage.sync.codec import pack
from sponsor_app.storage.sync.folder import FolderTransport
from sponsor_app.storage.sync.seal import Header, Keys, new_group_key, open_all, seal
from sponsor_app.storage.sync.transport import START, Channel, Kind

COUNT = 10_000


def _records(keys: Keys, group: str, replica: str) -> list:
    return [
        seal(
            keys,
            Header(Kind.CHANGE, group, keys.key_id, replica, seq, "0013"),
            pack(
                {"seq": seq, "rows": [{"t": "volunteer", "a": {"notes": secrets.token_hex(200)}}]}
            ),
        )
        for seq in range(1, COUNT + 1)
    ]


def _pull_all(transport) -> list:
    found, cursor = [], START
    while True:
        pulled = transport.pull(cursor, 500)
        found += pulled.records
        cursor = pulled.cursor
        if not pulled.more:
            return found


def _copy_time(group_file: Path | None, folder: Path) -> str:
    if group_file is None or not group_file.exists():
        return ""
    started = time.perf_counter()
    shutil.copy(group_file, folder / "copy.sponsor")
    spent = time.perf_counter() - started
    (folder / "copy.sponsor").unlink()
    size = group_file.stat().st_size / 1024 / 1024
    return f" (copying the {size:.1f} MB group file: {spent:.3f} s)"


def run(folder: Path, group_file: Path | None = None) -> Iterator[str]:
    keys = Keys(new_group_key())
    group, replica = str(uuid.uuid4()), str(uuid.uuid4())
    channel = Channel(group, keys.key_id, str(uuid.uuid4()))
    started = time.perf_counter()
    records = _records(keys, group, replica)
    sealing = time.perf_counter() - started
    size = sum(len(r.body) for r in records) / COUNT
    started = time.perf_counter()
    open_all(keys, group, records)
    opening = time.perf_counter() - started
    yield (
        f"sync: packing and sealing {COUNT:,} change records (~{size:.0f} B each): {sealing:.2f} s, "
        f"opening them: {opening:.2f} s"
    )
    beside = _copy_time(group_file, folder)

    share = folder / "shared folder"
    share.mkdir()
    transport = FolderTransport(share)
    transport.open(channel)
    started = time.perf_counter()
    transport.push(records)
    pushed = time.perf_counter() - started
    started = time.perf_counter()
    pulled = _pull_all(transport)
    pulling = time.perf_counter() - started
    assert len(pulled) == COUNT
    yield (
        f"sync: folder, pushing {COUNT:,} records: {pushed:.2f} s, pulling them: "
        f"{pulling:.2f} s{beside}"
    )
    yield from _hub(records, channel, beside)


def _hub(records: list, channel: Channel, beside: str) -> Iterator[str]:
    try:
        from tests.hub.server import INSTALL_HINT, LocalPostgres
    except ImportError:  # an installed copy has no tests
        yield "sync: hub not measured (run the benchmarks from the source tree)"
        return
    server = LocalPostgres.find()
    if server is None:
        yield f"sync: hub not measured: {INSTALL_HINT}"
        return
    from sponsor_app.hub.admin import add_group, init
    from sponsor_app.hub.transport import HubTransport

    try:
        server.start()
        admin = server.new_database("bench_hub")
        init(admin)
        url = add_group(admin, channel.group).url
        transport = HubTransport(url)
        transport.open(channel)
        started = time.perf_counter()
        transport.push(records)
        pushed = time.perf_counter() - started
        started = time.perf_counter()
        pulled = _pull_all(transport)
        pulling = time.perf_counter() - started
        transport.close()
        assert len(pulled) == COUNT
        yield (
            f"sync: hub (PostgreSQL on this machine), pushing {COUNT:,} records in one "
            f"transaction: {pushed:.2f} s, pulling them 500 at a time: {pulling:.2f} s{beside}"
        )
    finally:
        server.remove()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="sponsor-bench-") as place:
        for line in run(Path(place)):
            print(line, flush=True)
