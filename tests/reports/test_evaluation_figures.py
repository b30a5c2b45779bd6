"""Figures with one definition (issue 18, items 9 to 12 and 14): indicator points from the
nearest reading in a window, completeness over the households a reading was due for, each
programme's funds rule by name, done of due, active at the period's end, one hours format,
and the plausibility flags the bundle carries."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import replace
from datetime import date

import pytest

from sponsor_app.domain.enums import OutcomeArea, Phase, TaskStatus, TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports.generate import write
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    edit_transaction,
    list_categories,
    record_transaction,
    transaction_input,
)
from sponsor_app.services.households.households import HouseholdInput, MemberInput, add_household
from sponsor_app.services.plan import indicators
from sponsor_app.services.plan.indicators import ReadingInput
from sponsor_app.services.plan.plan import TaskInput, add_custom_task
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.gather import ReportRequest, prepare
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.roster.hours import HoursInput, log_hours
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, archive_volunteer

from ..conftest import TODAY
from .conftest import MADE_AT
from .helpers import text_of

ADULT, TODDLER, PUPIL = date(1988, 3, 1), date(2023, 5, 1), date(2015, 2, 1)


def _household(store, code, arrival, *born):
    return add_household(
        store,
        HouseholdInput(code=code, arrival_date=arrival),
        tuple(
            MemberInput(f"Member {code} {n}", "principal" if n == 0 else "child", b, n == 0)
            for n, b in enumerate(born)
        ),
    )


def _report(store, tmp_path, period, name="e", bundle=False, named=False):
    out = tmp_path / f"{name}.pdf"
    extra = {"bundle": tmp_path / f"{name}.zip"} if bundle else {}
    write(prepare(store, ReportRequest(ReportKind.EVALUATION, out, period, generated_at=MADE_AT,
                                  invariant=True, named=named, **extra)))  # fmt: skip
    return text_of(out)


def _rows(bundle, table: str) -> list[dict]:
    with zipfile.ZipFile(bundle) as archive:
        return list(csv.DictReader(io.StringIO(archive.read(f"{table}.csv").decode())))


def _figures(store, period) -> dict:
    return {
        f.key: f.value
        for f in evaluation_data(store, ReportScope(period, generated_at=MADE_AT)).figures
    }


def test_a_point_takes_the_nearest_reading_in_its_window_with_its_date(store, tmp_path):
    """A reading from month 1 stood for 3, 6 and 12 months before."""
    h = _household(store, "H1", date(2025, 1, 10), ADULT, TODDLER)
    indicators.record_reading(
        store, h.id, ReadingInput("english_level", date(2025, 2, 10), "beginner")
    )
    indicators.record_reading(
        store, h.id, ReadingInput("english_level", date(2025, 7, 5), "elementary")
    )
    indicators.record_reading(
        store, h.id, ReadingInput("children_in_school", date(2025, 4, 10), "0")
    )
    period = Period(date(2025, 1, 1), TODAY)
    text = _report(store, tmp_path, period, named=True, bundle=True)
    # latest, trend, then 3 months: none (month 1 is 59 days before it: outside ± 45 days),
    # 6 months: the reading 5 days before it, with its date; 12 months: none; 24: not yet
    assert "English level elementary up none elementary 5 Jul 2025 none not yet" in text
    (six,) = [
        r
        for r in _rows(tmp_path / "e.zip", "indicators")
        if (r["indicator"], r["point"]) == ("english_level", "6 months")
    ]
    assert (six["point_on"], six["recorded_on"], six["days_from_point"]) == (
        "2025-07-10",
        "2025-07-05",
        "-5",
    )
    # Anonymised, the reading is dated by its month, and the day a point falls on (arrival
    # plus 6 months) is not given: either would give the day of arrival away (item 3).
    text = _report(store, tmp_path, period, name="anonymised", bundle=True)
    assert "English level elementary up none elementary Jul 2025 none not yet" in text
    assert not re.search(r"\b5 Jul 2025", text)  # ("Jun 2025 Jul 2025" in a chart is fine)
    rows = _rows(tmp_path / "anonymised.zip", "indicators")
    (six,) = [r for r in rows if (r["indicator"], r["point"]) == ("english_level", "6 months")]
    assert (six["point_on"], six["recorded_on"], six["recorded_month"]) == ("", "", "2025-07-01")
    assert six["days_from_point"] == ""
    assert not {r["recorded_on"] for r in rows} - {""}
    # a toddler is not of school age: the school indicators do not apply yet
    assert "Children enrolled in school 0 first reading n/a n/a n/a not yet" in text
    assert (
        "3 months ± 45 days, 6 months ± 60 days, 12 months ± 90 days, 24 months ± 90 days" in text
    )


def test_completeness_counts_only_households_a_reading_was_due_for(store, tmp_path):
    """ "Children enrolled in school: 2 of 4 missing" counted a household not yet arrived and
    one whose only child is two."""
    _household(store, "H1", date(2025, 3, 1), ADULT, TODDLER)  # no school-age child
    _household(store, "H2", date(2026, 9, 1), ADULT, PUPIL)  # not arrived by the period's end
    h3 = _household(store, "H3", date(2025, 3, 1), ADULT, PUPIL)
    _household(store, "H4", date(2025, 3, 1), ADULT, PUPIL)  # due, not recorded
    indicators.record_reading(
        store, h3.id, ReadingInput("children_in_school", date(2026, 2, 1), "1")
    )
    period = Period(date(2025, 1, 1), TODAY)
    data = evaluation_data(store, ReportScope(period, generated_at=MADE_AT))
    latest = next(
        c for c in data.completeness if (c.key, c.point) == ("children_in_school", "latest")
    )
    assert (latest.recorded, latest.expected, latest.not_reached, latest.not_applicable) == (
        1,
        2,
        1,
        1,
    )
    employment = next(
        c for c in data.completeness if (c.key, c.point) == ("employment_status", "latest")
    )
    assert employment.expected == 3  # every arrived household has a working-age adult
    text = _report(store, tmp_path, period)
    assert "Children enrolled in school never" not in text
    assert "Children enrolled in school Feb 2026 1 of 2" in text  # anonymised: by the month
    named = _report(store, tmp_path, period, name="named", named=True)
    assert "Children enrolled in school 1 Feb 2026 1 of 2" in named


def test_new_zealand_states_no_requirement_and_names_its_budget(report_store, tmp_path):
    period = Period(date(2025, 7, 1), TODAY)
    text = _report(report_store, tmp_path, period, bundle=True)
    assert "Funds the programme requires" not in text and "Not met" not in text
    assert "Budget still to spend to the end of support" in text
    assert "The programme's rule: no fixed minimum: the group's own budget." in text
    assert "There is no requirement to meet." in text
    with zipfile.ZipFile(tmp_path / "e.zip") as archive:
        group = next(csv.DictReader(io.StringIO(archive.read("group.csv").decode())))
    assert group["funds_rule"] == "budget" and "no fixed minimum" in group["funds_rule_text"]


@pytest.mark.parametrize(
    ("programme", "words"),
    [
        ("uk-cs", "Required at the period's end: £9,000.00 for the group. Not met: the group held £0.00, £9,000.00 short."),
        ("ca-g5", "for family sizes 3, the table gives $26,700.00. Not met"),
        ("us-wc", "$2,425.00 for each of 3 people: $7,275.00, of which at least 60% ($4,365.00) in cash"),
    ],
)  # fmt: skip
def test_each_programmes_funds_rule_is_named_with_its_working(
    make_store, tmp_path, programme, words
):
    store = make_store(f"Group {programme}", programme=programme, start_date=date(2025, 1, 1))
    _household(store, "H1", date(2025, 3, 1), ADULT, PUPIL, TODDLER)
    text = _report(store, tmp_path, Period(date(2025, 1, 1), TODAY))
    assert words in text
    assert "Funds the programme requires" in text


def test_done_is_counted_of_due_and_early_work_apart(store, tmp_path):
    """ "Done" exceeded "due" for a past period: tasks finished ahead of their due date."""
    h = _household(store, "H1", date(2025, 3, 1), ADULT)
    early = TaskInput("Plan the second year", Phase.MONTH_12, OutcomeArea.PARTICIPATION,
                      due_on=date(2026, 3, 1), status=TaskStatus.DONE, completed_on=date(2025, 4, 1))  # fmt: skip
    add_custom_task(store, h.id, early)
    period = Period(date(2025, 1, 1), date(2025, 6, 30))
    figures = _figures(store, period)
    assert figures["tasks_done_early"] == 1
    assert figures["tasks_due_done"] + figures["tasks_overdue"] <= figures["tasks_due"]
    data = evaluation_data(store, ReportScope(period))
    assert sum(h.tasks_due_done for h in data.households) <= sum(
        h.tasks_due for h in data.households
    )


def test_active_means_active_at_the_periods_end(store, monkeypatch):
    """ "Active" was active today, whatever period the report covered."""
    from sponsor_app.clock import TODAY_VARIABLE

    monkeypatch.setenv(TODAY_VARIABLE, "2025-12-01")  # the roster as the group kept it then
    add_volunteer(store, VolunteerInput("Stayed On", ("volunteer",)))
    left_later = add_volunteer(store, VolunteerInput("Left Later", ("volunteer",)))
    left_early = add_volunteer(store, VolunteerInput("Left Early", ("volunteer",)))
    monkeypatch.setenv(TODAY_VARIABLE, "2026-02-01")
    archive_volunteer(store, left_early.id)
    monkeypatch.setenv(TODAY_VARIABLE, TODAY.isoformat())
    archive_volunteer(store, left_later.id)
    # keyed in today, with hours logged in February: counted for a period it was active in
    late = add_volunteer(store, VolunteerInput("Keyed In Late", ("volunteer",)))
    log_hours(store, HoursInput(late.id, date(2026, 2, 10), 60, "Driving"))
    # keyed in today, nothing dated: not counted for March
    add_volunteer(store, VolunteerInput("Joined Today", ("volunteer",)))
    march = Period(date(2026, 1, 1), date(2026, 3, 31))
    assert _figures(store, march)["volunteers_active"] == 3  # stayed, left later, keyed in late
    assert _figures(store, Period(date(2026, 1, 1), TODAY))["volunteers_active"] == 3
    turnover = evaluation_data(store, ReportScope(march)).extras.turnover
    assert (turnover.active_at_start, turnover.active_at_end) == (3, 3)
    assert (turnover.joined, turnover.left) == (1, 1)  # keyed in late; left early


def test_hours_have_one_format_everywhere(store, tmp_path):
    """ "928.50 h" in one table and "626.5 h" in another; 10 minutes showed as 0.16."""
    person = add_volunteer(store, VolunteerInput("Tama Hours", ("volunteer",)))
    log_hours(store, HoursInput(person.id, date(2026, 3, 2), 10, "Driving"))
    log_hours(store, HoursInput(person.id, date(2026, 3, 3), 90, "Paperwork"))
    text = _report(store, tmp_path, Period(date(2026, 1, 1), TODAY))
    assert "Volunteer hours in the period 1.67 h" in text  # 100 minutes
    assert "Paperwork 1.50 h" in text and "Driving 0.17 h" in text
    assert "All activities 1.67 h" in text


def test_plausibility_flags_in_the_bundle(store, tmp_path):
    h = _household(store, "H1", date(2025, 6, 1), ADULT, TODDLER)
    add_custom_task(store, h.id, TaskInput("Open a bank account", Phase.WEEKS_1_2, OutcomeArea.SELF_SUFFICIENCY,
                                           due_on=date(2025, 6, 10), status=TaskStatus.DONE,
                                           completed_on=date(2025, 5, 20)))  # fmt: skip
    indicators.record_reading(
        store, h.id, ReadingInput("school_enrolled_on", date(2025, 6, 12), "2025-06-12")
    )
    category = list_categories(store, TransactionKind.EXPENSE)[0]
    paid = record_transaction(store, TransactionInput(date(2025, 12, 1), TransactionKind.EXPENSE,
                                                      Money(5000, "NZD"), category.id))  # fmt: skip
    period = Period(date(2025, 1, 1), date(2025, 12, 31))  # ended before today's changes
    edit_transaction(store, paid.id, replace(transaction_input(store, paid.id), note="changed"))
    _report(store, tmp_path, period, bundle=True)
    with zipfile.ZipFile(tmp_path / "e.zip") as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("plausibility.csv").decode())))
    flags = {(r["flag"], r["record"]): int(r["count"]) for r in rows}
    assert flags[("task_done_before_arrival", "task")] == 1
    assert flags[("school_without_school_age_child", "household")] == 1
    assert flags[("changed_after_period", "ledger_transaction")] == 1
    assert flags[("changed_after_period", "indicator_reading")] == 1  # recorded today for 2025
