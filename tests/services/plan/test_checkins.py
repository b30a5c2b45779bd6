"""Check-ins: recording who was there, the meeting they hold and the goals they review."""

from datetime import timedelta

import pytest

from sponsor_app.domain.enums import (
    CheckInKind,
    GoalStatus,
    OutcomeArea,
    TaskStatus,
)
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.messages import Plan, english
from sponsor_app.services.plan import checkins, goals, plan

from ...conftest import TODAY
from .conftest import ARRIVAL, vetted_volunteer


def test_a_check_in_records_who_was_there_the_meeting_and_the_goals(store, household):
    volunteer = vetted_volunteer(store, "Mere Pōtae")
    goal_id = goals.add_goal(
        store,
        goals.GoalInput(
            household.id, OutcomeArea.SELF_SUFFICIENCY, "Find work as an electrician", ARRIVAL
        ),
    )
    (meeting_id, title, _due) = checkins.meetings_due(store, household.id)[0]
    assert title == "Day-60 review"
    check_in_id = checkins.record_check_in(
        store,
        checkins.CheckInInput(
            household.id,
            TODAY - timedelta(days=1),
            CheckInKind.PROGRAMME_REVIEW,
            summary="Reviewed benefits, tenancy and school.",
            needs_met=4,
            concern="Heater broken",
            volunteer_ids=(volunteer.id,),
            meeting_task_id=meeting_id,
            goal_updates=(checkins.GoalUpdate(goal_id, GoalStatus.PROGRESSING, "CV written"),),
        ),
        TODAY,
    )
    (row,) = checkins.list_check_ins(store, household.id)
    assert row.id == check_in_id and row.volunteers == ("Mere Pōtae",) and row.concern_open
    meeting = next(t for t in plan.plan_tasks(store, household.id) if t.id == meeting_id)
    assert meeting.status is TaskStatus.DONE and meeting.completed_on == TODAY - timedelta(days=1)
    (goal,) = goals.list_goals(store, household.id)
    assert goal.status is GoalStatus.PROGRESSING and goal.reviews == 1
    # an edit replaces this check-in's reviews rather than adding more
    checkins.edit_check_in(
        store,
        check_in_id,
        checkins.CheckInInput(
            household.id,
            TODAY - timedelta(days=1),
            CheckInKind.PROGRAMME_REVIEW,
            concern="Heater broken",
            concern_resolved_on=TODAY,
            volunteer_ids=(volunteer.id,),
            goal_updates=(checkins.GoalUpdate(goal_id, GoalStatus.ACHIEVED),),
        ),
        TODAY,
    )
    (goal,) = goals.list_goals(store, household.id)
    assert goal.status is GoalStatus.ACHIEVED and goal.reviews == 1
    assert not checkins.list_check_ins(store, household.id)[0].concern_open


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"held_on": TODAY + timedelta(days=1)}, "held_on"),
        ({"needs_met": 6}, "needs_met"),
        ({"concern_resolved_on": TODAY}, "concern_resolved_on"),  # no concern to resolve
        ({"concern": "x", "concern_resolved_on": TODAY - timedelta(days=9)}, "concern_resolved_on"),
        ({"volunteer_ids": (999,)}, "volunteers"),
    ],
)
def test_check_in_mistakes_name_their_field_and_save_nothing(store, household, changes, field):
    from dataclasses import replace

    data = replace(checkins.CheckInInput(household.id, TODAY - timedelta(days=2)), **changes)
    with pytest.raises(InvalidInput) as refused:
        checkins.record_check_in(store, data, TODAY)
    assert refused.value.for_field(field)
    assert checkins.list_check_ins(store, household.id) == []


# Issue 21 item 6: a meeting held as a check-in was marked done with the English sentence
# "Recorded as a check-in." written into the task's evidence, as if someone had typed it. The
# check-in's link to the task is the fact; the words come when the task is shown.


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
