"""Issue 19 items 1-3: one vetting rule, and every place that shows or counts vetting agrees
with it, for every combination of requirement states.

One group file holds a volunteer for each combination of New Zealand's three requirements:
police vetting (current, expiring, expired, applied and waiting, not cleared, none), the Child
Protection Statement (signed, not signed, and an old "applied, waiting" record that a statement
cannot be) and the e-learning (current, expiring, expired, none): 72 people. What each should
be is written here from the issue's words, not from the rule; then the roster, its filters, the
dashboard, the volunteer, task and check-in forms, the roster report, the evaluation report
and the bundle are each read and compared.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sponsor_app.clock import TODAY_VARIABLE
from sponsor_app.domain.enums import CheckInKind, CheckResult, VettingStatus
from sponsor_app.domain.periods import Period
from sponsor_app.locations import HOME_VARIABLE
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.assignments import assignee_options
from sponsor_app.services.plan.checkins import (
    CheckInInput,
    UnvettedAtCheckIn,
    check_in_vetting,
    record_check_in,
)
from sponsor_app.services.reporting.bundle import bundle_bytes
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.reporting.report_lists import roster_data
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)
from sponsor_app.storage.models import Task, VettingCheck

from ..conftest import TODAY

S = VettingStatus
# Worst first, as the issue asks: the whole is named after its worst requirement.
WORST_FIRST = (S.NOT_CLEARED, S.EXPIRED, S.MISSING, S.PENDING, S.EXPIRING, S.CURRENT)
MEETS_FAMILY = {S.CURRENT, S.EXPIRING}
FAR, SOON, PAST = (
    TODAY + timedelta(days=400),
    TODAY + timedelta(days=10),
    TODAY - timedelta(days=10),
)
CHECKED = date(2025, 1, 10)

# case -> (what is recorded, the state the issue says it is)
POLICE = {
    "current": (CheckInput("police_vetting", CheckResult.CLEARED, CHECKED, FAR), S.CURRENT),
    "expiring": (CheckInput("police_vetting", CheckResult.CLEARED, CHECKED, SOON), S.EXPIRING),
    "expired": (CheckInput("police_vetting", CheckResult.CLEARED, CHECKED, PAST), S.EXPIRED),
    "waiting": (CheckInput("police_vetting", CheckResult.PENDING, date(2026, 5, 1)), S.PENDING),
    "refused": (
        CheckInput("police_vetting", CheckResult.NOT_CLEARED, date(2026, 5, 2)),
        S.NOT_CLEARED,
    ),
    "none": (None, S.MISSING),
}
STATEMENT = {
    "signed": (CheckInput("child_protection_statement", CheckResult.CLEARED, CHECKED), S.CURRENT),
    "unsigned": (None, S.MISSING),
    "old-waiting": ("legacy", S.MISSING),  # a statement is signed or it is not
}
COURSE = {
    "current": (
        CheckInput("child_protection_elearning", CheckResult.CLEARED, CHECKED, FAR),
        S.CURRENT,
    ),
    "expiring": (
        CheckInput("child_protection_elearning", CheckResult.CLEARED, CHECKED, SOON),
        S.EXPIRING,
    ),
    "expired": (
        CheckInput("child_protection_elearning", CheckResult.CLEARED, CHECKED, PAST),
        S.EXPIRED,
    ),
    "none": (None, S.MISSING),
}
COMBINATIONS = list(itertools.product(POLICE, STATEMENT, COURSE))


def name_of(police: str, statement: str, course: str) -> str:
    return f"Vol {police} {statement} {course}"


def expected_states(police: str, statement: str, course: str) -> tuple[S, S, S]:
    return POLICE[police][1], STATEMENT[statement][1], COURSE[course][1]


def expected_whole(states: tuple[S, ...]) -> S:
    return min(states, key=WORST_FIRST.index)


EXPECTED = {name_of(*c): expected_states(*c) for c in COMBINATIONS}
WHOLE = {name: expected_whole(states) for name, states in EXPECTED.items()}
CLEARED = {name for name, whole in WHOLE.items() if whole in MEETS_FAMILY}


def _build(path: Path) -> None:
    store = create_group(path, NewGroup(name="Agreement", start_date=date(2025, 1, 1)), "tester")
    try:
        for police, statement, course in COMBINATIONS:
            checks = tuple(
                c
                for c in (POLICE[police][0], STATEMENT[statement][0], COURSE[course][0])
                if isinstance(c, CheckInput)
            )
            row = add_volunteer(
                store,
                VolunteerInput(name_of(police, statement, course), ("volunteer",), checks=checks),
                today=TODAY,
            )
            if STATEMENT[statement][0] == "legacy":  # as an older version could record it
                with store.transaction("An old record") as session:
                    session.add(
                        VettingCheck(
                            volunteer_id=row.id,
                            kind="child_protection_statement",
                            result=CheckResult.PENDING,
                            checked_on=CHECKED,
                        )
                    )
        add_household(store, HouseholdInput("H1", arrival_date=TODAY - timedelta(days=20)))
    finally:
        store.close()


@pytest.fixture(scope="module")
def agreement_bytes(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("agreement")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(HOME_VARIABLE, str(folder / "home"))
        patch.setenv(TODAY_VARIABLE, TODAY.isoformat())
        _build(folder / "agreement.sponsor")
    return (folder / "agreement.sponsor").read_bytes()


@pytest.fixture
def agreement_file(tmp_path, agreement_bytes) -> Path:
    path = tmp_path / "agreement.sponsor"
    path.write_bytes(agreement_bytes)
    return path


@pytest.fixture
def agreement_store(agreement_file):
    from sponsor_app.storage.store import Store

    store = Store.open(agreement_file, "tester")
    yield store
    store.close()


def _welcome_task(store) -> int:
    from sqlalchemy import select

    with store.read() as session:
        return session.scalar(select(Task.id).where(Task.template_key == "airport_welcome"))


def test_the_rule_gives_each_requirement_and_the_whole(agreement_store):
    rows = {r.full_name: r for r in list_volunteers(agreement_store, today=TODAY)}
    assert len(rows) == len(COMBINATIONS) == 72
    for name, states in EXPECTED.items():
        vetting = rows[name].vetting
        assert tuple(s.state for s in vetting.standings) == states, name
        assert vetting.state is WHOLE[name], name
        worst = vetting.worst
        assert (worst is None) == (WHOLE[name] is S.CURRENT), name
        if worst is not None:  # the whole names the requirement that set it
            assert worst.state is WHOLE[name]
            assert (
                worst.requirement.key
                == (
                    "police_vetting",
                    "child_protection_statement",
                    "child_protection_elearning",
                )[states.index(WHOLE[name])]
            )


def test_every_service_agrees(agreement_store):
    store = agreement_store
    everyone = {r.full_name: r.id for r in list_volunteers(store, today=TODAY)}

    # The dashboard lists everyone not plainly current, with the same state.
    alerts = {a.name: a.vetting_status for a in dashboard(store, today=TODAY).vetting}
    assert alerts == {n: w for n, w in WHOLE.items() if w is not S.CURRENT}

    # The task form offers a family-facing task to exactly those cleared to meet the family.
    options = assignee_options(store, _welcome_task(store), today=TODAY)
    assert {o.name for o in options if o.allowed} == CLEARED
    assert {o.name: o.vetting_status for o in options} == WHOLE

    # A visit asks about exactly the others; a phone call asks about nobody.
    household = 1
    visit = CheckInInput(
        household, TODAY, CheckInKind.VISIT, volunteer_ids=tuple(everyone.values())
    )
    asked = {name for _id, name, _v in check_in_vetting(store, visit)}
    assert asked == set(WHOLE) - CLEARED
    with pytest.raises(UnvettedAtCheckIn) as refused:
        record_check_in(store, visit, today=TODAY)
    assert {name for _id, name, _v in refused.value.people} == asked
    call = CheckInInput(household, TODAY, CheckInKind.CALL, volunteer_ids=tuple(everyone.values()))
    assert check_in_vetting(store, call) == []

    # The roster report: each requirement's state.
    period = Period(date(2025, 1, 1), TODAY)
    roster = {line.name: line for line in roster_data(store, period).people}
    assert {
        n: tuple(s.state for s in line.vetting.standings) for n, line in roster.items()
    } == EXPECTED

    # The evaluation's counts, its summary figure, and the bundle: one definition.
    data = evaluation_data(store, ReportScope(period))
    v = data.volunteers
    assert dict(v.vetting) == {state: Counter(WHOLE.values())[state] for state in WORST_FIRST}
    assert v.cleared == len(CLEARED) == sum(n for s, n in v.vetting if s in MEETS_FAMILY)
    for index, (label, states) in enumerate(v.by_requirement):
        counted = Counter(s[index] for s in EXPECTED.values())
        assert dict(states) == {state: counted[state] for state in WORST_FIRST}, label
    figures = {f.key: f.value for f in data.figures}
    assert figures["volunteers_vetted"] == len(CLEARED)
    assert figures["volunteers_vetted_share"] == round(100 * len(CLEARED) / 72)
    bundle = zipfile.ZipFile(io.BytesIO(bundle_bytes(data)))
    rows = list(csv.DictReader(io.StringIO(bundle.read("volunteer_vetting.csv").decode())))
    overall = {r["state"]: int(r["volunteers"]) for r in rows if r["requirement"] == "overall"}
    assert overall == {s.value: n for s, n in Counter(WHOLE.values()).items()} | {
        s.value: 0 for s in WORST_FIRST if s not in WHOLE.values()
    }
    assert sum(
        int(r["volunteers"])
        for r in rows
        if r["meets_family"] == "true" and r["requirement"] == "overall"
    ) == len(CLEARED)
    shown = list(csv.DictReader(io.StringIO(bundle.read("figures.csv").decode())))
    assert {r["figure"]: r["value"] for r in shown}["volunteers_vetted"] == str(len(CLEARED))


def _tokens(pdf: Path) -> list[str]:
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    # a cell's line may break after a hyphen between letters ("e-" / "learning"): one word
    return re.sub(r"(?<=[^\W\d_]-)\s+(?=[^\W\d_])", "", text).split()


def _is_subsequence(wanted: list[str], tokens: list[str]) -> bool:
    found = iter(tokens)
    return all(any(token == word for token in found) for word in wanted)


def test_the_reports_print_what_the_rule_says(agreement_store, tmp_path):
    from sponsor_app.reports.evaluation import build as build_evaluation
    from sponsor_app.reports.lists import build_roster
    from sponsor_app.reports.words import standing_cell

    period = Period(date(2025, 1, 1), TODAY)
    roster = roster_data(agreement_store, period)
    build_roster(roster, tmp_path / "roster.pdf", invariant=True)
    tokens = _tokens(tmp_path / "roster.pdf")
    # Every volunteer's requirements, in order, each in the rule's words ("Police vetting:
    # expired 5 Jun 2026", "Child Protection Statement not signed"); the table wraps a cell
    # over lines, so the words come in order among other columns' words.
    wanted = [
        word
        for line in roster.people
        for s in line.vetting.standings
        for word in standing_cell(s).split()
    ]
    assert _is_subsequence(wanted, tokens)
    states = [s.state for line in roster.people for s in line.vetting.standings]
    assert Counter(states) == Counter(s for states in EXPECTED.values() for s in states)

    data = evaluation_data(agreement_store, ReportScope(period))
    build_evaluation(data, tmp_path / "evaluation.pdf", invariant=True)
    text = " ".join(_tokens(tmp_path / "evaluation.pdf"))
    counts = Counter(WHOLE.values())
    assert f"Cleared to meet the family {len(CLEARED)}" in text
    assert f"Not cleared no {counts[S.NOT_CLEARED]}" in text
    assert f"Expired no {counts[S.EXPIRED]}" in text
    assert f"Missing no {counts[S.MISSING]}" in text
    assert f"Applied, waiting no {counts[S.PENDING]}" in text
    assert f"Expiring within 30 days yes {counts[S.EXPIRING]}" in text
    assert f"Current yes {counts[S.CURRENT]}" in text


# --- the window --------------------------------------------------------------------------------
def _column(page, title: str) -> int:
    titles = page.model.column_titles()
    return titles.index(title)


def test_the_window_agrees(window, qtbot, agreement_file):
    from sponsor_app.ui.dialogs.contact_dialogs import CheckInDialog
    from sponsor_app.ui.dialogs.plan_dialogs import TaskFormDialog
    from sponsor_app.ui.dialogs.volunteer_dialogs import VolunteerDialog
    from sponsor_app.ui.widgets.status import SIGNS

    window.open_file(agreement_file)
    window.show_page("volunteers")
    page = window.volunteers
    proxy = page.proxy
    store = window.context.store

    # The roster: the whole, and one column per requirement, each with its state's sign.
    columns = [_column(page, t) for t in ("Police vetting", "Child Protection Statement")]
    columns.append(_column(page, "Child protection e-learning"))
    whole_column = _column(page, "Vetting")
    assert proxy.rowCount() == 72
    for row in range(proxy.rowCount()):
        name = proxy.index(row, 0).data()
        whole = proxy.index(row, whole_column).data()
        assert whole.startswith(SIGNS[WHOLE[name]]), (name, whole)
        for column, state in zip(columns, EXPECTED[name], strict=True):
            assert proxy.index(row, column).data().startswith(SIGNS[state]), name

    # Its filters, chosen with the keyboard one after another.
    combo = page.status_filter
    combo.setFocus()
    seen_filters = {}
    for _ in range(combo.count() - 1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        shown = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
        seen_filters[combo.currentData()] = shown
    assert seen_filters["cleared"] == CLEARED
    assert seen_filters["not_yet"] == set(WHOLE) - CLEARED
    assert seen_filters["current"] == {n for n, w in WHOLE.items() if w is S.CURRENT}
    for state in WORST_FIRST[:-1]:  # any requirement in that state
        assert seen_filters[state.value] == {n for n, s in EXPECTED.items() if state in s}, state

    # The dashboard's card.
    window.show_page(0)
    card = window.dashboard.vetting
    not_current = {n: w for n, w in WHOLE.items() if w is not S.CURRENT}
    assert card.total == len(not_current) and card.title().endswith(f"({len(not_current)})")
    shown = [card.model.row_at(r) for r in range(card.model.rowCount())]
    assert shown and all(not_current[a.name] is a.vetting_status for a in shown)
    # the worst first: every one shown is at least as bad as any one left out
    assert max(WORST_FIRST.index(a.vetting_status) for a in shown) <= min(
        WORST_FIRST.index(w) for n, w in not_current.items() if n not in {a.name for a in shown}
    )

    # The volunteer form: each requirement's box says where it stands, with its state's sign.
    from sponsor_app.services.roster.volunteers import requirements_for_new
    from sponsor_app.ui.vetting_words import badge_text

    rows = list_volunteers(store, today=TODAY)
    for row in rows:
        dialog = VolunteerDialog(requirements_for_new(store), row, window, locale="en_NZ")
        labels = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.accessibleName().endswith("where it stands")
        ]
        assert labels == [badge_text(s, "en_NZ") for s in row.vetting.standings]
        signs = [SIGNS[state] for state in EXPECTED[row.full_name]]
        assert [label.split()[0] for label in labels] == signs, row.full_name
        dialog.deleteLater()

    # The task form greys out exactly those not cleared.
    options = assignee_options(store, _welcome_task(store))
    from sponsor_app.services.plan.plan import plan_tasks

    task = next(t for t in plan_tasks(store) if t.template_key == "airport_welcome")
    form = TaskFormDialog("Task", options, "en_NZ", task, window)
    model = form.assignee.model()
    enabled = {
        option.name: model.item(index + 1).isEnabled() for index, option in enumerate(options)
    }
    assert {n for n, on in enabled.items() if on} == CLEARED
    form.deleteLater()

    # The check-in form warns as each one not cleared is ticked for a visit.
    checkin = CheckInDialog(1, "H1", rows, [], [], None, window, "en_NZ")
    warned = set()
    for index in range(checkin.present.count()):
        item = checkin.present.item(index)
        item.setCheckState(Qt.CheckState.Checked)
        if not checkin.vetting_note.isHidden():
            warned |= {v.full_name for v in checkin.unvetted_ticked()}
        item.setCheckState(Qt.CheckState.Unchecked)
    assert warned == set(WHOLE) - CLEARED
    checkin.deleteLater()
