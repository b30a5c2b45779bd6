"""The warning windows and the one lease-ending rule, at their boundaries."""

from datetime import date, timedelta

import pytest

from sponsor_app.domain.alerts import (
    WarningWindows,
    arrival_without_home,
    lease_days_left,
    lease_needs_attention,
)
from sponsor_app.domain.enums import TenancyStatus
from sponsor_app.domain.programmes import get_programme

TODAY = date(2026, 6, 15)
WINDOWS = WarningWindows(lease_days=60)


@pytest.mark.parametrize(
    ("days", "status", "expected"),
    [
        (61, TenancyStatus.OCCUPIED, False),
        (60, TenancyStatus.OCCUPIED, True),
        (0, TenancyStatus.SECURED, True),
        (-40, TenancyStatus.OCCUPIED, True),  # ended but still live: someone must act
        (-40, TenancyStatus.ENDED, False),
        (10, TenancyStatus.SEARCHING, False),
    ],
)
def test_lease_needs_attention(days, status, expected):
    end = TODAY + timedelta(days=days)
    assert lease_needs_attention(status, end, TODAY, WINDOWS) is expected
    assert lease_days_left(end, TODAY) == days


def test_a_lease_with_no_end_never_warns():
    assert not lease_needs_attention(TenancyStatus.OCCUPIED, None, TODAY, WINDOWS)


@pytest.mark.parametrize(
    ("days", "home", "expected"),
    [(14, False, True), (15, False, False), (-1, False, False), (3, True, False)],
)
def test_arrival_without_home(days, home, expected):
    arrival = TODAY + timedelta(days=days)
    assert arrival_without_home(arrival, home, TODAY, WarningWindows(arrival_days=14)) is expected


def test_the_group_overrides_only_what_it_sets():
    programme = get_programme("nz-cors").warnings
    mine = programme.overridden(lease_days=90, due_soon_days=None)
    assert (mine.lease_days, mine.due_soon_days, mine.vetting_days) == (
        90,
        programme.due_soon_days,
        programme.vetting_days,
    )
