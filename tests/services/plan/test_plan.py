"""The settlement plan services: tasks, templates, check-ins, goals, indicators, calendar."""

from datetime import timedelta

import pytest

from sponsor_app.domain.enums import (
    OutcomeArea,
    Phase,
    TaskKind,
    TaskStatus,
)
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan import plan
from sponsor_app.services.plan.assignments import VettingRuleBroken

from ...conftest import TODAY
from .conftest import ARRIVAL, vetted_volunteer


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
    vetted = vetted_volunteer(store, "Aroha Vetted")
    from dataclasses import replace

    assert plan.edit_task(
        store, welcome.id, replace(data, assignee_id=vetted.id), TODAY
    ).assignee == ("Aroha Vetted")


def test_checklist_data_by_household_and_phase(store, household):
    plan.skip_task(store, _task(store, household, "research_jobs").id, "Job arranged already")
    (sheet,) = plan.checklist(store)
    assert sheet.code == "H1" and sheet.phases[0][0] is Phase.PRE_ARRIVAL
    titles = [item.title for _, items in sheet.phases for item in items]
    assert "Research jobs and employers" not in titles and "Welcome at the airport" in titles
