"""The command line: one line on stderr and a non-zero exit for every user mistake."""

import sqlite3
import subprocess
import sys

import pytest

from sponsor_app.cli import run
from sponsor_app.services.group.groups import group_info
from sponsor_app.storage.schema import SCHEMA_VERSION
from sponsor_app.storage.store import Store

from .storage.helpers import hold_open, release


def test_new_then_check(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    assert run(["new", str(path), "--name", "Ngāti Whātua Welcome", "--programme", "ca-g5"]) == 0
    with Store.open(path) as store:
        assert group_info(store).currency == "CAD"
    capsys.readouterr()
    assert run(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Schema:    {SCHEMA_VERSION}" in out and "Integrity: ok" in out and "Healthy." in out
    assert "ledger_category" in out


def _one_line_error(capsys, argv, expected_code=1):
    assert run(argv) == expected_code
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sponsor-app: "), captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_missing_file(tmp_path, capsys):
    assert "does not exist" in _one_line_error(capsys, ["check", str(tmp_path / "nope.sponsor")])


def test_not_a_group_file(tmp_path, capsys):
    path = tmp_path / "notes.sponsor"
    path.write_text("shopping list")
    assert "not a Sponsor Desk group file" in _one_line_error(capsys, ["check", str(path)])


def test_newer_schema(tmp_path, capsys):
    path = tmp_path / "new.sponsor"
    run(["new", str(path), "--name", "G"])
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num='0042'")
    connection.commit()
    connection.close()
    assert "newer version" in _one_line_error(capsys, ["check", str(path)])


def test_open_in_another_process(tmp_path, capsys):
    path = tmp_path / "busy.sponsor"
    run(["new", str(path), "--name", "G"])
    holder = hold_open(path)
    try:
        assert "already open" in _one_line_error(capsys, ["revert", str(path), "1"])
        # Reading needs no write lock: check, history and backup work while the other writes.
        assert run(["history", str(path)]) == 0
        assert run(["check", str(path)]) == 0
        assert run(["backup", str(path)]) == 0
    finally:
        release(holder)


def test_new_refuses_to_overwrite_and_bad_programme(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    assert "already exists" in _one_line_error(capsys, ["new", str(path), "--name", "H"])
    assert "invalid choice" in _one_line_error(
        capsys,
        ["new", str(tmp_path / "x.sponsor"), "--name", "H", "--programme", "fr"],
        expected_code=2,
    )


def test_unhealthy_file_exits_non_zero(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=OFF")
    # Another tool, which knows nothing of change sets, takes the audit trigger off first.
    connection.execute("DROP TRIGGER audit_task_insert")
    connection.execute(
        "INSERT INTO task (household_id, phase, outcome_area, title, guidance, source, "
        "family_facing, status, notes, milestone) "
        "VALUES (99, 'arrival_day', 'housing', 't', '', '', 0, 'open', '', 0)"
    )
    connection.commit()
    connection.close()
    assert run(["check", str(path)]) == 3
    assert "NOT healthy" in capsys.readouterr().out


@pytest.mark.slow
def test_installed_entry_point_runs_demo_and_check(tmp_path):
    """The real `sponsor-app` process, as a user runs it."""
    path = tmp_path / "demo.sponsor"
    command = [sys.executable, "-m", "sponsor_app"]
    demo = subprocess.run(
        [*command, "demo", str(path), "--size", "small"], capture_output=True, text=True
    )
    assert demo.returncode == 0, demo.stderr
    check = subprocess.run([*command, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0 and "Healthy." in check.stdout
    missing = subprocess.run(
        [*command, "check", str(tmp_path / "x.sponsor")], capture_output=True, text=True
    )
    assert (
        missing.returncode == 1
        and missing.stderr.count("\n") == 1
        and "Traceback" not in missing.stderr
    )


def test_backup_then_restore_brings_back_the_old_rows(tmp_path, capsys):
    from sponsor_app.services.roster.volunteers import (
        VolunteerInput,
        add_volunteer,
        list_volunteers,
    )

    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    with Store.open(path) as store:
        add_volunteer(store, VolunteerInput("Aroha Ngata", ("housing",)))
    assert run(["backup", str(path), "--to", str(tmp_path / "copies")]) == 0
    (copy,) = (tmp_path / "copies").glob("g backup *.sponsor")
    with Store.open(path) as store:
        add_volunteer(store, VolunteerInput("Later Person", ("housing",)))
    assert run(["restore", str(copy), str(path)]) == 0
    assert "was kept as" in capsys.readouterr().out
    with Store.open(path) as store:
        assert [v.full_name for v in list_volunteers(store)] == ["Aroha Ngata"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    before = path.read_bytes()
    bad = tmp_path / "bad.sponsor"
    bad.write_bytes(b"not a database at all")
    assert "not a Sponsor Desk group file" in _one_line_error(
        capsys, ["restore", str(bad), str(path)]
    )
    assert path.read_bytes() == before


def test_import_and_export_volunteers(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    source = tmp_path / "people.csv"
    source.write_text(
        "Name,Roles,Email\nAroha Ngata,Housing lead,aroha@example.org\nLi Wei,volunteer,\n",
        encoding="utf-8",
    )
    assert run(["import", "volunteers", str(path), str(source)]) == 0
    assert "2 volunteers added, 0 updated" in capsys.readouterr().out
    out = tmp_path / "roster.xlsx"
    assert run(["export", "volunteers", str(path), "--out", str(out)]) == 0
    assert out.exists()
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,roles\nX,astronaut\nY,\n", encoding="utf-8")
    assert run(["import", "volunteers", str(path), str(bad)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()  # one line per problem (tests/test_cli_imports.py)
    assert lines[0] == "sponsor-app: Nothing was imported from bad.csv: 2 problems."
    assert "“astronaut” is not one of the group's roles (line 2)" in lines[1]
    assert "line 3: no role" in lines[2] and captured.out == ""


def test_import_transactions_refuses_unknown_categories_with_the_list(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    source = tmp_path / "t.csv"
    source.write_text(
        'date,kind,amount,category\n2025-01-02,income,"1,200",Bake sale\n', encoding="utf-8"
    )
    assert run(["import", "transactions", str(path), str(source)]) == 1
    err = capsys.readouterr().err
    assert "“Bake sale” is not an income category of this group (line 2)" in err
    assert "The income categories are: Donations, Fundraising" in err
    good = tmp_path / "good.csv"
    good.write_text(
        'date,kind,amount,category\n2025-01-02,income,"1,200",donations\n', encoding="utf-8"
    )
    assert run(["import", "transactions", str(path), str(good)]) == 0
    out = tmp_path / "ledger.csv"
    assert run(["export", "transactions", str(path), "--out", str(out)]) == 0
    assert "2025-01-02,income,1200.00,Donations" in out.read_text(encoding="utf-8-sig")


def test_history_lists_change_sets_newest_first_and_filters_by_table(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    assert run(["demo", str(path), "--size", "small"]) == 0
    source = tmp_path / "gifts.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n"
        "2026-01-05,income,12.50,Donations,Aroha\n2026-01-06,income,20,Donations,Mere\n",
        encoding="utf-8",
    )
    assert run(["import", "transactions", str(path), str(source)]) == 0
    capsys.readouterr()
    assert run(["history", str(path), "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # header and two change sets
    assert "Import transactions from gifts.csv" in lines[1] and lines[1].split()[0] == "3"
    assert run(["history", str(path), "--table", "pledge"]) == 0
    out = capsys.readouterr().out
    assert "Fill the demo group" in out and "gifts.csv" not in out


def test_revert_the_wrong_import_then_refuse_to_revert_it_twice(tmp_path, capsys):
    from sponsor_app.services.funds.ledger import balance

    path = tmp_path / "g.sponsor"
    run(["demo", str(path), "--size", "small"])
    with Store.open(path) as store:
        before = balance(store)
    source = tmp_path / "wrong.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n2026-01-05,income,999,Donations,Oops\n",
        encoding="utf-8",
    )
    run(["import", "transactions", str(path), str(source)])
    capsys.readouterr()
    assert run(["revert", str(path), "3"]) == 0
    assert "Reverted change 3 (“Import transactions from wrong.csv”)" in capsys.readouterr().out
    with Store.open(path) as store:
        assert balance(store) == before
    assert run(["revert", str(path), "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already reverted by change 4" in err


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["revert", "{file}", "999"], 1, "There is no change 999"),
        (["revert", "{file}", "abc"], 2, "not a whole number"),
        (["revert", "{file}", "0"], 2, "out of range"),
        (["revert", "{missing}", "1"], 1, "does not exist"),
        (["history", "{file}", "--limit", "-3"], 2, "out of range"),
        (["history", "{missing}"], 1, "does not exist"),
        (["revert", "{file}", "1"], 1, "Change 1 created the group itself"),
    ],
)
def test_history_and_revert_mistakes_are_one_line(tmp_path, capsys, args, code, words):
    path = tmp_path / "g.sponsor"
    run(["new", str(path), "--name", "G"])
    run(["import", "transactions", str(path), str(_one_gift(tmp_path))])
    capsys.readouterr()
    filled = [a.format(file=path, missing=tmp_path / "nope.sponsor") for a in args]
    assert run(filled) == code
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def _one_gift(folder):
    source = folder / "gift.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n2026-01-05,income,5,Donations,A\n",
        encoding="utf-8",
    )
    return source


def test_tasks_overdue_agrees_with_the_dashboard_on_the_large_demo(
    tmp_path, capsys, large_demo_bytes
):
    import csv
    import io

    from sponsor_app.services.group.dashboard import dashboard

    from .conftest import TODAY

    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    with Store.open(path) as store:
        figures = dashboard(store, TODAY)
    assert run(["tasks", str(path), "--overdue", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(figures.overdue) > 0
    assert sorted((r["household"], r["title"]) for r in rows) == sorted(
        (t.household_code, t.title) for t in figures.overdue
    )
    assert all(r["due"] < TODAY.isoformat() for r in rows)
    assert run(["tasks", str(path), "--due-within", str(figures.windows.due_soon_days)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(f"{len(figures.overdue) + len(figures.due_soon)} tasks.")


def test_tasks_for_one_household_and_one_volunteer(tmp_path, capsys, large_demo_bytes):
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    assert run(["tasks", str(path), "--household", "h2", "--assignee", "mele taufa", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["household", "due", "phase", "area", "title", "assignee", "status"]
    assert all(line.startswith("H2 ") and "Mele Taufa" in line for line in lines[1:-1])


def test_calendar_writes_an_ics_the_library_reads_back(tmp_path, capsys, large_demo_bytes):
    from icalendar import Calendar

    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    out = tmp_path / "mele.ics"
    assert run(["calendar", str(path), "--volunteer", "Mele Taufa", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert f"Wrote {len(events)} open tasks of Mele Taufa" in said and events
    assert all(str(e.get("summary"))[:2] in {"H1", "H2", "H3", "H4"} for e in events)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["tasks", "{file}", "--household", "H9"], 1, "There is no household H9"),
        (["tasks", "{file}", "--assignee", "Nobody At All"], 1, "No volunteer is called"),
        (["tasks", "{file}", "--due-within", "soon"], 2, "not a whole number"),
        (["tasks", "{missing}"], 1, "does not exist"),
        (["calendar", "{file}", "--volunteer", "Nobody", "--out", "{out}"], 1, "No volunteer"),
        (
            ["calendar", "{file}", "--volunteer", "Mele Taufa", "--out", "{exists}"],
            1,
            "already exists",
        ),
        (
            ["calendar", "{file}", "--volunteer", "Mele Taufa", "--out", "{nofolder}"],
            1,
            "Cannot write",
        ),
        (["calendar", "{file}", "--out", "{out}"], 2, "--volunteer"),
    ],
)
def test_tasks_and_calendar_mistakes_are_one_line(
    tmp_path, capsys, large_demo_bytes, args, code, words
):
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    (tmp_path / "exists.ics").write_text("keep")
    filled = [
        a.format(
            file=path,
            missing=tmp_path / "nope.sponsor",
            out=tmp_path / "out.ics",
            exists=tmp_path / "exists.ics",
            nofolder=tmp_path / "no" / "folder.ics",
        )
        for a in args
    ]
    assert run(filled) == code
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert (tmp_path / "exists.ics").read_text() == "keep"


@pytest.mark.parametrize("typo", ["frobnicate", "hisotry", "report-evaluation"])
def test_an_unknown_command_says_so_and_exits_2_without_opening_the_window(typo, capsys):
    from sponsor_app.__main__ import main

    assert main([typo, "group.sponsor"]) == 2
    err = capsys.readouterr().err
    assert f"there is no command “{typo}”" in err and "history" in err and err.count("\n") == 1


def test_a_group_file_opens_the_window_rather_than_the_command_line(tmp_path):
    from sponsor_app.cli import is_command_line

    existing = tmp_path / "riverside"
    existing.write_text("")
    assert not is_command_line(["riverside.sponsor"])
    assert not is_command_line([str(existing)])
    assert not is_command_line([])
    assert is_command_line(["--version"]) and is_command_line(["frobnicate"])


def test_the_window_without_a_display_says_so_in_one_sentence(monkeypatch, capsys):
    from sponsor_app.__main__ import main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert main([]) == 1
    assert "no display was found" in capsys.readouterr().err
