from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sponsor_app.domain.enums import TaskStatus
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.programmes import get_programme
from sponsor_app.services.households.households import (
    HouseholdInput,
    MemberInput,
    add_household,
    add_member,
    archive_household,
    edit_household,
    list_households,
    list_members,
    next_household_code,
)
from sponsor_app.storage.models import Task


def _tasks(store, household_id):
    with store.read() as session:
        return {
            t.template_key: (t.due_on, t.status)
            for t in session.scalars(select(Task).where(Task.household_id == household_id))
        }


def test_adding_a_household_lays_out_its_plan(store):
    arrival = date(2026, 3, 1)
    row = add_household(
        store,
        HouseholdInput(code="h1", family_name="Al-Khatib", arrival_date=arrival),
        members=(
            MemberInput("Yasmin Al-Khatib", "principal", is_principal=True),
            MemberInput("Sami Al-Khatib", "son"),
        ),
    )
    programme = get_programme("nz-cors")
    tasks = _tasks(store, row.id)
    assert (
        row.code == "H1" and row.size == 2 and row.tasks_total == len(programme.tasks) == len(tasks)
    )
    for template in programme.tasks:
        assert tasks[template.key] == (
            arrival + timedelta(days=template.offset_days),
            TaskStatus.OPEN,
        )


def test_household_without_arrival_gets_undated_tasks(store):
    row = add_household(store, HouseholdInput(code="H1"))
    assert {due for due, _ in _tasks(store, row.id).values()} == {None}


def test_moving_arrival_moves_open_tasks_only_when_asked(store):
    row = add_household(store, HouseholdInput(code="H1", arrival_date=date(2026, 3, 1)))
    with store.transaction() as session:
        done = session.scalars(select(Task).where(Task.template_key == "assign_roles")).one()
        done.status = TaskStatus.DONE
    before = _tasks(store, row.id)
    edit_household(store, row.id, HouseholdInput(code="H1", arrival_date=date(2026, 3, 11)))
    assert _tasks(store, row.id) == before
    edit_household(store, row.id, HouseholdInput(code="H1", arrival_date=date(2026, 3, 1)))
    edit_household(
        store,
        row.id,
        HouseholdInput(code="H1", arrival_date=date(2026, 3, 21)),
        move_open_tasks=True,
    )
    after = _tasks(store, row.id)
    assert after["assign_roles"] == before["assign_roles"]  # done tasks stay where they were
    assert after["airport_welcome"][0] == date(2026, 3, 21)
    assert after["english_classes"][0] == before["english_classes"][0] + timedelta(days=20)


def test_dates_set_when_arrival_first_becomes_known(store):
    row = add_household(store, HouseholdInput(code="H1"))
    edit_household(
        store,
        row.id,
        HouseholdInput(code="H1", arrival_date=date(2026, 5, 1)),
        move_open_tasks=True,
    )
    assert _tasks(store, row.id)["airport_welcome"][0] == date(2026, 5, 1)


def test_codes_are_unique_case_insensitively_and_suggested(store):
    add_household(store, HouseholdInput(code="H1"))
    assert next_household_code(store) == "H2"
    with pytest.raises(InvalidInput, match="already a household H1"):
        add_household(store, HouseholdInput(code="h1"))
    assert len(list_households(store)) == 1


def test_members_and_archive(store):
    row = add_household(store, HouseholdInput(code="H1"))
    add_member(
        store, row.id, MemberInput("Grâce Ineza", "daughter", date_of_birth=date(2014, 2, 3))
    )
    assert [m.full_name for m in list_members(store, row.id)] == ["Grâce Ineza"]
    archive_household(store, row.id)
    assert list_households(store) == []
    assert list_households(store, include_archived=True)[0].archived
