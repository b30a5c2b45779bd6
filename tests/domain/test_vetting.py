from datetime import date, timedelta

import pytest

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.domain.programmes import get_programme
from sponsor_app.domain.vetting import (
    CheckState,
    GapKind,
    Requirement,
    check_status,
    default_expiry,
    gap_words,
    may_do_family_facing,
    overall_status,
    vetting_gaps,
)

TODAY = date(2026, 6, 15)


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
def test_status_boundaries(days, status):
    assert check_status(CheckResult.CLEARED, TODAY + timedelta(days=days), TODAY) is status


def test_applied_and_waiting_is_pending_and_not_cleared_counts_as_missing():
    # Issue 12: "applied, waiting" is pending, not missing (the export already said pending).
    assert check_status(CheckResult.PENDING, None, TODAY) is VettingStatus.PENDING
    assert not may_do_family_facing(VettingStatus.PENDING)
    assert (
        check_status(CheckResult.NOT_CLEARED, TODAY + timedelta(days=90), TODAY)
        is VettingStatus.MISSING
    )


def test_overall_is_the_worst_required_kind_using_the_latest_check_of_each():
    checks = [
        CheckState("police", CheckResult.CLEARED, TODAY - timedelta(days=3), date(2023, 6, 1)),
        CheckState(
            "police", CheckResult.CLEARED, TODAY + timedelta(days=400), date(2026, 6, 1)
        ),  # renewed
        CheckState("statement", CheckResult.CLEARED, None),
    ]
    assert overall_status(["police", "statement"], checks, TODAY) is VettingStatus.CURRENT
    assert (
        overall_status(["police", "statement", "elearning"], checks, TODAY) is VettingStatus.MISSING
    )
    assert not may_do_family_facing(VettingStatus.EXPIRED)
    assert may_do_family_facing(VettingStatus.EXPIRING)


def test_a_later_refusal_overrides_an_older_clearance():
    """Regression (review): the best check of a kind used to win, so a failed re-check still
    left the volunteer 'current' and free to take family-facing work."""
    checks = [
        CheckState("police", CheckResult.CLEARED, date(2027, 1, 1), date(2024, 1, 1)),
        CheckState("police", CheckResult.NOT_CLEARED, None, date(2026, 5, 1)),
    ]
    assert overall_status(["police"], checks, TODAY) is VettingStatus.MISSING


POLICE = Requirement("police_vetting", "Police vetting", 36)
STATEMENT = Requirement("child_protection_statement", "Child Protection Statement signed")
COURSE = Requirement("child_protection_elearning", "Fundamentals of Child Protection", 36)


def test_each_gap_is_named_requirement_by_requirement():
    checks = [
        CheckState("police_vetting", CheckResult.PENDING, None, date(2026, 3, 3)),
        CheckState("child_protection_elearning", CheckResult.CLEARED, None, date(2025, 1, 1)),
    ]
    gaps = vetting_gaps((POLICE, STATEMENT, COURSE), checks, TODAY)
    assert [(g.requirement.kind, g.gap, g.on) for g in gaps] == [
        ("police_vetting", GapKind.PENDING, date(2026, 3, 3)),
        ("child_protection_statement", GapKind.NOT_RECORDED, None),
        ("child_protection_elearning", GapKind.NO_EXPIRY, None),
    ]
    words = [gap_words(g, lambda d: d.strftime("%-d %b %Y")) for g in gaps]
    assert words == [
        "Police vetting applied 3 Mar 2026, waiting",
        "Child Protection Statement signed not recorded",
        "Fundamentals of Child Protection has no expiry date (it lasts 36 months)",
    ]
    # Pending outranks "no expiry" but not "missing": the whole is missing.
    assert overall_status(["police_vetting", "child_protection_statement"], checks, TODAY) is (
        VettingStatus.MISSING
    )


def test_an_expired_check_is_expired_not_missing():
    checks = [CheckState("police_vetting", CheckResult.CLEARED, date(2026, 1, 2), date(2023, 1, 2))]
    (gap,) = vetting_gaps((POLICE,), checks, TODAY)
    assert (gap.gap, gap.on) == (GapKind.EXPIRED, date(2026, 1, 2))
    assert overall_status(["police_vetting"], checks, TODAY) is VettingStatus.EXPIRED


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
