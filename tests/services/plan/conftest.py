"""What the plan's tests share: a household that arrived 100 days before the fixed today, and
volunteers vetted for family-facing work."""

from datetime import date, timedelta

import pytest

from sponsor_app.domain.enums import CheckResult
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.roster.vetting import add_check
from sponsor_app.services.roster.volunteers import CheckInput, VolunteerInput, add_volunteer

from ...conftest import TODAY

ARRIVAL = TODAY - timedelta(days=100)


@pytest.fixture
def household(store):
    return add_household(
        store, HouseholdInput(code="H1", family_name="Haidari", arrival_date=ARRIVAL)
    )


def vetted_volunteer(store, name, expires=date(2028, 1, 1)):
    """A volunteer cleared for family-facing work: police vetting (expiring on `expires`), the
    e-learning course and the signed statement."""
    checks = CheckInput("police_vetting", CheckResult.CLEARED, date(2025, 1, 1), expires)
    course = CheckInput(
        "child_protection_elearning", CheckResult.CLEARED, date(2025, 2, 1), date(2028, 2, 1)
    )
    volunteer = add_volunteer(
        store, VolunteerInput(name, ("welcome",), vetting=checks, checks=(course,)), TODAY
    )
    add_check(
        store,
        volunteer.id,
        CheckInput("child_protection_statement", CheckResult.CLEARED, date(2025, 1, 1)),
        TODAY,
    )
    return volunteer
