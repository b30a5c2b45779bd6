"""The ledger: record transactions and read the balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.enums import TransactionKind
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Funds, Records
from ...domain.money import Money
from ...domain.text import fold
from ...storage.models import GroupProfile, Household, LedgerCategory, LedgerTransaction, Pledge
from ...storage.store import Store
from ..rows import added, delete_or_gone, get_or_gone, read_into


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


# A transaction as a person reads it: its category by name and its household by code.
LINE_FIELDS = (
    LedgerTransaction.occurred_on,
    LedgerTransaction.kind,
    LedgerTransaction.amount_minor,
    LedgerCategory.name,
    LedgerTransaction.counterparty,
    LedgerTransaction.method,
    LedgerTransaction.reference,
    Household.code,
    LedgerTransaction.restricted,
    LedgerTransaction.note,
)


def readable_transactions(*columns):
    """A select of `columns` over transactions joined to the names `LINE_FIELDS` reads (a
    transaction for no household keeps its row, with no code)."""
    t = LedgerTransaction
    return (
        select(*columns)
        .join(LedgerCategory, LedgerCategory.id == t.category_id)
        .outerjoin(Household, Household.id == t.household_id)
    )


def _transaction_problems(session: Session, data: TransactionInput) -> list[Problem]:
    currency = session.scalar(select(GroupProfile.currency))
    problems = []
    if data.amount.currency != currency:
        problems.append(
            Problem("amount", Funds.WRONG_CURRENCY(currency=currency, given=data.amount.currency))
        )
    if data.amount.minor <= 0:
        problems.append(Problem("amount", Funds.AMOUNT_NOT_POSITIVE()))
    category = session.get(LedgerCategory, data.category_id)
    if category is None:
        problems.append(Problem("category", Funds.CHOOSE_CATEGORY()))
    elif category.kind != data.kind:
        wrong = {
            TransactionKind.INCOME: Funds.IS_INCOME_CATEGORY,
            TransactionKind.EXPENSE: Funds.IS_EXPENSE_CATEGORY,
        }[category.kind]
        problems.append(Problem("category", wrong(name=category.name)))
    if data.household_id is not None and session.get(Household, data.household_id) is None:
        problems.append(Problem("household", Records.THAT_HOUSEHOLD_GONE()))
    return problems


def record_transaction(store: Store, data: TransactionInput) -> TransactionRow:
    with store.transaction(f"Record {data.kind.value}") as session:
        if problems := _transaction_problems(session, data):
            raise InvalidInput(problems)
        category = session.get(LedgerCategory, data.category_id)
        row = LedgerTransaction()
        _apply_transaction(row, data)
        added(session, row)
        return read_into(
            TransactionRow, row, amount=data.amount, category_id=category.id, category=category.name
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


def counterparties(store: Store) -> list[str]:
    """Every name the ledger and the pledges use for who paid or was paid, once each however
    it was spelt (compared as imports compare names: case and diacritics aside), in the
    spelling used most, a spelling with its macrons before one without; ordered by name."""
    with store.read() as session:
        counts = session.execute(
            select(LedgerTransaction.counterparty, func.count())
            .where(LedgerTransaction.counterparty != "")
            .group_by(LedgerTransaction.counterparty)
        ).all()
        donors = session.execute(select(Pledge.donor, func.count()).group_by(Pledge.donor)).all()
    spellings: dict[str, dict[str, int]] = {}
    for name, count in (*counts, *donors):
        clean = " ".join(name.split())
        if clean:
            found = spellings.setdefault(fold(clean), {})
            found[clean] = found.get(clean, 0) + count
    return [
        max(found, key=lambda name, f=found: (f[name], not name.isascii(), name))
        for _, found in sorted(spellings.items())
    ]


def _apply_transaction(row: LedgerTransaction, data: TransactionInput) -> None:
    row.occurred_on = data.occurred_on
    row.kind = data.kind
    row.amount_minor = data.amount.minor
    row.category_id = data.category_id
    row.counterparty = data.counterparty.strip()
    row.method = data.method.strip()
    row.reference = data.reference.strip()
    row.household_id = data.household_id
    row.restricted = data.restricted
    row.note = data.note


def edit_transaction(store: Store, transaction_id: int, data: TransactionInput) -> None:
    with store.transaction("Edit transaction") as session:
        row = get_or_gone(session, LedgerTransaction, transaction_id, Records.TRANSACTION_GONE)
        if problems := _transaction_problems(session, data):
            raise InvalidInput(problems)
        _apply_transaction(row, data)


def delete_transaction(store: Store, transaction_id: int) -> None:
    """Remove a transaction entered by mistake; the audit trail keeps what it was."""
    delete_or_gone(
        store, "Delete transaction", LedgerTransaction, transaction_id, Records.TRANSACTION_GONE
    )


def transaction_input(store: Store, transaction_id: int) -> TransactionInput:
    with store.read() as session:
        row = get_or_gone(session, LedgerTransaction, transaction_id, Records.TRANSACTION_GONE)
        currency = session.scalar(select(GroupProfile.currency))
        return TransactionInput(
            row.occurred_on,
            row.kind,
            Money(row.amount_minor, currency),
            row.category_id,
            row.counterparty,
            row.method,
            row.reference,
            row.household_id,
            row.restricted,
            row.note,
        )


def add_category(store: Store, name: str, kind: TransactionKind) -> CategoryRow:
    clean = name.strip()
    if not clean:
        raise InvalidInput.single("name", Funds.CATEGORY_NAME_MISSING())
    with store.transaction(f"Add category {clean}") as session:
        clash = session.scalar(
            select(LedgerCategory).where(
                LedgerCategory.kind == kind, func.lower(LedgerCategory.name) == clean.lower()
            )
        )
        if clash is not None:
            clashing = {
                TransactionKind.INCOME: Funds.INCOME_CATEGORY_EXISTS,
                TransactionKind.EXPENSE: Funds.EXPENSE_CATEGORY_EXISTS,
            }[kind]
            raise InvalidInput.single("name", clashing(name=clash.name))
        category = LedgerCategory(name=clean, kind=kind)
        added(session, category)
        return CategoryRow(category.id, category.name, category.kind, False)


def rename_category(store: Store, category_id: int, name: str) -> None:
    clean = name.strip()
    if not clean:
        raise InvalidInput.single("name", Funds.CATEGORY_NAME_MISSING())
    with store.transaction(f"Rename category to {clean}") as session:
        category = get_or_gone(session, LedgerCategory, category_id, Records.CATEGORY_GONE)
        clash = session.scalar(
            select(LedgerCategory.id).where(
                LedgerCategory.kind == category.kind,
                func.lower(LedgerCategory.name) == clean.lower(),
                LedgerCategory.id != category_id,
            )
        )
        if clash is not None:
            raise InvalidInput.single("name", Funds.CATEGORY_CALLED_EXISTS(name=clean))
        category.name = clean


def archive_category(store: Store, category_id: int, archived: bool = True) -> None:
    """Hide a category from new entries; its transactions keep it."""

    with store.transaction("Archive category" if archived else "Restore category") as session:
        category = get_or_gone(session, LedgerCategory, category_id, Records.CATEGORY_GONE)
        category.archived_at = clock.now() if archived else None
