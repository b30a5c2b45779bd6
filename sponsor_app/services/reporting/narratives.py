"""The evaluation report's narrative (highlights and challenges), kept per reporting period."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...domain.periods import Period
from ...storage.models import ReportNarrative
from ...storage.store import Store


@dataclass(frozen=True)
class Narrative:
    highlights: str = ""
    challenges: str = ""


def _row(session, period: Period) -> ReportNarrative | None:
    return session.scalar(
        select(ReportNarrative).where(
            ReportNarrative.period_start == period.start,
            ReportNarrative.period_end == period.end,
        )
    )


def narrative(store: Store, period: Period) -> Narrative:
    """What the lead wrote for exactly this period (nothing yet: empty)."""
    with store.read() as session:
        row = _row(session, period)
        return Narrative(row.highlights, row.challenges) if row else Narrative()


def save_narrative(store: Store, period: Period, text: Narrative) -> None:
    """Keep the narrative for this period; both empty removes it."""
    highlights, challenges = text.highlights.strip(), text.challenges.strip()
    with store.transaction("Save the report narrative") as session:
        row = _row(session, period)
        if not highlights and not challenges:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = ReportNarrative(period_start=period.start, period_end=period.end)
            session.add(row)
        row.highlights, row.challenges = highlights, challenges
