"""CSV and XLSX in and out, the same way for every table.

Reading gives each row with its line number (the header is line 1) and headers matched
case-insensitively. Writing makes a cell that starts with = + - @ (or a tab or carriage
return) safe: a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import InvalidInput, Problem, SponsorDeskError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetFileError(SponsorDeskError):
    """A spreadsheet that cannot be read, or a place one cannot be written."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict[str, str]  # lower-case header -> cell text, stripped


def neutralise(value: str) -> str:
    """Prefix a quote so spreadsheets treat the cell as text (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore(value: str) -> str:
    """Undo `neutralise` on the way back in, so an export imports to the same values."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def read_rows(source: Path, expected: Sequence[str], required: Sequence[str]) -> list[SourceRow]:
    """Rows of a CSV or XLSX file; missing required columns are one clear error."""
    suffix = source.suffix.lower()
    _check_readable(source)
    if suffix == ".csv":
        header, body = _read_csv(source)
    elif suffix == ".xlsx":
        header, body = _read_xlsx(source)
    else:
        raise SpreadsheetFileError(f"{source.name}: choose a .csv or .xlsx file.")
    names = [str(h or "").strip().lower() for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        raise InvalidInput(
            Problem(
                "file",
                f"{source.name} has no column {', '.join(missing)} (the header row needs: {', '.join(expected)}).",
            )
        )
    rows = []
    for offset, cells in enumerate(body, start=2):
        texts = [_text(c) for c in cells]
        if not any(texts):
            continue  # blank lines in the middle of a spreadsheet are common; skip them
        values = {
            name: restore(texts[i]) if i < len(texts) else ""
            for i, name in enumerate(names)
            if name
        }
        rows.append(SourceRow(offset, values))
    return rows


def _check_readable(source: Path) -> None:
    """A source that is not a plain readable file is a sentence, never a traceback, and never
    a read that waits forever (a named pipe)."""
    try:
        info = source.stat()
    except FileNotFoundError:
        raise SpreadsheetFileError(f"{source} does not exist.") from None
    except OSError as error:
        raise SpreadsheetFileError(f"{source} cannot be read: {error.strerror}.") from error
    if stat.S_ISDIR(info.st_mode):
        raise SpreadsheetFileError(f"{source} is a folder: choose a .csv or .xlsx file in it.")
    if not stat.S_ISREG(info.st_mode):
        raise SpreadsheetFileError(
            f"{source} is not a regular file (a pipe or a device): choose a .csv or .xlsx file."
        )
    try:
        with open(source, "rb"):
            pass
    except OSError as error:
        raise SpreadsheetFileError(
            f"{source} cannot be read ({error.strerror}): check who may open it."
        ) from error


def _text(cell) -> str:
    if cell is None:
        return ""
    if hasattr(cell, "isoformat"):  # openpyxl gives dates and datetimes
        return (
            cell.date().isoformat()
            if hasattr(cell, "date") and callable(cell.date)
            else cell.isoformat()
        )
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _read_csv(source: Path) -> tuple[list[str], list[list[str]]]:
    raw = source.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows still writes cp1252 CSV files
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise SpreadsheetFileError(f"{source.name} is not a text file.")
    # Only the delimiter is guessed, from the header line: letting the sniffer guess the quote
    # character from the data once took ' for it and split "Smith, J" in two.
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count) if header_line else ","
    lines = list(
        csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', doublequote=True)
    )
    if not lines:
        raise SpreadsheetFileError(f"{source.name} is empty.")
    return lines[0], lines[1:]


def _read_xlsx(source: Path) -> tuple[list[str], list[list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise SpreadsheetFileError(
            f"{source.name} is not a spreadsheet Sponsor Desk can read ({error})."
        ) from error
    try:
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise SpreadsheetFileError(f"{source.name} is empty.")
    return [str(h or "") for h in rows[0]], rows[1:]


def write_rows(target: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Write CSV or XLSX by the target's suffix, all at once: a failure leaves no half file."""
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput.single("out", f"{target.name}: export to a .csv or .xlsx file.")
    partial = target.with_name(target.name + ".partial")
    try:
        _write(partial, suffix, header, rows)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise SpreadsheetFileError(
            f"Cannot write {target}: {reason}. Choose another folder or name."
        ) from error
    except BaseException:
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
        for line, texts in enumerate(lines, start=2):  # checked before a byte is written
            _refuse_control_characters(texts, header, line)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Sheet1")
        sheet.append(list(header))
        for texts in lines:
            # Strings only: openpyxl would turn "=..." into a formula; as text it stays inert.
            sheet.append([_inert_cell(sheet, text) for text in texts])
        book.save(partial)


# Characters an XLSX file (XML 1.0) cannot hold: C0 controls other than tab, newline, return.
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _refuse_control_characters(texts: list[str], header: Sequence[str], line: int) -> None:
    for column, text in zip(header, texts, strict=False):
        found = _NOT_IN_XLSX.search(text)
        if found:
            raise SpreadsheetFileError(
                f"Row {line}, column {column}, holds a control character "
                f"(U+{ord(found.group()):04X}) that an XLSX file cannot contain. Correct that "
                "value, or export as CSV, which keeps it. Nothing was written."
            )


def _inert_cell(sheet, value: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
