"""The bundle's tables as an .xlsx workbook: an About sheet, a sheet per table, the codebook;
numbers as numbers with their currency, dates as dates, text never a formula."""

from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from sponsor_app.services.imports.workbook import Sheet, money_format, workbook
from sponsor_app.services.reporting.bundle_schema import CURRENCY, CodebookLine, Field

FIELDS = (
    Field("household", "string", "The household's code"),
    Field("spent", "number", "Spent in the period", unit=CURRENCY),
    Field("first_visit", "date", "The first visit"),
    Field("housed", "boolean", "Housed"),
)


def _book(rows, title="money/by household"):
    data = workbook(
        [("Group", "Riverside")],
        [Sheet(title, FIELDS, rows, currency="NZD")],
        [CodebookLine("money", "spent", "number", "NZD", "Spent in the period", "")],
        datetime(2026, 6, 15, 9, 0, tzinfo=UTC),
    )
    return load_workbook(BytesIO(data))


def test_sheets_are_about_each_table_and_the_codebook_with_safe_titles():
    book = _book([])
    assert book.sheetnames == ["About", "money by household", "codebook"]
    assert [c.value for c in book["About"][1]] == ["Group", "Riverside"]
    assert [c.value for c in book["codebook"][2]][:2] == ["money", "spent"]


def test_each_cell_keeps_its_kind_and_money_its_currency():
    book = _book([("H1", "1250.50", date(2026, 2, 3), True), ("H2", None, None, False)])
    sheet = book["money by household"]
    assert [c.value for c in sheet[1]] == ["household", "spent", "first_visit", "housed"]
    household, spent, visit, housed = sheet[2]
    assert household.value == "H1" and housed.value is True
    assert Decimal(str(spent.value)) == Decimal("1250.50") and "NZD" in spent.number_format
    assert visit.value.date() == date(2026, 2, 3) and visit.number_format == "yyyy-mm-dd"
    assert sheet["B3"].value is None  # nothing recorded is an empty cell, not a zero


def test_text_that_looks_like_a_formula_stays_text():
    sheet = _book([('=HYPERLINK("http://x")', None, None, None)])["money by household"]
    cell = sheet["A2"]
    assert cell.data_type == "s" and "HYPERLINK" in cell.value


def test_money_formats_show_the_currencys_decimals():
    assert money_format("NZD") == '#,##0.00 "NZD";-#,##0.00 "NZD"'
    assert money_format("JPY") == '#,##0 "JPY";-#,##0 "JPY"'
