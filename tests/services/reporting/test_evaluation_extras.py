"""What the bundle carries beyond the report: volunteers as they stood at the period's start and
end (the history undoing later changes), members' birth dates, and counts of people withheld
from an anonymised bundle over fewer than three households."""

from datetime import UTC, date, datetime, timedelta

from sponsor_app.domain.enums import CheckResult
from sponsor_app.domain.periods import Period
from sponsor_app.services.households.households import (
    HouseholdInput,
    MemberInput,
    add_household,
    list_households,
)
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.evaluation_extras import (
    birth_dates,
    end_of_day,
    start_of_day,
    volunteers_standing,
)
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    edit_volunteer,
)

from ...conftest import TODAY
from .conftest import MADE_AT, PERIOD

# Change sets are stamped by the computer's clock: these periods lie well before and well after
# any moment the test runs, so what was entered now is "later" or "earlier" for certain.
LONG_AGO = Period(date(2020, 1, 1), date(2020, 12, 31))
FAR_AHEAD = Period(date(2090, 1, 1), date(2090, 12, 31))


def test_a_day_runs_from_its_first_moment_to_the_next_days():
    day = date(2026, 6, 15)
    assert start_of_day(day).date() == day and start_of_day(day).tzinfo is not None
    assert end_of_day(day) == start_of_day(day + timedelta(days=1))
    assert end_of_day(date.max) == datetime.max.replace(tzinfo=UTC)


def test_members_birth_dates_by_household_only_those_asked_for(store):
    first = add_household(
        store,
        HouseholdInput("H1"),
        (
            MemberInput("Zahra Hussaini", "principal", date(1990, 1, 5), True),
            MemberInput("Reza Hussaini", "son", None),
        ),
    )
    other = add_household(store, HouseholdInput("H2"), (MemberInput("Omar", "principal"),))
    found = birth_dates(store, [first.id])
    assert found == {first.id: [date(1990, 1, 5), None]}
    assert other.id not in found


def test_volunteers_are_counted_as_they_stood_then(store):
    stays = add_volunteer(store, VolunteerInput("Aroha Ngata", ("welcome",)), TODAY)
    leaves = add_volunteer(store, VolunteerInput("Tamati Whaanga", ("welcome",)), TODAY)
    edit_volunteer(store, leaves.id, VolunteerInput("Tamati Whaanga", ("welcome",), active=False))
    ahead = volunteers_standing(store, FAR_AHEAD)
    assert ahead.at_start == ahead.at_end == {stays.id} and ahead.added_after_end == 0
    before = volunteers_standing(store, LONG_AGO)
    assert before.at_start == before.at_end == frozenset()  # not yet in the file then
    assert before.added_after_end == 2


def test_a_roster_keyed_in_late_counts_from_its_own_dated_records(store):
    checks = CheckInput("police_vetting", CheckResult.CLEARED, date(2020, 3, 1), date(2023, 3, 1))
    late = add_volunteer(store, VolunteerInput("Mere Pōtae", ("welcome",), vetting=checks), TODAY)
    standing = volunteers_standing(store, LONG_AGO)
    assert late.id in standing.at_end and late.id not in standing.at_start


def test_people_counts_are_withheld_over_fewer_than_three_households(demo_store):
    one = (list_households(demo_store)[0].id,)
    named = evaluation_data(
        demo_store, ReportScope(PERIOD, named=True, household_ids=one, generated_at=MADE_AT)
    )
    anonymised = evaluation_data(
        demo_store, ReportScope(PERIOD, household_ids=one, generated_at=MADE_AT)
    )
    assert named.extras.make_up and sum(b.people for b in named.extras.make_up) > 0
    assert anonymised.extras.make_up == ()
    assert all(n.people is None for n in anonymised.extras.national)
    assert named.extras.template_version == anonymised.extras.template_version
