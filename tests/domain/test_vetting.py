from datetime import date, timedelta

import pytest

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.domain.vetting import (
    CheckState,
    check_status,
    may_do_family_facing,
    overall_status,
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


def test_pending_or_not_cleared_counts_as_missing():
    assert check_status(CheckResult.PENDING, None, TODAY) is VettingStatus.MISSING
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
