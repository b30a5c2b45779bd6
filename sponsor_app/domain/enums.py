"""The fixed vocabularies of the domain. Stored by value, shown by label."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry an English label for people."""

    @property
    def label(self) -> str:
        # Keyed by class too: Phase and TaskStatus values could be equal strings.
        return _LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())

    @classmethod
    def from_text(cls, text: str) -> LabelledEnum:
        """Match a value or a label, case-insensitively ("Housing lead" or "housing")."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(f"unknown {cls.__name__}: {text!r}")


class VettingStatus(LabelledEnum):
    CURRENT = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    PENDING = "pending"  # applied for and waiting: not missing, not yet current
    NOT_CLEARED = "not_cleared"  # the check came back refused
    MISSING = "missing"


class Phase(LabelledEnum):
    PRE_ARRIVAL = "pre_arrival"
    ARRIVAL_DAY = "arrival_day"
    WEEKS_1_2 = "weeks_1_2"
    MONTH_1 = "month_1"
    MONTHS_2_3 = "months_2_3"
    MONTHS_4_6 = "months_4_6"
    MONTH_12 = "month_12"
    MONTH_24 = "month_24"

    @property
    def offsets(self) -> tuple[int, int]:
        """First and last day of the phase, counted from arrival (day 0)."""
        return _PHASE_OFFSETS[self]

    @classmethod
    def for_offset(cls, days: int) -> Phase:
        for phase in cls:
            low, high = phase.offsets
            if low <= days <= high:
                return phase
        return cls.PRE_ARRIVAL if days < 0 else cls.MONTH_24


class OutcomeArea(LabelledEnum):
    SELF_SUFFICIENCY = "self_sufficiency"
    PARTICIPATION = "participation"
    HEALTH = "health"
    EDUCATION = "education"
    HOUSING = "housing"


class GroupWork(LabelledEnum):
    """Where the group's own tasks sit beside the five outcome areas ("Raise funds and set the
    budget" is the group's work, not the family's progress in self-sufficiency)."""

    GROUP = "group"


class TaskStatus(LabelledEnum):
    OPEN = "open"  # shown as "To do"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_NEEDED = "not_needed"  # shown as "Not applicable"; skipped with a reason

    @property
    def is_open(self) -> bool:
        """Still to be done: counted as due, overdue, and in a volunteer's calendar."""
        return self in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


OPEN_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


class TaskKind(LabelledEnum):
    """What a task asks for: ordinary work, a meeting with the family (a check-in due), or
    recording the household's indicators at a comparable point (3, 6, 12, 24 months)."""

    TASK = "task"
    MEETING = "meeting"
    SNAPSHOT = "snapshot"


class CheckInKind(LabelledEnum):
    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    PROGRAMME_REVIEW = "programme_review"

    @property
    def family_facing(self) -> bool:
        """Met the family in person: the vetting rule applies to who went."""
        return self in (CheckInKind.VISIT, CheckInKind.MEETING)


class GoalStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    PROGRESSING = "progressing"
    ACHIEVED = "achieved"
    CHANGED = "changed"


class TransactionKind(LabelledEnum):
    INCOME = "income"
    EXPENSE = "expense"


class CategoryPurpose(LabelledEnum):
    """Ledger categories the app relies on, found by purpose rather than by name."""

    RENT = "rent"
    PLEDGE_PAYMENTS = "pledge_payments"
    DONATIONS = "donations"
    BOND = "bond"
    ARRIVAL_CASH = "arrival_cash"
    START_UP = "start_up"
    CASH_ASSISTANCE = "cash_assistance"
    # Where bank statement lines go when no rule and no choice categorises them.
    OTHER_INCOME = "other_income"
    OTHER_SPENDING = "other_spending"


class RentFrequency(LabelledEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class TenancyStatus(LabelledEnum):
    SEARCHING = "searching"
    SECURED = "secured"
    OCCUPIED = "occupied"
    ENDED = "ended"


class CheckResult(LabelledEnum):
    """Outcome of one vetting check as recorded by the group."""

    CLEARED = "cleared"
    PENDING = "pending"
    NOT_CLEARED = "not_cleared"


_PHASE_OFFSETS: dict[Phase, tuple[int, int]] = {
    Phase.PRE_ARRIVAL: (-90, -1),
    Phase.ARRIVAL_DAY: (0, 0),
    Phase.WEEKS_1_2: (1, 14),
    Phase.MONTH_1: (15, 30),
    Phase.MONTHS_2_3: (31, 90),
    Phase.MONTHS_4_6: (91, 180),
    Phase.MONTH_12: (181, 365),
    Phase.MONTH_24: (366, 730),
}

_LABELS: dict[tuple[type, str], str] = {
    (VettingStatus, "pending"): "Applied, waiting",
    (VettingStatus, "not_cleared"): "Not cleared",
    (Phase, Phase.PRE_ARRIVAL.value): "Pre-arrival",
    (Phase, Phase.ARRIVAL_DAY.value): "Arrival day",
    (Phase, Phase.WEEKS_1_2.value): "Weeks 1-2",
    (Phase, Phase.MONTH_1.value): "Month 1",
    (Phase, Phase.MONTHS_2_3.value): "Months 2-3",
    (Phase, Phase.MONTHS_4_6.value): "Months 4-6",
    (Phase, Phase.MONTH_12.value): "Month 12",
    (Phase, Phase.MONTH_24.value): "Month 24",
    (OutcomeArea, OutcomeArea.SELF_SUFFICIENCY.value): "Self-sufficiency",
    (OutcomeArea, OutcomeArea.HEALTH.value): "Health and wellbeing",
    (GroupWork, GroupWork.GROUP.value): "The group's own tasks",
    (TaskStatus, TaskStatus.OPEN.value): "To do",
    (TaskStatus, TaskStatus.NOT_NEEDED.value): "Not applicable",
    (CheckInKind, CheckInKind.PROGRAMME_REVIEW.value): "Programme review",
    (CheckResult, CheckResult.NOT_CLEARED.value): "Not cleared",
}
