from datetime import date

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.periods import Period
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.roster.hours import (
    HoursInput,
    delete_hours,
    hours_totals,
    list_hours,
    log_hours,
    summary_period,
)
from sponsor_app.services.roster.volunteers import list_volunteers


def test_totals_by_month_and_activity(store, make_volunteer):
    a, b = make_volunteer(), make_volunteer()
    household = add_household(store, HouseholdInput(code="H1"))
    log_hours(store, HoursInput(a.id, date(2025, 3, 3), 90, "Transport", household.id))
    log_hours(store, HoursInput(a.id, date(2025, 3, 20), 60, "Home visit"))
    log_hours(store, HoursInput(b.id, date(2025, 5, 1), 30, "Transport"))
    totals = hours_totals(store, Period(date(2025, 3, 1), date(2025, 5, 31)))
    assert totals.total_minutes == 180
    assert totals.by_month == (
        (date(2025, 3, 1), 150),
        (date(2025, 4, 1), 0),
        (date(2025, 5, 1), 30),
    )
    assert totals.by_activity == (("Transport", 120), ("Home visit", 60))
    assert (
        hours_totals(
            store, Period(date(2025, 3, 1), date(2025, 5, 31)), volunteer_id=b.id
        ).total_minutes
        == 30
    )
    assert [h.household_code for h in list_hours(store, a.id)] == ["", "H1"]
    (row_a, _row_b) = list_volunteers(store, today=date(2025, 3, 25))
    assert row_a.minutes_this_month == 150


def test_bad_hours_and_repeats(store, make_volunteer):
    volunteer = make_volunteer()
    with pytest.raises(InvalidInput) as caught:
        log_hours(store, HoursInput(volunteer.id, date(2099, 1, 1), 0, " "))
    assert {p.field for p in caught.value.problems} == {"activity", "hours", "worked_on"}
    entry = log_hours(store, HoursInput(volunteer.id, date(2025, 1, 1), 60, "Meeting"))
    with pytest.raises(InvalidInput, match="already logged"):
        log_hours(store, HoursInput(volunteer.id, date(2025, 1, 1), 30, "Meeting"))
    delete_hours(store, entry.id)
    assert list_hours(store, volunteer.id) == []


def test_the_hours_summary_covers_this_month_and_the_eleven_before():
    """Twelve calendar months: a volunteer's summary lists each whole month, never the
    second half of one a year back."""
    assert summary_period(date(2026, 6, 15)) == Period(date(2025, 7, 1), date(2026, 6, 15))
    assert summary_period(date(2026, 1, 31)) == Period(date(2025, 2, 1), date(2026, 1, 31))
    assert summary_period(date(2026, 6, 15)).month_count == 12
