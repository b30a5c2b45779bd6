"""A volunteer cleared for family-facing work, as the roster's and the plan's tests make one:
police vetting expiring when the test needs it, the e-learning course and the signed statement."""

from __future__ import annotations

from datetime import date

from sponsor_app.domain.enums import CheckResult
from sponsor_app.services.roster.vetting import add_check
from sponsor_app.services.roster.volunteers import CheckInput, VolunteerInput, add_volunteer

from ..conftest import TODAY

COURSE = CheckInput(
    "child_protection_elearning", CheckResult.CLEARED, date(2024, 2, 1), date(2028, 2, 1)
)


def vetted(store, name, police_expires):
    volunteer = add_volunteer(
        store,
        VolunteerInput(
            name,
            ("welcome",),
            vetting=CheckInput(
                "police_vetting", CheckResult.CLEARED, date(2024, 1, 1), police_expires
            ),
            # The course every NZ volunteer needs, recorded with the person (a training record).
            checks=(COURSE,),
        ),
        today=TODAY,
    )
    add_check(
        store,
        volunteer.id,
        CheckInput("child_protection_statement", CheckResult.CLEARED, date(2024, 1, 1)),
    )
    return volunteer
