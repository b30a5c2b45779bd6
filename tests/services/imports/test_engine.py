"""Imports meeting real spreadsheets: the issue's two stories and every defect it lists."""

import csv
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.messages import english
from sponsor_app.domain.money import Money
from sponsor_app.domain.words import parse_day
from sponsor_app.services.funds.ledger_view import (
    LedgerFilter,
    fetch_lines,
    find_transactions,
    open_ledger,
)
from sponsor_app.services.imports.engine import preview_import, run_import
from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.model import ImportRejected, ImportRequest, RowStatus
from sponsor_app.services.imports.sources import SpreadsheetFileError
from sponsor_app.services.imports.transaction_io import export_transactions, import_transactions
from sponsor_app.services.imports.volunteer_io import export_volunteers, import_volunteers
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, list_volunteers

from ...conftest import TODAY

HEADER = "date,kind,amount,category,counterparty,method,reference,household,note\n"
ROW = "2026-01-05,income,12.50,Donations,Aroha,cash,R1,,thanks\n"


def _count(store) -> int:
    return len(find_transactions(store, LedgerFilter()).ids)


def _notes(store) -> list[str]:
    balances, selection = open_ledger(store)
    lines = fetch_lines(store, list(selection.ids), balances)
    return [lines[i].note for i in selection.ids]


