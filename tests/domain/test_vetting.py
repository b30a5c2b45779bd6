from datetime import date, timedelta

import pytest

from sponsor_app.domain.alerts import WarningWindows
from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.domain.programmes import all_programmes, get_programme
from sponsor_app.domain.vetting import (
    DEFAULT_WARNING_DAYS,
    SEVERITY,
    CheckState,
    Requirement,
    RequirementKind,
    default_expiry,
    may_do_family_facing,
    overall_words,
    record_state,
    standing_words,
    vetting_of,
)

TODAY = date(2026, 6, 15)
CHECK, STATEMENT, TRAINING = (
    RequirementKind.CHECK,
    RequirementKind.STATEMENT,
    RequirementKind.TRAINING,
)
POLICE = Requirement("police_vetting", "Police vetting", CHECK, 36)
STATEMENT_REQ = Requirement("child_protection_statement", "Child Protection Statement", STATEMENT)
COURSE = Requirement("child_protection_elearning", "Fundamentals of Child Protection", TRAINING, 36)
NZ = (POLICE, STATEMENT_REQ, COURSE)


def day(d: date) -> str:
    return d.strftime("%-d %b %Y")


@pytest.mark.parametrize(
    ("days", "status"),
    [
        (-1, VettingStatus.EXPIRED),
        (0, VettingStatus.EXPIRING),
        (1, VettingStatus.EXPIRING),
        (30, VettingStatus.EXPIRING),
        (31, VettingStatus.CURRENT),
    ],
)
def test_state_boundaries(days, status):
    assert record_state(CHECK, CheckResult.CLEARED, TODAY + timedelta(days=days), TODAY) is status


def test_the_default_window_is_the_warning_windows_one():
    assert WarningWindows().vetting_days == DEFAULT_WARNING_DAYS
    assert all(p.warnings.vetting_days == 30 for p in all_programmes().values())


def test_each_result_by_kind():
    # Issue 12: "applied, waiting" is pending; issue 19: a refusal is "not cleared", not
    # "missing", and a statement is signed or it is missing (never "waiting").
    assert record_state(CHECK, CheckResult.PENDING, None, TODAY) is VettingStatus.PENDING
    assert record_state(CHECK, CheckResult.NOT_CLEARED, None, TODAY) is VettingStatus.NOT_CLEARED
    assert record_state(STATEMENT, CheckResult.PENDING, None, TODAY) is VettingStatus.MISSING
    assert record_state(STATEMENT, CheckResult.CLEARED, None, TODAY) is VettingStatus.CURRENT
    assert not may_do_family_facing(VettingStatus.PENDING)
    assert may_do_family_facing(VettingStatus.EXPIRING)


def test_expired_police_vetting_is_expired_not_missing_and_named():
    """Issue 19 item 1: James Wilson's police vetting expired 1 Dec 2026 and he lacks the
    statement: the roster said grey "Missing" and the Expired filter left him out."""
    as_of = date(2026, 12, 10)
    records = [
        CheckState("police_vetting", CheckResult.CLEARED, date(2026, 12, 1), date(2023, 12, 1)),
        CheckState(
            "child_protection_elearning", CheckResult.CLEARED, date(2028, 1, 14), date(2025, 1, 14)
        ),
    ]
    vetting = vetting_of(NZ, records, as_of)
    assert vetting.state is VettingStatus.EXPIRED
    assert vetting.has(VettingStatus.EXPIRED) and vetting.has(VettingStatus.MISSING)
    assert overall_words(vetting, day) == "Expired: Police vetting, 1 Dec 2026 (and 1 more)"
    assert [s.state for s in vetting.standings] == [
        VettingStatus.EXPIRED,
        VettingStatus.MISSING,
        VettingStatus.CURRENT,
    ]


def test_each_requirement_says_what_is_missing():
    """Issue 19 item 2: "missing, to 2 May 2028" said nothing of which one was missing."""
    records = [
        CheckState("police_vetting", CheckResult.CLEARED, date(2028, 5, 2), date(2025, 5, 2)),
        CheckState("child_protection_elearning", CheckResult.CLEARED, None, date(2025, 1, 1)),
    ]
    vetting = vetting_of(NZ, records, TODAY)
    words = [standing_words(s, day) for s in vetting.standings]
    assert words == [
        "Police vetting cleared 2 May 2025, to 2 May 2028",
        "Child Protection Statement not signed",
        "Fundamentals of Child Protection has no expiry date (it lasts 36 months)",
    ]
    assert overall_words(vetting, day) == "Missing: Child Protection Statement"
    nothing = vetting_of(NZ, [], TODAY)
    assert overall_words(nothing, day) == "Missing: Police vetting (and 2 more)"
    assert [standing_words(s, day) for s in nothing.standings] == [
        "Police vetting not recorded",
        "Child Protection Statement not signed",
        "Fundamentals of Child Protection not completed",
    ]


