"""The vetting rule: family-facing tasks only go to volunteers whose required checks hold."""

from datetime import date, timedelta

import pytest

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.services.roster.vetting import add_check, list_checks
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)

from ...conftest import TODAY
from ..volunteer_helpers import vetted


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
    vetted(store, "Aroha Ngata", TODAY + timedelta(days=days))
    (row,) = list_volunteers(store, today=TODAY)
    assert row.vetting_status is status
    checks = list_checks(store, row.id, today=TODAY)
    assert {c.kind_label for c in checks} == {"Police vetting", "Child Protection Statement"}


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
        volunteer = vetted(store, "Aroha Ngata", TODAY + timedelta(days=40))
        assert list_volunteers(store, today=TODAY)[0].vetting_status is VettingStatus.EXPIRING
        assert volunteer.full_name == "Aroha Ngata"
    finally:
        store.close()
