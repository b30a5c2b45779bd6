"""The vetting rule: family-facing tasks only go to volunteers whose required checks hold."""

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
from sponsor_app.services.roster.vetting import add_check, list_checks
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)
from sponsor_app.storage.models import Task

from ...conftest import TODAY
from ..task_helpers import assign

COURSE = CheckInput(
    "child_protection_elearning", CheckResult.CLEARED, date(2024, 2, 1), date(2028, 2, 1)
)


def _vetted(store, name, police_expires):
    volunteer = add_volunteer(
        store,
        VolunteerInput(
            name,
            ("welcome",),
            vetting=CheckInput(
                "police_vetting", CheckResult.CLEARED, date(2024, 1, 1), police_expires
            ),
            # The course every NZ volunteer needs, recorded with the person (a training record).
            checks=(COURSE,),
        ),
        today=TODAY,
    )
    add_check(
        store,
        volunteer.id,
        CheckInput("child_protection_statement", CheckResult.CLEARED, date(2024, 1, 1)),
    )
    return volunteer


def _task_id(store, key):
    with store.read() as session:
        return session.scalar(select(Task.id).where(Task.template_key == key))


@pytest.fixture
def household(store):
    return add_household(store, HouseholdInput(code="H1", arrival_date=TODAY + timedelta(days=10)))


@pytest.mark.parametrize(
    ("days", "status"),
    [
        (0, VettingStatus.EXPIRING),
        (1, VettingStatus.EXPIRING),
        (30, VettingStatus.EXPIRING),
        (31, VettingStatus.CURRENT),
        (-1, VettingStatus.EXPIRED),
    ],
)
def test_status_boundaries_through_the_service(store, days, status):
    _vetted(store, "Aroha Ngata", TODAY + timedelta(days=days))
    (row,) = list_volunteers(store, today=TODAY)
    assert row.vetting_status is status
    checks = list_checks(store, row.id, today=TODAY)
    assert {c.kind_label for c in checks} == {"Police vetting", "Child Protection Statement"}


def test_family_facing_task_refuses_lapsed_vetting(store, household):
    lapsed = _vetted(store, "Tāne Hōhepa", TODAY - timedelta(days=1))
    current = _vetted(store, "Mere Pōtae", TODAY + timedelta(days=300))
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
    _vetted(store, "Tāne Hōhepa", TODAY - timedelta(days=3))
    _vetted(store, "Mere Pōtae", TODAY + timedelta(days=300))
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
    volunteer = _vetted(store, "Wiremu Tāwhiri", TODAY + timedelta(days=5))
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


def test_expiry_must_follow_the_check(store):
    from sponsor_app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        add_volunteer(
            store,
            VolunteerInput(
                "X",
                ("volunteer",),
                vetting=CheckInput(
                    "police_vetting", CheckResult.CLEARED, date(2025, 5, 1), date(2025, 4, 1)
                ),
            ),
        )
    assert (
        caught.value.for_field("vetting_expires_on")
        == "The expiry date must be after the check date."
    )
    assert list_volunteers(store) == []


def test_a_statement_is_signed_or_not_never_waiting(store):
    """Issue 19 item 4: "Child Protection Statement signed" offered "Applied, waiting"."""
    from sponsor_app.domain.errors import InvalidInput

    volunteer = add_volunteer(store, VolunteerInput("Ana", ("volunteer",)), today=TODAY)
    for result in (CheckResult.PENDING, CheckResult.NOT_CLEARED):
        with pytest.raises(InvalidInput) as caught:
            add_check(
                store,
                volunteer.id,
                CheckInput("child_protection_statement", result, date(2026, 1, 1)),
            )
        assert caught.value.for_field("result") == (
            "A statement is signed or not: record it once it is signed."
        )
    with pytest.raises(InvalidInput) as caught:
        add_check(store, volunteer.id, CheckInput("child_protection_statement"))
    assert caught.value.for_field("checked_on") == "Enter the date it was signed."
    assert list_checks(store, volunteer.id) == []


def test_a_new_group_takes_its_programmes_warning_window(tmp_path, monkeypatch):
    """Issue 21 item 3: the programme's TOML window was never used (the group column is not
    null and always said 30). Read in one place: services/group/groups.py:windows_of."""
    from dataclasses import replace

    from sponsor_app.domain.programmes import get_programme
    from sponsor_app.services.group import groups
    from sponsor_app.services.group.groups import NewGroup, create_group
    from sponsor_app.services.roster.volunteers import roster_rules

    nz = get_programme("nz-cors")
    longer = replace(nz, warnings=replace(nz.warnings, vetting_days=45))
    monkeypatch.setattr(groups, "get_programme", lambda key: longer)
    store = create_group(tmp_path / "g.sponsor", NewGroup(name="G"), "tester")
    try:
        with store.read() as session:
            assert roster_rules(session).warning_days == 45
        volunteer = _vetted(store, "Aroha Ngata", TODAY + timedelta(days=40))
        assert list_volunteers(store, today=TODAY)[0].vetting_status is VettingStatus.EXPIRING
        assert volunteer.full_name == "Aroha Ngata"
    finally:
        store.close()
