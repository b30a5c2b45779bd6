"""Subject access: every row that names a person, and only the words about them."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.money import Money
from sponsor_app.services.files.subject import write_subject_access
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    list_categories,
    record_transaction,
)
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.households.households import (
    MemberInput,
    edit_member,
)
from sponsor_app.services.plan.calendar import find_volunteer
from sponsor_app.services.roster.volunteers import (
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)

from .conftest import every_row, principal

HEALTH = "Asthma; sees Dr Whitcombe monthly"
IMMIGRATION = "Refugee status granted 2025; visa number XQ-778812"


@pytest.fixture
def demo(tmp_path, small_demo_bytes):
    path = tmp_path / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    with open_group(path) as store:
        yield store


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


# --- a person's data on request ----------------------------------------------------------
def test_subject_finds_every_row_that_names_the_person(demo, tmp_path):
    person = list_volunteers(demo)[0]
    written = write_subject_access(demo, person.email, tmp_path / "out")
    found = set()
    for path in written.files:
        if path.suffix == ".csv" and path.name != "history.csv":
            with path.open(encoding="utf-8-sig") as handle:
                reader = csv.reader(handle)
                next(reader)
                found |= {(path.stem, tuple(row)) for row in reader}
    # Every row of the file (outside the history) in which their name or email appears.
    expected = {
        (table, tuple("" if v is None else str(v) for v in row))
        for table, row in every_row(demo.path)
        if table not in ("audit_entry", "change_set")
        and any(isinstance(v, str) and (person.full_name in v or person.email in v) for v in row)
    }
    assert expected and expected <= found
    tables = {table for table, _row in found}
    assert {"volunteer", "volunteer_role", "vetting_check", "volunteer_hours"} <= tables
    history = (tmp_path / "out" / "history.csv").read_text(encoding="utf-8-sig")
    assert person.full_name in history  # the change that added them, with its values
    for path in (tmp_path / "out").iterdir():
        assert path.stat().st_mode & 0o077 == 0, path
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o700


def test_subject_refuses_an_existing_folder_without_force(demo, tmp_path):
    person = list_volunteers(demo)[0]
    (tmp_path / "out").mkdir()
    with pytest.raises(InvalidInput, match="add --force"):
        write_subject_access(demo, person.full_name, tmp_path / "out")
    write_subject_access(demo, person.full_name, tmp_path / "out", force=True)
    assert json.loads(json.dumps((tmp_path / "out" / "README.txt").read_text()))


def test_subject_leaves_out_sensitive_notes_that_mention_the_person(demo, tmp_path):
    person = list_volunteers(demo)[0]
    _household, member = principal(demo)
    edit_member(
        demo,
        member.id,
        MemberInput(
            member.full_name,
            member.relationship_to_principal,
            member.date_of_birth,
            True,
            f"Driven to the clinic by {person.full_name}",
            health_notes=f"{HEALTH}; {person.full_name} knows",
            immigration_notes=IMMIGRATION,
        ),
    )
    write_subject_access(demo, person.email, tmp_path / "out")
    members = _csv_rows(tmp_path / "out" / "household_member.csv")
    (row,) = [r for r in members if r["id"] == str(member.id)]  # the note names them
    assert "health_notes" not in row and "immigration_notes" not in row  # never a column
    for path in (tmp_path / "out").iterdir():
        text = path.read_text(encoding="utf-8-sig")
        assert "Whitcombe" not in text and "XQ-778812" not in text, path.name
        # The member's row is theirs, not the volunteer's: only the note naming the volunteer
        # goes, never the member's name or birth date (the retest found both in both files).
        assert member.full_name not in text, path.name
        assert member.date_of_birth.isoformat() not in text, path.name
    assert row["notes"] == f"Driven to the clinic by {person.full_name}"
    assert row["full_name"] == row["date_of_birth"] == ""


def test_subject_matches_whole_names_and_never_takes_another_volunteers_row(demo, tmp_path):
    other = next(v for v in list_volunteers(demo) if v.full_name == "Aroha Ngata")
    aroha = add_volunteer(demo, VolunteerInput("Aroha", ("volunteer",), notes="Arohanui!"))
    write_subject_access(demo, "aroha", tmp_path / "out")
    (own,) = _csv_rows(tmp_path / "out" / "volunteer.csv")
    assert own["id"] == str(aroha.id)
    for path in (tmp_path / "out").iterdir():
        text = path.read_text(encoding="utf-8-sig")
        assert other.email not in text and "Ngata" not in text, path.name


def test_two_volunteers_of_one_name_are_told_apart_by_number(demo, tmp_path):
    first = add_volunteer(demo, VolunteerInput("Sam Lee", ("volunteer",), notes="first"))
    second = add_volunteer(demo, VolunteerInput("Sam Lee", ("volunteer",), notes="second"))
    with pytest.raises(InvalidInput, match=f"#{first.id} Sam Lee.*#{second.id} Sam Lee"):
        write_subject_access(demo, "sam lee", tmp_path / "out")
    written = write_subject_access(demo, f"#{second.id}", tmp_path / "out")
    assert [r["notes"] for r in _csv_rows(tmp_path / "out" / "volunteer.csv")] == ["second"]
    assert written.name == "Sam Lee"


def test_a_name_that_fits_many_lists_ten_and_counts_the_rest(demo):
    for n in range(11):
        add_volunteer(demo, VolunteerInput(f"Robin Tane {n}", ("volunteer",)))
    with pytest.raises(InvalidInput) as refused:
        find_volunteer(demo, "robin tane")
    message = str(refused.value)
    assert "fits 11 volunteers" in message and message.count("<no email>") == 10
    assert "and 1 more" in message


def test_subject_gives_only_the_words_about_the_person_never_others_or_internal_columns(
    demo, tmp_path
):
    """Whole texts that named them went out ("...Nour Al-Khatib has asthma", "help Yasmin
    Al-Khatib with UNHCR case 555"), and search_text leaked a note left out on purpose."""
    from sponsor_app.services.plan.plan import plan_tasks

    aroha = next(v for v in list_volunteers(demo) if v.full_name == "Aroha Ngata")
    _household, member = principal(demo)
    edit_member(
        demo,
        member.id,
        MemberInput(
            member.full_name,
            member.relationship_to_principal,
            member.date_of_birth,
            True,
            "Aroha Ngata drove her to the clinic. Nour Al-Khatib has asthma.",
        ),
    )
    category = list_categories(demo, TransactionKind.EXPENSE)[0]
    record_transaction(
        demo,
        TransactionInput(
            date(2026, 5, 2),
            TransactionKind.EXPENSE,
            Money(2500, "NZD"),
            category.id,
            counterparty="Aroha Ngata",
            note="inhaler for Nour",
        ),
    )
    with demo.transaction("Give Aroha a task") as session:
        session.connection().exec_driver_sql(
            "UPDATE task SET title = ?, assignee_id = ? WHERE id = ?",
            (
                "Aroha Ngata to help Yasmin Al-Khatib with UNHCR case 555",
                aroha.id,
                plan_tasks(demo)[0].id,
            ),
        )
    write_subject_access(demo, aroha.email, tmp_path / "out")
    everything = "\n".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out").iterdir())
    assert "Aroha Ngata drove her to the clinic." in everything
    assert "Aroha Ngata to help a family member with UNHCR case 555" in everything
    for other in ("asthma", "Nour", "Yasmin", "Al-Khatib", "inhaler", "search_text"):
        assert other not in everything, other
    assert "a family member" in everything
