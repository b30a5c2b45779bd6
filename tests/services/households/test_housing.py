"""Housing rules: tenancy dates, overlaps, expected rent and the warnings at their boundaries."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sponsor_app.domain.enums import RentFrequency, TenancyStatus
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.money import Money
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.households.housing import (
    InspectionInput,
    PropertyInput,
    TenancyInput,
    add_inspection,
    add_property,
    add_tenancy,
    edit_tenancy,
    expected_rent,
    housing_summary,
    housing_warnings,
    list_move_in,
    list_tenancies,
    set_move_in_done,
)
from sponsor_app.storage.models import GroupProfile

TODAY = date(2026, 6, 15)
NZD = lambda major: Money.of_major(major, "NZD")  # noqa: E731


def _tenancy(prop_id, start, end, household_id=None, status=TenancyStatus.SECURED, share=275):
    return TenancyInput(
        prop_id,
        status,
        NZD(550),
        RentFrequency.WEEKLY,
        NZD(share),
        household_id,
        start,
        end,
        NZD(2200),
        "Tenancy Services",
    )


@pytest.fixture
def prop(store):
    return add_property(store, PropertyInput("12 Kōwhai Street", "Stoke, Nelson", "House", 3))


def test_end_before_start_is_refused(store, prop):
    with pytest.raises(InvalidInput) as caught:
        add_tenancy(store, _tenancy(prop.id, date(2026, 5, 1), date(2026, 4, 30)))
    assert (
        caught.value.for_field("lease_end") == "The lease must end on or after the day it starts."
    )
    assert list_tenancies(store) == []


def test_overlapping_tenancies_of_one_property_are_refused(store, prop):
    add_tenancy(store, _tenancy(prop.id, date(2026, 1, 1), date(2026, 12, 31)))
    with pytest.raises(InvalidInput, match="already has a tenancy from 2026-01-01 to 2026-12-31"):
        add_tenancy(store, _tenancy(prop.id, date(2026, 12, 31), date(2027, 6, 30)))
    add_tenancy(store, _tenancy(prop.id, date(2027, 1, 1), None))  # the day after is fine
    with pytest.raises(InvalidInput, match="no end date"):
        add_tenancy(store, _tenancy(prop.id, date(2030, 1, 1), date(2030, 2, 1)))
    # an ended tenancy no longer blocks its dates
    first = list_tenancies(store)[0]
    edit_tenancy(
        store,
        first.id,
        _tenancy(prop.id, date(2026, 1, 1), date(2026, 12, 31), status=TenancyStatus.ENDED),
    )
    add_tenancy(store, _tenancy(prop.id, date(2026, 6, 1), date(2026, 6, 30)))


def test_group_share_and_shares(store, prop):
    with pytest.raises(InvalidInput, match="cannot be more than the rent"):
        add_tenancy(store, _tenancy(prop.id, date(2026, 1, 1), None, share=551))
    add_tenancy(store, _tenancy(prop.id, date(2026, 1, 1), None))
    (row,) = list_tenancies(store)
    assert row.household_share == NZD(275)
    assert row.rent_per_month == Money(238_333, "NZD")
    assert row.move_in_total == 12 and row.move_in_done == 0


def test_expected_rent_payments_for_a_lease(store, prop):
    add_tenancy(store, _tenancy(prop.id, date(2026, 6, 1), date(2026, 6, 30)))
    payments = [due for _, _, due in expected_rent(store, until=TODAY)]
    assert [p.due_on for p in payments] == [date(2026, 6, 1), date(2026, 6, 8), date(2026, 6, 15)]
    assert {p.amount_minor for p in payments} == {27_500}


def _warnings(store, today, kind):
    return [w for w in housing_warnings(store, today) if w.kind == kind]


@pytest.mark.parametrize(
    ("days", "warned"), [(-40, True), (-1, True), (0, True), (60, True), (61, False)]
)
def test_lease_ending_warning_boundaries(store, prop, days, warned):
    """One rule with the dashboard: a live tenancy whose lease ended is warned about too (it
    needs renewing or closing), with how long ago, never as "-40 days left"."""
    add_tenancy(store, _tenancy(prop.id, date(2025, 1, 1), TODAY + timedelta(days=days)))
    found = _warnings(store, TODAY, "lease_ending")
    assert bool(found) is warned
    assert [w.days_left for w in found] == ([days] if warned else [])
    assert [a.days_left for a in dashboard(store, TODAY).leases] == [w.days_left for w in found]


def test_an_ended_tenancy_is_not_warned_about(store, prop):
    tenancy = _tenancy(prop.id, date(2025, 1, 1), TODAY - timedelta(days=40))
    add_tenancy(store, replace(tenancy, status=TenancyStatus.ENDED))
    assert _warnings(store, TODAY, "lease_ending") == [] and dashboard(store, TODAY).leases == ()


def test_the_groups_own_lease_window_is_used_everywhere(store, prop):
    with store.transaction() as session:
        session.scalars(select(GroupProfile)).one().lease_warning_days = 90
    add_tenancy(store, _tenancy(prop.id, date(2025, 1, 1), TODAY + timedelta(days=75)))
    assert [w.days_left for w in _warnings(store, TODAY, "lease_ending")] == [75]
    figures = dashboard(store, TODAY)
    assert [a.days_left for a in figures.leases] == [75] and figures.windows.lease_days == 90


@pytest.mark.parametrize(("days", "warned"), [(13, True), (14, True), (15, False), (-1, False)])
def test_arrival_without_a_secured_tenancy(store, days, warned):
    add_household(store, HouseholdInput(code="H1", arrival_date=TODAY + timedelta(days=days)))
    assert bool(_warnings(store, TODAY, "arrival_without_home")) is warned


def test_arrival_warning_clears_once_a_tenancy_is_secured(store, prop):
    household = add_household(
        store, HouseholdInput(code="H1", arrival_date=TODAY + timedelta(days=5))
    )
    assert _warnings(store, TODAY, "arrival_without_home")
    add_tenancy(store, _tenancy(prop.id, TODAY, None, household.id))
    assert not _warnings(store, TODAY, "arrival_without_home")


def test_inspection_overdue_boundary(store, prop):
    tenancy_id = add_tenancy(store, _tenancy(prop.id, date(2026, 1, 1), None))
    add_inspection(
        store, InspectionInput(tenancy_id, date(2026, 1, 2), "pre-arrival", "pass", next_due=TODAY)
    )
    assert not _warnings(store, TODAY, "inspection_overdue")
    assert _warnings(store, TODAY + timedelta(days=1), "inspection_overdue")
    with pytest.raises(InvalidInput) as caught:
        add_inspection(store, InspectionInput(tenancy_id, TODAY, "routine", "fail"))
    assert caught.value.for_field("issues") == "Say what the issues were."


def test_programme_housing_period_must_be_covered(store, prop):
    arrival = date(2026, 3, 1)
    household = add_household(store, HouseholdInput(code="H1", arrival_date=arrival))
    (gap,) = _warnings(store, TODAY, "period_not_covered")
    assert gap.due_on == arrival
    add_tenancy(store, _tenancy(prop.id, date(2026, 2, 20), date(2027, 2, 19), household.id))
    (gap,) = _warnings(store, TODAY, "period_not_covered")
    assert gap.due_on == date(2027, 2, 20)  # NZ: 24 months from arrival
    add_tenancy(store, _tenancy(prop.id, date(2027, 2, 20), date(2028, 2, 29), household.id))
    assert not _warnings(store, TODAY, "period_not_covered")


def test_summary_and_checklist(store, prop):
    tenancy_id = add_tenancy(store, _tenancy(prop.id, date(2026, 1, 1), None))
    first = list_move_in(store, tenancy_id)[0]
    set_move_in_done(store, first.id, True)
    (summary,) = housing_summary(store)
    assert summary.property.address == "12 Kōwhai Street"
    assert summary.tenancies[0].move_in_done == 1
    assert summary.move_in[0].done
