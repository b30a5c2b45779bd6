"""The demo's money looks like a careful treasurer's books: whole cents, nothing in the future,
payees and donors from the demo's lists, budgets set, and the group never in the red."""

import pytest
from sqlalchemy import select

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.services.demo.demo_money import FURNITURE, MONTHLY
from sponsor_app.services.demo.demo_names import DONORS, PAYEES
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import open_group
from sponsor_app.storage.models import Budget, LedgerCategory, LedgerTransaction, Pledge

from ...conftest import TODAY


@pytest.fixture
def books(small_demo):
    with open_group(small_demo) as store:
        with store.read() as session:
            rows = session.execute(
                select(LedgerTransaction, LedgerCategory.name).join(
                    LedgerCategory, LedgerCategory.id == LedgerTransaction.category_id
                )
            ).all()
            budgets = session.scalars(select(Budget)).all()
            pledges = session.scalars(select(Pledge)).all()
        figures = dashboard(store, TODAY)
    return rows, budgets, pledges, figures


def test_every_transaction_is_whole_cents_dated_by_today(books):
    rows, _budgets, _pledges, _figures = books
    assert len(rows) > 50
    for transaction, _category in rows:
        assert isinstance(transaction.amount_minor, int) and transaction.amount_minor >= 100
        assert transaction.occurred_on <= TODAY


def test_payees_and_donors_come_from_the_demos_lists(books):
    rows, _budgets, pledges, _figures = books
    payees = {p for names in PAYEES.values() for p in names}
    spent = {t.counterparty for t, _c in rows if t.kind == TransactionKind.EXPENSE}
    assert spent and spent <= payees, spent - payees
    assert pledges and {p.donor for p in pledges} <= set(DONORS)
    expense_categories = {c for t, c in rows if t.kind == TransactionKind.EXPENSE}
    assert set(MONTHLY) <= expense_categories | {"School costs"}


def test_furniture_is_bought_before_arrival_at_about_the_planned_cost(books):
    rows, _budgets, _pledges, _figures = books
    furniture = [t.amount_minor for t, c in rows if c == "Furniture"]
    assert furniture and sum(furniture) >= FURNITURE // 2


def test_budgets_are_set_and_the_group_is_never_in_the_red(books):
    _rows, budgets, _pledges, figures = books
    assert budgets and all(b.amount_minor >= 0 and b.month.day == 1 for b in budgets)
    assert sum(b.amount_minor > 0 for b in budgets) > len(budgets) // 2
    assert figures.month_end_balances
    assert all(b.balance.minor >= 0 for b in figures.month_end_balances)
    assert figures.funds.held.minor > 0
