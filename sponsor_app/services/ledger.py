"""The ledger: record transactions and read the balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from ..domain.enums import TransactionKind
from ..domain.errors import InvalidInput, NotFound, Problem
from ..domain.money import Money
from ..storage.models import GroupProfile, Household, LedgerCategory, LedgerTransaction
from ..storage.store import Store


@dataclass(frozen=True)
class TransactionInput:
    occurred_on: date
    kind: TransactionKind
    amount: Money  # positive; the kind says which way it goes
    category_id: int
    counterparty: str = ""
    method: str = ""
    reference: str = ""
    household_id: int | None = None
    restricted: bool = False
    note: str = ""


@dataclass(frozen=True)
class TransactionRow:
    id: int
    occurred_on: date
    kind: TransactionKind
    amount: Money
    category_id: int
    category: str
    counterparty: str
    method: str
    reference: str
    household_id: int | None
    restricted: bool
    note: str

    @property
    def signed(self) -> Money:
        return self.amount if self.kind is TransactionKind.INCOME else -self.amount


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    kind: TransactionKind
    archived: bool


def signed_amount():
    """SQL expression: income positive, spending negative."""
    return case(
        (LedgerTransaction.kind == TransactionKind.INCOME, LedgerTransaction.amount_minor),
        else_=-LedgerTransaction.amount_minor,
    )


def record_transaction(store: Store, data: TransactionInput) -> TransactionRow:
    with store.transaction() as session:
        currency = session.scalar(select(GroupProfile.currency))
        problems = []
        if data.amount.currency != currency:
            problems.append(
                Problem(
                    "amount",
                    f"This group keeps its books in {currency}, not {data.amount.currency}.",
                )
            )
        if data.amount.minor <= 0:
            problems.append(
                Problem(
                    "amount",
                    "Enter an amount above zero; choose income or expense for the direction.",
                )
            )
        category = session.get(LedgerCategory, data.category_id)
        if category is None:
            problems.append(Problem("category", "Choose a category."))
        elif category.kind != data.kind:
            problems.append(
                Problem(
                    "category", f"“{category.name}” is a {category.kind.label.lower()} category."
                )
            )
        if data.household_id is not None and session.get(Household, data.household_id) is None:
            problems.append(Problem("household", "That household no longer exists."))
        if problems:
            raise InvalidInput(problems)
        row = LedgerTransaction(
            occurred_on=data.occurred_on,
            kind=data.kind,
            amount_minor=data.amount.minor,
            category_id=data.category_id,
            counterparty=data.counterparty.strip(),
            method=data.method.strip(),
            reference=data.reference.strip(),
            household_id=data.household_id,
            restricted=data.restricted,
            note=data.note,
        )
        session.add(row)
        session.flush()
        return TransactionRow(
            id=row.id,
            occurred_on=row.occurred_on,
            kind=row.kind,
            amount=data.amount,
            category_id=category.id,
            category=category.name,
            counterparty=row.counterparty,
            method=row.method,
            reference=row.reference,
            household_id=row.household_id,
            restricted=row.restricted,
            note=row.note,
        )


def balance(store: Store, as_of: date | None = None) -> Money:
    """Income minus spending, over the whole ledger or up to and including `as_of`."""
    with store.read() as session:
        currency = session.scalar(select(GroupProfile.currency))
        query = select(func.coalesce(func.sum(signed_amount()), 0))
        if as_of is not None:
            query = query.where(LedgerTransaction.occurred_on <= as_of)
        return Money(int(session.scalar(query)), currency)


def list_categories(store: Store, kind: TransactionKind | None = None) -> list[CategoryRow]:
    with store.read() as session:
        query = select(LedgerCategory).order_by(LedgerCategory.kind, LedgerCategory.name)
        if kind is not None:
            query = query.where(LedgerCategory.kind == kind)
        return [CategoryRow(c.id, c.name, c.kind, c.archived) for c in session.scalars(query)]


def category_by_name(store: Store, name: str, kind: TransactionKind) -> CategoryRow:
    wanted = name.strip().casefold()
    for category in list_categories(store, kind):
        if category.name.casefold() == wanted:
            return category
    raise NotFound(f"There is no {kind.label.lower()} category “{name}”.")
