from datetime import date

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.periods import Period, add_months, month_end


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
    assert add_months(date(2025, 3, 15), -3) == date(2024, 12, 15)


def test_period_is_inclusive_and_lists_its_months():
    period = Period(date(2025, 11, 20), date(2026, 2, 3))
    assert date(2025, 11, 20) in period and date(2026, 2, 3) in period
    assert date(2026, 2, 4) not in period
    assert list(period.months()) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert (
        Period.month_of(date(2024, 2, 10)).end == month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    )


def test_period_must_not_end_before_it_starts():
    with pytest.raises(InvalidInput, match="end on or after"):
        Period(date(2025, 2, 1), date(2025, 1, 31))


def test_since_a_future_start_is_just_today():
    today = date(2025, 5, 1)
    assert Period.since(date(2025, 9, 1), today) == Period(today, today)
    assert Period.since(date(2024, 5, 1), today).days == 366
