"""When something needs attention: the warning windows and the rules that use them.

One place for each rule, so the dashboard, the pages and the reports cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .enums import TenancyStatus

LIVE_TENANCY = (TenancyStatus.SECURED, TenancyStatus.OCCUPIED)


@dataclass(frozen=True)
class WarningWindows:
    """Days ahead that count as "soon". The programme sets defaults (its TOML file's
    [warnings]); a group may set its own in its profile."""

    vetting_days: int = 30  # a check or course expiring within this many days
    lease_days: int = 60  # a lease ending within this many days
    due_soon_days: int = 14  # a task due within this many days
    arrival_days: int = 14  # an arrival this close with no home secured

    def overridden(self, **group_values: int | None) -> WarningWindows:
        """These windows with the group's own settings where it has any."""
        return replace(self, **{k: v for k, v in group_values.items() if v is not None})


def lease_days_left(lease_end: date, today: date) -> int:
    """Negative once the lease has ended."""
    return (lease_end - today).days


def lease_needs_attention(
    status: TenancyStatus, lease_end: date | None, today: date, windows: WarningWindows
) -> bool:
    """A secured or occupied tenancy whose lease ends within the window, or has already
    ended while the tenancy is still marked live (someone has to renew it or close it)."""
    return (
        status in LIVE_TENANCY
        and lease_end is not None
        and lease_end <= today + timedelta(days=windows.lease_days)
    )


def arrival_without_home(
    arrival: date | None, has_live_tenancy: bool, today: date, windows: WarningWindows
) -> bool:
    return (
        arrival is not None
        and not has_live_tenancy
        and today <= arrival <= today + timedelta(days=windows.arrival_days)
    )
