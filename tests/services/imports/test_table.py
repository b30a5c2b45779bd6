"""One table of a file: its header found below a bank's account lines, blank rows left out,
and an empty or far too wide table refused in a sentence."""

import pytest

from sponsor_app.services.imports.table import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    RawRow,
    Source,
    SpreadsheetFileError,
)


def _source(tmp_path, rows, header_at=None, sheet=""):
    lines = [RawRow(n, tuple(cells)) for n, cells in enumerate(rows, start=1)]
    return Source(tmp_path / "statement.csv", (), sheet, lambda: iter(lines), header_at)


def _has_date(cells):
    return "Date" in (c.strip() for c in cells)


def test_the_header_is_found_below_the_accounts_lines_and_trimmed(tmp_path):
    source = _source(
        tmp_path,
        [
            ("Account 12-3405-0123456-50",),
            ("From 1 Feb 2026",),
            (" Date ", "Amount", "Payee", "", ""),
            ("2026-02-03", "-84.50", "Countdown"),
            ("", " ", ""),
            ("2026-02-05", "1250.00", "Riverside Church"),
        ],
        header_at=_has_date,
    )
    assert (source.header, source.header_line) == (("Date", "Amount", "Payee"), 3)
    assert [row.line for row in source.rows()] == [4, 6]  # the blank line 5 is left out
    assert source.name == "statement.csv"


def test_without_a_recognisable_header_the_first_row_is_taken(tmp_path):
    rows = [("x", "y")] * (HEADER_SEARCH_ROWS + 5)
    source = _source(tmp_path, rows, header_at=_has_date)
    assert (source.header, source.header_line) == (("x", "y"), 1)


def test_an_empty_file_or_sheet_is_one_sentence_naming_it(tmp_path):
    with pytest.raises(SpreadsheetFileError, match=r"statement\.csv"):
        _source(tmp_path, [])
    with pytest.raises(SpreadsheetFileError, match="Roster"):
        _source(tmp_path, [], sheet="Roster")


def test_a_header_wider_than_the_most_columns_is_refused(tmp_path):
    _source(tmp_path, [tuple(f"c{n}" for n in range(MAX_COLUMNS))])
    with pytest.raises(SpreadsheetFileError, match=str(MAX_COLUMNS)):
        _source(tmp_path, [tuple(f"c{n}" for n in range(MAX_COLUMNS + 1))])
