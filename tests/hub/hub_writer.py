"""A laptop pushing to the hub, as its own process, so a test can kill -9 it mid-push.

    python -m tests.hub.hub_writer URL REPLICA COUNT RECORD_BYTES

Seals COUNT change records and pushes them in one push (one transaction); prints "pushing"
just before and "done" after.
"""

from __future__ import annotations

import sys

from sponsor_app.hub.transport import HubTransport
from tests.storage.sync.folder_writer import CHANNEL, record


def main() -> None:
    url, replica, count, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    records = [record(replica, seq, size) for seq in range(1, count + 1)]
    transport = HubTransport(url)
    transport.open(CHANNEL)
    print("pushing", flush=True)
    transport.push(records)
    print("done", flush=True)


if __name__ == "__main__":
    main()
