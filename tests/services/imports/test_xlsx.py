"""A sheet of a real .xlsx workbook read as rows of text; a file that is not a workbook, or
would unpack to far more than it holds, refused before anything is unpacked."""

import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from sponsor_app.services.imports.table import SpreadsheetFileError
from sponsor_app.services.imports.xlsx import MAX_RATIO, RATIO_FROM, check_archive, open_workbook


@pytest.fixture
def roster(tmp_path):
    book = Workbook()
    first = book.active
    first.title = "Notes"
    first.append(["Nothing to see here"])
    sheet = book.create_sheet("Roster")
    sheet.append(["Name", "Joined", "Hours"])
    sheet.append(["Mere Pōtae", date(2025, 3, 1), 12])
    sheet.append([None, None, None])
    sheet.append(["Hēmi Rāwiri", date(2025, 4, 2), 2.5])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


def test_the_chosen_sheet_is_read_as_text_and_the_sheets_listed(roster):
    with open_workbook(roster, "Roster", None) as source:
        assert source.sheets == ("Notes", "Roster") and source.sheet == "Roster"
        assert source.header == ("Name", "Joined", "Hours")
        rows = [(r.line, r.cells) for r in source.rows()]
    assert rows == [
        (2, ("Mere Pōtae", "2025-03-01", "12")),
        (4, ("Hēmi Rāwiri", "2025-04-02", "2.5")),
    ]


def test_without_a_choice_the_first_sheet_is_read(roster):
    with open_workbook(roster, None, None) as source:
        assert source.sheet == "Notes" and source.header == ("Nothing to see here",)


def test_a_sheet_that_is_not_there_is_named_with_those_that_are(roster):
    with pytest.raises(SpreadsheetFileError, match="Volunteers") as refused:
        open_workbook(roster, "Volunteers", None)
    assert "Roster" in str(refused.value)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Name,Hours\nMere,3\n")
    with pytest.raises(SpreadsheetFileError, match=r"fake\.xlsx"):
        check_archive(fake)
    with pytest.raises(SpreadsheetFileError, match=r"fake\.xlsx"):
        open_workbook(fake, None, None)


def test_a_zip_bomb_is_refused_from_its_declared_sizes(tmp_path, roster):
    check_archive(roster)  # a real workbook passes
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (RATIO_FROM * 2))
    info = zipfile.ZipFile(bomb).infolist()[0]
    assert info.file_size / info.compress_size > MAX_RATIO  # it really packs that tightly
    with pytest.raises(SpreadsheetFileError, match=r"bomb\.xlsx"):
        check_archive(bomb)
