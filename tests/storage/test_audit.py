"""Every write is a change set; every row any write touches has an audit row in it."""

import json
from datetime import UTC, date

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError

from sponsor_app import clock
from sponsor_app.domain.enums import OutcomeArea as Area
from sponsor_app.domain.enums import Phase, TaskStatus, TransactionKind
from sponsor_app.storage.models import (
    AuditEntry,
    ChangeSet,
    Household,
    LedgerTransaction,
    Task,
    Volunteer,
    VolunteerRole,
)


def _audit(store, table):
    with store.read() as session:
        return session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == table).order_by(AuditEntry.id)
        ).all()


def _change_sets(store):
    with store.read() as session:
        return session.scalars(select(ChangeSet).order_by(ChangeSet.id)).all()


def test_insert_update_delete_each_leave_a_row_with_whole_values(store):
    with store.transaction("Add Aroha") as session:
        session.add(
            Volunteer(
                full_name="Aroha Ngata",
                phone="021 555 1234",
                roles=[VolunteerRole(role="housing")],
            )
        )
    with store.transaction("Change phone") as session:
        session.get(Volunteer, 1).phone = "027 555 9876"
    with store.transaction("Remove Aroha") as session:
        session.delete(session.get(Volunteer, 1))

    inserted, updated, deleted = _audit(store, "volunteer")
    assert (inserted.action, updated.action, deleted.action) == ("insert", "update", "delete")
    assert inserted.old_values is None and deleted.new_values is None
    assert json.loads(inserted.new_values)["full_name"] == "Aroha Ngata"
    assert json.loads(updated.old_values)["phone"] == "021 555 1234"
    assert json.loads(updated.new_values)["phone"] == "027 555 9876"
    # the whole row, every column, so that it can be put back exactly
    assert set(json.loads(deleted.old_values)) == {c.name for c in Volunteer.__table__.columns}
    assert {e.row_key for e in (inserted, updated, deleted)} == {"[1]"}
    (role_insert, role_delete) = _audit(store, "volunteer_role")
    assert role_insert.row_key == '[1,"housing"]' and role_delete.action == "delete"

    described = [(c.description, c.actor) for c in _change_sets(store)]
    assert described[-3:] == [
        ("Add Aroha", "tester"),
        ("Change phone", "tester"),
        ("Remove Aroha", "tester"),
    ]
    last = _change_sets(store)[-1]
    # stamped by the app's clock, like every date it keeps (a fixed day in tests)
    assert last.at.tzinfo is UTC and (clock.now() - last.at).total_seconds() < 60
    assert deleted.change_set_id == last.id and last.is_open is None


def test_a_rolled_back_change_leaves_no_audit_row_and_no_change_set(store):
    before = len(_change_sets(store))
    with pytest.raises(RuntimeError), store.transaction("Doomed") as session:
        session.add(Volunteer(full_name="Gone"))
        session.flush()
        raise RuntimeError("boom")
    assert _audit(store, "volunteer") == []
    assert len(_change_sets(store)) == before


def test_an_update_that_changes_nothing_is_not_audited_nor_a_change_set(store):
    with store.transaction() as session:
        session.add(Volunteer(full_name="Same"))
    count = len(_change_sets(store))
    with store.transaction("Nothing really") as session:
        session.get(Volunteer, 1).full_name = "Same"
        session.execute(update(Volunteer).values(full_name="Same"))
    assert [e.action for e in _audit(store, "volunteer")] == ["insert"]
    assert len(_change_sets(store)) == count


def _household_with_plan(store):
    with store.transaction("Set up H1") as session:
        household = Household(code="H1", arrival_date=date(2026, 1, 10))
        session.add(household)
        session.flush()
        for n in range(3):
            session.add(
                Task(
                    household_id=household.id,
                    phase=Phase.WEEKS_1_2,
                    outcome_area=Area.HOUSING,
                    title=f"Task {n}",
                    status=TaskStatus.OPEN,
                )
            )
        session.add(
            LedgerTransaction(
                occurred_on=date(2026, 1, 11),
                kind=TransactionKind.EXPENSE,
                amount_minor=5000,
                category_id=6,
                household_id=household.id,
            )
        )
        return household.id


def test_rows_removed_or_changed_by_cascades_are_audited(store):
    household_id = _household_with_plan(store)
    with store.transaction("Delete H1") as session:
        # a bulk statement, so no ORM relationship sees the children: only the database does
        session.execute(delete(Household).where(Household.id == household_id))
    last = _change_sets(store)[-1]
    with store.read() as session:
        entries = session.execute(
            select(AuditEntry.table_name, AuditEntry.action).where(
                AuditEntry.change_set_id == last.id
            )
        ).all()
    assert sorted(entries) == sorted(
        [("household", "delete")]
        + [("task", "delete")] * 3
        + [("ledger_transaction", "update")]  # ON DELETE SET NULL
    )


def test_plain_sql_is_audited_too(store):
    with store.transaction("Plain SQL") as session:
        session.execute(
            text(
                "INSERT INTO household (code, family_name, arrival_confirmed, town, languages, notes) VALUES ('H9', '', 0, '', '', '')"
            )
        )
    (entry,) = _audit(store, "household")
    assert json.loads(entry.new_values)["code"] == "H9"


def test_a_write_outside_a_change_set_is_refused(store):
    """Anything that writes past `transaction()` (another tool, a bug) cannot go unrecorded."""
    with store.engine.begin() as connection, pytest.raises(IntegrityError, match="change_set_id"):
        connection.exec_driver_sql(
            "INSERT INTO household (code, family_name, arrival_confirmed, town, languages, notes) "
            "VALUES ('H9', '', 0, '', '', '')"
        )


def test_nested_transactions_make_one_change_set_and_reads_inside_see_the_writes(store):
    count = len(_change_sets(store))
    with store.transaction("Outer") as outer:
        outer.add(Household(code="H1"))
        with store.transaction("Inner") as inner:
            assert inner is outer
            inner.add(Household(code="H2"))
        with store.read() as reading:
            assert reading is outer
            assert reading.scalar(select(Household.code).where(Household.code == "H2")) == "H2"
    sets = _change_sets(store)
    assert len(sets) == count + 1 and sets[-1].description == "Outer"


def test_a_write_inside_a_read_is_a_bug(store):
    with store.read(), pytest.raises(RuntimeError, match="inside read"), store.transaction():
        pass


def test_subscribers_hear_what_changed_after_the_commit(store):
    heard = []
    store.subscribe(heard.append)
    household_id = _household_with_plan(store)
    (changes,) = heard
    assert changes.description == "Set up H1"
    assert changes.tables == {"household", "task", "ledger_transaction"}
    assert changes.ids("household") == {household_id}
    assert len(changes.ids("task")) == 3
    with (
        store.recording() as recorded,
        store.describing("The window's words"),
        store.transaction("The service's words") as session,
    ):
        session.get(Household, household_id).town = "Porirua"
    assert [c.description for c in recorded] == ["The window's words"]
    assert heard[-1] is recorded[0]
