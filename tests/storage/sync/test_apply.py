"""Applying other laptops' change sets: one-sided edits, writes made at once, deletes against
edits, children added under a row deleted elsewhere, waiting for what came first, undo of
another laptop's change, and applying nothing twice or half."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.services.files.history import revert
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    delete_transaction,
    edit_transaction,
    list_categories,
    record_transaction,
    transaction_input,
)
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import (
    HouseholdInput,
    MemberInput,
    add_household,
    add_member,
    delete_household,
    edit_household,
)
from sponsor_app.storage.models import Household
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import replica, versions

from .memory import decode, differences, dump, pull, push, sync


def _conflicts(store) -> list[tuple]:
    with store.read() as session:
        return (
            session.connection()
            .exec_driver_sql(
                "SELECT table_name, row_key, column_name, kind, members, status FROM sync_conflict "
                "ORDER BY 1, 2, 3, 4"
            )
            .all()
        )


def _everyone(laptops, place, rounds: int = 2) -> None:
    for _ in range(rounds):
        for store in laptops:
            sync(store, place)


def household_input(store, household_id):
    """The household as stored (LookupError when there is none)."""
    with store.read() as session:
        row = session.get(Household, household_id)
        if row is None:
            raise LookupError(household_id)
        return HouseholdInput(row.code, family_name=row.family_name, town=row.town)


def _gift(store, minor: int = 1000):
    category = list_categories(store, TransactionKind.INCOME)[0]
    return record_transaction(
        store,
        TransactionInput(
            date(2026, 5, 1), TransactionKind.INCOME, Money(minor, "NZD"), category.id
        ),
    )


def test_a_field_changed_on_one_side_takes_that_sides_value(laptops, place):
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", family_name="Haddad", town="Nelson"))
    _everyone(laptops, place)
    edit_household(b, household.id, HouseholdInput("H1", family_name="Haddad", town="Motueka"))
    edit_household(c, household.id, HouseholdInput("H1", family_name="Al-Haddad", town="Nelson"))
    _everyone(laptops, place)
    for store in laptops:
        found = household_input(store, household.id)
        assert (found.family_name, found.town) == ("Al-Haddad", "Motueka")
    assert _conflicts(a) == []  # different fields: nothing to decide
    assert dump(a) == dump(b) == dump(c)


def test_the_same_field_changed_on_both_sides_the_later_wins_everywhere(laptops, place):
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", town="Nelson"))
    _everyone(laptops, place)
    edit_household(b, household.id, HouseholdInput("H1", town="Motueka"))
    edit_household(c, household.id, HouseholdInput("H1", town="Richmond"))  # later clock
    _everyone(laptops, place)
    assert {household_input(s, household.id).town for s in laptops} == {"Richmond"}
    (conflict,) = _conflicts(a)
    assert conflict[2:4] == ("town", "field") and conflict[5] == "auto"
    assert {json.loads(m[4]) for m in json.loads(conflict[4])} == {"Motueka", "Richmond"}
    assert dump(a) == dump(b) == dump(c)
    # Editing the field again, having seen both, settles it on every laptop.
    edit_household(a, household.id, HouseholdInput("H1", town="Stoke"))
    _everyone(laptops, place)
    assert [_conflicts(s) for s in laptops] == [[], [], []]
    assert dump(a) == dump(b) == dump(c)


def test_money_changed_on_both_sides_waits_for_the_lead(laptops, place):
    a, b, _c = laptops
    gift = _gift(a, 1000)
    _everyone(laptops, place)
    for store, minor in ((a, 1500), (b, 2000)):
        data = transaction_input(store, gift.id)
        edit_transaction(
            store, gift.id, TransactionInput(**{**data.__dict__, "amount": Money(minor, "NZD")})
        )
    _everyone(laptops, place)
    (conflict,) = _conflicts(a)
    assert conflict[2:][:2] == ("amount_minor", "field") and conflict[5] == "open"
    assert dump(a) == dump(b)


def test_an_edit_against_a_delete_the_delete_stands_and_the_edit_is_kept(laptops, place):
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", family_name="Haddad"))
    _everyone(laptops, place)
    delete_household(a, household.id)
    edit_household(b, household.id, HouseholdInput("H1", family_name="Al-Haddad"))
    _everyone(laptops, place)
    for store in laptops:
        with pytest.raises(LookupError):
            household_input(store, household.id)
    kinds = {(row[0], row[3], row[5]) for row in _conflicts(a)}
    found = differences(a, b, c)
    assert found == {}, repr(found)[:1500]
    assert ("household", "edit_delete", "open") in kinds
    members = json.loads(next(r for r in _conflicts(a) if r[0] == "household")[4])
    assert ["family_name", '"Al-Haddad"'] in [m[3:] for m in members]
    assert dump(a) == dump(b) == dump(c)


@pytest.mark.parametrize("second_name", ["Mensah", "Al-Haddad"])
def test_an_edit_against_a_delete_keeps_only_the_latest_write_of_each_field(
    laptops, place, second_name
):
    """B has the delete before C's two edits; C had its second edit before the delete. The
    conflict holds C's first name only where the second edit left the name alone."""
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", family_name="Haddad", town="Nelson"))
    _everyone(laptops, place)
    delete_household(a, household.id)
    sync(a, place)
    sync(b, place)  # the delete first, then each of C's edits on its own
    edit_household(c, household.id, HouseholdInput("H1", family_name="Al-Haddad", town="Nelson"))
    push(c, place)  # C has not seen the delete when it edits again
    sync(b, place)
    edit_household(c, household.id, HouseholdInput("H1", family_name=second_name, town="Stoke"))
    _everyone(laptops, place)
    found = differences(a, b, c)
    assert found == {}, repr(found)[:1500]
    members = json.loads(next(r for r in _conflicts(b) if r[0] == "household")[4])
    edits = sorted((m[2], m[3], json.loads(m[4])) for m in members if m[3])
    first = [(1, "family_name", "Al-Haddad")] if second_name == "Al-Haddad" else []
    second = [] if second_name == "Al-Haddad" else [(2, "family_name", second_name)]
    assert edits == sorted([*first, *second, (2, "town", "Stoke")])


