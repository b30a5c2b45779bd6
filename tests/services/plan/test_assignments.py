"""The vetting rule where tasks are assigned: family-facing tasks only go to volunteers whose required checks hold; the options say why a name is not offered; lapsed assignments are found."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.assignments import (
    VettingRuleBroken,
    assignee_options,
    lapsed_assignments,
)
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
)
from sponsor_app.storage.models import Task

from ...conftest import TODAY
from ..task_helpers import assign
from ..volunteer_helpers import vetted


def _task_id(store, key):
    with store.read() as session:
        return session.scalar(select(Task.id).where(Task.template_key == key))


@pytest.fixture
def household(store):
    return add_household(store, HouseholdInput(code="H1", arrival_date=TODAY + timedelta(days=10)))


def test_family_facing_task_refuses_lapsed_vetting(store, household):
    lapsed = vetted(store, "Tāne Hōhepa", TODAY - timedelta(days=1))
    current = vetted(store, "Mere Pōtae", TODAY + timedelta(days=300))
    welcome = _task_id(store, "airport_welcome")
    with pytest.raises(
        VettingRuleBroken, match=r"family-facing.*Tāne Hōhepa: Police vetting expired 14 Jun 2026\."
    ):
        assign(store, welcome, lapsed.id, TODAY)
    assert assign(store, welcome, current.id, TODAY).assignee == "Mere Pōtae"
    # Not family-facing: anyone may take it.
    roles = _task_id(store, "assign_roles")
    assert assign(store, roles, lapsed.id, TODAY).assignee == "Tāne Hōhepa"


def test_a_missing_required_check_blocks_too(store, household):
    only_police = add_volunteer(
        store,
        VolunteerInput(
            "Li Wei",
            ("welcome",),
            vetting=CheckInput(
                "police_vetting", CheckResult.CLEARED, date(2025, 1, 1), date(2028, 1, 1)
            ),
        ),
        today=TODAY,
    )
    with pytest.raises(VettingRuleBroken, match="Li Wei: Child Protection Statement not signed"):
        assign(store, _task_id(store, "airport_welcome"), only_police.id, TODAY)


def test_options_explain_why_a_name_is_not_offered(store, household):
    vetted(store, "Tāne Hōhepa", TODAY - timedelta(days=3))
    vetted(store, "Mere Pōtae", TODAY + timedelta(days=300))
    options = {
        o.name: o for o in assignee_options(store, _task_id(store, "airport_welcome"), today=TODAY)
    }
    assert options["Mere Pōtae"].allowed
    assert options["Mere Pōtae"].vetting_status is VettingStatus.CURRENT
    tane = options["Tāne Hōhepa"]
    assert not tane.allowed
    assert (tane.vetting_status, tane.vetting_expires_on) == (
        VettingStatus.EXPIRED,
        TODAY - timedelta(days=3),
    )


def test_dashboard_lists_tasks_whose_assignee_has_since_lapsed(store, household):
    volunteer = vetted(store, "Wiremu Tāwhiri", TODAY + timedelta(days=5))
    welcome = _task_id(store, "airport_welcome")
    assign(store, welcome, volunteer.id, TODAY)
    assert lapsed_assignments(store, today=TODAY) == []
    later = TODAY + timedelta(days=6)
    (lapsed,) = lapsed_assignments(store, today=later)
    assert (lapsed.task_id, lapsed.volunteer, lapsed.vetting_status) == (
        welcome,
        "Wiremu Tāwhiri",
        VettingStatus.EXPIRED,
    )
