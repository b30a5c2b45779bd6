"""A retention purge finds the person in every text column of every table (found from the
live schema), in every form (any case, with or without accents, a first or family name alone,
an email or phone however written), in the rows and in their history, and leaves none of it:
not in the file, not in its log, not in the backup made after, byte for byte in both UTF-8
forms. Another person's name that shares a word with theirs stays.

The names are planted by plain SQL into every text column of a row of each table, so a column
added next year is planted and checked without this test being edited."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from sponsor_app.domain.enums import OutcomeArea, Phase
from sponsor_app.domain.text import fold
from sponsor_app.services.files.retention import remove_household_details, remove_volunteer_details
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.households.households import list_households, list_members
from sponsor_app.services.roster.volunteers import archive_volunteer, list_volunteers
from sponsor_app.storage.connect import connect
from sponsor_app.storage.facts import text_columns
from sponsor_app.storage.models import (
    CategoryRule,
    ImportMapping,
    LedgerCategory,
    ReportNarrative,
    TaskTemplate,
)

from ...storage.sync.shared import share_with_a_conflict

# The history is planted through the audit triggers; the profile's id names its backups, and
# its programme, currency and locale are codes the app looks up (a name there breaks the file
# before any purge).
NOT_PLANTED = {
    ("group_profile", "uuid"),
    ("group_profile", "programme_key"),
    ("group_profile", "currency"),
    ("group_profile", "locale"),
}


def _codes() -> set[tuple[str, str]]:
    """Columns the model says hold a code the app makes or looks up (info["code"]: sharing's
    ids, table and column names), never a person's text."""
    from sponsor_app.storage.models import Base

    return {
        (table.name, column.name)
        for table in Base.metadata.tables.values()
        for column in table.columns
        if "code" in column.info
    }


# What says who another person is: their own name, email and phone stay theirs even where
# they are the same words (a volunteer called Sami is not the child Sami), so they are planted
# only in the purged person's own row.
IDENTITY = {
    ("volunteer", "full_name"),
    ("volunteer", "email"),
    ("volunteer", "phone"),
    ("household", "family_name"),
    ("household_member", "full_name"),
}
# Columns a name cannot be put in at all (fixed choices, keys other rows refer to): the
# database itself refuses the plant. Anything else refused is a failure of this test.
REFUSED_ALLOWED = {
    ("role", "key"),
    ("volunteer_role", "role"),
}


@pytest.fixture
def store(tmp_path, small_demo_bytes):
    path = tmp_path / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    with open_group(path) as opened:
        # shared with another laptop, with a conflict: every sharing table holds a row
        volunteer = list_volunteers(opened)[0]
        share_with_a_conflict(opened, "volunteer", volunteer.id, "notes", "Ours", "Theirs")
        yield opened


def _fill_empty_tables(session) -> None:
    category = session.query(LedgerCategory).first()
    session.add(ReportNarrative(period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)))
    session.add(CategoryRule(pattern="x", field="counterparty", category_id=category.id))
    session.add(
        TaskTemplate(
            phase=Phase.PRE_ARRIVAL,
            offset_days=0,
            outcome_area=OutcomeArea.HOUSING,
            title="x",
        )
    )
    session.add(ImportMapping(kind="transactions", name="x", signature="x", settings="{}"))
    session.flush()


def _plant(store, forms: list[str], own: dict[str, int]) -> set[tuple[str, str]]:
    """Every text column of the first row of every table holds the forms, by plain SQL in one
    change set (so the history holds them too), the person's own rows (`own`: table -> id)
    taking the place of the first where there is one. Returns the (table, column) planted."""
    planted: set[tuple[str, str]] = set()
    refused: set[tuple[str, str]] = set()
    codes = _codes()
    with store.transaction(f"Plant {forms[0]} for the test") as session:
        _fill_empty_tables(session)
        connection = session.connection()
        listed = text_columns(connection.connection.driver_connection)
        for table, columns in listed.items():
            if table in ("audit_entry", "change_set"):
                continue
            first = (
                own.get(table)
                or connection.exec_driver_sql(f'SELECT min(rowid) FROM "{table}"').scalar()
            )
            assert first is not None, f"{table} has no row to plant in"
            for n, column in enumerate(columns):
                if (table, column) in NOT_PLANTED or (table, column) in codes:
                    continue
                if (table, column) in IDENTITY and table not in own:
                    continue
                text = f"{forms[n % len(forms)]} and {forms[(n + 1) % len(forms)]} ({column})"
                try:
                    with connection.begin_nested():
                        connection.exec_driver_sql(
                            f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (text, first)
                        )
                    planted.add((table, column))
                except IntegrityError:
                    refused.add((table, column))
    enums = _enum_columns()
    assert refused - enums <= REFUSED_ALLOWED, refused - enums - REFUSED_ALLOWED
    assert len(planted) > 55
    return planted


def _enum_columns() -> set[tuple[str, str]]:
    from sqlalchemy import Enum

    from sponsor_app.storage.models import Base

    return {
        (table.name, column.name)
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Enum) or column.name in ("field",)
    }


def _every_text(path: Path) -> list[str]:
    connection = connect(path, read_only=True)
    try:
        found = []
        for table, columns in text_columns(connection).items():
            listed = ", ".join(f'"{c}"' for c in columns)
            for row in connection.execute(f'SELECT {listed} FROM "{table}"'):
                found += [f"{table}: {value}" for value in row if isinstance(value, str)]
        return found
    finally:
        connection.close()