@pytest.mark.parametrize("deleted_elsewhere", [False, True])
def test_a_transactions_search_text_is_made_again_not_kept_as_a_write(
    laptops, place, deleted_elsewhere
):
    """Editing a counterparty changes the search text too; only the counterparty is a write,
    on the laptop that made it as on the others (and in a conflict with a delete)."""
    a, b, c = laptops
    gift = _gift(a)
    _everyone(laptops, place)
    if deleted_elsewhere:
        delete_transaction(a, gift.id)
        sync(a, place)
        sync(c, place)  # C has the delete before B's edit, B the edit before the delete
    data = transaction_input(b, gift.id)
    edit_transaction(b, gift.id, TransactionInput(**{**data.__dict__, "counterparty": "Amal H"}))
    _everyone(laptops, place)
    found = differences(a, b, c)
    assert found == {}, repr(found)[:1500]
    with b.read() as session:
        fields = session.connection().exec_driver_sql("SELECT column_name FROM sync_field")
        assert "search_text" not in fields.scalars().all()
    members = [m for r in _conflicts(b) for m in json.loads(r[4])]
    if deleted_elsewhere:
        assert [m[3] for m in members if m[3]] == ["counterparty"]
    else:
        assert members == []


def test_a_restore_that_had_not_seen_another_delete_ends_the_delete_it_undid(laptops, place):
    """C deletes a household and undoes that while A deletes it and B edits it, none seeing
    the others. B, which had C's delete before A's, kept C's undone delete in the conflict
    with A's; the copies that had C's undo first never had it."""
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", family_name="Haddad", town="Nelson"))
    _everyone(laptops, place)
    edit_household(b, household.id, HouseholdInput("H1", family_name="Haddad", town="Stoke"))
    delete_household(c, household.id)
    push(c, place)
    pull(b, place)  # B: C's delete against its own edit, then A's delete, then C's undo
    delete_household(a, household.id)
    push(a, place)
    pull(b, place)
    with c.read() as session:
        deleted = (
            session.connection()
            .exec_driver_sql("SELECT id FROM change_set WHERE native = 1 ORDER BY id DESC")
            .scalar()
        )
    revert(c, deleted)
    _everyone(laptops, place)
    found = differences(a, b, c)
    assert found == {}, repr(found)[:1500]
    members = json.loads(next(r for r in _conflicts(b) if r[0] == "household")[4])
    assert sorted((m[3], m[4] is None) for m in members) == [
        ("", False),  # C's undo, which brought the household back
        ("", True),  # A's delete, which C had not seen: it stands
        ("town", False),  # B's edit, which neither delete had seen
    ]


def test_a_member_added_under_a_household_deleted_elsewhere_goes_with_it(laptops, place):
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1"))
    _everyone(laptops, place)
    delete_household(a, household.id)
    add_member(b, household.id, MemberInput("Amal Haddad"))
    # c hears of the delete first, then of the member; a and b the other way round.
    sync(a, place)
    sync(c, place)
    _everyone(laptops, place)
    for store in laptops:
        with store.read() as session:
            assert (
                session.connection()
                .exec_driver_sql("SELECT count(*) FROM household_member")
                .scalar()
                == 0
            )
    assert ("household_member", "edit_delete") in {(r[0], r[3]) for r in _conflicts(c)}
    assert dump(a) == dump(b) == dump(c)


