from datetime import date

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    balance,
    record_transaction,
)

from ...conftest import category_named


def _record(store, kind, amount, category, day=date(2025, 2, 1)):
    category_id = category_named(store, category, kind).id
    return record_transaction(
        store, TransactionInput(day, kind, Money.parse(amount, "NZD"), category_id)
    )


def test_balance_against_a_hand_computed_ledger(store):
    _record(store, TransactionKind.INCOME, "1,200", "Donations", date(2025, 1, 5))
    _record(store, TransactionKind.INCOME, "5,000.00", "Grants", date(2025, 1, 20))
    _record(store, TransactionKind.EXPENSE, "450.55", "Rent", date(2025, 2, 1))
    _record(store, TransactionKind.EXPENSE, "45.5", "Food", date(2025, 2, 3))
    # 1200 + 5000 - 450.55 - 45.50 = 5703.95
    assert balance(store) == Money(570395, "NZD")
    assert balance(store, as_of=date(2025, 1, 31)) == Money(620000, "NZD")
    assert balance(store, as_of=date(2024, 12, 31)) == Money.zero("NZD")


def test_bad_transactions_are_refused_with_their_fields(store):
    rent = category_named(store, "Rent", TransactionKind.EXPENSE).id
    with pytest.raises(InvalidInput) as caught:
        record_transaction(
            store,
            TransactionInput(date(2025, 1, 1), TransactionKind.INCOME, Money(100, "GBP"), rent),
        )
    assert {p.field for p in caught.value.problems} == {"amount", "category"}
    with pytest.raises(InvalidInput, match="above zero"):
        record_transaction(
            store,
            TransactionInput(date(2025, 1, 1), TransactionKind.EXPENSE, Money(-1, "NZD"), rent),
        )
    assert balance(store) == Money.zero("NZD")
