"""Issue 21 item 6: a meeting held as a check-in was marked done with the English sentence
"Recorded as a check-in." written into the task's evidence, as if someone had typed it. The
check-in's link to the task is the fact; the words come when the task is shown."""

from datetime import timedelta

import pytest

from sponsor_app.domain.enums import CheckInKind, TaskStatus
from sponsor_app.domain.messages import Plan, english
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan import checkins, plan

from ...conftest import TODAY

ARRIVAL = TODAY - timedelta(days=100)


@pytest.fixture
def household(store):
    return add_household(
        store, HouseholdInput(code="H1", family_name="Haidari", arrival_date=ARRIVAL)
    )


def _meeting(store, household):
    meeting_id, _title, _due = checkins.meetings_due(store, household.id)[0]
    return meeting_id


def _held(store, household, meeting_id) -> int:
    return checkins.record_check_in(
        store,
        checkins.CheckInInput(
            household.id,
            TODAY - timedelta(days=1),
            CheckInKind.PROGRAMME_REVIEW,
            meeting_task_id=meeting_id,
        ),
        TODAY,
    )


def test_a_meeting_held_as_a_check_in_stores_no_words(store, household):
    meeting_id = _meeting(store, household)
    check_in_id = _held(store, household, meeting_id)
    task = plan.plan_task(store, meeting_id)
    assert task.status is TaskStatus.DONE and task.evidence == "" and task.by_check_in
    assert task.shown_evidence == Plan.RECORDED_AS_CHECK_IN()
    assert english(task.shown_evidence) == "Recorded as a check-in."
    listed = next(t for t in plan.plan_tasks(store, household.id) if t.id == meeting_id)
    assert listed.by_check_in and listed.shown_evidence == task.shown_evidence
    # the words follow the link: a check-in deleted no longer vouches for the meeting
    checkins.delete_check_in(store, check_in_id)
    gone = plan.plan_task(store, meeting_id)
    assert not gone.by_check_in and gone.shown_evidence == ""


def test_evidence_someone_typed_is_shown_as_typed(store, household):
    meeting_id = _meeting(store, household)
    task = plan.plan_task(store, meeting_id)
    data = plan.TaskInput(
        task.title, task.phase, task.outcome_area, task.due_on, evidence="Minutes filed"
    )
    plan.edit_task(store, meeting_id, data, TODAY)
    _held(store, household, meeting_id)
    assert plan.plan_task(store, meeting_id).shown_evidence == "Minutes filed"


def test_other_tasks_are_not_said_to_be_check_ins(store, household):
    tasks = plan.plan_tasks(store, household.id)
    assert tasks and not any(t.by_check_in for t in tasks)
    assert all(t.shown_evidence == "" for t in tasks)


def test_a_custom_task_stores_no_source_words(store, household):
    """ "Added by the group" was stored in each custom task's source; being its own is the
    fact (no template key)."""
    data = plan.TaskInput("Find a dentist", plan.Phase.MONTH_1, plan.OutcomeArea.HEALTH)
    task = plan.add_custom_task(store, household.id, data, TODAY)
    assert task.custom and task.source == ""
