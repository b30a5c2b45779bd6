"""The financial statement: every transaction of the period by category with subtotals, the
opening and closing balance, budget against actual, pledges and receipts missing.

A statement lists thousands of lines. One platypus Table of them all grows worse than linearly
(each split re-measures the rest). Here the lines have fixed heights and one-line cells, so
the listing splits at each page's end by arithmetic and each page is drawn as one block of text
(rows.RowsPage): layout stays linear in the number of transactions, at a fraction of a Table's
cost.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ..domain.enums import TransactionKind
from ..domain.plurals import counted, noun
from ..services.reporting.statement_data import StatementData
from .blocks import fit, gap, heading, key_values, nothing, para, table, wrap
from .rows import RowsPage
from .template import ReportDocTemplate
from .words import MoneyWriter, budget_left, long_date, money_writer, period_label, short_date

ROW_HEIGHT = 12.5
# Explained under the rows of every page where a restricted amount appears.
RESTRICTED = ("R ", "R before an amount: restricted income, kept for the purpose it was given for.")
SECTIONS = ("Summary", "Transactions by category", "Budget against actual", "Pledges", "Receipts missing")  # fmt: skip


def build(data: StatementData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    doc = ReportDocTemplate(out, data.meta, invariant=invariant)
    story = [*summary(data, doc.width)]
    story += ledger_tables(data, doc.width, doc.height)
    story += budget(data, doc.width) + pledges(data, doc.width) + receipts(data, doc.width)
    doc.build_story(story)


def _heading(number: int) -> list:
    return heading(f"{number}. {SECTIONS[number - 1]}", f"section-{number}")


def summary(data: StatementData, width: float) -> list:
    meta = data.meta
    money = money_writer(meta.currency, meta.locale)
    income, spending = data.total(TransactionKind.INCOME), data.total(TransactionKind.EXPENSE)
    return [
        *_heading(1),
        para(
            f"{counted(data.transactions, 'transaction')} from "
            f"{period_label(meta.period, meta.locale)}."
            + (
                ""
                if meta.named
                else " Payees, donors and references are left out of this statement."
            ),
            "note",
        ),
        key_values(
            [
                (f"Opening balance ({long_date(meta.period.start, meta.locale)})", money(data.opening)),
                ("Income", money.minor(income)),
                ("Spending", money.minor(spending)),
                (f"Closing balance ({long_date(meta.period.end, meta.locale)})", money(data.closing)),
            ],
            (300, 120),
        ),
    ]  # fmt: skip


def columns(named: bool, width: float) -> tuple[tuple[str, ...], tuple[float, ...]]:
    if named:
        fixed = (62, 62, 78, 52, 82)
        return ("Date", "Reference", "Payee or donor", "Method", "Household", "Amount"), (
            fixed[0], fixed[1], width - sum(fixed), fixed[2], fixed[3], fixed[4],
        )  # fmt: skip
    # anonymised: no reference (a bank's reference often holds a name) and no payee or donor
    fixed = (80, 90, 100)
    return ("Date", "Method", "Household", "Amount"), (
        fixed[0], width - sum(fixed), fixed[1], fixed[2],
    )  # fmt: skip


def statement_rows(data: StatementData, widths: tuple[float, ...]) -> list[tuple[str, list]]:
    """("category" | "line" | "total", cells) for every row of the listing."""
    meta = data.meta
    money = money_writer(meta.currency, meta.locale)
    locale, named = meta.locale, meta.named
    rows: list[tuple[str, list]] = []
    blank = [""] * (len(widths) - 1)
    for block in data.blocks:
        kind = "Income" if block.kind is TransactionKind.INCOME else "Spending"
        rows.append(("category", [fit(f"{kind}: {block.name}", sum(widths), bold=True), *blank]))
        sign = 1 if block.kind is TransactionKind.INCOME else -1
        for line in block.lines:
            amount = money.minor(sign * line.amount_minor)
            if line.restricted:
                amount = "R " + amount
            # whole texts: the rows condense a long one to its column rather than cut it
            cells = [short_date(line.occurred_on, locale)]
            if named:
                cells += [line.reference, line.counterparty]
            cells += [line.method, line.household_code, amount]
            rows.append(("line", cells))
        total = [f"Total {block.name}", *blank[:-1]]  # its label spans all but the amount
        rows.append(("total", [*total, money.minor(sign * block.total_minor)]))
    return rows


def ledger_tables(data: StatementData, width: float, frame_height: float) -> list:
    story = [*_heading(2)]
    if not data.blocks:
        return [*story, nothing("No transaction was recorded in this period.")]
    header, widths = columns(data.meta.named, width)
    # One flowable for every line: it splits itself where each page ends, and each piece is
    # drawn as one page of text (no re-measuring of what is left).
    story.append(
        RowsPage(header, statement_rows(data, widths), widths, ROW_HEIGHT, legend=RESTRICTED)
    )
    return story


def budget(data: StatementData, width: float) -> list:
    money = money_writer(data.meta.currency, data.meta.locale)
    story = [*_heading(3)]
    if not data.budget:
        return [*story, nothing("No budget was set for this period.")]
    story.append(budget_table(data.budget, money, width))
    return story


def budget_table(lines, money: MoneyWriter, width: float):
    """Each category's budget against what was spent (the statement's and the evaluation's)."""
    return table(
        ("Category", "Budget", "Actual", "Left (over budget: negative)"),
        [
            [wrap(b.category), money(b.budget), money(b.actual), budget_left(b, money)]
            for b in lines
        ],
        (width - 330, 90, 90, 150),
        numeric=(1, 2, 3),
    )


def pledges(data: StatementData, width: float) -> list:
    money = money_writer(data.meta.currency, data.meta.locale)
    story = [*_heading(4)]
    if not data.pledges:
        return [*story, nothing("The group has no pledges.")]
    named = data.meta.named
    rows = [
        [wrap(p.donor if named else f"Pledge {n}"), money(p.expected), money(p.received), money(p.outstanding)]
        for n, p in enumerate(data.pledges, start=1)
    ]  # fmt: skip
    story.append(
        table(
            (
                "Donor" if named else "Pledge",
                "Expected by the period's end",
                "Received",
                "Outstanding",
            ),
            rows,
            (width - 330, 130, 100, 100),
            numeric=(1, 2, 3),
        )
    )
    return story


def receipts(data: StatementData, width: float) -> list:
    meta = data.meta
    money = money_writer(meta.currency, meta.locale)
    story = [*_heading(5)]
    if not data.missing_receipts:
        return [*story, nothing("Every payment in the period has a reference.")]
    story.append(
        para(
            f"{counted(len(data.missing_receipts), 'payment')} "
            f"{noun(len(data.missing_receipts), 'has')} no reference (receipt or invoice "
            "number) recorded.",
            "note",
        )
    )
    named = meta.named
    header = ("Date", "Category", *(("Payee",) if named else ()), "Amount")
    widths = (70, 150, width - 320, 100) if named else (70, width - 170, 100)
    rows = [
        [short_date(m.occurred_on, meta.locale), wrap(m.category)]
        + ([wrap(m.counterparty)] if named else [])
        + [money.minor(-m.amount_minor)]
        for m in data.missing_receipts
    ]
    story.append(table(header, rows, widths, numeric=(len(header) - 1,)))
    story.append(gap())
    return story
