"""The ledger's period choices and the over-budget rule, as the Funds page uses them."""

from datetime import date

import pytest

from sponsor_app.domain.money import Money
from sponsor_app.services.funds.funds import MonthBudget, over_budget, support_period_of
from sponsor_app.services.funds.ledger_view import LedgerPeriod, ledger_period

AS_OF = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (LedgerPeriod.ALL, (None, None)),
        (LedgerPeriod.THIS_MONTH, (date(2026, 3, 1), AS_OF)),
        # the day after the same day three months back: 31 Dec, then 1 Jan
        (LedgerPeriod.LAST_3_MONTHS, (date(2026, 1, 1), AS_OF)),
        (LedgerPeriod.LAST_12_MONTHS, (date(2025, 4, 1), AS_OF)),
    ],
)
def test_each_period_choice_covers_these_days(store, choice, expected):
    assert ledger_period(store, choice, AS_OF) == expected


def test_a_month_end_with_no_such_day_back_then_is_clamped(store):
    # 31 May back three months is 28 Feb (no 31 Feb): the period starts 1 March
    assert ledger_period(store, LedgerPeriod.LAST_3_MONTHS, date(2026, 5, 31))[0] == date(
        2026, 3, 1
    )


def test_the_support_period_choice_is_the_programmes(store):
    period = support_period_of(store)
    assert ledger_period(store, LedgerPeriod.SUPPORT, AS_OF) == (period.start, period.end)


def test_over_budget_only_with_a_budget_and_more_spent():
    nzd = lambda minor: Money(minor, "NZD")  # noqa: E731
    assert over_budget(nzd(100_00), nzd(100_01))
    assert not over_budget(nzd(100_00), nzd(100_00))  # exactly on budget is within it
    assert not over_budget(nzd(0), nzd(50_00))  # no budget set: nothing is "over" one
    assert MonthBudget(date(2026, 1, 1), nzd(10_00), nzd(11_00)).over
