"""Reading a spreadsheet as rows of text, whatever wrote it: CSV in any common encoding and
line ending, or one sheet of an XLSX workbook. Rows are streamed, never all held at once.

Problems with the file as a whole (not a spreadsheet, a quote that never closes, a sheet
that would unpack to gigabytes) raise SpreadsheetFileError naming the line; problems with one
cell are left to the importers, which name the line and the column.
"""

from __future__ import annotations

import codecs
import csv
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from ...domain.messages import Imports, Message
from .table import RawRow, Source, SpreadsheetFileError

MAX_CELL = 1024 * 1024  # characters; a longer cell is a broken file, not a note
SUFFIXES = (".csv", ".txt", ".xlsx")

csv.field_size_limit(MAX_CELL)


# The encodings a person may choose for a CSV (the preview's list, --encoding), by the name
# Python reads them with, and the name people know them by.
ENCODINGS = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}


class EncodingUnclear(SpreadsheetFileError):
    """A CSV that is UTF-8 but for a few bytes: read as Windows-1252 it would turn every
    accented letter into two wrong ones without a word, so the person chooses."""

    def __init__(self, path: Path, line: int, byte: int):
        self.path, self.line, self.byte = path, line, byte
        super().__init__(Imports.ENCODING_UNCLEAR(name=path.name, line=line, byte=byte))


def open_source(
    path: Path | str,
    sheet: str | None = None,
    header_at: Callable[[tuple[str, ...]], bool] | None = None,
    encoding: str | None = None,
) -> Source:
    """The table in a CSV file (in `encoding`, else the one detected) or in one sheet of a
    workbook (the first, unless told)."""
    path = Path(path)
    check_readable(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .xlsx import open_workbook

        return open_workbook(path, sheet, header_at)
    if suffix in (".csv", ".txt"):
        encoding = encoding or detect_encoding(path)
        delimiter = _delimiter(path, encoding)
        return Source(
            path,
            (),
            "",
            lambda: _csv_rows(path, encoding, delimiter),
            header_at,
            encoding,
            delimiter,
        )
    if suffix in (".xls", ".ods", ".numbers"):
        raise SpreadsheetFileError(Imports.SAVE_AS_XLSX(name=path.name))
    raise SpreadsheetFileError(Imports.CHOOSE_CSV_OR_XLSX(name=path.name))


def check_readable(source: Path) -> None:
    """A source that is not a plain readable file is a sentence, never a traceback, and never
    a read that waits forever (a named pipe)."""
    try:
        info = source.stat()
    except FileNotFoundError:
        raise SpreadsheetFileError(Imports.SOURCE_MISSING(path=source)) from None
    except OSError as error:
        unreadable = Imports.SOURCE_UNREADABLE(path=source, why=str(error.strerror))
        raise SpreadsheetFileError(unreadable) from error
    if stat.S_ISDIR(info.st_mode):
        raise SpreadsheetFileError(Imports.SOURCE_IS_FOLDER(path=source))
    if not stat.S_ISREG(info.st_mode):
        raise SpreadsheetFileError(Imports.SOURCE_NOT_REGULAR(path=source))
    try:
        with open(source, "rb"):
            pass
    except OSError as error:
        refused = Imports.SOURCE_NOT_ALLOWED(path=source, why=str(error.strerror))
        raise SpreadsheetFileError(refused) from error


# --- CSV ---------------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0D}


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without a BOM), UTF-16 ("Unicode text" from Excel, BOM or not), UTF-32,
    or Windows-1252 for an old Excel CSV. Binary files are refused here."""
    with open(path, "rb") as handle:
        sample = handle.read(_SAMPLE)
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if sample.count(0) > len(sample) // 8:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even < odd // 16:
            return "utf-16-le"
        if even > len(sample) // 4 and odd < even // 16:
            return "utf-16-be"
    if sum(b in _CONTROL_BYTES for b in sample) > max(8, len(sample) // 100):
        raise SpreadsheetFileError(Imports.NOT_TEXT(name=path.name))
    decoder = codecs.getincrementaldecoder("utf-8")()
    seen_utf8 = False
    line, done = 1, 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return _not_utf8(path, chunk, error, seen_utf8, line, done)
            seen_utf8 = seen_utf8 or _MULTIBYTE.search(chunk) is not None
            line += chunk.count(b"\n")
            done += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return _not_utf8(path, b"", error, seen_utf8, line, done)
    return "utf-8"


# A character UTF-8 writes in two to four bytes: a file that holds these and a stray byte is a
# UTF-8 file with one bad byte, not a Windows-1252 file.
_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")


def _not_utf8(path: Path, chunk: bytes, error, seen_utf8: bool, line: int, done: int) -> str:
    seen_utf8 = seen_utf8 or _MULTIBYTE.search(chunk[: error.start]) is not None
    seen_utf8 = seen_utf8 or _MULTIBYTE.search(chunk[error.end :]) is not None
    if not seen_utf8:
        return "cp1252"  # what Excel on Windows writes for "CSV (Comma delimited)"
    bad = chunk[error.start] if chunk else 0
    raise EncodingUnclear(path, line + chunk[: error.start].count(b"\n"), bad)


_DELIMITERS = ",;\t|"


def _delimiter(path: Path, encoding: str) -> str:
    """The cell separator that splits the first lines most evenly: the one giving most lines
    the same number of cells (more than one), then the most cells. Counting characters alone
    took "; " inside cells (a languages list of ten) for the separator of a comma CSV. Guessed
    from the first lines only: the sniffer once took ' for a quote character from the data and
    split "Smith, J" in two."""
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        head = handle.read(16384)
    lines = [line for line in head.splitlines()[:40] if line.strip()]
    if len(head) == 16384 and len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut short
    if not lines:
        return ","
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common) / len(widths), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[RawRow]:
    # cp1252 leaves five byte values undefined; latin-1 reads them rather than failing midway.
    errors = "strict" if encoding != "cp1252" else "replace"
    with open(path, encoding=encoding, errors=errors, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, quotechar='"', strict=True)
        previous = 0
        try:
            for cells in reader:
                yield RawRow(previous + 1, tuple(cells))
                previous = reader.line_num
        except csv.Error as error:
            raise SpreadsheetFileError(
                _csv_problem(path, previous + 1, reader.line_num, error)
            ) from None
        except UnicodeDecodeError:
            wrong = Imports.WRONG_ENCODING(name=path.name, line=previous + 1, encoding=encoding)
            raise SpreadsheetFileError(wrong) from None


def _csv_problem(path: Path, start: int, end: int, error: csv.Error) -> Message:
    text = str(error)  # the csv module's words: read for what went wrong, never shown but last
    if "field larger than field limit" in text:
        return Imports.CELL_TOO_LONG(name=path.name, line=start, kib=MAX_CELL // 1024)
    if "unexpected end of data" in text:
        return Imports.QUOTE_NOT_CLOSED(name=path.name, line=start)
    if "expected after" in text:
        return Imports.TEXT_AFTER_QUOTE(name=path.name, line=end)
    return Imports.CSV_PROBLEM(name=path.name, line=start, why=text)
