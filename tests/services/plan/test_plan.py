"""The settlement plan services: tasks, templates, check-ins, goals, indicators, calendar."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from sponsor_app.domain.enums import (
    CheckInKind,
    CheckResult,
    GoalStatus,
    OutcomeArea,
    Phase,
    TaskKind,
    TaskStatus,
)
from sponsor_app.domain.errors import InvalidInput, NotFound
from sponsor_app.domain.indicator_points import PointStatus, at_point
from sponsor_app.domain.indicators import Trend
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan import checkins, goals, indicators, plan
from sponsor_app.services.plan.assignments import VettingRuleBroken
from sponsor_app.services.plan.calendar import find_volunteer, volunteer_calendar, write_calendar
from sponsor_app.services.roster.volunteers import CheckInput, VolunteerInput, add_volunteer

from ...conftest import TODAY
from ..task_helpers import assign

ARRIVAL = TODAY - timedelta(days=100)


@pytest.fixture
def household(store):
    return add_household(
        store, HouseholdInput(code="H1", family_name="Haidari", arrival_date=ARRIVAL)
    )


def _vetted(store, name, expires=date(2028, 1, 1)):
    checks = CheckInput("police_vetting", CheckResult.CLEARED, date(2025, 1, 1), expires)
    course = CheckInput(
        "child_protection_elearning", CheckResult.CLEARED, date(2025, 2, 1), date(2028, 2, 1)
    )
    volunteer = add_volunteer(
        store, VolunteerInput(name, ("welcome",), vetting=checks, checks=(course,)), TODAY
    )
    from sponsor_app.services.roster.vetting import add_check

    add_check(
        store,
        volunteer.id,
        CheckInput("child_protection_statement", CheckResult.CLEARED, date(2025, 1, 1)),
        TODAY,
    )
    return volunteer


def _task(store, household, key):
    return next(t for t in plan.plan_tasks(store, household.id) if t.template_key == key)


def test_a_household_gets_the_programmes_template_with_dates_from_arrival(store, household):
    tasks = plan.plan_tasks(store, household.id)
    assert len(tasks) == len(plan.template(store))
    welcome = _task(store, household, "airport_welcome")
    assert welcome.due_on == ARRIVAL and welcome.family_facing
    review = _task(store, household, "day60_review")
    assert review.kind is TaskKind.MEETING and review.due_on == ARRIVAL + timedelta(days=60)


def test_reapplying_the_template_adds_only_what_is_missing(store, household):
    assert plan.reapply_template(store, household.id) == 0
    template_id = plan.add_template_task(
        store,
        plan.TemplateInput(
            "Visit the marae with the family",
            Phase.MONTHS_2_3,
            45,
            OutcomeArea.PARTICIPATION,
            family_facing=True,
        ),
    )
    assert plan.reapply_template(store, household.id) == 1
    assert plan.reapply_template(store, household.id) == 0  # never twice
    added = _task(store, household, f"group-{template_id}")
    assert added.due_on == ARRIVAL + timedelta(days=45)
    later = add_household(store, HouseholdInput(code="H2", arrival_date=TODAY))
    assert any(t.template_key == f"group-{template_id}" for t in plan.plan_tasks(store, later.id))
    plan.retire_template_task(store, template_id)
    assert all(t.key != f"group-{template_id}" for t in plan.template(store))


def test_a_template_task_offset_must_fall_in_its_phase(store):
    with pytest.raises(InvalidInput, match="Month 1 runs from day 15 to day 30"):
        plan.add_template_task(
            store, plan.TemplateInput("Too early", Phase.MONTH_1, 3, OutcomeArea.HEALTH)
        )


def test_custom_task_edit_skip_and_space(store, household):
    custom = plan.add_custom_task(
        store,
        household.id,
        plan.TaskInput("Buy a bike for the eldest", Phase.MONTH_1, OutcomeArea.PARTICIPATION),
        TODAY,
    )
    assert custom.custom and custom.status is TaskStatus.OPEN
    with pytest.raises(InvalidInput, match="Say why this task does not apply"):
        plan.skip_task(store, custom.id, "  ")
    skipped = plan.skip_task(store, custom.id, "A neighbour lent one")
    assert skipped.status is TaskStatus.NOT_NEEDED and skipped.skip_reason == "A neighbour lent one"
    done = plan.toggle_done(store, custom.id, TODAY)
    assert (done.status, done.completed_on, done.skip_reason) == (TaskStatus.DONE, TODAY, "")
    again = plan.toggle_done(store, custom.id, TODAY)
    assert (again.status, again.completed_on) == (TaskStatus.OPEN, None)
    edited = plan.edit_task(
        store,
        custom.id,
        plan.TaskInput(
            "Buy a bike",
            Phase.MONTH_1,
            OutcomeArea.PARTICIPATION,
            status=TaskStatus.IN_PROGRESS,
            evidence="Quote from the bike shop",
        ),
        TODAY,
    )
    assert edited.status is TaskStatus.IN_PROGRESS and edited.evidence == "Quote from the bike shop"
    with pytest.raises(InvalidInput, match="future date"):
        plan.edit_task(
            store,
            custom.id,
            plan.TaskInput(
                "Buy a bike",
                Phase.MONTH_1,
                OutcomeArea.PARTICIPATION,
                status=TaskStatus.DONE,
                completed_on=TODAY + timedelta(days=1),
            ),
            TODAY,
        )


def test_the_vetting_rule_holds_in_the_plan_too(store, household, make_volunteer):
    unvetted = make_volunteer(full_name="Tom Unvetted")
    welcome = _task(store, household, "airport_welcome")
    data = plan.TaskInput(
        welcome.title,
        welcome.phase,
        welcome.outcome_area,
        welcome.due_on,
        family_facing=True,
        assignee_id=unvetted.id,
    )
    with pytest.raises(VettingRuleBroken, match="Tom Unvetted: Police vetting not recorded"):
        plan.edit_task(store, welcome.id, data, TODAY)
    with pytest.raises(VettingRuleBroken):
        plan.add_custom_task(store, household.id, data, TODAY)
    vetted = _vetted(store, "Aroha Vetted")
    from dataclasses import replace

    assert plan.edit_task(
        store, welcome.id, replace(data, assignee_id=vetted.id), TODAY
    ).assignee == ("Aroha Vetted")


def test_a_check_in_records_who_was_there_the_meeting_and_the_goals(store, household):
    volunteer = _vetted(store, "Mere Pōtae")
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


def test_indicator_readings_latest_trend_and_the_value_at_3_months(store, household):
    for days, hours in ((20, "4"), (50, "6"), (95, "8")):
        day = ARRIVAL + timedelta(days=days)
        indicators.record_reading(store, household.id, "english_hours", day, hours, today=TODAY)
    with pytest.raises(InvalidInput, match="Enter a number"):
        indicators.record_reading(store, household.id, "english_hours", TODAY, "lots", today=TODAY)
    with pytest.raises(InvalidInput, match="once they are known"):
        indicators.record_reading(
            store, household.id, "english_hours", TODAY + timedelta(days=1), "2", today=TODAY
        )
    summary = {s.indicator.key: s for s in indicators.latest_indicators(store, household.id)}
    hours = summary["english_hours"]
    assert (hours.latest.value, hours.trend, hours.readings) == ("8", Trend.UP, 3)
    assert summary["gp_registered"].latest is None and summary["gp_registered"].trend is None
    series = [r for r in indicators.readings(store, household.id) if r.indicator == "english_hours"]
    # the reading nearest 3 months (day 95, five days after it), not the last one before it
    assert at_point(series, ARRIVAL, 3, TODAY, True).value == "8"
    assert at_point(series, ARRIVAL, 6, TODAY, True).status is PointStatus.NOT_REACHED


def test_calendar_parses_back_with_the_due_dates(store, household):
    volunteer = _vetted(store, "Şükrü Öztürk")
    for key in ("airport_welcome", "enrol_school"):
        task = _task(store, household, key)
        assign(store, task.id, volunteer.id, TODAY)
    plan.toggle_done(store, _task(store, household, "airport_welcome").id, TODAY)
    data, count = volunteer_calendar(store, volunteer.id, TODAY)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert count == len(events) == 1  # the done task is not in it
    (event,) = events
    assert event.decoded("dtstart") == ARRIVAL + timedelta(days=14)
    assert str(event.get("summary")) == "H1: Enrol children in school"
    assert household.family_name not in data.decode()
    assert find_volunteer(store, "sukru ozturk").id == volunteer.id


def test_calendar_files_are_not_overwritten_unless_asked(store, household, tmp_path):
    volunteer = _vetted(store, "Mere")
    target = tmp_path / "mere.ics"
    target.write_text("keep me")
    with pytest.raises(InvalidInput, match="already exists"):
        write_calendar(store, volunteer.id, target, TODAY)
    assert target.read_text() == "keep me"
    written = write_calendar(store, volunteer.id, target, TODAY, force=True)
    assert written.path.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_name_that_fits_several_volunteers_is_refused(store):
    _vetted(store, "Mere Pōtae")
    _vetted(store, "Mere Smith")
    with pytest.raises(InvalidInput, match="fits 2 volunteers"):
        find_volunteer(store, "mere")
    with pytest.raises(NotFound, match="No volunteer is called"):
        find_volunteer(store, "Nobody")


def test_checklist_data_by_household_and_phase(store, household):
    plan.skip_task(store, _task(store, household, "research_jobs").id, "Job arranged already")
    (sheet,) = plan.checklist(store)
    assert sheet.code == "H1" and sheet.phases[0][0] is Phase.PRE_ARRIVAL
    titles = [item.title for _, items in sheet.phases for item in items]
    assert "Research jobs and employers" not in titles and "Welcome at the airport" in titles
