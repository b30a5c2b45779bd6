"""The vetting rule: where each of a volunteer's requirements stands on a day, and the
volunteer's state as a whole, named after the worst requirement.

One rule, read by the roster and its filters, the dashboard, the volunteer, task and check-in
forms, the roster report, the evaluation report and the bundle, so that none of them can say
"missing" where another says "expired". Every function takes the day it judges (`as_of`): the
window passes today, a report its period's end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .alerts import WarningWindows
from .enums import CheckResult, VettingStatus
from .periods import add_months
from .plurals import counted

# The window's one default; the programme's TOML and the group's setting override it
# (services/group/groups.py:windows_of reads them, nothing else does).
DEFAULT_WARNING_DAYS = WarningWindows().vetting_days


class RequirementKind(StrEnum):
    """What sort of thing a requirement is: each has its own words and fields."""

    CHECK = "check"  # police vetting, a DBS or background check: applied, cleared or not
    STATEMENT = "statement"  # a statement the volunteer signs: signed on a date, or not
    TRAINING = "training"  # a course: completed on a date, with a certificate


@dataclass(frozen=True)
class Requirement:
    """One thing the programme asks of every volunteer."""

    key: str
    label: str
    kind: RequirementKind = RequirementKind.CHECK
    valid_months: int | None = None
    short_label: str = ""  # the roster's column heading

    @property
    def heading(self) -> str:
        return self.short_label or self.label


@dataclass(frozen=True)
class CheckState:
    """One record the rule reads: a check, a signed statement or a completed course (a course
    is a cleared record of its key, on its completion date)."""

    kind: str  # the requirement's key
    result: CheckResult
    expires_on: date | None
    checked_on: date | None = None


# Worst first. A refusal is a safeguarding matter; an expired check means someone who was
# cleared no longer is (and may still be meeting the family); then nothing at all; then
# applied and waiting; then running out soon.
SEVERITY: tuple[VettingStatus, ...] = (
    VettingStatus.NOT_CLEARED,
    VettingStatus.EXPIRED,
    VettingStatus.MISSING,
    VettingStatus.PENDING,
    VettingStatus.EXPIRING,
    VettingStatus.CURRENT,
)
MEETS_FAMILY = frozenset({VettingStatus.CURRENT, VettingStatus.EXPIRING})


@dataclass(frozen=True)
class Standing:
    """Where one requirement stands for one volunteer on the day judged."""

    requirement: Requirement
    state: VettingStatus
    done_on: date | None = None  # checked, applied, signed or completed on
    expires_on: date | None = None
    # Cleared with no expiry although the programme says how long it lasts: it counts as
    # current, but someone should type the date.
    no_expiry: bool = False

    @property
    def on(self) -> date | None:
        """The date that goes with the state: when it expires (or expired), when it was
        applied for or refused; none for a missing one or one that never expires."""
        if self.state in (VettingStatus.PENDING, VettingStatus.NOT_CLEARED):
            return self.done_on
        if self.state is VettingStatus.MISSING:
            return None
        return self.expires_on

    @property
    def needs_attention(self) -> bool:
        return self.state is not VettingStatus.CURRENT or self.no_expiry


@dataclass(frozen=True)
class Vetting:
    """A volunteer's requirements on one day, in the programme's order."""

    standings: tuple[Standing, ...]

    @property
    def worst(self) -> Standing | None:
        """The requirement that sets the overall state (the first of the worst, in the
        programme's order); None when every requirement is current."""
        if not self.standings:
            return None
        found = min(self.standings, key=lambda s: SEVERITY.index(s.state))
        return None if found.state is VettingStatus.CURRENT else found

    @property
    def state(self) -> VettingStatus:
        worst = self.worst
        return VettingStatus.CURRENT if worst is None else worst.state

    @property
    def may_meet_family(self) -> bool:
        return may_do_family_facing(self.state)

    @property
    def expires_on(self) -> date | None:
        """The first expiry among requirements that still hold (for "current to ...")."""
        return min(
            (s.expires_on for s in self.standings if s.state in MEETS_FAMILY and s.expires_on),
            default=None,
        )

    @property
    def on(self) -> date | None:
        """The date that goes with the whole: the worst requirement's ("expired 1 Dec
        2026"), else the first expiry ("current to 2 May 2028")."""
        worst = self.worst
        return worst.on if worst is not None else self.expires_on

    @property
    def gaps(self) -> tuple[Standing, ...]:
        """Everything not plainly current, in the programme's order."""
        return tuple(s for s in self.standings if s.needs_attention)

    @property
    def blocking(self) -> tuple[Standing, ...]:
        """What keeps the volunteer away from the family (expiring soon does not)."""
        return tuple(s for s in self.standings if s.state not in MEETS_FAMILY)

    def has(self, state: VettingStatus) -> bool:
        """Whether any requirement is in this state (the roster's filters ask this)."""
        return any(s.state is state for s in self.standings)

    def standing(self, key: str) -> Standing | None:
        return next((s for s in self.standings if s.requirement.key == key), None)


class WithVetting:
    """A row that carries a person's `vetting` (the roster, the dashboard's alerts, a task's
    assignee choices): its whole state, date and gaps, read one way."""

    vetting: Vetting

    @property
    def vetting_status(self) -> VettingStatus:
        """The worst requirement's state."""
        return self.vetting.state

    @property
    def vetting_expires_on(self) -> date | None:
        """The date that goes with the whole: the worst requirement's, else the first
        expiry."""
        return self.vetting.on

    @property
    def gaps(self) -> tuple[Standing, ...]:
        """What stands between this person and the programme's requirements, one by one."""
        return self.vetting.gaps


def record_state(
    kind: RequirementKind,
    result: CheckResult,
    expires_on: date | None,
    as_of: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> VettingStatus:
    """One record on `as_of`. A check applied for is waiting; a refused one is not cleared; a
    statement is signed or it is missing; anything expiring on `as_of` still holds that day."""
    if result is CheckResult.PENDING:
        return VettingStatus.MISSING if kind is RequirementKind.STATEMENT else VettingStatus.PENDING
    if result is not CheckResult.CLEARED:
        return (
            VettingStatus.MISSING
            if kind is RequirementKind.STATEMENT
            else VettingStatus.NOT_CLEARED
        )
    if expires_on is None:
        return VettingStatus.CURRENT
    if expires_on < as_of:
        return VettingStatus.EXPIRED
    if (expires_on - as_of).days <= warning_days:
        return VettingStatus.EXPIRING
    return VettingStatus.CURRENT


def latest_states(checks: Iterable[CheckState], as_of: date | None = None) -> dict[str, CheckState]:
    """Each kind's most recent record (by its date; the later one recorded on a tie): a
    renewal replaces an old clearance, and a later refusal overrides it. Records dated after
    `as_of` had not happened yet and are left out."""
    latest: dict[str, CheckState] = {}
    for check in checks:
        if as_of is not None and check.checked_on is not None and check.checked_on > as_of:
            continue
        previous = latest.get(check.kind)
        if previous is None or (check.checked_on or date.min) >= (previous.checked_on or date.min):
            latest[check.kind] = check
    return latest


def standing_of(
    requirement: Requirement,
    record: CheckState | None,
    as_of: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> Standing:
    if record is None:
        return Standing(requirement, VettingStatus.MISSING)
    state = record_state(requirement.kind, record.result, record.expires_on, as_of, warning_days)
    return Standing(
        requirement,
        state,
        record.checked_on,
        record.expires_on,
        no_expiry=(
            state is VettingStatus.CURRENT
            and record.expires_on is None
            and bool(requirement.valid_months)
        ),
    )


def vetting_of(
    requirements: Iterable[Requirement],
    records: Iterable[CheckState],
    as_of: date,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> Vetting:
    """The rule: each requirement judged by its latest record on `as_of`."""
    latest = latest_states(records, as_of)
    return Vetting(
        tuple(standing_of(r, latest.get(r.key), as_of, warning_days) for r in requirements)
    )


def may_do_family_facing(status: VettingStatus) -> bool:
    """Only volunteers whose every requirement still holds meet the family."""
    return status in MEETS_FAMILY


def default_expiry(checked_on: date | None, valid_months: int | None) -> date | None:
    """The expiry a record gets unless the person types another: the programme's validity."""
    if checked_on is None or not valid_months:
        return None
    return add_months(checked_on, valid_months)


# --- words ---------------------------------------------------------------------------------
# The English the reports and the command line print; the window has the same sentences
# through Qt's translation (ui/vetting_words.py), built from the same facts.
def standing_words(standing: Standing, day_text) -> str:
    """ "Police vetting expired 1 Dec 2026", "Child Protection Statement not signed",
    "Fundamentals of Child Protection completed 3 Mar 2025, to 3 Mar 2028". `day_text`
    writes a date."""
    r, state, kind = standing.requirement, standing.state, standing.requirement.kind
    label, done = r.label, day_text(standing.done_on) if standing.done_on else ""
    expires = day_text(standing.expires_on) if standing.expires_on else ""
    match state:
        case VettingStatus.MISSING:
            return {
                RequirementKind.STATEMENT: f"{label} not signed",
                RequirementKind.TRAINING: f"{label} not completed",
            }.get(kind, f"{label} not recorded")
        case VettingStatus.PENDING:
            return f"{label} applied {done}, waiting" if done else f"{label} applied, waiting"
        case VettingStatus.NOT_CLEARED:
            return f"{label} not cleared {done}" if done else f"{label} not cleared"
        case VettingStatus.EXPIRED:
            return f"{label} expired {expires}"
        case VettingStatus.EXPIRING:
            return f"{label} expires {expires}"
    if standing.no_expiry:
        return f"{label} has no expiry date (it lasts {counted(r.valid_months, 'month')})"
    verb = {RequirementKind.STATEMENT: "signed", RequirementKind.TRAINING: "completed"}.get(
        kind, "cleared"
    )
    said = f"{label} {verb} {done}" if done else f"{label} {verb}"
    return f"{said}, to {expires}" if expires else said


def standing_brief(standing: Standing, day_text) -> str:
    """One requirement in a line of a table, under its short heading: "Police vetting: to 4
    Feb 2028", "Child Protection Statement: not signed", "e-learning: expired 1 Dec 2026"."""
    r, state = standing.requirement, standing.state
    done = day_text(standing.done_on) if standing.done_on else ""
    expires = day_text(standing.expires_on) if standing.expires_on else ""
    if state is VettingStatus.MISSING:
        words = {
            RequirementKind.STATEMENT: "not signed",
            RequirementKind.TRAINING: "not completed",
        }.get(r.kind, "not recorded")
    elif state is VettingStatus.PENDING:
        words = f"applied {done}, waiting" if done else "applied, waiting"
    elif state is VettingStatus.NOT_CLEARED:
        words = "NOT CLEARED"
    elif state is VettingStatus.EXPIRED:
        words = f"EXPIRED {expires}"
    elif state is VettingStatus.EXPIRING:
        words = f"expires {expires}"
    elif expires:
        words = f"to {expires}"
    elif standing.no_expiry:
        words = "no expiry date recorded"
    else:
        words = {RequirementKind.STATEMENT: "signed", RequirementKind.TRAINING: "completed"}.get(
            r.kind, "cleared"
        ) + (f" {done}" if done else "")
    return f"{r.heading}: {words}"


STATE_WORDS = {
    VettingStatus.CURRENT: "Current",
    VettingStatus.EXPIRING: "Expiring",
    VettingStatus.EXPIRED: "Expired",
    VettingStatus.PENDING: "Applied, waiting",
    VettingStatus.NOT_CLEARED: "Not cleared",
    VettingStatus.MISSING: "Missing",
}


def overall_words(vetting: Vetting, day_text) -> str:
    """The whole, named after its worst requirement: "Expired: Police vetting, 1 Dec 2026",
    "Missing: Child Protection Statement (and 1 more)", "Current to 2 May 2028"."""
    worst = vetting.worst
    if worst is None:
        until = vetting.expires_on
        return f"Current to {day_text(until)}" if until else "Current"
    text = f"{STATE_WORDS[worst.state]}: {worst.requirement.label}"
    if worst.on is not None:
        text += f", {day_text(worst.on)}"
    others = sum(1 for s in vetting.standings if s.state is not VettingStatus.CURRENT) - 1
    if others:
        text += f" (and {others} more)"
    return text
