"""The dashboard's figures, each read from the file on the day asked for."""

from datetime import date, timedelta

from sponsor_app.domain.enums import OutcomeArea, Phase
from sponsor_app.services.group.dashboard import CHART_MONTHS, chart_period, dashboard
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.plan import TaskInput, add_custom_task, toggle_done

from ...conftest import TODAY


def _task(store, household, title, due_on):
    data = TaskInput(title, Phase.MONTH_1, OutcomeArea.PARTICIPATION, due_on=due_on)
    return add_custom_task(store, household.id, data, TODAY)


def test_an_empty_group_has_nothing_due_and_says_so(store):
    figures = dashboard(store, TODAY)
    assert figures.today == TODAY
    assert (figures.overdue, figures.due_soon, figures.vetting, figures.arrivals) == (
        (),
        (),
        (),
        (),
    )
    assert figures.active_volunteers == figures.ledger_months == figures.live_tenancies == 0


def test_overdue_and_due_soon_tasks_are_counted_on_the_day(store):
    household = add_household(store, HouseholdInput("H1"))  # no arrival: only its own tasks
    late = _task(store, household, "Fetch the bus passes", TODAY - timedelta(days=3))
    _task(store, household, "Book the GP", TODAY + timedelta(days=2))
    figures = dashboard(store, TODAY)
    overdue = {t.title: t for t in figures.overdue}
    assert overdue["Fetch the bus passes"].days_overdue == 3
    assert overdue["Fetch the bus passes"].id == late.id
    assert "Book the GP" in {t.title for t in figures.due_soon}
    assert "Book the GP" not in overdue
    # four days on, the GP booking is late too
    later = dashboard(store, TODAY + timedelta(days=4))
    assert {"Fetch the bus passes", "Book the GP"} <= {t.title for t in later.overdue}


def test_a_volunteer_without_vetting_is_an_alert(store, make_volunteer):
    person = make_volunteer(full_name="Tom Unvetted")
    figures = dashboard(store, TODAY)
    assert [a.volunteer_id for a in figures.vetting] == [person.id]
    assert figures.vetting[0].gaps and figures.active_volunteers == 1


def test_an_arrival_counts_down_and_area_progress_counts_done_tasks(store):
    household = add_household(store, HouseholdInput("H1", arrival_date=TODAY + timedelta(days=10)))
    (arrival,) = dashboard(store, TODAY).arrivals
    assert (arrival.code, arrival.days_since) == ("H1", -10)
    task = _task(store, household, "Visit the library", TODAY)  # the family's, not the group's
    before = dashboard(store, TODAY).area_progress
    toggle_done(store, task.id, TODAY)
    after = {p.area: (p.done, p.total) for p in dashboard(store, TODAY).area_progress}
    for progress in before:
        grew = 1 if progress.area is task.outcome_area else 0
        assert after[progress.area] == (progress.done + grew, progress.total)


def test_the_chart_covers_at_most_two_years(small_demo):
    with open_group(small_demo) as store:
        period = chart_period(store, TODAY)
        figures = dashboard(store, TODAY)
    assert period.end == TODAY
    assert period.start >= date(TODAY.year - CHART_MONTHS // 12, TODAY.month, 1)
    assert figures.month_end_balances and figures.ledger_months >= 2
    assert all(b.month_end <= TODAY for b in figures.month_end_balances)
