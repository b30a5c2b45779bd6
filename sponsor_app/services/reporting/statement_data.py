"""The financial statement's data: the period's ledger by category, opening and closing balance,
budget against actual, pledges and receipts missing, read in one snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ...domain.enums import TransactionKind
from ...domain.money import Money
from ...domain.periods import Period
from ...domain.reports import ReportKind
from ...storage.models import LedgerCategory, LedgerTransaction
from ...storage.store import Store
from ..funds import funds, ledger
from ..funds.funds import BudgetLine
from .disclosure import Released, TextSource, read_disclosure
from .evaluation_data import budget_lines
from .report_data import ReportMeta, report_meta

T = LedgerTransaction


@dataclass(frozen=True)
class StatementLine:
    occurred_on: date
    reference: str  # named statements only: a bank's reference often holds a name
    counterparty: str  # named statements only; "" otherwise
    method: str
    household_code: str
    amount_minor: int  # positive; the category's kind gives the direction
    restricted: bool


@dataclass(frozen=True)
class CategoryBlock:
    kind: TransactionKind
    name: str
    lines: tuple[StatementLine, ...]

    @property
    def total_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)


@dataclass(frozen=True)
class PledgeSummary:
    donor: str  # named statements only
    expected: Money
    received: Money
    outstanding: Money


@dataclass(frozen=True)
class MissingReceipt:
    occurred_on: date
    category: str
    counterparty: str  # named statements only
    amount_minor: int


@dataclass(frozen=True)
class StatementData:
    meta: ReportMeta
    opening: Money
    closing: Money
    blocks: tuple[CategoryBlock, ...]  # income categories first, then spending, by name
    budget: tuple[BudgetLine, ...]
    pledges: tuple[PledgeSummary, ...]
    missing_receipts: tuple[MissingReceipt, ...]
    released: tuple[Released, ...] = ()  # every typed line this statement gives

    @property
    def transactions(self) -> int:
        return sum(len(b.lines) for b in self.blocks)

    def total(self, kind: TransactionKind) -> int:
        return sum(b.total_minor for b in self.blocks if b.kind is kind)


def statement_data(
    store: Store, period: Period, named: bool = False, generated_at: datetime | None = None
) -> StatementData:
    """The period's ledger; an anonymised statement names no payee or donor and gives no
    reference, and its typed words (categories, methods) leave as the Disclosure says."""
    with store.read() as session:
        disclosure = read_disclosure(store, named)
        meta = report_meta(store, ReportKind.FINANCES, period, disclosure, (), generated_at)
        rows = session.execute(
            ledger.readable_transactions(LedgerCategory.kind, *ledger.LINE_FIELDS)
            .where(T.occurred_on.between(period.start, period.end))
            .order_by(LedgerCategory.kind, LedgerCategory.name, T.occurred_on, T.id)
        ).all()
        blocks: list[CategoryBlock] = []
        current: tuple | None = None
        lines: list[StatementLine] = []
        missing: list[MissingReceipt] = []
        category = lambda name: disclosure.words(TextSource.CATEGORY, name)  # noqa: E731
        for (
            kind,
            day,
            _,
            amount,
            name,
            counterparty,
            method,
            reference,
            code,
            restricted,
            _,
        ) in rows:
            name = category(name)
            if (kind, name) != current:
                if current is not None:
                    blocks.append(CategoryBlock(current[0], current[1], tuple(lines)))
                current, lines = (kind, name), []
            lines.append(
                StatementLine(
                    day,
                    reference if named else "",
                    counterparty if named else "",
                    disclosure.words(TextSource.METHOD, method),
                    disclosure.household(code) if code else "",
                    amount,
                    restricted,
                )
            )
            if kind is TransactionKind.EXPENSE and not reference.strip():
                missing.append(MissingReceipt(day, name, counterparty if named else "", amount))
        if current is not None:
            blocks.append(CategoryBlock(current[0], current[1], tuple(lines)))
        blocks = _merged(blocks)  # two categories masked alike are one block
        blocks.sort(key=lambda b: (b.kind is not TransactionKind.INCOME, b.name.casefold()))
        pledges = tuple(
            PledgeSummary(p.donor if named else "", p.expected, p.received, p.outstanding)
            for p in funds.list_pledges(store, today=period.end)
        )
        return StatementData(
            meta=meta,
            opening=ledger.balance(store, as_of=period.start - timedelta(days=1)),
            closing=ledger.balance(store, as_of=period.end),
            blocks=tuple(blocks),
            budget=budget_lines(disclosure, funds.budget_vs_actual(store, period)),
            pledges=pledges,
            missing_receipts=tuple(missing),
            released=disclosure.released,
        )


def _merged(blocks: list[CategoryBlock]) -> list[CategoryBlock]:
    by: dict[tuple, CategoryBlock] = {}
    for block in blocks:
        held = by.get((block.kind, block.name))
        if held is None:
            by[(block.kind, block.name)] = block
        else:
            lines = sorted((*held.lines, *block.lines), key=lambda line: line.occurred_on)
            by[(block.kind, block.name)] = CategoryBlock(block.kind, block.name, tuple(lines))
    return list(by.values())