def _words_left(texts: list[str], parts: set[str]) -> list[str]:
    """Texts where a part of the name is still a word (case and accents aside)."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in parts) + r")\b")
    return [t for t in texts if pattern.search(fold(t))]


def _bytes_left(raw: bytes, forms: list[str]) -> list[str]:
    """Forms still in the bytes, in UTF-8 as composed or decomposed, any case."""
    left = []
    for form in forms:
        for normal in ("NFC", "NFD"):
            for text in {form, form.upper(), form.lower()}:
                if unicodedata.normalize(normal, text).encode() in raw:
                    left.append(f"{normal} {text}")
    return left


def _files_and_backup_after(store) -> bytes:
    backup = store.backup("after-the-purge")
    return b"".join(
        p.read_bytes() for p in [*store.path.parent.glob(f"{store.path.name}*"), backup]
    )


def test_a_households_purge_leaves_no_form_of_its_names_anywhere(store):
    """ "Al-Khatib" 18 times, "Sami" 12, "Nour" 18, "Khaled" 15 were left, in the backup after
    too: names matched exactly, case-sensitively, whole full names only."""
    household = next(h for h in list_households(store) if h.code == "H1")
    forms = [
        "Enrol Sami at Kāpiti College (SAMI AL-KHATIB)",
        "bond refund to Khaled",
        "Khaled Al-Khatib",
        "for Nour",
        "NOUR-UNIFORM",
        "The Al-Khatib family settled well",
        "AL-KHATIB",
        "yāsmīn al khatib",
        unicodedata.normalize("NFD", "Rānia Al-Khaṭīb"),
        "Khatib's",
    ]
    _plant(store, forms, {"household": household.id})
    # A member's name written at once on two laptops: both kept by sharing, as JSON
    member = list_members(store, household.id)[0]
    share_with_a_conflict(
        store, "household_member", member.id, "full_name", "Sami Al-Khatib", "Sāmi Al-Khaṭīb"
    )
    remove_household_details(store, household.id)
    parts = {"sami", "khaled", "nour", "yasmin", "rania", "khatib"}
    assert _words_left(_every_text(store.path), parts) == []
    raw = _files_and_backup_after(store)
    names = ["Sami", "Khaled", "Nour", "Yasmin", "Yāsmīn", "Rania", "Rānia", "Khatib", "Khaṭīb"]
    assert _bytes_left(raw, names) == []


def test_a_volunteers_purge_leaves_no_name_email_or_phone_and_spares_a_namesake(store):
    """Their name was left 20 times, and a phone number: pledge donor, ledger counterparty and
    note, a check-in summary, a task title, another volunteer's notes, and all history rows."""
    leaver = next(v for v in list_volunteers(store) if v.full_name == "Rāwiri Te Whata")
    other = next(v for v in list_volunteers(store) if v.full_name == "Hēmi Rāwiri")
    archive_volunteer(store, leaver.id)
    forms = [
        "RĀWIRI TE WHATA",
        "rawiri te whata",
        "Rāwiri drove",
        "Te Whata",
        "RAWIRI.7@EXAMPLE.ORG",
        "call +64 21 292 7101",
        "021-292-7101",
        "Hēmi Rāwiri and Rāwiri Te Whata",
    ]
    _plant(store, forms, {"volunteer": leaver.id})
    remove_volunteer_details(store, leaver.id)
    texts = _every_text(store.path)
    assert _words_left(texts, {"whata", "rawiri.7"}) == []
    # "Rāwiri" alone was his (a first name); inside "Hēmi Rāwiri" it is Hēmi's and stays.
    alone = [t for t in texts if re.search(r"(?<!hemi )\brawiri\b", fold(t))]
    assert alone == []
    assert [t for t in texts if "292" in t and "7101" in t] == []
    kept = next(v for v in list_volunteers(store) if v.id == other.id)
    assert kept.full_name == "Hēmi Rāwiri" and kept.email == other.email
    assert any("Hēmi Rāwiri and (details removed)" in t for t in texts)
    raw = _files_and_backup_after(store)
    assert _bytes_left(raw, ["Te Whata", "rawiri.7@example.org", "292 7101", "292-7101"]) == []


def test_a_household_deleted_for_good_falls_due_and_its_history_is_scrubbed(store):
    """Its members' names and health notes stayed in the history for ever ("HEALTHSECRET"
    twice, "Al-Khatib" 15 times), and retention never listed it."""
    from sponsor_app.services.files.history import list_change_sets
    from sponsor_app.services.files.retention import retention_due
    from sponsor_app.services.households.households import (
        MemberInput,
        delete_household,
        edit_member,
        list_members,
    )

    household = next(h for h in list_households(store) if h.code == "H1")
    member = list_members(store, household.id)[0]
    edit_member(
        store,
        member.id,
        MemberInput(
            member.full_name,
            member.relationship_to_principal,
            member.date_of_birth,
            member.is_principal,
            member.notes,
            health_notes="HEALTHSECRET asthma",
        ),
    )
    delete_household(store, household.id)
    due = retention_due(store, today=date(2030, 1, 1)).households
    assert [(h.household_id, h.code, h.deleted) for h in due] == [(household.id, "H1", True)]
    remove_household_details(store, household.id)
    texts = _every_text(store.path)
    assert [t for t in texts if "HEALTHSECRET" in t] == []
    assert _words_left(texts, {"khatib", "sami", "nour", "yasmin", "khaled", "rania"}) == []
    assert not retention_due(store, today=date(2030, 1, 1)).households
    newest = list_change_sets(store, limit=1)[0]
    assert newest.description == "Removed the personal details of household H1"
    assert newest.kind == "erasure"
