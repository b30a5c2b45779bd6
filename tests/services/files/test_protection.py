"""Passphrase protection as the window and the command line call it (services/protection)."""

from __future__ import annotations

from sponsor_app.services.files.protection import protect_file
from sponsor_app.services.files.snapshot import load_snapshot, save_snapshot
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import group_info, open_group

PASSPHRASE = "kumara paddock wheelbarrow"


def test_protecting_forgets_the_start_up_snapshot(tmp_path, small_demo_bytes, app_home):
    path = tmp_path / "Al-Khatib family.sponsor"
    path.write_bytes(small_demo_bytes)
    with open_group(path) as store:
        info, figures = group_info(store), dashboard(store)
    save_snapshot(path, info, figures)
    assert load_snapshot(path) is not None
    snapshots = app_home / "data" / "snapshots"
    assert [p.suffix for p in snapshots.iterdir()] == [".json"]

    protect_file(path, PASSPHRASE)

    assert list(snapshots.iterdir()) == []  # its figures, codes and path are gone
