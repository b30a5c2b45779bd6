"""Import and export the ledger as CSV or XLSX, and import bank statements: all or nothing,
every bad row named, nothing imported twice."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ...domain.money import Money
from ...storage.models import GroupProfile, LedgerTransaction
from ...storage.store import Store
from ..funds.ledger import LINE_FIELDS, readable_transactions
from .engine import run_import
from .fields import ImportKind
from .model import ImportRejected, ImportRequest, ImportResult
from .tabular import write_rows

__all__ = ["COLUMNS", "ImportRejected", "export_transactions", "import_transactions"]

COLUMNS = (
    "date",
    "kind",
    "amount",
    "category",
    "counterparty",
    "method",
    "reference",
    "household",
    "note",
    "restricted",  # yes/no, after the nine; optional on import, kept on a round trip
)


def import_transactions(
    store: Store, source: Path | str, create_categories: bool = False, **options
) -> ImportResult:
    """Add every row as a transaction in one change set; any bad row and nothing changes.

    Unknown categories are refused (every one listed) unless mapped in `values` or
    `create_categories` is set. Rows already in the ledger are not added twice.
    """
    options.setdefault("create_missing", create_categories)
    return run_import(store, ImportRequest(ImportKind.TRANSACTIONS, Path(source), **options))


def import_bank_statement(store: Store, source: Path | str, **options) -> ImportResult:
    """A bank's CSV export or an OFX/QFX file, categorised by the group's rules."""
    return run_import(store, ImportRequest(ImportKind.BANK, Path(source), **options))


def export_transactions(store: Store, target: Path | str, force: bool = False) -> Path:
    """The whole ledger in date order, with the columns the import reads."""
    t = LedgerTransaction
    with store.read() as session:
        currency = session.scalar(select(GroupProfile.currency))
        rows = session.execute(
            readable_transactions(*LINE_FIELDS).order_by(t.occurred_on, t.id)
        ).all()
    return write_rows(
        Path(target),
        COLUMNS,
        (
            [
                r[0].isoformat(),
                r[1].value,
                Money(r[2], currency).plain(),
                r[3],
                r[4],
                r[5],
                r[6],
                r[7] or "",
                r[9],
                "yes" if r[8] else "no",
            ]
            for r in rows
        ),
        force=force,
        inputs=(store.path,),
    )
