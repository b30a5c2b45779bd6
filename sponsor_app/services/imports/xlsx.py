"""One sheet of an XLSX workbook as rows of text, read safely.

An XLSX file is a zip of XML. Before anything is unpacked, the sizes the zip declares are
checked (Python's zip reader never unpacks more than a member declares), so a small file that
would unpack to gigabytes is refused in milliseconds. Rows are streamed from the sheet's XML,
only the cells that are there: a sheet that claims a million empty rows costs nothing.

A formula with no saved value (a file written by a program that does not calculate) would read
as an empty cell; it is kept apart so the import can name it instead of losing the row.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ...domain.messages import Imports
from .table import MAX_COLUMNS, RawRow, Source, SpreadsheetFileError

MAX_UNPACKED = 512 * 1024 * 1024  # every member together
MAX_STRINGS = 64 * 1024 * 1024  # the shared strings are held in memory whole
MAX_RATIO = 100  # real sheets pack 5 to 20 times; a bomb packs thousands of times
RATIO_FROM = 4 * 1024 * 1024  # small members may pack as tightly as they like


class Unevaluated(str):
    """A formula cell with no saved value: its text is the formula, for the message."""


def check_archive(path: Path) -> None:
    """Refuse a file that is not a workbook, or would unpack to far more than it holds."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetFileError(Imports.NOT_XLSX(name=path.name)) from None
    total = 0
    for member in members:
        total += member.file_size
        packed = max(member.compress_size, 1)
        too_tight = member.file_size > RATIO_FROM and member.file_size / packed > MAX_RATIO
        strings = member.filename.lower().endswith("sharedstrings.xml")
        if too_tight or (strings and member.file_size > MAX_STRINGS):
            raise SpreadsheetFileError(
                Imports.XLSX_BOMB(
                    name=path.name, megabytes=member.file_size / 2**20, kilobytes=packed / 2**10
                )
            )
    if total > MAX_UNPACKED:
        raise SpreadsheetFileError(
            Imports.XLSX_TOO_BIG(
                name=path.name, megabytes=total / 2**20, most=MAX_UNPACKED // 2**20
            )
        )


class _Book:
    """The open workbook: closed when the Source is closed."""

    def __init__(self, path: Path):
        from openpyxl import load_workbook

        check_archive(path)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "extension not supported" and the like
                self.book = load_workbook(path, read_only=True, data_only=True)
        except SpreadsheetFileError:
            raise
        except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
            refused = Imports.NOT_A_WORKBOOK(name=path.name, why=str(error))  # openpyxl's words
            raise SpreadsheetFileError(refused) from None
        self.names = tuple(
            ws.title for ws in self.book.worksheets if hasattr(ws, "_worksheet_path")
        )

    def rows(self, title: str) -> Iterator[RawRow]:
        from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

        class Parser(WorkSheetParser):
            def parse_cell(self, element):
                cell = super().parse_cell(element)
                if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                    formula = element.findtext(FORMULA_TAG) or ""
                    cell["value"] = Unevaluated("=" + formula)
                return cell

        sheet = self.book[title]
        book = self.book
        with book._archive.open(sheet._worksheet_path) as source, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a date out of range is read as an error cell
            parser = Parser(
                source,
                sheet._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for line, cells in parser.parse():
                row = [""] * min(MAX_COLUMNS, max((c["column"] for c in cells), default=0))
                for cell in cells:
                    if cell["column"] <= MAX_COLUMNS and cell["value"] is not None:
                        row[cell["column"] - 1] = _text(cell["value"])
                    elif cell["value"] not in (None, ""):
                        raise SpreadsheetFileError(
                            Imports.BEYOND_LAST_COLUMN(
                                sheet=title, line=line, most=MAX_COLUMNS, n=MAX_COLUMNS
                            )
                        )
                yield RawRow(line, tuple(row))

    def close(self) -> None:
        self.book.close()


def _text(value) -> str:
    if isinstance(value, Unevaluated):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class WorkbookSource(Source):
    def __init__(self, path, book: _Book, sheet: str, header_at):
        self._book = book
        super().__init__(path, book.names, sheet, lambda: book.rows(sheet), header_at)

    def close(self) -> None:
        self._book.close()


def open_workbook(
    path: Path, sheet: str | None, header_at: Callable[[tuple[str, ...]], bool] | None
) -> Source:
    book = _Book(path)
    try:
        if not book.names:
            raise SpreadsheetFileError(Imports.NO_SHEETS(name=path.name))
        chosen = book.names[0] if sheet is None else sheet
        if chosen not in book.names:
            raise SpreadsheetFileError(
                Imports.NO_SUCH_SHEET(name=path.name, sheet=sheet, sheets=book.names)
            )
        return WorkbookSource(path, book, chosen, header_at)
    except BaseException:
        book.close()
        raise
