"""One sync run (services/sharing/sync.py) through a real shared folder: laptops converge,
another genesis is refused changing nothing, records that wait are carried and applied later,
progress and cancel work, and a rolled-back copy takes a new identity before it sends."""

from __future__ import annotations

import shutil

import pytest

from sponsor_app.domain.messages import Sharing
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import (
    HouseholdInput,
    add_household,
    list_households,
)
from sponsor_app.services.sharing.share import share_file
from sponsor_app.services.sharing.status import last_sync, last_syncs
from sponsor_app.services.sharing.sync import NotShared, SyncCancelled, sync
from sponsor_app.storage.errors import OpenedToRead
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import replica
from sponsor_app.storage.sync.folder import SHARING_FOLDER
from sponsor_app.storage.sync.transport import SyncCode, SyncProblem

from ...storage.sync.memory import differences, dump, explain, me
from .laptops import place, shared_laptops


def _household(store: Store, code: str, name: str = "Haddad"):
    return add_household(store, HouseholdInput(code, family_name=name, town="Nelson"))


def _codes(store: Store) -> list[str]:
    return sorted(h.code for h in list_households(store, include_archived=True))


def _files(folder) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_two_laptops_converge_through_a_folder(tmp_path):
    share, (a, b) = shared_laptops(tmp_path, 2)
    try:
        _household(a, "H1", "Haddad")
        _household(b, "H2", "Tesfaye")
        first = sync(a, place(share, a))
        second = sync(b, place(share, b))
        third = sync(a, place(share, a))
        assert first.pushed >= 1 and first.applied == 0
        assert second.applied == first.pushed and second.pushed >= 1
        assert third.applied >= 1 and third.outcome == "ok"
        assert differences(a, b) == {}, explain(differences(a, b))
        assert _codes(a) == _codes(b) == ["H1", "H2"]
        state = last_sync(a)
        assert state.kind == "folder" and state.last_result == "ok"
        assert state.location == str(share.resolve())
        again = sync(a, place(share, a))  # nothing new either way
        assert (again.pushed, again.applied) == (0, 0)
    finally:
        a.close()
        b.close()


def test_three_laptops_converge_whatever_the_order(tmp_path):
    share, laptops = shared_laptops(tmp_path, 3)
    a, b, c = laptops
    try:
        for number, store in enumerate(laptops):
            _household(store, f"H{number + 10}", f"Family {number}")
        sync(c, place(share, c))
        sync(a, place(share, a))
        # b edits a household it has not seen yet from c? It first receives a's and c's.
        sync(b, place(share, b))
        _household(b, "H20", "Late")
        for store in (b, a, c, b):
            sync(store, place(share, store))
        assert differences(a, b, c) == {}, explain(differences(a, b, c))
    finally:
        for store in laptops:
            store.close()


def test_records_waiting_for_others_are_carried_to_a_later_page(tmp_path):
    """Pages of 2. A folder lists records laptop by laptop, in the order of their ids: the
    laptop listed first writes after seeing the other's writes, so its records come first and
    wait. The run carries them, applies them once their dependencies arrive, and ends with
    nothing waiting."""
    share, laptops = shared_laptops(tmp_path, 3)
    c = laptops[2]
    first, then = sorted(laptops[:2], key=me, reverse=True)  # `then` is listed first
    try:
        for number in range(3):
            _household(first, f"H{number}")
        sync(first, place(share, first))
        sync(then, place(share, then))
        for number in range(3):
            _household(then, f"B{number}")
        sync(then, place(share, then))
        reports = []
        apply_records = c.apply_records

        def watched(records):
            reports.append(apply_records(records))
            return reports[-1]

        c.apply_records = watched
        result = sync(c, place(share, c), page=2)
        assert any(report.waiting for report in reports)  # something was carried
        assert result.waiting == 0 and result.outcome == "ok"
        assert differences(then, c) == {}, explain(differences(then, c))
    finally:
        for store in laptops:
            store.close()