def test_records_wait_for_the_ones_before_them(laptops, place):
    a, b, _c = laptops
    add_household(a, HouseholdInput("H1"))
    add_household(a, HouseholdInput("H2"))
    push(a, place)
    first, second = place.log[-2:]
    place.log[-2:] = [second, first]  # stored out of order: H2's record before H1's
    report = b.apply_records([decode(second)])
    assert report.waiting == [(second.replica, second.seq)] and not report.applied
    assert "H2" not in {row[1] for row in dump(b)["household"]}
    pull(b, place)
    assert dump(a)["household"] == dump(b)["household"]


def test_applying_again_changes_nothing(laptops, place):
    a, b, _c = laptops
    add_household(a, HouseholdInput("H1"))
    push(a, place)
    pull(b, place)
    before = dump(b)
    with b.read() as session:
        records = versions.records_of(session.connection(), versions_me(a))
    report = b.apply_records(records)
    assert report.applied == [] and report.already_seen == len(records)
    assert dump(b) == before


def versions_me(store) -> str:
    from .memory import me

    return me(store)


def test_a_failed_apply_changes_nothing(laptops, place):
    a, b, _c = laptops
    add_household(a, HouseholdInput("H1"))
    add_household(a, HouseholdInput("H2"))
    with a.read() as session:
        *_, good, bad = versions.records_of(session.connection(), versions_me(a))
    broken_image = bad.images[0].__class__(
        "household", bad.images[0].key, None, {**bad.images[0].after, "code": None}
    )
    bad = bad.__class__(**{**bad.__dict__, "images": (broken_image, *bad.images[1:])})
    before = dump(b)
    with pytest.raises(IntegrityError, match=r"NOT NULL constraint failed: household\.code"):
        b.apply_records([good, bad])
    assert dump(b) == before  # the good one went back with the bad one
    with b.read() as session:
        assert (
            session.connection()
            .exec_driver_sql("SELECT count(*) FROM change_set WHERE native = 0")
            .scalar()
            == 0
        )


def test_undo_of_another_laptops_change_is_a_change_that_syncs(laptops, place):
    a, b, c = laptops
    household = add_household(a, HouseholdInput("H1", town="Nelson"))
    _everyone(laptops, place)
    edit_household(a, household.id, HouseholdInput("H1", town="Motueka"))
    _everyone(laptops, place)
    with b.read() as session:
        applied = (
            session.connection()
            .exec_driver_sql("SELECT id FROM change_set WHERE native = 0 ORDER BY id DESC LIMIT 1")
            .scalar()
        )
    revert(b, applied)
    _everyone(laptops, place)
    assert {household_input(s, household.id).town for s in laptops} == {"Nelson"}
    assert dump(a) == dump(b) == dump(c)


def _versions_kept(store) -> int:
    with store.read() as session:
        connection = session.connection()
        return sum(
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("sync_row", "sync_field")
        )


def test_an_unshared_file_keeps_no_versions_and_its_rows_share_once_founded(tmp_path, place):
    # Versions are kept only once a file is shared: an unshared file's 100,000-row import
    # would otherwise write 100,000 more rows of bookkeeping nobody reads (issue 23's budget).
    first = tmp_path / "laptop-a.sponsor"
    create_group(first, NewGroup(name="Shared later")).close()
    a = Store.open(first, actor="Lead on laptop-a")
    household = add_household(a, HouseholdInput("H1", family_name="Haddad", town="Nelson"))
    _gift(a)
    with a.read() as session:
        numbered = versions.vector(session.connection())
    assert _versions_kept(a) == 0 and sum(numbered.values()) >= 2  # still numbered
    with a.engine.begin() as connection:
        replica.found_group(connection)
    a.close()
    copy = tmp_path / "laptop-b.sponsor"
    shutil.copyfile(first, copy)
    a, b = Store.open(first, actor="Lead on a"), Store.open(copy, actor="Lead on b")
    try:
        # Rows from before founding are every copy's common start: edits on both sides merge.
        edit_household(a, household.id, HouseholdInput("H1", family_name="Haddad", town="Motueka"))
        edit_household(
            b, household.id, HouseholdInput("H1", family_name="Al-Haddad", town="Nelson")
        )
        assert _versions_kept(a) > 0
        _everyone([a, b], place)
        for store in (a, b):
            found = household_input(store, household.id)
            assert (found.family_name, found.town) == ("Al-Haddad", "Motueka")
        assert dump(a) == dump(b)
    finally:
        a.close()
        b.close()
