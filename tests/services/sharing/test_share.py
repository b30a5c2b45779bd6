"""Share this file (services/sharing/share.py): founding and the first sync; a plain file is
shared with advice rather than refused; a place that shares the group from another copy
refuses, and the founding is taken back so the file is as it was."""

from __future__ import annotations

import shutil

import pytest

from sponsor_app.services.files.protection import protect_file
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.sharing.share import AlreadyShared, is_shared, share_file
from sponsor_app.services.sharing.status import last_syncs
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.transport import SyncCode, SyncProblem

from ...storage.sync.memory import dump
from .laptops import place


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "shared folder"
    folder.mkdir()
    return folder


def test_sharing_founds_the_group_and_sends_its_history(tmp_path, share):
    path = tmp_path / "group.sponsor"
    create_group(path, NewGroup(name="Riverside")).close()
    with Store.open(path) as store:
        assert not is_shared(store)
        shared = share_file(store, place(share, store))
        assert is_shared(store) and shared.plain  # advice, not a refusal
        assert shared.first_sync.pushed >= 1 and shared.first_sync.outcome == "ok"
        assert [s.location for s in last_syncs(store)] == [str(share.resolve())]
        with pytest.raises(AlreadyShared, match="already shared"):
            share_file(store, place(share, store))


def test_a_protected_file_is_not_called_plain(tmp_path, share):
    path = tmp_path / "group.sponsor"
    create_group(path, NewGroup(name="Riverside")).close()
    protect_file(path, "kererū over the harbour at dawn")
    with Store.open(path) as store:
        assert share_file(store, place(share, store)).plain is False


def test_a_place_shared_from_another_copy_takes_the_founding_back(tmp_path, share):
    first, early_copy = tmp_path / "a.sponsor", tmp_path / "copied before sharing.sponsor"
    create_group(first, NewGroup(name="Riverside")).close()
    shutil.copyfile(first, early_copy)
    with Store.open(first) as store:
        share_file(store, place(share, store))
    with Store.open(early_copy) as store:
        before = dump(store)
        with pytest.raises(SyncProblem) as refused:
            share_file(store, place(share, store))
        assert refused.value.code is SyncCode.OTHER_GENESIS
        assert not is_shared(store) and last_syncs(store) == []
        assert dump(store) == before