def _write(path, text: str, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# --- the two stories ---------------------------------------------------------------------
def test_a_groups_own_sheet_with_lead_and_submitted_imports_after_mapping(store, tmp_path):
    sheet = _write(
        tmp_path / "our volunteers.csv",
        "Full name,E-mail,Role,Police vetting,Vetted on,Expiry\n"
        "Aroha Ngata,aroha@example.org,lead,submitted,,\n"
        "Tom Ngata,tom@example.org,Volunteer,cleared,2025-02-01,2028-02-01\n",
    )
    with pytest.raises(ImportRejected) as refused:
        import_volunteers(store, sheet)
    assert "“lead” is not one of the group's roles (line 2)" in str(refused.value)
    assert "submitted" not in str(refused.value)  # a word people use for pending
    assert list_volunteers(store) == []

    preview = preview_import(store, ImportRequest(ImportKind.VOLUNTEERS, sheet))
    assert [(u.text, u.count, u.choice) for u in preview.unknown] == [("lead", 1, None)]
    result = import_volunteers(store, sheet, values={"roles": {"lead": "group_lead"}})
    assert (result.added, result.updated) == (2, 0)
    aroha, tom = list_volunteers(store, today=TODAY)
    assert aroha.roles == ("group_lead",) and aroha.main_check.result.value == "pending"
    assert tom.main_check.status.value == "current"

    # the mapping is remembered for the next sheet with the same columns
    again = _write(
        tmp_path / "more.csv",
        "Full name,E-mail,Role,Police vetting,Vetted on,Expiry\nMere Pōtae,mere@example.org,lead,,,\n",
    )
    later = preview_import(store, ImportRequest(ImportKind.VOLUNTEERS, again))
    assert [(u.text, u.choice) for u in later.unknown] == [("lead", "group_lead")]
    assert import_volunteers(store, again).added == 1


def test_the_same_transactions_file_twice_adds_nothing_the_second_time(store, tmp_path):
    source = _write(
        tmp_path / "gifts.csv",
        HEADER
        + "2026-01-05,income,20,Donations,Cash gift,cash,,,\n"
        + "2026-01-05,income,20,Donations,Cash gift,cash,,,\n"  # two real $20 gifts: both kept
        + "2026-01-06,income,55,Donations,Aroha,transfer,R7,,\n",
    )
    first = import_transactions(store, source)
    assert first.added == 3 and _count(store) == 3
    second = import_transactions(store, source)
    assert second.added == 0 and second.nothing_new
    assert (second.duplicates, second.likely_skipped) == (1, 2)
    assert _count(store) == 3


def test_likely_duplicates_are_imported_when_the_person_ticks_them(store, tmp_path):
    source = _write(tmp_path / "a.csv", HEADER + "2026-01-05,income,20,Donations,Cash gift,,,,\n")
    import_transactions(store, source)
    preview = preview_import(store, ImportRequest(ImportKind.TRANSACTIONS, source))
    assert [(r.line, r.status) for r in preview.likely] == [(2, RowStatus.LIKELY)]
    assert import_transactions(store, source, include_lines=frozenset({2})).added == 1
    assert _count(store) == 2


# --- the defects, each with the file that showed it --------------------------------------
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16.csv", (HEADER + ROW).encode("utf-16")),
        ("utf16-no-bom.csv", (HEADER + ROW).encode("utf-16-le")),
        ("cr-only.csv", (HEADER + ROW).replace("\n", "\r").encode()),
        ("windows.csv", (HEADER + ROW.replace("Aroha", "Zoë")).encode("cp1252")),
        ("semicolons.csv", (HEADER + ROW).replace(",", ";").encode()),
    ],
)
def test_encodings_and_line_endings_excel_writes_are_read(store, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert import_transactions(store, path).added == 1
    assert _notes(store) == ["thanks"]


def test_a_cell_over_128_kib_is_a_sentence_naming_the_line(store, tmp_path):
    path = _write(tmp_path / "long.csv", HEADER + ROW.replace("thanks", "x" * 200_000))
    with pytest.raises(ImportRejected, match="line 2: note is longer than 20,000 characters"):
        import_transactions(store, path)
    assert _count(store) == 0


def test_an_unbalanced_quote_refuses_the_file_naming_the_line(store, tmp_path):
    path = _write(tmp_path / "quote.csv", HEADER + ROW.replace("thanks", '"thanks') + ROW)
    with pytest.raises(SpreadsheetFileError, match=r"line 2: a quote \(\"\) opens a cell"):
        import_transactions(store, path)
    assert _count(store) == 0


def test_a_duplicated_header_is_refused_not_read_from_the_last_column(store, tmp_path):
    path = _write(
        tmp_path / "dup.csv",
        "date,kind,amount,category,amount\n2026-01-05,income,100.00,Donations,999.00\n",
    )
    with pytest.raises(ImportRejected, match="more than one column called “amount”"):
        import_transactions(store, path)
    assert _count(store) == 0
    # told which one to read, the import takes that one
    assert (
        import_transactions(store, path, columns=("date", "kind", "amount", "category", "")).added
        == 1
    )
    lines = fetch_lines(
        store, list(find_transactions(store, LedgerFilter()).ids), open_ledger(store)[0]
    )
    assert [line.amount for line in lines.values()] == [Money(10000, "NZD")]


def _xlsx(path, sheets: dict[str, list[list]]):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_formulas_with_no_saved_value_are_named_not_lost(store, tmp_path):
    path = _xlsx(
        tmp_path / "formulas.xlsx",
        {
            "Ledger": [
                ["date", "kind", "amount", "category"],
                ["2026-01-05", "income", "=10*2", "Donations"],
            ]
        },
    )  # openpyxl writes the formula and no value, as a program that does not calculate would
    with pytest.raises(
        ImportRejected, match=r"line 2: amount is a formula \(=10\*2\) with no value"
    ):
        import_transactions(store, path)
    assert _count(store) == 0


def test_every_sheet_of_a_workbook_is_offered_and_the_chosen_one_read(store, tmp_path):
    path = _xlsx(
        tmp_path / "two.xlsx",
        {
            "2025": [
                ["date", "kind", "amount", "category"],
                ["2025-03-01", "income", 5, "Donations"],
            ],
            "2026": [
                ["date", "kind", "amount", "category"],
                ["2026-03-01", "income", 7, "Donations"],
                ["2026-03-02", "income", 8.5, "Donations"],
            ],
        },
    )
    preview = preview_import(store, ImportRequest(ImportKind.TRANSACTIONS, path))
    assert preview.sheets == ("2025", "2026") and preview.sheet == "2025" and preview.total == 1
    assert import_transactions(store, path, sheet="2026").added == 2


def test_two_rows_for_one_volunteer_are_refused_and_the_email_kept(store, tmp_path):
    add_volunteer(store, VolunteerInput("Aroha Ngata", ("housing",), "aroha@example.org"))
    path = _write(
        tmp_path / "twice.csv",
        "name,email,phone\nAroha Ngata,aroha@example.org,021 555 0101\nAroha Ngata,,021 555 0202\n",
    )
    with pytest.raises(ImportRejected, match="line 3: line 2 is already about Aroha Ngata"):
        import_volunteers(store, path)
    (row,) = list_volunteers(store)
    assert row.email == "aroha@example.org" and row.phone == ""
    # An empty cell keeps what the app holds: the email survives an update without one.
    single = _write(tmp_path / "one.csv", "name,email,phone\nAroha Ngata,,021 555 0202\n")
    assert import_volunteers(store, single).updated == 1
    (row,) = list_volunteers(store)
    assert (row.email, row.phone) == ("aroha@example.org", "021 555 0202")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_two_volunteers_of_one_name_without_email_survive_the_apps_own_round_trip(
    store, tmp_path, suffix
):
    add_volunteer(store, VolunteerInput("Sam Lee", ("housing",), phone="021 555 0101"))
    add_volunteer(store, VolunteerInput("Sam Lee", ("transport",), phone="021 555 0202"))
    before = list_volunteers(store, today=TODAY)
    out = export_volunteers(store, tmp_path / f"roster{suffix}", today=TODAY)
    result = import_volunteers(store, out)
    assert (result.added, result.updated) == (0, 2)
    assert list_volunteers(store, today=TODAY) == before
    # without the id column the sheet cannot say which Sam Lee a row is: a sentence, no guess
    plain = _write(tmp_path / "plain.csv", "name,phone\nSam Lee,021 555 0303\n")
    with pytest.raises(ImportRejected, match="2 volunteers are called Sam Lee"):
        import_volunteers(store, plain)


def test_nul_and_control_characters_are_refused_with_the_line(store, tmp_path):
    path = _write(tmp_path / "nul.csv", HEADER + ROW.replace("thanks", "tha\x00nks") + ROW)
    with pytest.raises(ImportRejected) as refused:
        import_transactions(store, path)
    assert refused.value.lines() == [
        "line 2: note holds a control character (U+0000) that a spreadsheet cannot hold."
    ]
    assert _count(store) == 0
    bell = _write(tmp_path / "bell.csv", "name,roles\nKiri\x07,volunteer\n")
    with pytest.raises(ImportRejected, match=r"line 2: name holds a control character \(U\+0007\)"):
        import_volunteers(store, bell)


def test_the_xlsx_export_never_breaks_on_a_control_character_already_stored(store, tmp_path):
    """A file an older version filled with a NUL still exports (the NUL becomes U+FFFD)."""
    add_volunteer(store, VolunteerInput("Old Import", ("volunteer",)))
    with store.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE volunteer SET full_name = ?", ("Old\x00Import",)
        )
    out = export_volunteers(store, tmp_path / "roster.xlsx", today=TODAY)
    assert out.exists()


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2026-01-05garbage", "“2026-01-05garbage” is not a date"),
        ("(-5)", "use brackets or a minus sign, not both"),
        ("£5", "“£5” is in another currency (£); this group keeps its books in NZD"),
    ],
)
def test_what_was_accepted_as_something_else_is_refused(store, tmp_path, cell, message):
    row = "2026-01-05,income,5,Donations,,,,,\n"
    where = "2026-01-05" if "garbage" in cell else "5"
    row = row.replace(where, cell, 1) if where != "5" else row.replace(",5,", f",{cell},")
    path = _write(tmp_path / "x.csv", HEADER + row)
    with pytest.raises(ImportRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_transactions(store, path)
    assert _count(store) == 0
    with pytest.raises((ValueError, InvalidInput)):
        parse_day("2026-01-05garbage", "en_NZ") if "garbage" in cell else Money.parse(cell, "NZD")


def test_an_xlsx_bomb_is_refused_from_its_declared_sizes(store, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):  # 300 MB of nothing, packed into a few hundred KB
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(SpreadsheetFileError, match="would unpack to 300 MB"):
        import_transactions(store, path)


def test_a_sheet_that_claims_a_far_corner_is_read_by_its_cells_only(store, tmp_path):
    """A cell at XFD1048576 once made the reader build a million rows of 16,384 cells."""
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "kind", "amount", "category"])
    sheet.append(["2026-01-05", "income", 5, "Donations"])
    sheet["XFD1048576"] = " "
    path = tmp_path / "corner.xlsx"
    book.save(path)
    with pytest.raises(SpreadsheetFileError, match="beyond column 200"):
        import_transactions(store, path)
    sheet["XFD1048576"] = None
    sheet["J1048576"] = "x"
    book.save(path)
    preview = preview_import(store, ImportRequest(ImportKind.TRANSACTIONS, path))
    assert preview.total == 2 and preview.problem_count == 1  # the far row, named by its line
    assert preview.problems[0].field == "line 1048576"


