"""The bundle's tables as one .xlsx workbook, for evaluators who open what they receive in Excel
or LibreOffice (where a CSV's encoding is guessed, and "Kāpiti" can come out as "KÄpiti").

A sheet per table; numbers as numbers, money with two decimals and its currency, dates as
dates, true/false as booleans; text always as text (never a formula, whatever it starts with:
the same inert cells as every export); the codebook as a sheet of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ...domain.money import minor_digits
from ..reporting.bundle_schema import CURRENCY, CodebookLine, Field
from .tabular import inert_cell, workbook_bytes

_TITLE_UNSAFE = re.compile(r"[\[\]:*?/\\]")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Sheet:
    title: str
    fields: tuple[Field, ...]
    rows: Sequence[tuple]
    currency: str = ""  # of money fields; a sheet of several currencies has a currency column


def money_format(currency: str) -> str:
    digits = minor_digits(currency) if _CURRENCY_CODE.fullmatch(currency) else 2
    decimals = "." + "0" * digits if digits else ""
    return f'#,##0{decimals} "{currency}";-#,##0{decimals} "{currency}"'


def workbook(
    about: Iterable[tuple[str, str]],
    sheets: Iterable[Sheet],
    lines: Iterable[CodebookLine],
    made_at: datetime,
) -> bytes:
    """The workbook's bytes: an About sheet, one sheet per table, and the codebook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    stamp = made_at.astimezone().replace(tzinfo=None)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "Sponsor Desk"
    bold = Font(bold=True)

    def header(sheet, names: Iterable[str]) -> None:
        cells = []
        for name in names:
            cell = inert_cell(sheet, name)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    first = book.create_sheet("About")
    first.column_dimensions["A"].width = 28
    first.column_dimensions["B"].width = 90
    for key, value in about:
        first.append([inert_cell(first, key), inert_cell(first, value)])

    for table in sheets:
        sheet = book.create_sheet(_title(table.title))
        sheet.freeze_panes = "A2"
        for index, field in enumerate(table.fields):
            sheet.column_dimensions[_column(index)].width = _width(field)
        header(sheet, (f.name for f in table.fields))
        names = [f.name for f in table.fields]
        for row in table.rows:
            values = dict(zip(names, row, strict=True))
            sheet.append(
                [
                    _cell(sheet, WriteOnlyCell, f, v, table, values)
                    for f, v in zip(table.fields, row, strict=True)
                ]
            )

    codes = book.create_sheet("codebook")
    codes.freeze_panes = "A2"
    for column, width in zip("ABCDEF", (22, 26, 10, 12, 70, 50), strict=True):
        codes.column_dimensions[column].width = width
    header(codes, ("table", "field", "type", "unit", "description", "allowed values"))
    for line in lines:
        codes.append(
            [
                inert_cell(codes, text)
                for text in (
                    line.table,
                    line.field,
                    line.type,
                    line.unit,
                    line.description,
                    line.allowed,
                )
            ]
        )
    return workbook_bytes(book)


def _cell(sheet, make, field: Field, value, table: Sheet, row: dict):
    if value is None or value == "":
        return None
    if field.type == "string":
        return inert_cell(sheet, str(value))
    if field.type == "boolean":
        return bool(value)
    cell = make(sheet, value=value)
    if field.type == "date" and isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    elif field.type == "number":
        currency = _currency_of(field, table, row)
        cell.value = Decimal(value)
        cell.number_format = money_format(currency) if currency else "0.00##"
    return cell


def _currency_of(field: Field, table: Sheet, row: dict) -> str:
    """The currency of a money cell: the field's, the row's currency column, or the row's unit
    when that is a currency code (a figure in money)."""
    if field.unit == CURRENCY:
        return row.get("currency") or table.currency
    unit = row.get("unit")
    if isinstance(unit, str) and _CURRENCY_CODE.fullmatch(unit):
        return unit
    return ""


def _title(name: str) -> str:
    return _TITLE_UNSAFE.sub(" ", name)[:31]


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _width(field: Field) -> float:
    if field.type == "string":
        return max(12, min(40, len(field.name) + 4))
    return max(11, len(field.name) + 3)
