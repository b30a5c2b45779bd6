from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sponsor_app.domain.enums import RentFrequency
from sponsor_app.domain.rent import (
    expected_payments,
    monthly_amounts,
    monthly_equivalent,
    payment_dates,
)


def test_weekly_to_monthly_is_exact_over_a_year():
    # NZD 550 a week is 28,600 a year: 2,383.33 a month, with the odd cent placed.
    months = monthly_amounts(55_000, RentFrequency.WEEKLY)
    assert sum(months) == 55_000 * 52 == 2_860_000
    assert set(months) == {238_333, 238_334}
    assert monthly_equivalent(55_000, RentFrequency.WEEKLY) == 238_333


def test_fortnightly_and_monthly():
    assert sum(monthly_amounts(100_001, RentFrequency.FORTNIGHTLY)) == 100_001 * 26
    assert monthly_amounts(150_000, RentFrequency.MONTHLY, 3) == [150_000] * 3


@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(list(RentFrequency)),
    st.integers(1, 10),
)
def test_no_drift_over_whole_years(amount, frequency, years):
    months = monthly_amounts(amount, frequency, 12 * years)
    assert (
        sum(months) == amount * {"weekly": 52, "fortnightly": 26, "monthly": 12}[frequency] * years
    )
    assert max(months) - min(months) <= 1


def test_expected_payments_for_a_lease():
    weekly = expected_payments(date(2026, 1, 5), date(2026, 2, 1), RentFrequency.WEEKLY, 27_500)
    assert [p.due_on for p in weekly] == [
        date(2026, 1, 5),
        date(2026, 1, 12),
        date(2026, 1, 19),
        date(2026, 1, 26),
    ]
    assert sum(p.amount_minor for p in weekly) == 110_000
    monthly = payment_dates(date(2026, 1, 31), date(2026, 5, 1), RentFrequency.MONTHLY)
    assert monthly == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    assert len(payment_dates(date(2026, 1, 1), date(2026, 12, 31), RentFrequency.FORTNIGHTLY)) == 27
    assert expected_payments(date(2026, 1, 1), date(2026, 3, 1), RentFrequency.WEEKLY, 0) == []
