"""Issue 21 item 3: every rule once. Each rule is one domain function taking the day it is
judged on; here every caller of it is asked about the same file on the same day, at the
boundary dates, and must give the same answer: the plan page's filter, the command line, the
dashboard, the evaluation report and the bundle's extras; the form and the service; the
Funds page and the volunteer's hours."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sponsor_app.cli import run
from sponsor_app.domain.enums import (
    CheckResult,
    OutcomeArea,
    Phase,
    RentFrequency,
    TaskStatus,
    TenancyStatus,
    VettingStatus,
)
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.hours import MAX_MINUTES, parse_hours
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period, ends_before_start
from sponsor_app.domain.settlement import AREAS, TaskFilter, area_of, progress_by
from sponsor_app.services.funds.funds import PledgeInput, add_pledge
from sponsor_app.services.group import groups
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.households.housing import (
    PropertyInput,
    TenancyInput,
    add_property,
    add_tenancy,
)
from sponsor_app.services.plan.plan import (
    TaskInput,
    add_custom_task,
    plan_tasks,
    skip_task,
    toggle_done,
)
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope, checked_period, default_period
from sponsor_app.services.roster.hours import HoursInput, log_hours
from sponsor_app.services.roster.vetting import add_check
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)

from ..conftest import TODAY

# --- overdue and progress ----------------------------------------------------------------------
BOUNDARY = (-1, 0, 1)  # due yesterday, today, tomorrow


@pytest.fixture
def plan_file(store):
    """Two households' plans, with tasks due on each side of today in every status."""
    for code, arrived in (("H1", TODAY - timedelta(days=40)), ("H2", TODAY - timedelta(days=3))):
        household = add_household(store, HouseholdInput(code=code, arrival_date=arrived))
        for offset in BOUNDARY:
            for status in TaskStatus:
                due = TODAY + timedelta(days=offset)
                data = TaskInput(
                    f"{code} {status.value} due {offset:+d}",
                    Phase.MONTH_1,
                    OutcomeArea.HOUSING,
                    due_on=due,
                    status=TaskStatus.IN_PROGRESS
                    if status is TaskStatus.IN_PROGRESS
                    else TaskStatus.OPEN,
                )
                task = add_custom_task(store, household.id, data, TODAY)
                if status is TaskStatus.DONE:
                    toggle_done(store, task.id, TODAY)  # done today
                elif status is TaskStatus.NOT_NEEDED:
                    skip_task(store, task.id, "Not for this family")
    # Some template tasks done on their due day, long ago: done by today.
    for task in plan_tasks(store)[:5]:
        toggle_done(store, task.id, TODAY)
    return store


def _titles(rows) -> set[str]:
    return {(r.household_code, r.title) for r in rows}


def test_every_caller_names_the_same_tasks_overdue(plan_file, capsys):
    store = plan_file
    tasks = plan_tasks(store)
    plan_page = _titles(t for t in tasks if TaskFilter(overdue=True).matches(t, TODAY))
    # Yesterday's open and in-progress custom tasks, and not today's or tomorrow's.
    assert {title for _, title in plan_page if " due " in title} == {
        f"{code} {status} due -1" for code in ("H1", "H2") for status in ("open", "in_progress")
    }
    figures = dashboard(store, TODAY)
    assert _titles(figures.overdue) == plan_page
    report = evaluation_data(store, ReportScope(Period(date(2025, 1, 1), TODAY), named=True))
    assert _titles(report.overdue) == plan_page
    by_household = {h.code: h.tasks_overdue for h in report.households}
    assert by_household == {
        code: sum(1 for c, _ in plan_page if c == code) for code in ("H1", "H2")
    }
    assert sum(s.overdue for s in report.extras.task_sources) == len(plan_page)
    capsys.readouterr()
    assert run(["tasks", str(store.path), "--overdue", "--csv"]) == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {(line["household"], line["title"]) for line in lines} == plan_page


def test_every_caller_counts_the_same_progress(plan_file):
    store = plan_file
    tasks = plan_tasks(store)
    plan_page = progress_by(tasks, area_of, TODAY)  # the plan page's strip, all households
    figures = dashboard(store, TODAY)
    report = evaluation_data(store, ReportScope(Period(date(2025, 1, 1), TODAY), named=True))
    for area in OutcomeArea:
        expected = plan_page.get(area)
        expected = (expected.done, expected.total) if expected else (0, 0)
        on_dashboard = next(p for p in figures.area_progress if p.area is area)
        assert (on_dashboard.done, on_dashboard.total) == expected, area
        in_report = [p for p in report.progress if p.area is area]
        assert (sum(p.done for p in in_report), sum(p.total for p in in_report)) == expected
    group = next(a for a in AREAS if a not in OutcomeArea)
    mine = plan_page.get(group)
    assert report.group_progress == ((mine.done, mine.total) if mine else (0, 0))
    # Tasks done today count today, and not on a day before they were done.
    yesterday = TODAY - timedelta(days=1)
    earlier = evaluation_data(store, ReportScope(Period(date(2025, 1, 1), yesterday), named=True))
    assert sum(p.done for p in earlier.progress) < sum(p.done for p in report.progress)
    assert sum(p.done for p in earlier.progress) == sum(
        p.done for a, p in progress_by(tasks, area_of, yesterday).items() if a in OutcomeArea
    )


