"""One table of a file, whatever kind of file it came from (CSV, workbook, bank statement):
its header and the rows below it. The readers (sources.py, xlsx.py, ofx.py) make these."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...domain.errors import SponsorDeskError
from ...domain.messages import Imports

MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 30  # bank exports put a few lines about the account above the header


class SpreadsheetFileError(SponsorDeskError):
    """A spreadsheet that cannot be read, or a place one cannot be written."""


@dataclass(frozen=True)
class RawRow:
    line: int  # as a spreadsheet numbers it: the first row of the file is line 1
    cells: tuple[str, ...]


class Source:
    """One table of a file: its header and an iterator over the rows below it."""

    def __init__(
        self,
        path: Path,
        sheets: tuple[str, ...],
        sheet: str,
        rows: Callable[[], Iterator[RawRow]],
        header_at: Callable[[tuple[str, ...]], bool] | None = None,
        encoding: str = "",
        delimiter: str = "",
    ):
        self.path = path
        self.sheets = sheets
        self.sheet = sheet
        self.encoding = encoding  # a CSV's, as read ("" for a workbook)
        self.delimiter = delimiter  # a CSV's cell separator, as guessed or given
        self._rows = rows
        self.header, self.header_line = self._find_header(header_at)

    @property
    def name(self) -> str:
        return self.path.name

    def close(self) -> None:
        """Let go of the file (a workbook stays open between passes)."""

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _find_header(self, header_at) -> tuple[tuple[str, ...], int]:
        first = None
        for n, row in enumerate(self._rows()):
            if first is None:
                first = row
            if header_at is None or header_at(row.cells):
                return _trim(row.cells), row.line
            if n >= HEADER_SEARCH_ROWS:
                break
        if first is None:
            if self.sheet:
                raise SpreadsheetFileError(Imports.EMPTY_SHEET(name=self.name, sheet=self.sheet))
            raise SpreadsheetFileError(Imports.EMPTY(name=self.name))
        return _trim(first.cells), first.line

    def rows(self) -> Iterator[RawRow]:
        """The rows below the header, blank rows left out (spreadsheets are full of them)."""
        for row in self._rows():
            if row.line > self.header_line and any(c.strip() for c in row.cells):
                yield row


def _trim(cells: tuple[str, ...]) -> tuple[str, ...]:
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise SpreadsheetFileError(Imports.TOO_MANY_COLUMNS(n=len(cells), most=MAX_COLUMNS))
    return tuple(c.strip() for c in cells)
