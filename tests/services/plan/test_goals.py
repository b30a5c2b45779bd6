"""A household's goals: set, reviewed and standing as their latest review says; mistakes are
refused by field and save nothing."""

from datetime import timedelta

import pytest

from sponsor_app.domain.enums import GoalStatus, OutcomeArea
from sponsor_app.domain.errors import InvalidInput, NotFound
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.goals import (
    GoalInput,
    add_goal,
    delete_goal,
    edit_goal,
    list_goals,
    review_goal,
)

from ...conftest import TODAY

SET = TODAY - timedelta(days=60)


@pytest.fixture
def household(store):
    return add_household(store, HouseholdInput(code="H1", family_name="Haidari")).id


def _goal(household, text="Find work as an electrician", **changes):
    return GoalInput(household, OutcomeArea.SELF_SUFFICIENCY, text, SET, **changes)


def test_a_new_goal_is_not_started_and_its_text_tidied(store, household):
    goal_id = add_goal(store, _goal(household, "  Get a driving licence "))
    (row,) = list_goals(store, household)
    assert (row.id, row.text, row.status, row.reviews) == (
        goal_id,
        "Get a driving licence",
        GoalStatus.NOT_STARTED,
        0,
    )
    assert row.household_code == "H1" and row.last_reviewed_on is None


def test_a_goal_stands_as_its_latest_review_says_not_the_last_entered(store, household):
    goal_id = add_goal(store, _goal(household))
    review_goal(store, goal_id, GoalStatus.ACHIEVED, TODAY - timedelta(days=2), " Started work ")
    review_goal(store, goal_id, GoalStatus.PROGRESSING, TODAY - timedelta(days=20))  # older
    (row,) = list_goals(store, household)
    assert row.status is GoalStatus.ACHIEVED
    assert (row.reviews, row.last_reviewed_on) == (2, TODAY - timedelta(days=2))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "   "}, "text"),
        ({"target_on": SET - timedelta(days=1)}, "target_on"),
    ],
)
def test_a_goal_with_a_mistake_is_refused_by_field(store, household, data, field):
    with pytest.raises(InvalidInput) as refused:
        add_goal(store, _goal(household, **data))
    assert refused.value.for_field(field)
    assert list_goals(store, household) == []


def test_a_review_before_the_goal_was_set_is_refused(store, household):
    goal_id = add_goal(store, _goal(household))
    with pytest.raises(InvalidInput) as refused:
        review_goal(store, goal_id, GoalStatus.PROGRESSING, SET - timedelta(days=1))
    assert refused.value.for_field("reviewed_on")
    assert list_goals(store, household)[0].reviews == 0


def test_edit_delete_and_a_goal_that_is_gone(store, household):
    goal_id = add_goal(store, _goal(household))
    edit_goal(store, goal_id, _goal(household, "Find work", target_on=TODAY))
    (row,) = list_goals(store)
    assert (row.text, row.target_on) == ("Find work", TODAY)
    with pytest.raises(InvalidInput) as refused:
        edit_goal(store, goal_id, _goal(household + 99))
    assert refused.value.for_field("household")
    delete_goal(store, goal_id)
    assert list_goals(store) == []
    with pytest.raises(NotFound):
        review_goal(store, goal_id, GoalStatus.ACHIEVED, TODAY)