# --- a day's hours -------------------------------------------------------------------------------
def test_the_form_the_service_and_the_file_agree_on_a_days_hours(store, make_volunteer):
    volunteer = make_volunteer()
    assert parse_hours("24") == MAX_MINUTES
    log_hours(store, HoursInput(volunteer.id, TODAY, parse_hours("24"), "Moving day"), TODAY)
    with pytest.raises(InvalidInput, match="at most 24") as typed:
        parse_hours("24:01")
    with pytest.raises(InvalidInput, match="at most 24") as saved:
        log_hours(store, HoursInput(volunteer.id, TODAY, MAX_MINUTES + 1, "Again"), TODAY)
    assert typed.value.problems == saved.value.problems
    connection = sqlite3.connect(store.path)  # the schema's own check says the same
    try:
        with pytest.raises(sqlite3.IntegrityError, match="minutes_in_a_day"):
            connection.execute(
                "UPDATE volunteer_hours SET minutes = ? WHERE volunteer_id = ?",
                (MAX_MINUTES + 1, volunteer.id),
            )
    finally:
        connection.close()
    # Today is the last day hours can be logged for.
    log_hours(store, HoursInput(volunteer.id, TODAY, 60, "Driving"), TODAY)
    with pytest.raises(InvalidInput, match="today or earlier"):
        log_hours(store, HoursInput(volunteer.id, TODAY + timedelta(days=1), 60, "Later"), TODAY)


# --- "the last N months" ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("months", "as_of", "start"),
    [
        (12, date(2026, 6, 15), date(2025, 7, 1)),
        (12, date(2026, 6, 30), date(2025, 7, 1)),
        (12, date(2026, 7, 1), date(2025, 8, 1)),
        (3, date(2026, 3, 31), date(2026, 1, 1)),
        (1, date(2026, 2, 28), date(2026, 2, 1)),
        (24, date(2026, 1, 31), date(2024, 2, 1)),
    ],
)
def test_the_last_months_are_whole_months_to_the_day(months, as_of, start):
    period = Period.last_months(months, as_of)
    assert (period.start, period.end) == (start, as_of)
    assert period.month_count == months  # a month-by-month figure lists exactly that many


def test_the_charts_window_is_the_last_months_rule(store):
    add_household(store, HouseholdInput(code="H1", arrival_date=date(2020, 1, 20)))
    for months in (1, 12, 24):
        chart = default_period(store, TODAY, at_most_months=months)
        assert chart == Period.last_months(months, TODAY)


# --- a range that ends before it starts ----------------------------------------------------------
@pytest.mark.parametrize("days", [0, -1], ids=["ends the day it starts", "ends the day before"])
def test_every_range_ends_on_or_after_its_start_by_one_rule(store, days):
    start = date(2026, 3, 10)
    end = start + timedelta(days=days)
    refused = ends_before_start(start, end)
    assert refused is (days < 0)

    def refuses(make) -> bool:
        try:
            make()
        except InvalidInput:
            return True
        return False

    assert refuses(lambda: Period(start, end)) is refused
    assert refuses(lambda: checked_period(start, end, store)) is refused
    assert (
        refuses(
            lambda: add_pledge(
                store,
                PledgeInput("Kāpiti Quakers", Money.of_major(50, "NZD"), "monthly", start, end),
            )
        )
        is refused
    )
    home = add_property(store, PropertyInput(f"{-days} Tui Street"))
    assert (
        refuses(
            lambda: add_tenancy(
                store,
                TenancyInput(
                    home.id,
                    TenancyStatus.SECURED,
                    Money.of_major(400, "NZD"),
                    RentFrequency.WEEKLY,
                    Money.of_major(100, "NZD"),
                    lease_start=start,
                    lease_end=end,
                ),
            )
        )
        is refused
    )
    assert ends_before_start(start, None) is False  # no end yet: never before its start


# --- writing a date --------------------------------------------------------------------------------
def test_the_window_and_the_reports_write_a_date_one_way():
    from sponsor_app.domain import dates
    from sponsor_app.reports import words
    from sponsor_app.ui import formatting

    assert formatting.short_date is words.short_date is dates.short_date
    assert formatting.month_label is words.month_label is dates.month_label
    assert dates.short_date(date(2026, 6, 5), "en_NZ") == "5 Jun 2026"
    assert dates.short_date(date(2026, 6, 5), "en_US") == "Jun 5, 2026"
    assert dates.short_date(None) == ""
    assert dates.month_label(date(2026, 11, 1), "en_GB") == "Nov 2026"


