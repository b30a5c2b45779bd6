"""Roster import and export: round trips, all-or-nothing, spreadsheet-formula safety."""

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from sponsor_app.domain.enums import CheckResult
from sponsor_app.services.imports.volunteer_io import (
    COLUMNS,
    ImportRejected,
    export_volunteers,
    import_volunteers,
)
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)

from ...conftest import TODAY


def _comparable(store):
    return [
        (
            v.full_name,
            v.email,
            v.phone,
            v.roles,
            v.languages,
            v.active,
            v.vetting_status,
            v.main_check
            and (v.main_check.result, v.main_check.checked_on, v.main_check.expires_on),
        )
        for v in list_volunteers(store, today=TODAY)
    ]


def _write_csv(path, rows, header=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_an_empty_file_gives_the_same_roster(make_store, tmp_path, suffix):
    source = make_store()
    add_volunteer(
        source,
        VolunteerInput(
            "Ayşe Yılmaz",
            ("finance", "welcome"),
            "ayse@example.org",
            "+64 21 555 1234",
            ("Turkish", "English"),
            vetting=CheckInput(
                "police_vetting", CheckResult.CLEARED, date(2025, 2, 1), date(2026, 6, 30)
            ),
        ),
    )
    add_volunteer(source, VolunteerInput("Hēmi Rāwiri", ("volunteer",), active=False))
    add_volunteer(
        source,
        VolunteerInput(
            "Li Wei",
            ("transport",),
            "li@example.org",
            vetting=CheckInput("police_vetting", CheckResult.PENDING),
        ),
    )
    out = export_volunteers(source, tmp_path / f"roster{suffix}", today=TODAY)
    target = make_store()
    summary = import_volunteers(target, out)
    assert (summary.added, summary.updated) == (3, 0)
    assert _comparable(target) == _comparable(source)
    again = import_volunteers(target, out)  # the same people again: updated, not duplicated
    assert (again.added, again.updated) == (0, 3)
    assert len(list_volunteers(target)) == 3


def test_one_bad_row_among_500_changes_nothing_and_names_the_row(store, tmp_path):
    rows = [
        [
            f"Person {n}",
            f"p{n}@example.org",
            "",
            "Volunteer",
            "",
            "current",
            "2025-01-01",
            "2027-01-01",
            "yes",
        ]
        for n in range(500)
    ]
    rows[316][1] = "not-an-email"
    rows[420][7] = "2025-02-30"
    source = _write_csv(tmp_path / "roster.csv", rows)
    with pytest.raises(ImportRejected) as caught:
        import_volunteers(store, source)
    message = str(caught.value)
    assert "line 318" in message and "not an email address" in message  # header is line 1
    assert "line 422" in message and "2025-02-30" in message
    assert len(caught.value.problems) == 2
    assert list_volunteers(store) == []


def test_headers_match_case_insensitively_and_dates_in_the_locale_form(store, tmp_path):
    header = [c.upper() for c in COLUMNS]
    source = _write_csv(
        tmp_path / "r.csv",
        [["Kiri", "", "", "housing lead", "", "current", "1/02/2025", "1/02/2028", "Y"]],
        header,
    )
    import_volunteers(store, source)
    (row,) = list_volunteers(store, today=TODAY)
    assert row.roles == ("housing",)
    assert row.main_check.checked_on == date(2025, 2, 1)  # en_NZ short form is day first


def test_missing_column_is_one_clear_error(store, tmp_path):
    source = _write_csv(tmp_path / "r.csv", [["kiri@example.org"]], ["email"])
    with pytest.raises(ImportRejected, match="has no column for name"):
        import_volunteers(store, source)


def test_a_new_volunteer_without_a_role_is_named_by_line(store, tmp_path):
    source = _write_csv(tmp_path / "r.csv", [["Kiri"]], ["name"])
    with pytest.raises(ImportRejected, match="line 2: no role: a new volunteer needs"):
        import_volunteers(store, source)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_cells_are_exported_as_text(store, tmp_path, suffix):
    add_volunteer(
        store,
        VolunteerInput(
            '=HYPERLINK("http://x","click")',
            ("volunteer",),
            phone="+64 21 555 1234",
            languages=("@risk", "-x"),
        ),
    )
    out = export_volunteers(store, tmp_path / f"r{suffix}", today=TODAY)
    if suffix == ".csv":
        with open(out, encoding="utf-8-sig", newline="") as handle:
            (row,) = list(csv.DictReader(handle))
        assert row["name"].startswith("'=") and row["phone"] == "'+64 21 555 1234"
    else:
        sheet = load_workbook(out).active
        cell = sheet["A2"]
        assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    # and back in, the values are what they were
    target_rows = import_volunteers(store, out)
    assert target_rows.updated == 1
    (row,) = list_volunteers(store)
    assert row.full_name.startswith("=HYPERLINK") and row.phone == "+64 21 555 1234"


def test_an_update_by_import_keeps_notes_reference_and_active(store, tmp_path):
    volunteer = add_volunteer(
        store,
        VolunteerInput(
            "Aroha Ngata",
            ("housing",),
            "aroha@example.org",
            notes="Allergic to dogs",
            active=False,
            vetting=CheckInput(
                "police_vetting",
                CheckResult.CLEARED,
                date(2025, 1, 1),
                date(2028, 1, 1),
                "NZPV-123456",
            ),
        ),
    )
    out = export_volunteers(store, tmp_path / "roster.csv")
    import_volunteers(store, out)
    source = tmp_path / "no-active.csv"
    source.write_text(
        "name,email,roles\nAroha Ngata,aroha@example.org,Housing lead\n", encoding="utf-8"
    )
    import_volunteers(store, source)
    (row,) = list_volunteers(store, include_archived=True)
    assert row.id == volunteer.id and row.notes == "Allergic to dogs" and row.active is False
    assert row.main_check.reference == "NZPV-123456"
