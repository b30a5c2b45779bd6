"""One whole sync run (services/sharing/sync.py) through a shared folder: a laptop sends 1,000
change sets (one household added in each, with the settlement tasks the plan makes for it: 35
rows) and another receives and applies them, end to end
(reading the file, sealing, writing segments; reading, opening, applying page by page).
Beside it, the time to copy the group file, which is how a laptop joins."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

COUNT = 1_000


def run(folder: Path) -> Iterator[str]:
    from sponsor_app.services.group.groups import NewGroup, create_group
    from sponsor_app.services.households.households import HouseholdInput, add_household
    from sponsor_app.services.sharing.places import folder_place
    from sponsor_app.services.sharing.share import share_file
    from sponsor_app.services.sharing.sync import sync
    from sponsor_app.storage.store import Store

    share = folder / "sync run share"
    share.mkdir()
    first, second = folder / "sync-a.sponsor", folder / "sync-b.sponsor"
    create_group(first, NewGroup(name="Bench group")).close()
    with Store.open(first) as store:
        share_file(store, folder_place(share, first))
    started = time.perf_counter()
    shutil.copyfile(first, second)
    copying = time.perf_counter() - started
    with Store.open(first) as store:
        for number in range(COUNT):
            add_household(store, HouseholdInput(f"H{number}", family_name="Haddad", town="Nelson"))
        started = time.perf_counter()
        sent = sync(store, folder_place(share, first))
        sending = time.perf_counter() - started
    with Store.open(second) as store:
        started = time.perf_counter()
        received = sync(store, folder_place(share, second))
        receiving = time.perf_counter() - started
    assert sent.pushed >= COUNT and received.applied >= COUNT, (sent, received)
    yield (
        f"sync run: folder, one laptop sending {sent.pushed:,} change sets: {sending:.2f} s, "
        f"another receiving and applying them: {receiving:.2f} s "
        f"(copying the group file to join: {copying:.3f} s)"
    )


if __name__ == "__main__":
    import os
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sponsor-bench-") as place:
        os.environ["SPONSOR_DESK_HOME"] = str(Path(place) / "home")
        for line in run(Path(place)):
            print(line, flush=True)
