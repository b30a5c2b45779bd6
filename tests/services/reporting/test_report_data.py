"""Report data: how anonymised reports name volunteers, and the narrative kept per period."""

from __future__ import annotations

from datetime import date

from sponsor_app.domain.enums import OutcomeArea, Phase
from sponsor_app.domain.periods import Period
from sponsor_app.domain.reports import suppressed, volunteer_label
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.plan import TaskInput, add_custom_task
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope, checked_period
from sponsor_app.services.roster.volunteers import VolunteerInput, edit_volunteer


def _assigned_label(store, period, task_id) -> str:
    """What the anonymised evaluation says in "Assigned to" for the overdue task."""
    data = evaluation_data(store, ReportScope(period))
    (line,) = [t for t in data.overdue if t.title == "Fetch the bus passes"]
    return line.who


def test_volunteer_n_is_stable_across_reports_and_periods(store, make_volunteer):
    """Issue 18 item 4: a person's "Volunteer N" comes from their stable id, so it stays the
    same when someone else takes on a lead role, joins, or the period changes (it was numbered
    in the order of roles: Aroha's label moved when Li became the housing lead)."""
    li = make_volunteer(full_name="Li Wei")
    aroha = make_volunteer(full_name="Aroha Ngata")
    household = add_household(store, HouseholdInput("H1", arrival_date=date(2025, 3, 1)))
    task = add_custom_task(
        store,
        household.id,
        TaskInput(
            "Fetch the bus passes",
            Phase.MONTH_1,
            OutcomeArea.PARTICIPATION,
            due_on=date(2025, 4, 1),
            assignee_id=aroha.id,
        ),
        today=date(2025, 3, 2),
    )
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    before = _assigned_label(store, year, task.id)
    assert before == volunteer_label(aroha.id) and "Aroha" not in before
    edit_volunteer(store, li.id, VolunteerInput("Li Wei", ("housing",), email="v1@example.org"))
    make_volunteer(full_name="Mere Potae", roles=("finance",))
    assert _assigned_label(store, year, task.id) == before
    assert _assigned_label(store, Period(date(2025, 3, 1), date(2026, 6, 1)), task.id) == before
    assert volunteer_label(li.id) != before


def test_small_counts_print_as_less_than_three():
    # fewer than 3, zero included (REPORTS.md): a zero beside a one would tell which it is
    assert [suppressed(n) for n in (0, 1, 2, 3, 1200)] == ["<3", "<3", "<3", "3", "1,200"]


def test_a_period_that_ends_before_it_starts_is_one_sentence(store):
    import pytest

    from sponsor_app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="swap the dates"):
        checked_period(date(2026, 5, 1), date(2026, 4, 1), store)
    assert checked_period(None, date(2026, 4, 1), store) == Period(
        date(2025, 1, 1), date(2026, 4, 1)
    )