# --- one clock ---------------------------------------------------------------------------------------
def test_everything_the_file_stamps_is_stamped_by_the_apps_clock(store, make_volunteer):
    """archived_at was stamped by the real clock in five services and by the app's in one;
    an upgrade's change set by the real clock while every other change set used the app's."""
    from sponsor_app.domain.enums import TransactionKind
    from sponsor_app.services.funds.ledger import add_category, archive_category
    from sponsor_app.services.households.households import (
        MemberInput,
        add_member,
        archive_household,
        archive_member,
    )
    from sponsor_app.services.households.housing import archive_property
    from sponsor_app.services.plan.plan import (
        TemplateInput,
        add_template_task,
        retire_template_task,
    )
    from sponsor_app.services.roster.roles import add_role, retire_role
    from sponsor_app.services.roster.volunteers import archive_volunteer
    from sponsor_app.storage import models

    household = add_household(store, HouseholdInput(code="H1", arrival_date=TODAY))
    member = add_member(store, household.id, MemberInput("Amira Haidari"))
    archive_member(store, member.id)
    archive_household(store, household.id)
    archive_volunteer(store, make_volunteer().id)
    archive_property(store, add_property(store, PropertyInput("3 Kauri Road")).id)
    archive_category(store, add_category(store, "Bake sales", TransactionKind.INCOME).id)
    retire_role(store, add_role(store, "Driver").id)
    template = TemplateInput("Visit the marae", Phase.MONTHS_2_3, 45, OutcomeArea.PARTICIPATION)
    retire_template_task(store, add_template_task(store, template))
    stamped = {
        "household": models.Household.archived_at,
        "household_member": models.HouseholdMember.archived_at,
        "volunteer": models.Volunteer.archived_at,
        "property": models.Property.archived_at,
        "ledger_category": models.LedgerCategory.archived_at,
        "role": models.Role.retired_at,
        "task_template": models.TaskTemplate.archived_at,
        "group_profile": models.GroupProfile.created_at,
        "change_set": models.ChangeSet.at,
    }
    with store.read() as session:
        days = {
            table: {moment.date() for moment in session.scalars(select(column)) if moment}
            for table, column in stamped.items()
        }
    assert days == {table: {TODAY} for table in stamped}


def test_an_upgrades_change_set_is_stamped_by_the_apps_clock(tmp_path):
    from pathlib import Path

    from sponsor_app.storage.models import ChangeKind, ChangeSet
    from sponsor_app.storage.store import Store

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    path = tmp_path / "old.sponsor"
    path.write_bytes((fixtures / "schema-0004.sponsor").read_bytes())
    with Store.open(path) as store, store.read() as session:
        upgrades = session.scalars(
            select(ChangeSet.at).where(ChangeSet.kind == ChangeKind.SCHEMA)
        ).all()
    assert upgrades and {moment.date() for moment in upgrades} == {TODAY}


# --- the vetting warning window ---------------------------------------------------------------------
def test_the_groups_vetting_window_is_every_callers(tmp_path, monkeypatch):
    """A group whose programme warns 45 days ahead: a check expiring in 45 days is expiring
    and one in 46 is current on the roster, the dashboard and the report alike."""
    from sponsor_app.domain.programmes import get_programme

    nz = get_programme("nz-cors")
    longer = replace(nz, warnings=replace(nz.warnings, vetting_days=45))
    monkeypatch.setattr(groups, "get_programme", lambda key: longer)
    store = groups.create_group(tmp_path / "g.sponsor", groups.NewGroup(name="G"), "tester")
    monkeypatch.undo()  # the file keeps the window it was given; the programme says 30 again
    try:
        course = CheckInput(
            "child_protection_elearning", CheckResult.CLEARED, date(2024, 2, 1), date(2028, 2, 1)
        )
        people = {}
        for days in (45, 46):
            volunteer = add_volunteer(
                store,
                VolunteerInput(
                    f"Expires in {days}",
                    ("welcome",),
                    vetting=CheckInput(
                        "police_vetting",
                        CheckResult.CLEARED,
                        date(2024, 1, 1),
                        TODAY + timedelta(days=days),
                    ),
                    checks=(course,),
                ),
                today=TODAY,
            )
            add_check(
                store,
                volunteer.id,
                CheckInput("child_protection_statement", CheckResult.CLEARED, date(2024, 1, 1)),
            )
            people[volunteer.full_name] = days
        expected = {
            "Expires in 45": VettingStatus.EXPIRING,
            "Expires in 46": VettingStatus.CURRENT,
        }
        roster = {v.full_name: v.vetting_status for v in list_volunteers(store, today=TODAY)}
        assert roster == expected
        alerts = {a.name for a in dashboard(store, TODAY).vetting}
        assert alerts == {"Expires in 45"}
        report = evaluation_data(store, ReportScope(Period(date(2026, 1, 1), TODAY), named=True))
        assert {line.label: line.vetting for line in report.volunteers.people} == expected
        assert report.volunteers.warning_days == 45
    finally:
        store.close()
