"""`sponsor-app import` with bad input: one line per problem, the first 20 then "and N more",
--errors FILE.csv with all of them, a non-zero exit and never a traceback."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.storage.store import Store

BANKS = Path(__file__).resolve().parent / "fixtures" / "banks"
HEADER = "date,kind,amount,category,counterparty\n"


@pytest.fixture
def group(tmp_path):
    path = tmp_path / "g.sponsor"
    assert run(["new", str(path), "--name", "G"]) == 0
    return path


def _count(path) -> int:
    with Store.open(path) as store:
        return len(find_transactions(store, LedgerFilter()).ids)


def test_many_bad_rows_print_twenty_then_how_many_more(group, tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_text(HEADER + "".join(f"2026-01-01,income,x{n},Donations,\n" for n in range(500)))
    capsys.readouterr()
    assert run(["import", "transactions", str(group), str(source)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "sponsor-app: Nothing was imported from bad.csv: 500 problems."
    assert err[1].startswith("  line 2: “x0” is not an amount")
    assert len(err) == 22 and err[-1] == "  and 480 more (--errors FILE.csv writes them all)"
    assert _count(group) == 0


def test_errors_file_holds_every_problem(group, tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_text(HEADER + "".join(f"2026-01-01,income,x{n},Donations,\n" for n in range(30)))
    errors = tmp_path / "problems.csv"
    assert run(["import", "transactions", str(group), str(source), "--errors", str(errors)]) == 1
    err = capsys.readouterr().err
    assert f"every problem is in {errors}" in err
    with open(errors, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 30 and rows[29]["where"] == "line 31"


def test_map_create_missing_and_skip_bad_rows(group, tmp_path, capsys):
    sheet = tmp_path / "ours.csv"
    sheet.write_text(
        "Name,Role,Police vetting\nAroha,lead,submitted\nKiri,kai,cleared\nMere,volunteer,sort of\n"
        "Hemi,kai,pending\n",
        encoding="utf-8",
    )
    assert run(["import", "volunteers", str(group), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "“lead” is not one of the group's roles (line 2)" in err
    assert "“kai” is not one of the group's roles (lines 3, 5)" in err
    assert "“sort of” is not a vetting status" in err
    argv = ["import", "volunteers", str(group), str(sheet), "--map", "roles:lead=group_lead"]
    argv += ["--create-missing", "--skip-bad-rows"]
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert "Imported ours.csv: 2 volunteers added, 0 updated." in out
    assert "Created role “kai”." in out and "Skipped 2 bad rows:" in out
    assert "line 3: the check cleared" in out or "line 3: enter the date" in out
    with Store.open(group) as store:
        assert [v.roles for v in list_volunteers(store)] == [("group_lead",), ("kai",)]


def test_an_import_that_finds_everything_there_says_so_and_exits_0(group, tmp_path, capsys):
    source = tmp_path / "gifts.csv"
    source.write_text(HEADER + "2026-01-05,income,20,Donations,Cash\n" * 2)
    assert run(["import", "transactions", str(group), str(source)]) == 0
    capsys.readouterr()
    assert run(["import", "transactions", str(group), str(source)]) == 0
    assert capsys.readouterr().out.strip() == (
        "Nothing new in gifts.csv: all 2 rows are already there."
    )
    assert _count(group) == 2


def test_likely_duplicates_are_skipped_with_a_count(group, tmp_path, capsys):
    one = tmp_path / "one.csv"
    one.write_text(HEADER + "2026-01-05,income,20,Donations,Cash\n")
    two = tmp_path / "two.csv"
    two.write_text(
        HEADER + "2026-01-05,income,20,Donations,Cash\n2026-01-06,income,5,Donations,Ana\n"
    )
    run(["import", "transactions", str(group), str(one)])
    capsys.readouterr()
    assert run(["import", "transactions", str(group), str(two)]) == 0
    out = capsys.readouterr().out
    assert (
        "1 transaction added, 1 likely duplicate skipped (same date, amount and counterparty" in out
    )


def test_bank_statement_with_a_saved_mapping(group, tmp_path, capsys):
    source = tmp_path / "union.csv"
    source.write_text("When,Who,Value\n2026-02-03,COUNTDOWN,-8.50\n", encoding="utf-8")
    argv = ["import", "bank", str(group), str(source), "--mapping", "Credit union"]
    columns = ["--map", "column:When=date", "--map", "column:Who=counterparty"]
    assert run([*argv, *columns, "--map", "column:Value=amount"]) == 0
    assert "1 transaction added" in capsys.readouterr().out
    later = tmp_path / "later.csv"
    later.write_text("When,Who,Value\n2026-03-03,COUNTDOWN,-9.50\n", encoding="utf-8")
    assert run(["import", "bank", str(group), str(later), "--mapping", "Credit union"]) == 0
    assert _count(group) == 2
    assert (
        run(
            [
                "import",
                "bank",
                str(group),
                str(BANKS / "kiwibank.csv"),
                "--map",
                "category:harcourts rentals=Rent",
            ]
        )
        == 0
    )
    assert "3 transactions added" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv_tail", "message"),
    [
        (["--map", "roles"], "is not WHAT:VALUE=TARGET"),
        (["--map", "planets:x=y"], "is not WHAT:VALUE=TARGET"),
        (["--map", "column:Who=colour"], "“colour” is not a field of a transactions import"),
        (["--map", "kinds:in=sideways"], "write income or expense"),
        (
            ["--map", "roles:lead=group_lead"],
            "--map roles:… does not apply to a transactions import",
        ),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(group, tmp_path, capsys, argv_tail, message):
    source = tmp_path / "t.csv"
    source.write_text(HEADER + "2026-01-05,income,20,Donations,Cash\n")
    assert run(["import", "transactions", str(group), str(source), *argv_tail]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.csv", bytes(range(256)) * 20, "is not a text file"),
        ("empty.csv", b"", "is empty"),
        ("fake.xlsx", b"PK\x03\x04 not really", "is not an .xlsx workbook"),
        ("quote.csv", (HEADER + '2026-01-05,income,"5,Donations,x\n').encode(), "is never closed"),
        (
            "dup.csv",
            b"date,kind,amount,category,amount\n2026-01-05,income,1,Donations,9\n",
            "more than one column called “amount”",
        ),
        ("missing.csv", None, "does not exist"),
        ("sheet.ods", b"whatever", "save it as .xlsx or .csv first"),
    ],
)
def test_bad_files_are_one_sentence_and_change_nothing(
    group, tmp_path, capsys, name, data, message
):
    source = tmp_path / name
    if data is not None:
        source.write_bytes(data)
    assert run(["import", "transactions", str(group), str(source)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert _count(group) == 0


def test_no_traceback_from_the_installed_command(group, tmp_path):
    source = tmp_path / "t.csv"
    source.write_bytes((HEADER + "2026-01-05garbage,income,(-5),Donations,x\n").encode("utf-16"))
    done = subprocess.run(
        [sys.executable, "-m", "sponsor_app", "import", "transactions", str(group), str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "“2026-01-05garbage” is not a date" in done.stderr
    assert "use brackets or a minus sign, not both" in done.stderr