def test_200000_bad_rows_are_counted_and_only_the_first_listed(store, tmp_path):
    path = tmp_path / "bad.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        handle.writelines(
            f"2026-01-{n % 28 + 1:02d},income,abc,Donations,,,,,\n" for n in range(200_000)
        )
    with pytest.raises(ImportRejected) as refused:
        import_transactions(store, path)
    assert len(refused.value.problems) == 200_000
    lines = refused.value.lines()
    assert len(lines) == 21 and lines[-1] == "and 199,980 more"
    assert len(str(refused.value)) < 4000


def test_bad_rows_can_be_skipped_explicitly_and_are_listed(store, tmp_path):
    path = _write(tmp_path / "mixed.csv", HEADER + ROW + "2026-02-30,income,5,Donations,,,,,\n")
    result = import_transactions(store, path, skip_bad_rows=True)
    assert (result.added, result.bad_skipped) == (1, 1)
    assert [p.field for p in result.problems] == ["line 3"]


def test_the_sheets_status_and_the_apps_rule_disagreeing_is_said(store, tmp_path):
    path = _write(
        tmp_path / "vetting.csv",
        "name,roles,vetting_status,vetting_checked_on,vetting_expires_on\n"
        "Kiri,volunteer,current,2023-01-01,2026-01-01\n"
        "Hemi,volunteer,lapsed,2025-01-01,2028-01-01\n"
        "Ana,volunteer,valid,2025-01-01,2028-01-01\n",
    )
    result = import_volunteers(store, path)
    assert tuple(
        map(english, result.notes[2:])
    ) == (  # after what the rows lack (the statement, the course)
        "line 2 (Kiri): the sheet says current, but it expires on 2026-01-01, so the roster shows expired",
        "line 3 (Hemi): the sheet says expired, but it expires on 2028-01-01, so the roster shows current",
    )
    shown = {v.full_name: v.main_check.status.value for v in list_volunteers(store, today=TODAY)}
    assert shown == {"Kiri": "expired", "Hemi": "current", "Ana": "current"}


