"""CSV and XLSX out, the same way for every table (reading is services/imports/sources.py).

Writing makes a value that could start a formula safe: a spreadsheet shows it as text instead
of running it. A formula can start at the value's beginning, and also after any `,` or `;`
inside it (or a tab or `|`), since a spreadsheet opening the CSV with another list separator
(a `;` in much of Europe) splits the value there and reads each piece as a cell of its own. `restore` undoes the
quote at the start when an export is imported again.

An export never replaces a file that exists unless asked to (`force`: the window asks first,
the command line wants --force), and a failed XLSX export leaves nothing behind, not even the
rows openpyxl streams through a temporary file (services/files/temporary_files.py keeps those in
the app's own folder).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from ...domain.errors import InvalidInput
from ...domain.messages import Imports
from ...storage.errors import StorageError, is_disk_full
from ..files.outputs import OutputRefused, check_output, write_output
from .sources import SpreadsheetFileError

# Characters XML 1.0 cannot hold: a file from an older version may have stored one; an XLSX
# export writes U+FFFD in its place rather than failing (CSV keeps them as they are).
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet could start a cell: the value's start or a list separator, then spaces
# (which many trim), then a sign that starts a formula.
# Quotes already standing there count too ("'=x" gets one more), so that `restore`, which takes
# exactly one away, gives back every value exactly: neutralise is injective.
_FORMULA_AT = re.compile(r"(^|[,;\t|])([ ]*)(?='*[=+\-@\t\r])")
_QUOTED_AT = re.compile(r"(^|[,;\t|])([ ]*)'(?='*[=+\-@\t\r])")


def neutralise(value: str) -> str:
    """Quote every place a spreadsheet could read a formula from (OWASP CSV injection advice):
    the start of the value, and after each `,` `;` tab or `|` in it, where another list
    separator would start a new cell. The quote makes the piece text; a value that already
    has quotes there gets one more, so nothing the person typed is taken for ours."""
    return _FORMULA_AT.sub(r"\1\2'", value)


def restore(value: str) -> str:
    """Undo `neutralise` on the way back in (one quote where it added one), so an export
    imports to exactly the same values."""
    return _QUOTED_AT.sub(r"\1\2", value)


def write_rows(
    target: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    force: bool = False,
    inputs: Iterable[Path | None] = (),
) -> Path:
    """Write CSV or XLSX by the target's suffix, all at once, by the one output rule
    (services/files/outputs.py): never onto one of `inputs` (the group file read), a group file or a
    backup; a file already there is replaced only with `force`."""
    suffix = Path(target).suffix.lower()
    try:
        check_output(target, inputs=inputs, force=force, what="export")
        if suffix not in (".csv", ".xlsx"):
            raise InvalidInput.single("out", Imports.EXPORT_CSV_OR_XLSX(name=Path(target).name))
        content = _workbook_bytes(header, rows) if suffix == ".xlsx" else rows
        return write_output(
            target,
            lambda stream: _write(stream, suffix, header, content),
            inputs=inputs,
            force=force,
            what="export",
        )
    except OutputRefused as refused:
        raise InvalidInput(refused.problems) from None
    except StorageError as error:  # a full or read-only disk where the export goes
        raise SpreadsheetFileError(error.said or str(error)) from error


def _write(
    stream: BinaryIO, suffix: str, header: Sequence[str], rows: Iterable[Sequence[str]]
) -> None:
    if suffix == ".csv":
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(str(v)) for v in row])
        text.flush()
        text.detach()  # the caller flushes and closes the file itself
    else:
        stream.write(rows)  # the workbook's bytes, put together first (write_rows)


def _workbook_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The whole workbook, zipped in memory. openpyxl streams the rows through a file in the
    app's own temporary folder: a failure here is that folder's disk, named as such, never the
    disk the export goes to (a full app folder once read "Cannot write fh.xlsx")."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    try:
        sheet = book.create_sheet("Sheet1")
        sheet.append(list(header))
        for row in rows:
            # Strings only: openpyxl would turn "=..." into a formula; as text it stays inert.
            sheet.append([inert_cell(sheet, str(value)) for value in row])
        return workbook_bytes(book)
    except OSError as error:
        _close(book)
        folder = tempfile.gettempdir()
        if is_disk_full(error):
            raise SpreadsheetFileError(Imports.OWN_FOLDER_FULL(folder=folder)) from None
        why = (error.strerror or str(error)).lower()  # the system's words
        raise SpreadsheetFileError(Imports.OWN_FOLDER_UNWRITABLE(folder=folder, why=why)) from None
    except BaseException:
        _close(book)
        raise
    finally:  # saved or not, the rows it streamed through a temporary file go
        from ..files.temporary_files import remove_temporary_files

        remove_temporary_files("openpyxl.")


def _close(book) -> None:
    """Finish openpyxl's streams now (quietly), not when they are collected: a half-written
    one printed a traceback on the way out."""
    for open_sheet in book.worksheets:
        writer = getattr(open_sheet, "_writer", None)
        stream = getattr(writer, "xf", None)
        with contextlib.suppress(BaseException):
            if stream is not None:
                stream.close()
        with contextlib.suppress(BaseException):
            open_sheet.close()


def workbook_bytes(book) -> bytes:
    """A write-only openpyxl workbook zipped in memory. A full disk then fails the caller's
    write (one sentence), never openpyxl's half-closed zip (a traceback when it is collected);
    saved or not, the rows openpyxl streamed through a temporary file go."""
    zipped = io.BytesIO()
    try:
        book.save(zipped)
    except BaseException:
        for open_sheet in book.worksheets:  # finish its stream now, not when collected
            with contextlib.suppress(Exception):
                open_sheet.close()
        raise
    finally:
        from ..files.temporary_files import remove_temporary_files

        remove_temporary_files("openpyxl.")
    return zipped.getvalue()


def inert_cell(sheet, value: str):
    """A text cell that stays text whatever it starts with (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_NOT_IN_XML.sub("\ufffd", value))
    cell.data_type = "s"
    return cell
