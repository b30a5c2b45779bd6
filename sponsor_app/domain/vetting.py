"""Whether a volunteer's checks are current, from dates alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .enums import CheckResult, VettingStatus

DEFAULT_WARNING_DAYS = 30


@dataclass(frozen=True)
class CheckState:
    """What the vetting rule needs to know about one recorded check."""

    kind: str
    result: CheckResult
    expires_on: date | None
    checked_on: date | None = None


def check_status(
    result: CheckResult,
    expires_on: date | None,
    today: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> VettingStatus:
    """One check: a check that has not cleared counts as missing; one expiring today still holds."""
    if result is not CheckResult.CLEARED:
        return VettingStatus.MISSING
    if expires_on is None:
        return VettingStatus.CURRENT
    if expires_on < today:
        return VettingStatus.EXPIRED
    if (expires_on - today).days <= warning_days:
        return VettingStatus.EXPIRING
    return VettingStatus.CURRENT


_SEVERITY = [
    VettingStatus.MISSING,
    VettingStatus.EXPIRED,
    VettingStatus.EXPIRING,
    VettingStatus.CURRENT,
]


def overall_status(
    required_kinds: Iterable[str],
    checks: Iterable[CheckState],
    today: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> VettingStatus:
    """The worst status across the programme's required checks, each kind judged by its most
    recent check: a renewal replaces an old clearance, and a later refusal overrides it."""
    latest: dict[str, CheckState] = {}
    for check in checks:
        previous = latest.get(check.kind)
        if previous is None or (check.checked_on or date.min) >= (previous.checked_on or date.min):
            latest[check.kind] = check
    statuses = [
        check_status(latest[kind].result, latest[kind].expires_on, today, warning_days)
        if kind in latest
        else VettingStatus.MISSING
        for kind in required_kinds
    ]
    if not statuses:
        return VettingStatus.CURRENT
    return min(statuses, key=_SEVERITY.index)


def may_do_family_facing(status: VettingStatus) -> bool:
    """The vetting rule: only volunteers whose required checks still hold meet the family."""
    return status in (VettingStatus.CURRENT, VettingStatus.EXPIRING)
