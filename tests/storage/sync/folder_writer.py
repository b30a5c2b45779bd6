"""A laptop pushing to a shared folder, as its own process, so a test can kill -9 it mid-write.

    python -m tests.storage.sync.folder_writer FOLDER REPLICA COUNT RECORD_BYTES

Seals COUNT change records of REPLICA (seq 1..COUNT, each holding its seq and filler) and pushes
them in pushes of 50 (each push writes its own segment), printing "done" at the end.
"""

from __future__ import annotations

import os
import secrets
import sys
import time

from sponsor_app.storage.sync import folder as folder_module
from sponsor_app.storage.sync.codec import pack
from sponsor_app.storage.sync.folder import FolderTransport
from sponsor_app.storage.sync.seal import Header, Keys, seal
from sponsor_app.storage.sync.transport import Channel, Kind

GROUP = "00000000-0000-4000-8000-000000000001"
GENESIS = "00000000-0000-4000-8000-0000000000ee"
KEYS = Keys(bytes(range(32)))
CHANNEL = Channel(GROUP, KEYS.key_id, GENESIS)


def record(replica: str, seq: int, size: int):
    body = pack({"seq": seq, "filler": secrets.token_hex(size // 2)})
    return seal(KEYS, Header(Kind.CHANGE, GROUP, KEYS.key_id, replica, seq, "0013"), body)


def slow_usb_stick() -> None:
    """Each write call takes a millisecond, as on a slow USB stick: most of a push is then
    spent writing files, where a kill must not leave a torn one under its final name."""
    write = os.write

    def slowly(descriptor: int, data) -> int:
        time.sleep(0.001)
        return write(descriptor, data)

    os.write = slowly


def main() -> None:
    folder, replica, count, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    # Several segments per push and many writes per segment, so that kills land anywhere.
    folder_module.SEGMENT_BYTES = 64 * 1024
    folder_module.WRITE_BYTES = 4096
    slow_usb_stick()
    transport = FolderTransport(folder)
    transport.open(CHANNEL)
    for start in range(1, count + 1, 50):
        batch = [record(replica, seq, size) for seq in range(start, min(start + 50, count + 1))]
        transport.push(batch)
    print("done", flush=True)


if __name__ == "__main__":
    main()
