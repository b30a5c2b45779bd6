"""The Funds page's ledger: search as imports match names (folded, without diacritics), the
period choices, and the over-budget rule."""

from datetime import date

import pytest

from sponsor_app.domain.money import Money
from sponsor_app.services.funds.funds import MonthBudget, over_budget, support_period_of
from sponsor_app.services.funds.ledger_view import (
    LedgerFilter,
    LedgerPeriod,
    find_transactions,
    ledger_period,
)
from sponsor_app.services.imports.transaction_io import import_transactions

AS_OF = date(2026, 3, 31)


def test_search_after_import_uses_the_new_rows(store, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n2025-01-02,income,10,Donations,Ōtaki Rotary\n",
        encoding="utf-8",
    )
    import_transactions(store, source)
    assert len(find_transactions(store, LedgerFilter(text="ŌTAKI")).ids) == 1


def test_imported_names_are_searched_as_imports_match_them(store, tmp_path):
    """Issue 12: the ledger's search folds as imports do, both ways: an imported "Kāpiti" is
    found by "kapiti" and an imported "KAPITI" by "Kāpiti"."""
    source = tmp_path / "t.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n"
        "2025-01-02,income,10,Donations,Rotary Club of Kāpiti\n"
        "2025-01-03,income,20,Donations,ROTARY CLUB OF KAPITI\n",
        encoding="utf-8",
    )
    import_transactions(store, source)
    for typed in ("kapiti", "Kāpiti", "club of KĀPITI"):
        assert len(find_transactions(store, LedgerFilter(text=typed)).ids) == 2, typed


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (LedgerPeriod.ALL, (None, None)),
        (LedgerPeriod.THIS_MONTH, (date(2026, 3, 1), AS_OF)),
        # this month and the whole months before it
        (LedgerPeriod.LAST_3_MONTHS, (date(2026, 1, 1), AS_OF)),
        (LedgerPeriod.LAST_12_MONTHS, (date(2025, 4, 1), AS_OF)),
    ],
)
def test_each_period_choice_covers_these_days(store, choice, expected):
    assert ledger_period(store, choice, AS_OF) == expected


def test_the_last_months_are_whole_months_mid_month_too(store):
    # 15 May: March, April and May so far (not from 16 February)
    assert ledger_period(store, LedgerPeriod.LAST_3_MONTHS, date(2026, 5, 15))[0] == date(
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
