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


def test_overall_is_the_worst_required_kind_using_the_best_check_of_each():
    checks = [
        CheckState("police", CheckResult.CLEARED, TODAY - timedelta(days=3)),
        CheckState("police", CheckResult.CLEARED, TODAY + timedelta(days=400)),  # renewed
        CheckState("statement", CheckResult.CLEARED, None),
    ]
    assert overall_status(["police", "statement"], checks, TODAY) is VettingStatus.CURRENT
    assert (
        overall_status(["police", "statement", "elearning"], checks, TODAY) is VettingStatus.MISSING
    )
    assert not may_do_family_facing(VettingStatus.EXPIRED)
    assert may_do_family_facing(VettingStatus.EXPIRING)
