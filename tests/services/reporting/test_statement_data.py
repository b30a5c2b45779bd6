"""The financial statement's data: the period's ledger by category, opening plus income less
spending giving the closing balance, and no payee, donor or reference in an anonymised one."""

from datetime import date

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.services.funds.ledger import TransactionInput, record_transaction
from sponsor_app.services.reporting.statement_data import statement_data

from ...conftest import category_named
from .conftest import MADE_AT, PERIOD

INCOME, EXPENSE = TransactionKind.INCOME, TransactionKind.EXPENSE


def test_opening_plus_income_less_spending_is_the_closing_balance(demo_store):
    data = statement_data(demo_store, PERIOD, generated_at=MADE_AT)
    assert data.transactions > 0
    assert data.closing.minor == (data.opening.minor + data.total(INCOME) - data.total(EXPENSE))
    kinds = [b.kind for b in data.blocks]
    assert kinds == sorted(kinds, key=lambda k: k is not INCOME)  # income first
    assert all(line.amount_minor > 0 for b in data.blocks for line in b.lines)
    assert all(
        PERIOD.start <= line.occurred_on <= PERIOD.end for b in data.blocks for line in b.lines
    )


def test_an_anonymised_statement_names_no_payee_and_gives_no_reference(store):
    food = category_named(store, "Food", EXPENSE)
    record_transaction(
        store,
        TransactionInput(
            date(2025, 3, 4),
            EXPENSE,
            Money(4250, "NZD"),
            food.id,
            "Aroha Ngata",
            reference="INV 77",
        ),
    )
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    anonymised = statement_data(store, year, generated_at=MADE_AT)
    (line,) = [line for b in anonymised.blocks for line in b.lines]
    assert (line.counterparty, line.reference, line.amount_minor) == ("", "", 4250)
    named = statement_data(store, year, named=True, generated_at=MADE_AT)
    (line,) = [line for b in named.blocks for line in b.lines]
    assert (line.counterparty, line.reference) == ("Aroha Ngata", "INV 77")


def test_a_transaction_outside_the_period_moves_the_opening_balance_only(store):
    food = category_named(store, "Food", EXPENSE)
    gift = category_named(store, "Donations", INCOME)
    record_transaction(
        store, TransactionInput(date(2024, 12, 1), INCOME, Money(10000, "NZD"), gift.id)
    )
    record_transaction(
        store, TransactionInput(date(2025, 2, 1), EXPENSE, Money(2500, "NZD"), food.id)
    )
    data = statement_data(store, Period(date(2025, 1, 1), date(2025, 12, 31)), generated_at=MADE_AT)
    assert (data.opening.minor, data.closing.minor, data.transactions) == (10000, 7500, 1)
    assert data.total(EXPENSE) == 2500 and data.total(INCOME) == 0
