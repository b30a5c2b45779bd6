"""The evaluation's data, read in one go: the money adds up, each household's tasks are counted
on the period's end, and an anonymised report gives no family name, member, day of arrival or
volunteer's name (a named one gives them)."""

from datetime import date, timedelta

from sponsor_app.domain.enums import OutcomeArea, Phase
from sponsor_app.domain.periods import Period
from sponsor_app.services.households.households import HouseholdInput, MemberInput, add_household
from sponsor_app.services.plan.plan import TaskInput, add_custom_task, toggle_done
from sponsor_app.services.reporting.evaluation_data import evaluation_data, people_figure
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.roster.volunteers import list_volunteers

from ...conftest import TODAY
from .conftest import MADE_AT, PERIOD


def test_the_finances_add_up_from_opening_to_closing(demo_store):
    finances = evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT)).finances
    assert finances.income and finances.spending
    assert finances.closing == finances.opening + finances.total_income - finances.total_spending


def test_an_anonymised_report_gives_codes_bands_and_months_only(demo_store):
    anonymised = evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT))
    named = evaluation_data(demo_store, ReportScope(PERIOD, named=True, generated_at=MADE_AT))
    assert len(anonymised.households) == len(named.households) > 0
    for shown, full in zip(anonymised.households, named.households, strict=True):
        assert (shown.family_name, shown.members, shown.arrival_date, shown.people) == (
            "",
            (),
            None,
            None,
        )
        assert full.family_name and full.members and full.arrival_date is not None
        assert shown.size_band == full.size_band
        assert shown.arrival_month == full.arrival_date.replace(day=1)
    names = {v.full_name for v in list_volunteers(demo_store)}
    assert not names & {t.who for t in anonymised.overdue}
    assert all(t.due_on is None and t.days_overdue is None for t in anonymised.overdue)


def test_tasks_are_counted_as_they_stood_on_the_periods_last_day(store):
    household = add_household(
        store,
        HouseholdInput("H1", family_name="Haidari", arrival_date=date(2025, 3, 1)),
        (MemberInput("Zahra Haidari", "principal", date(1990, 1, 1), True),),
    )
    end = date(2025, 6, 30)

    def task(title, due):
        data = TaskInput(title, Phase.MONTH_1, OutcomeArea.PARTICIPATION, due_on=due)
        return add_custom_task(store, household.id, data, TODAY)

    task("Library card", end - timedelta(days=10))  # due, not done: overdue
    done = task("Bus passes", end - timedelta(days=20))
    toggle_done(store, done.id, end - timedelta(days=15))  # due and done by the end
    task("Swimming lessons", end + timedelta(days=30))  # not yet due
    data = evaluation_data(
        store, ReportScope(Period(date(2025, 1, 1), end), named=True, generated_at=MADE_AT)
    )
    (summary,) = data.households
    mine = [
        t for t in data.overdue if t.title in {"Library card", "Bus passes", "Swimming lessons"}
    ]
    assert [t.title for t in mine] == ["Library card"]
    assert mine[0].days_overdue == 10 and mine[0].due_month == date(2025, 6, 1)
    assert summary.tasks_due_done >= 1 and summary.tasks_overdue >= 1
    assert summary.tasks_due >= summary.tasks_due_done + summary.tasks_overdue


def test_the_people_figure_is_a_band_when_anonymised_over_few_households():
    assert people_figure(("H1",), 7, named=True).value == 7
    withheld = people_figure(("H1",), 7, named=False)
    assert withheld.value is None and withheld.band == "5+"
    assert people_figure(("H1", "H2", "H3"), 12, named=False).value == 12
