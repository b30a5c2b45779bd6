"""Files that were altered or cut short, and sources that are not files: every case one line on
stderr (or a NOT healthy report from `check`), never a traceback, and nothing changed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.group.groups import NewGroup, create_group, open_group


@pytest.fixture
def group(tmp_path) -> Path:
    path = tmp_path / "group.sponsor"
    create_group(path, NewGroup(name="Altered")).close()
    return path


def _alter(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


ALTERATIONS = {
    "empty schema version": ("DELETE FROM alembic_version",),
    "unknown schema version": ("UPDATE alembic_version SET version_num = '0003_banana'",),
    "a word for a version": ("UPDATE alembic_version SET version_num = 'banana'",),
    "a dropped table": ("DROP TABLE volunteer_hours",),
    "no group profile": (
        "DROP TRIGGER audit_group_profile_delete",
        "DELETE FROM group_profile",
    ),
}
FINDINGS = {
    "empty schema version": "its schema version is missing",
    "unknown schema version": "its schema version “0003_banana” is not one Sponsor Desk knows",
    "a word for a version": "its schema version “banana” is not one Sponsor Desk knows",
    "a dropped table": "the table volunteer_hours is missing",
    "no group profile": "the group profile is missing",
}
REFUSALS = {**FINDINGS, "no group profile": "it has no group profile"}


@pytest.mark.parametrize("case", sorted(ALTERATIONS))
def test_an_altered_file_is_refused_with_a_sentence_and_check_says_what(group, capsys, case):
    _alter(group, *ALTERATIONS[case])
    before = group.read_bytes()
    for command in (
        ["history", str(group)],
        ["export", "volunteers", str(group), "--out", "x.csv"],
    ):
        assert run(command) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "is damaged and cannot be opened" in err and REFUSALS[case] in err, err
    assert run(["check", str(group)]) == 3
    out = capsys.readouterr().out
    assert FINDINGS[case] in out and "NOT healthy" in out
    assert group.read_bytes() == before


def test_check_finds_missing_audit_triggers_and_an_open_puts_them_back(group, capsys):
    _alter(group, "DROP TRIGGER audit_volunteer_insert")
    assert run(["check", str(group)]) == 3
    assert "audit triggers missing" in capsys.readouterr().out
    assert run(["history", str(group)]) == 0  # reading works, and changes nothing
    assert run(["check", str(group)]) == 3
    open_group(group).close()  # as the window opens it
    assert run(["check", str(group)]) == 0


def test_check_reads_a_file_while_another_process_writes_it(group, capsys):
    from .storage.helpers import hold_open, release

    holder = hold_open(group)
    try:
        assert run(["check", str(group)]) == 0
    finally:
        release(holder)
    assert "Healthy." in capsys.readouterr().out


def _import_in_a_process(group: Path, source: Path) -> subprocess.CompletedProcess:
    """In its own process with a time limit: a named pipe once made the import wait forever."""
    return subprocess.run(
        [sys.executable, "-m", "sponsor_app", "import", "volunteers", str(group), str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes as on POSIX")
@pytest.mark.parametrize("kind", ["folder", "named pipe", "device"])
def test_an_import_source_that_is_not_a_file_is_a_sentence(group, tmp_path, kind):
    if kind == "folder":
        source = tmp_path / "people.csv"
        source.mkdir()
        words = "is a folder"
    elif kind == "named pipe":
        source = tmp_path / "pipe.csv"
        os.mkfifo(source)
        words = "not a regular file"
    else:
        source = Path("/dev/zero")
        words = "not a regular file"
    before = group.read_bytes()
    done = _import_in_a_process(group, source)
    assert done.returncode == 1 and words in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert group.read_bytes() == before


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="needs root to act as another user"
)
def test_an_import_source_we_may_not_read_is_a_sentence():
    from sponsor_app.services.imports.sources import SpreadsheetFileError, open_source

    folder = Path(tempfile.mkdtemp(prefix="sponsor-private-", dir="/tmp"))
    try:
        os.chmod(folder, 0o755)
        source = folder / "private.csv"
        source.write_text("name,roles\nA,volunteer\n")
        os.chmod(source, 0o600)
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            os.close(read_end)
            try:
                os.setgid(65534)
                os.setuid(65534)
                open_source(source)
                answer = "read it"
            except SpreadsheetFileError as error:
                answer = str(error)
            except BaseException as error:
                answer = f"{type(error).__name__}: {error}"
            os.write(write_end, answer.encode())
            os._exit(0)
        os.close(write_end)
        os.waitpid(child, 0)
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read().decode()
        assert "cannot be read (Permission denied)" in answer, answer
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_export_to_xlsx_of_a_value_with_a_control_character(group, tmp_path, capsys):
    _alter(
        group,
        "DROP TRIGGER IF EXISTS audit_volunteer_insert",
        "INSERT INTO volunteer (full_name, email, phone, languages, notes, active)"
        " VALUES ('Bell\x07Ringer', NULL, '', '', '', 1)",
    )
    out = tmp_path / "roster.xlsx"
    # An XLSX file cannot hold U+0007: the export still succeeds, writing U+FFFD in its place
    # (imports now refuse such characters; only a file from an older version holds one).
    assert run(["export", "volunteers", str(group), "--out", str(out)]) == 0
    from openpyxl import load_workbook

    names = [cell for row in load_workbook(out).active.iter_rows(values_only=True) for cell in row]
    assert "Bell\ufffdRinger" in names
    assert run(["export", "volunteers", str(group), "--out", str(tmp_path / "roster.csv")]) == 0


def test_a_change_set_left_open_is_found_by_check_and_closed_at_the_next_open(group, capsys):
    """A change set committed while still open (a crash at the wrong moment, another program)
    blocked every write with an IntegrityError while check said Healthy."""
    _alter(
        group,
        "UPDATE change_set SET is_open = 1 WHERE id = 1",
        "INSERT INTO change_set (at, actor, description, kind, is_open) "
        "VALUES ('2026-01-01 00:00:00', 'another program', 'half done', 'edit', NULL)",
    )
    assert run(["check", str(group)]) == 3
    out = capsys.readouterr().out
    assert "change 1 was left open" in out and "next open puts it right" in out, out
    source = group.parent / "people.csv"
    source.write_text("Name,Roles\nMere Tane,volunteer\n", encoding="utf-8")
    assert run(["import", "volunteers", str(group), str(source)]) == 0, capsys.readouterr().err
    assert run(["check", str(group)]) == 0
    capsys.readouterr()
    assert run(["history", str(group)]) == 0
    out = capsys.readouterr().out
    assert "Create the group Altered" in out and "Mere Tane" not in out.split("\n")[0]


def test_an_empty_change_set_left_open_is_removed_and_the_window_can_save(group):
    from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer

    _alter(
        group,
        "INSERT INTO change_set (at, actor, description, kind, is_open) "
        "VALUES ('2026-01-01 00:00:00', 'another program', 'half done', 'edit', 1)",
    )
    with open_group(group) as store:
        add_volunteer(store, VolunteerInput("Mere Tane", ("volunteer",)))
    connection = sqlite3.connect(group)
    assert connection.execute("SELECT count(*) FROM change_set WHERE is_open = 1").fetchone() == (
        0,
    )
    assert connection.execute(
        "SELECT count(*) FROM change_set WHERE description = 'half done'"
    ).fetchone() == (0,)
    connection.close()


WRONG_KINDS = {
    "text in a date column": (
        "UPDATE household SET arrival_date = 'soon' WHERE id = 1",
        "household 1: arrival_date holds “soon”, not a date",
    ),
    "an unknown choice": (
        "UPDATE task SET status = 'bogus' WHERE id = (SELECT min(id) FROM task)",
        "status holds “bogus”, not one of: open",
    ),
    "a text amount": (
        "UPDATE ledger_transaction SET amount_minor = '12.50x' "
        "WHERE id = (SELECT min(id) FROM ledger_transaction)",
        "amount_minor holds “12.50x”, not a whole number",
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG_KINDS))
def test_a_value_of_the_wrong_kind_is_named_by_check_and_by_every_reader(
    demo, tmp_path, capsys, case
):
    """Written by another program (around the CHECK constraints): tracebacks in export,
    report and tasks while check said Healthy."""
    statement, words = WRONG_KINDS[case]
    _alter(demo, "PRAGMA ignore_check_constraints = ON", "DROP TRIGGER IF EXISTS "
           f"audit_{statement.split()[1]}_update", statement)  # fmt: skip
    assert run(["check", str(demo)]) == 3
    out = capsys.readouterr().out
    assert words in out and "NOT healthy" in out, out
    refused = []
    for command in (
        ["export", "transactions", str(demo), "--out", str(tmp_path / "t.csv")],
        ["report", "evaluation", str(demo), "--out", str(tmp_path / "e.pdf")],
        ["report", "finances", str(demo), "--out", str(tmp_path / "f.pdf")],
        ["tasks", str(demo), "--all"],
    ):
        code = run(command)
        err = capsys.readouterr().err
        if code == 0:
            continue  # this reader never looks at that value
        refused.append(command[0])
        assert code == 1 and err.count("\n") == 1, (command, err)
        assert "holds a value Sponsor Desk cannot read" in err and "Traceback" not in err, err
    assert refused, "no reader met the value"
