"""CSV and XLSX out, the same way for every table (reading is services/imports/sources.py).

Writing makes a value that could start a formula safe: a spreadsheet shows it as text instead
of running it. A formula can start at the value's beginning, and also after any `,` or `;`
inside it (or a tab or `|`), since a spreadsheet opening the CSV with another list separator
(a `;` in much of Europe) splits the value there and reads each piece as a cell of its own. `restore` undoes the
quote at the start when an export is imported again.

An export never replaces a file that exists unless asked to (`force`: the window asks first,
the command line wants --force), and a failed XLSX export leaves nothing behind, not even the
rows openpyxl streams through a temporary file (privacy.py keeps those in the app's own folder).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..domain.errors import InvalidInput
from .imports.sources import SpreadsheetFileError

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
    target: Path, header: Sequence[str], rows: Iterable[Sequence[str]], force: bool = False
) -> Path:
    """Write CSV or XLSX by the target's suffix, all at once: a failure leaves no half file.
    A file already there is replaced only with `force`."""
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput.single("out", f"{target.name}: export to a .csv or .xlsx file.")
    if target.is_dir():
        raise InvalidInput.single("out", f"{target} is a folder: give a file name.")
    if target.exists() and not force:
        raise InvalidInput.single(
            "out", f"{target} already exists; choose another name or add --force to replace it."
        )
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        _write(partial, suffix, header, rows)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise SpreadsheetFileError(
            f"Cannot write {target}: {reason}. Choose another folder or name."
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return target


def _write(
    partial: Path, suffix: str, header: Sequence[str], rows: Iterable[Sequence[str]]
) -> None:
    if suffix == ".csv":
        with open(partial, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([neutralise(str(v)) for v in row])
    else:
        from openpyxl import Workbook

        lines = [[str(v) for v in row] for row in rows]
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Sheet1")
        sheet.append(list(header))
        for texts in lines:
            # Strings only: openpyxl would turn "=..." into a formula; as text it stays inert.
            sheet.append([inert_cell(sheet, text) for text in texts])
        zipped = workbook_bytes(book)
        with open(partial, "wb") as handle:
            handle.write(zipped)


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
        from ..privacy import remove_temporary_files

        remove_temporary_files("openpyxl.")
    return zipped.getvalue()


def inert_cell(sheet, value: str):
    """A text cell that stays text whatever it starts with (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_NOT_IN_XML.sub("\ufffd", value))
    cell.data_type = "s"
    return cell