def test_yes_and_no_words_and_dates_in_the_groups_order(store, tmp_path):
    path = _write(
        tmp_path / "words.csv",
        "name,roles,active,vetting_status,vetting_checked_on,vetting_expires_on\n"
        "A,volunteer,✓,approved,1/02/2025,5 Feb 2028\n"
        "B,volunteer,0,none,,\n",
    )
    import_volunteers(store, path)
    a, b = list_volunteers(store, include_archived=True, today=TODAY)
    assert a.active and not b.active
    assert (a.main_check.checked_on, a.main_check.expires_on) == (
        date(2025, 2, 1),
        date(2028, 2, 5),
    )
    assert b.main_check is None


def test_a_cancelled_import_leaves_the_file_as_it_was(store, tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        handle.writelines(
            f"2026-01-{n % 28 + 1:02d},income,{n + 1},Donations,D{n},,,,\n" for n in range(3000)
        )
    seen = []

    def cancelled() -> bool:
        return len(seen) > 0

    from sponsor_app.services.imports.model import ImportCancelled

    with pytest.raises(ImportCancelled):
        run_import(
            store,
            ImportRequest(ImportKind.TRANSACTIONS, path),
            progress=lambda done, total: seen.append(done),
            cancelled=cancelled,
        )
    assert seen and _count(store) == 0
    with store.read() as session:
        assert (
            session.connection()
            .exec_driver_sql("SELECT count(*) FROM change_set WHERE is_open = 1")
            .scalar()
            == 0
        )


def test_an_export_with_every_kind_of_cell_round_trips(make_store, tmp_path):
    source = make_store()
    path = _write(
        tmp_path / "odd.csv",
        HEADER
        + '2026-01-05,income,"1,200.50",Donations,"=cmd|\'/c calc\'!A0","multi\nline",R1,,"note, with comma"\n',
    )
    import_transactions(source, path)
    out = export_transactions(source, tmp_path / "ledger.csv")
    target = make_store()
    assert import_transactions(target, out).added == 1
    with open(out, encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["counterparty"].startswith("'=")  # inert in a spreadsheet
    assert _notes(target) == ["note, with comma"]
