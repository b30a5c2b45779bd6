"""OFX and QFX bank statements (through ofxtools) as a table like any bank's CSV export.

Each statement line becomes a row with fixed columns, so the rest of the bank import (rules,
duplicates, the preview) treats an OFX file exactly like a CSV statement.
"""

from __future__ import annotations

from pathlib import Path

from ...domain.messages import Imports
from .table import RawRow, Source, SpreadsheetFileError

OFX_COLUMNS = ("Date", "Amount", "Payee", "Memo", "Type", "Reference", "Unique Id", "Account")
MAX_OFX = 50 * 1024 * 1024
SUFFIXES = (".ofx", ".qfx")


def open_ofx(path: Path, currency: str) -> Source:
    if path.stat().st_size > MAX_OFX:
        raise SpreadsheetFileError(Imports.OFX_TOO_BIG(name=path.name, most=MAX_OFX // 2**20))
    rows = [RawRow(1, OFX_COLUMNS), *_lines(path, currency)]
    return Source(path, (), "", lambda: iter(rows))


def _lines(path: Path, currency: str) -> list[RawRow]:
    from ofxtools.Parser import OFXTree

    tree = OFXTree()
    try:
        tree.parse(str(path))
        ofx = tree.convert()
        statements = list(ofx.statements)
    except Exception as error:  # ofxtools raises its own kinds and ValueError for bad files
        reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise SpreadsheetFileError(Imports.NOT_OFX(name=path.name, why=reason)) from None
    rows, line = [], 2
    for statement in statements:
        found = (getattr(statement, "curdef", None) or currency).upper()
        if found != currency:
            other = Imports.OFX_OTHER_CURRENCY(name=path.name, found=found, currency=currency)
            raise SpreadsheetFileError(other)
        account = getattr(statement.account, "acctid", "") or ""
        for tx in statement.transactions:
            payee = tx.name or (tx.payee.name if getattr(tx, "payee", None) else "") or ""
            rows.append(
                RawRow(
                    line,
                    (
                        tx.dtposted.date().isoformat(),
                        f"{tx.trnamt:f}",
                        payee,
                        tx.memo or "",
                        (tx.trntype or "").lower(),
                        tx.refnum or tx.checknum or "",
                        tx.fitid or "",
                        account,
                    ),
                )
            )
            line += 1
    return rows
