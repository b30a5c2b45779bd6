"""Whether a volunteer's checks are current, from dates alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .enums import CheckResult, VettingStatus
from .periods import add_months

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
    """One check: applied for and waiting is pending; refused counts as missing; one expiring
    today still holds."""
    if result is CheckResult.PENDING:
        return VettingStatus.PENDING
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
    VettingStatus.PENDING,
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
    latest = latest_states(checks)
    statuses = [
        check_status(latest[kind].result, latest[kind].expires_on, today, warning_days)
        if kind in latest
        else VettingStatus.MISSING
        for kind in required_kinds
    ]
    if not statuses:
        return VettingStatus.CURRENT
    return min(statuses, key=_SEVERITY.index)


def latest_states(checks: Iterable[CheckState]) -> dict[str, CheckState]:
    """Each kind's most recent check (by its date; the later one recorded on a tie)."""
    latest: dict[str, CheckState] = {}
    for check in checks:
        previous = latest.get(check.kind)
        if previous is None or (check.checked_on or date.min) >= (previous.checked_on or date.min):
            latest[check.kind] = check
    return latest


class GapKind(StrEnum):
    """What stands between a volunteer and a requirement of the programme."""

    NOT_RECORDED = "not_recorded"
    PENDING = "pending"  # applied for on `on`, waiting
    NOT_CLEARED = "not_cleared"
    EXPIRED = "expired"  # on `on`
    EXPIRING = "expiring"  # on `on`
    NO_EXPIRY = "no_expiry"  # cleared, but the programme says it lasts `valid_months`


@dataclass(frozen=True)
class Requirement:
    kind: str
    label: str
    valid_months: int | None = None


@dataclass(frozen=True)
class VettingGap:
    requirement: Requirement
    gap: GapKind
    on: date | None = None


def vetting_gaps(
    requirements: Iterable[Requirement],
    checks: Iterable[CheckState],
    today: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> tuple[VettingGap, ...]:
    """Exactly what is missing, waiting or running out, requirement by requirement, so the
    roster can say "Child Protection Statement not recorded" rather than "Missing"."""
    latest = latest_states(checks)
    gaps = []
    for requirement in requirements:
        check = latest.get(requirement.kind)
        if check is None:
            gaps.append(VettingGap(requirement, GapKind.NOT_RECORDED))
            continue
        status = check_status(check.result, check.expires_on, today, warning_days)
        if status is VettingStatus.PENDING:
            gaps.append(VettingGap(requirement, GapKind.PENDING, check.checked_on))
        elif status is VettingStatus.MISSING:
            gaps.append(VettingGap(requirement, GapKind.NOT_CLEARED, check.checked_on))
        elif status is VettingStatus.EXPIRED:
            gaps.append(VettingGap(requirement, GapKind.EXPIRED, check.expires_on))
        elif status is VettingStatus.EXPIRING:
            gaps.append(VettingGap(requirement, GapKind.EXPIRING, check.expires_on))
        elif check.expires_on is None and requirement.valid_months:
            gaps.append(VettingGap(requirement, GapKind.NO_EXPIRY))
    return tuple(gaps)


def gap_words(gap: VettingGap, day_text) -> str:
    """One gap as the roster and the task form say it: "Child Protection Statement not
    recorded", "Police vetting applied 3 Mar 2026, waiting". `day_text` writes a date."""
    label, on = gap.requirement.label, gap.on
    match gap.gap:
        case GapKind.NOT_RECORDED:
            return f"{label} not recorded"
        case GapKind.PENDING:
            return f"{label} applied {day_text(on)}, waiting" if on else f"{label} applied, waiting"
        case GapKind.NOT_CLEARED:
            return f"{label} not cleared"
        case GapKind.EXPIRED:
            return f"{label} expired {day_text(on)}"
        case GapKind.EXPIRING:
            return f"{label} expires {day_text(on)}"
        case _:
            months = gap.requirement.valid_months
            return f"{label} has no expiry date (it lasts {months} months)"


def default_expiry(checked_on: date | None, valid_months: int | None) -> date | None:
    """The expiry a check gets unless the person types another: the programme's validity."""
    if checked_on is None or not valid_months:
        return None
    return add_months(checked_on, valid_months)


def may_do_family_facing(status: VettingStatus) -> bool:
    """The vetting rule: only volunteers whose required checks still hold meet the family."""
    return status in (VettingStatus.CURRENT, VettingStatus.EXPIRING)
