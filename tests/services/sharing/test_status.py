"""The last syncs of a copy (services/sharing/status.py): with which place, when, how."""

from __future__ import annotations

from sponsor_app.services.sharing.status import last_sync, last_syncs
from sponsor_app.services.sharing.sync import sync

from .laptops import place, shared_laptops


def test_each_place_is_listed_the_latest_first(tmp_path, store):
    assert last_syncs(store) == [] and last_sync(store) is None
    share, (a,) = shared_laptops(tmp_path, 1)
    other = tmp_path / "usb stick"
    other.mkdir()
    try:
        sync(a, place(other, a))
        latest = last_sync(a)
        assert (latest.kind, latest.location, latest.last_result) == (
            "folder",
            str(other.resolve()),
            "ok",
        )
        assert latest.last_sync_at is not None and latest.last_sync_at.tzinfo is not None
        assert [s.location for s in last_syncs(a)] == [str(other.resolve()), str(share.resolve())]
    finally:
        a.close()
