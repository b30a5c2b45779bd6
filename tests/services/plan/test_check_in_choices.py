"""Who may be recorded at a check-in and which goals it may review: one rule, in the service.

The form offers what `check_in_choices` returns, and the service refuses anything else itself,
each refusal tied to its field: a volunteer no longer active at a new check-in, a goal already
achieved. An edit keeps what the check-in already holds (they were there; it reviewed them)."""

from datetime import timedelta

import pytest

from sponsor_app.domain.enums import CheckInKind, GoalStatus, OutcomeArea
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan import checkins, goals
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, edit_volunteer

from ...conftest import TODAY

HELD = TODAY - timedelta(days=3)


@pytest.fixture
def household(store):
    return add_household(store, HouseholdInput(code="H1", family_name="Haidari")).id


def _goal(store, household, text):
    return goals.add_goal(
        store, goals.GoalInput(household, OutcomeArea.SELF_SUFFICIENCY, text, HELD)
    )


def _leaves(store, volunteer):
    data = VolunteerInput(volunteer.full_name, ("welcome",), active=False)
    edit_volunteer(store, volunteer.id, data, TODAY)


def test_a_new_check_in_offers_and_takes_only_active_volunteers(store, household):
    mere = add_volunteer(store, VolunteerInput("Mere Pōtae", ("welcome",)), TODAY)
    tui = add_volunteer(store, VolunteerInput("Tui Rāwiri", ("welcome",)), TODAY)
    _leaves(store, tui)
    offered = checkins.check_in_choices(store, household, as_of=TODAY).volunteers
    assert [v.full_name for v in offered] == ["Mere Pōtae"]

    call = checkins.CheckInInput(household, HELD, CheckInKind.CALL, volunteer_ids=(mere.id, tui.id))
    with pytest.raises(InvalidInput) as refused:
        checkins.record_check_in(store, call, TODAY)
    assert "Tui Rāwiri" in refused.value.for_field("volunteers")
    assert checkins.list_check_ins(store, household) == []


def test_an_edit_keeps_someone_who_has_left_since(store, household):
    tui = add_volunteer(store, VolunteerInput("Tui Rāwiri", ("welcome",)), TODAY)
    call = checkins.CheckInInput(household, HELD, CheckInKind.CALL, volunteer_ids=(tui.id,))
    check_in_id = checkins.record_check_in(store, call, TODAY)
    _leaves(store, tui)
    offered = checkins.check_in_choices(store, household, check_in_id, as_of=TODAY).volunteers
    assert [v.full_name for v in offered] == ["Tui Rāwiri"]
    checkins.edit_check_in(store, check_in_id, call, TODAY)  # not refused: Tui was there
    assert checkins.list_check_ins(store, household)[0].volunteers == ("Tui Rāwiri",)


def test_an_achieved_goal_is_not_reviewed_again(store, household):
    work = _goal(store, household, "Find work as an electrician")
    school = _goal(store, household, "Children enrolled at school")
    achieved = checkins.CheckInInput(
        household,
        HELD,
        CheckInKind.CALL,
        goal_updates=(checkins.GoalUpdate(school, GoalStatus.ACHIEVED),),
    )
    first = checkins.record_check_in(store, achieved, TODAY)
    offered = checkins.check_in_choices(store, household, as_of=TODAY).goals
    assert [g.id for g in offered] == [work]
    # the check-in that achieved it may still be edited with its own review
    assert {g.id for g in checkins.check_in_choices(store, household, first).goals} == {
        work,
        school,
    }
    checkins.edit_check_in(store, first, achieved, TODAY)

    again = checkins.CheckInInput(
        household,
        TODAY,
        CheckInKind.CALL,
        goal_updates=(checkins.GoalUpdate(school, GoalStatus.PROGRESSING),),
    )
    with pytest.raises(InvalidInput) as refused:
        checkins.record_check_in(store, again, TODAY)
    assert "Children enrolled at school" in refused.value.for_field("goals")
    assert len(checkins.list_check_ins(store, household)) == 1