def test_the_worst_requirement_names_the_whole():
    assert SEVERITY[0] is VettingStatus.NOT_CLEARED and SEVERITY[-1] is VettingStatus.CURRENT
    records = [
        CheckState("police_vetting", CheckResult.PENDING, None, date(2026, 3, 3)),
        CheckState("child_protection_statement", CheckResult.CLEARED, None, date(2026, 3, 3)),
        CheckState(
            "child_protection_elearning",
            CheckResult.CLEARED,
            TODAY + timedelta(days=5),
            date(2023, 1, 1),
        ),
    ]
    vetting = vetting_of(NZ, records, TODAY)
    assert vetting.state is VettingStatus.PENDING
    assert (
        overall_words(vetting, day) == "Applied, waiting: Police vetting, 3 Mar 2026 (and 1 more)"
    )
    assert [s.requirement.key for s in vetting.blocking] == ["police_vetting"]
    assert not vetting.may_meet_family
    current = vetting_of(
        NZ,
        [
            CheckState("police_vetting", CheckResult.CLEARED, date(2028, 5, 2), date(2025, 5, 2)),
            CheckState("child_protection_statement", CheckResult.CLEARED, None, date(2025, 5, 2)),
            CheckState(
                "child_protection_elearning",
                CheckResult.CLEARED,
                date(2027, 1, 1),
                date(2024, 1, 1),
            ),
        ],
        TODAY,
    )
    assert current.worst is None and current.may_meet_family
    assert overall_words(current, day) == "Current to 1 Jan 2027"


def test_a_later_refusal_overrides_an_older_clearance():
    """Regression (review): the best check of a kind used to win, so a failed re-check still
    left the volunteer 'current' and free to take family-facing work."""
    checks = [
        CheckState("police_vetting", CheckResult.CLEARED, date(2027, 1, 1), date(2024, 1, 1)),
        CheckState("police_vetting", CheckResult.NOT_CLEARED, None, date(2026, 5, 1)),
    ]
    assert vetting_of((POLICE,), checks, TODAY).state is VettingStatus.NOT_CLEARED


def test_records_after_the_day_judged_had_not_happened_yet():
    """A report of last year judges vetting as it stood then: a renewal made since does not
    make last year's lapse current."""
    checks = [
        CheckState("police_vetting", CheckResult.CLEARED, date(2025, 1, 1), date(2022, 1, 1)),
        CheckState("police_vetting", CheckResult.CLEARED, date(2029, 3, 1), date(2026, 3, 1)),
    ]
    assert vetting_of((POLICE,), checks, date(2025, 6, 30)).state is VettingStatus.EXPIRED
    assert vetting_of((POLICE,), checks, TODAY).state is VettingStatus.CURRENT


def test_a_statement_that_lasts_a_year_expires():
    declaration = Requirement("conviction_declaration", "Declaration", STATEMENT, 12)
    signed = [
        CheckState(
            "conviction_declaration", CheckResult.CLEARED, date(2026, 1, 1), date(2025, 1, 1)
        )
    ]
    standing = vetting_of((declaration,), signed, TODAY).standings[0]
    assert standing.state is VettingStatus.EXPIRED
    assert standing_words(standing, day) == "Declaration expired 1 Jan 2026"


def test_expiry_defaults_from_the_programme_validity():
    assert default_expiry(date(2026, 3, 31), 36) == date(2029, 3, 31)
    assert default_expiry(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert default_expiry(date(2026, 3, 31), None) is None
    assert default_expiry(None, 36) is None


def test_nz_requires_both_checks_and_the_course_of_every_volunteer():
    nz = get_programme("nz-cors")
    assert nz.required_kinds == (
        "police_vetting",
        "child_protection_statement",
        "child_protection_elearning",
    )
    assert [r.kind for r in nz.requirements] == [CHECK, STATEMENT, TRAINING]
    assert get_programme("ca-g5").requirements[0].kind is STATEMENT