def test_a_place_shared_from_another_copy_is_refused_changing_nothing(tmp_path):
    """A copy made before sharing started, shared on its own elsewhere, then pointed at the
    group's folder: another genesis, refused before anything is read or written."""
    before_sharing = tmp_path / "copied before sharing.sponsor"
    create_group(tmp_path / "laptop-a.sponsor", NewGroup(name="Shared group")).close()
    shutil.copyfile(tmp_path / "laptop-a.sponsor", before_sharing)
    share = tmp_path / "shared folder"
    share.mkdir()
    elsewhere = tmp_path / "another folder"
    elsewhere.mkdir()
    with Store.open(tmp_path / "laptop-a.sponsor") as a:
        share_file(a, place(share, a))
        _household(a, "H1")
        sync(a, place(share, a))
    with Store.open(before_sharing) as store:
        share_file(store, place(elsewhere, store))
        _household(store, "H9")
        before_file, before_syncs = dump(store), last_syncs(store)
        before_folder = _files(share)
        with pytest.raises(SyncProblem) as refused:
            sync(store, place(share, store))
        assert refused.value.code is SyncCode.OTHER_GENESIS
        assert "already shares this group from another copy" in str(refused.value)
        assert dump(store) == before_file and last_syncs(store) == before_syncs
    assert _files(share) == before_folder


def test_an_unshared_file_is_not_synced(tmp_path, store):
    share = tmp_path / "share"
    share.mkdir()
    with pytest.raises(NotShared):
        sync(store, place(share, store))
    assert not (share / SHARING_FOLDER).exists()


def test_progress_is_reported_and_cancel_stops_between_pages(tmp_path):
    share, (a, b) = shared_laptops(tmp_path, 2)
    try:
        for number in range(6):
            _household(a, f"H{number}")
        seen = []
        sync(a, place(share, a), progress=seen.append, page=2)
        sending = [p for p in seen if p.step == "sending"]
        assert sending[-1].done == sending[-1].total >= 6
        calls = []

        def cancel_on_second_page() -> bool:
            calls.append(1)
            return len(calls) > 2

        with pytest.raises(SyncCancelled):
            sync(b, place(share, b), cancelled=cancel_on_second_page, page=2)
        assert last_sync(b).last_result == "cancelled"
        finished = sync(b, place(share, b))  # the next sync finishes the job
        assert finished.outcome == "ok"
        assert differences(a, b) == {}, explain(differences(a, b))
    finally:
        a.close()
        b.close()


def test_an_older_copy_put_back_takes_a_new_identity_before_sending(tmp_path):
    """The registry cannot always tell an older copy (say it was restored on a laptop whose
    registry was lost too): the place holding this copy's numbers is the last defence."""
    share, (a,) = shared_laptops(tmp_path, 1)
    with a.read() as session:
        old_identity = replica.identity(session.connection())
    a.close()
    old = a.path.read_bytes()
    with Store.open(a.path) as store:
        _household(store, "H1")
        sync(store, place(share, store))
    a.path.write_bytes(old)
    replica.register(a.path, old_identity)  # this computer remembers only the old numbering
    with Store.open(a.path) as store:
        assert me(store) == old_identity.replica_id  # the registry did not notice
        result = sync(store, place(share, store))
        assert result.reminted and me(store) != old_identity.replica_id
        assert result.applied == 1 and _codes(store) == ["H1"]  # its own write, as another's
        _household(store, "H2", "After the restore")
        assert sync(store, place(share, store)).pushed == 1


def test_a_file_opened_only_to_read_is_not_synced_and_the_folder_is_untouched(tmp_path):
    share, (a,) = shared_laptops(tmp_path, 1)
    a.close()
    before = _files(share)
    reader = Store.open_to_read(a.path)
    try:
        with pytest.raises(OpenedToRead):
            sync(reader, place(share, reader))
    finally:
        reader.close()
    assert _files(share) == before


def test_every_problem_a_place_can_name_is_worded_by_the_catalogue():
    for code in SyncCode:
        problem = SyncProblem(code, "/media/usb")
        assert problem.said.code is Sharing[code.name] and problem.code is code
        assert "/media/usb" in str(problem) or "hub" in str(problem)
