"""Sensitive fields, retention and a person's data on request, on the small demo group."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.domain.reports import GROUP_REPORTS, ReportKind
from sponsor_app.domain.text import fold
from sponsor_app.reports.generate import write
from sponsor_app.services.files.history import RevertRefused, list_change_sets, revert
from sponsor_app.services.files.retention import (
    remove_household_details,
    remove_volunteer_details,
    retention_due,
)
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    edit_transaction,
    list_categories,
    record_transaction,
    transaction_input,
)
from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.households.households import (
    MemberInput,
    edit_member,
    list_members,
    show_sensitive_details,
)
from sponsor_app.services.imports.transaction_io import export_transactions
from sponsor_app.services.imports.volunteer_io import export_volunteers
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.gather import ReportRequest, prepare
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.roster.volunteers import (
    archive_volunteer,
    list_volunteers,
)

from ...reports.helpers import text_of
from .conftest import every_row, principal

HEALTH = "Asthma; sees Dr Whitcombe monthly"
IMMIGRATION = "Refugee status granted 2025; visa number XQ-778812"


@pytest.fixture
def demo(tmp_path, small_demo_bytes):
    path = tmp_path / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    with open_group(path) as store:
        yield store


LATER = date(2030, 1, 1)
MADE = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)  # long after every demo household's support period


def _give_sensitive_notes(store):
    household, member = principal(store)
    edit_member(
        store,
        member.id,
        MemberInput(
            member.full_name,
            member.relationship_to_principal,
            member.date_of_birth,
            True,
            member.notes,
            health_notes=HEALTH,
            immigration_notes=IMMIGRATION,
        ),
    )
    return household, member


# --- sensitive fields --------------------------------------------------------------------
def test_sensitive_notes_are_shown_only_on_request_and_the_request_is_recorded(demo):
    household, member = _give_sensitive_notes(demo)
    row = next(m for m in list_members(demo, household.id) if m.id == member.id)
    assert row.has_sensitive_details
    assert HEALTH not in repr(row) and IMMIGRATION not in repr(row)  # not in the list's rows
    shown = show_sensitive_details(demo, member.id)
    assert (shown.health_notes, shown.immigration_notes) == (HEALTH, IMMIGRATION)
    (latest,) = list_change_sets(demo, limit=1)
    assert latest.kind == "access" and latest.actor == demo.actor
    assert latest.description == f"Showed the sensitive details of member {member.id} of H1"
    with pytest.raises(RevertRefused, match="who saw what cannot be taken back"):
        revert(demo, latest.id)


def test_an_edit_that_never_showed_them_keeps_them(demo):
    _household, member = _give_sensitive_notes(demo)
    edit_member(demo, member.id, MemberInput("A new spelling", is_principal=True))
    assert show_sensitive_details(demo, member.id).health_notes == HEALTH


def test_sensitive_notes_are_in_no_export_and_no_report(demo, tmp_path):
    _give_sensitive_notes(demo)
    outputs = [
        export_volunteers(demo, tmp_path / "v.csv"),
        export_transactions(demo, tmp_path / "t.csv"),
        export_volunteers(demo, tmp_path / "v.xlsx"),
    ]
    period = Period(date(2024, 1, 1), date(2026, 6, 15))
    texts = [p.read_bytes().decode("utf-8", "replace") for p in outputs[:2]]
    with zipfile.ZipFile(outputs[2]) as book:
        texts += [book.read(name).decode() for name in book.namelist()]
    bundle = tmp_path / "bundle.zip"
    for kind in GROUP_REPORTS:
        for named in (False, True):
            out = tmp_path / f"{kind.value}-{named}.pdf"
            extra = {"bundle": bundle} if kind is ReportKind.EVALUATION and not named else {}
            write(prepare(demo, ReportRequest(kind, out, period, named, **extra)))
            texts.append(text_of(out))
    with zipfile.ZipFile(bundle) as data:
        for name in data.namelist():
            if name.endswith(".xlsx"):  # the bundle's workbook: a zip of XML in the zip
                with zipfile.ZipFile(io.BytesIO(data.read(name))) as book:
                    texts += [book.read(part).decode() for part in book.namelist()]
            else:
                texts.append(data.read(name).decode())
    for text in texts:
        assert "Whitcombe" not in text and "XQ-778812" not in text


# --- retention -----------------------------------------------------------------------------
def test_nothing_is_due_during_support_and_a_household_is_due_after_it(demo):
    assert not retention_due(demo)
    due = retention_due(demo, today=LATER)
    assert [h.code for h in due.households] == ["H1"]
    assert due.households[0].support_ended_on == date(2027, 8, 15)  # 24 months from arrival


def test_a_volunteer_who_left_long_ago_is_due(demo):
    leaver = list_volunteers(demo)[3]
    archive_volunteer(demo, leaver.id)
    assert [v.volunteer_id for v in retention_due(demo, today=LATER).volunteers] == [leaver.id]
    # two years after the day they left: not before
    assert not retention_due(demo, today=date(2027, 6, 14)).volunteers


def test_a_volunteer_leaves_on_the_apps_today_not_the_computers(demo):
    leaver = list_volunteers(demo)[3]
    archive_volunteer(demo, leaver.id)  # on the suite's fixed today, 2026-06-15
    (due,) = retention_due(demo, today=date(2028, 6, 15)).volunteers
    assert (due.volunteer_id, due.left_on) == (leaver.id, date(2026, 6, 15))
    assert not retention_due(demo, today=date(2028, 6, 14)).volunteers


def test_removing_a_households_details_removes_every_name_and_keeps_the_figures(demo, tmp_path):
    household, _member = _give_sensitive_notes(demo)
    names = [m.full_name for m in list_members(demo, household.id, include_archived=True)]
    period = Period(date(2024, 1, 1), date(2026, 6, 15))
    before = evaluation_data(demo, ReportScope(period, generated_at=MADE))
    assert before.shared_notes  # the demo has notes marked shareable: they are the family's
    changes = remove_household_details(demo, household.id)
    after = evaluation_data(demo, ReportScope(period, generated_at=MADE))
    # Every figure of the anonymised evaluation report is the same; only the check-in notes
    # the group had marked shareable (the family's own words) are gone, and the bundle's age
    # bands and national counts, which read members' birth dates, which the removal takes.
    # (`released`, the typed lines the report gives, loses those notes too)
    same = {"shared_notes": (), "extras": None, "released": ()}
    assert replace(after, **same) == replace(before, **same)
    assert after.shared_notes == ()
    assert [r for r in after.released if r.source.value == "shared_note"] == []
    report = tmp_path / "after.pdf"
    write(prepare(demo, ReportRequest(ReportKind.EVALUATION, report, period, generated_at=MADE)))
    assert "Notes the group marked shareable" in text_of(report)
    # No name, date of birth or sensitive note is left anywhere in the file, history included.
    rows = repr(every_row(demo.path))
    for name in names:
        assert name not in rows, name
    assert HEALTH not in rows and IMMIGRATION not in rows
    # Nor in the bytes: SQLite leaves removed values in freed pages and the log's old frames.
    raw = b"".join(p.read_bytes() for p in demo.path.parent.glob(f"{demo.path.name}*"))
    assert [n for n in names if n.encode() in raw] == []
    assert HEALTH.encode() not in raw and IMMIGRATION.encode() not in raw
    # The history says the details were removed, and by whom; earlier entries name no one.
    history = list_change_sets(demo, limit=200)
    assert history[0].description == "Removed the personal details of household H1"
    assert history[0].kind == "erasure" and history[0].actor == demo.actor
    assert not [c for c in history if any(n in c.description for n in names)]
    # It cannot be undone, and nothing earlier that touched the household can be reverted.
    with pytest.raises(RevertRefused, match="removed personal details for good"):
        revert(demo, changes.change_set_id)
    filled = next(c for c in history if c.description == "Fill the demo group")
    with pytest.raises(RevertRefused) as refused:
        revert(demo, filled.id)
    assert str(refused.value) == (
        f"Change {changes.change_set_id} (“Removed the personal details of household H1”) "
        f"removed personal details for good, so change {filled.id} cannot be reverted."
    )
    assert not retention_due(demo, today=LATER).households


def test_removing_a_households_details_reaches_its_ledger_transactions(demo):
    household, member = principal(demo)
    names = {m.full_name for m in list_members(demo, household.id, include_archived=True)}
    names.add(household.family_name)
    category = list_categories(demo, TransactionKind.EXPENSE)[0]
    paid = record_transaction(
        demo,
        TransactionInput(
            date(2026, 5, 2),
            TransactionKind.EXPENSE,
            Money(12345, "NZD"),
            category.id,
            counterparty="Yasmin Al-Khatib",  # a member of H1
            reference="AL-KHATIB bond, Mōana Kitchens",
            household_id=household.id,
            note=f"Paid for {member.full_name.upper()} and {member.full_name}",
        ),
    )
    edit_transaction(  # an earlier state in the history as well
        demo, paid.id, replace(transaction_input(demo, paid.id), note=f"For {member.full_name}")
    )
    period = Period(date(2024, 1, 1), date(2026, 6, 15))
    before = evaluation_data(demo, ReportScope(period, generated_at=MADE))
    remove_household_details(demo, household.id)
    after = evaluation_data(demo, ReportScope(period, generated_at=MADE))
    # Age bands and the national counts read members' birth dates, which the removal takes;
    # the family's notes go, and their typed lines.
    same = {"shared_notes": (), "extras": None, "released": ()}
    assert replace(after, **same) == replace(before, **same)
    kept = transaction_input(demo, paid.id)
    assert (kept.amount, kept.occurred_on, kept.category_id, kept.household_id) == (
        Money(12345, "NZD"),
        date(2026, 5, 2),
        category.id,
        household.id,
    )
    assert kept.counterparty == "(details removed)"
    assert kept.reference == "(details removed) bond, Mōana Kitchens"
    assert kept.note == "For (details removed)"
    # the search finds the transaction by what is left, and no longer by the name
    assert list(find_transactions(demo, LedgerFilter(text="moana kitchens")).ids) == [paid.id]
    assert not list(find_transactions(demo, LedgerFilter(text="yasmin")).ids)
    assert not list(find_transactions(demo, LedgerFilter(text="khatib")).ids)
    rows = repr(every_row(demo.path))
    folded = {fold(n) for n in names}
    for name in names | folded:
        assert name not in rows and name.upper() not in rows, name
    raw = b"".join(p.read_bytes() for p in demo.path.parent.glob(f"{demo.path.name}*"))
    assert [n for n in names | folded if n.encode() in raw] == []
    assert b"KHATIB" not in raw.upper()


def test_removing_a_former_volunteers_details(demo, tmp_path):
    leaver = list_volunteers(demo)[3]
    archive_volunteer(demo, leaver.id)
    remove_volunteer_details(demo, leaver.id)
    rows = repr(every_row(demo.path))
    assert leaver.full_name not in rows
    assert leaver.email not in rows
    raw = b"".join(p.read_bytes() for p in demo.path.parent.glob(f"{demo.path.name}*"))
    assert leaver.full_name.encode() not in raw and leaver.email.encode() not in raw
    kept = next(v for v in list_volunteers(demo, include_archived=True) if v.id == leaver.id)
    assert kept.full_name == "(details removed)" and kept.role_names  # roles still counted
