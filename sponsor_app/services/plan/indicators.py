"""Household indicators: dated readings, the latest value and its trend (the readings that stand
for 3, 6, 12 and 24 months after arrival are domain/indicator_points.py's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ... import clock
from ...domain.errors import InvalidInput, Problem
from ...domain.indicators import Indicator, Trend, trend
from ...domain.messages import Plan, Records
from ...storage.models import Household, IndicatorReading
from ...storage.store import Store
from ..group.groups import programme_of
from ..rows import added, delete_or_gone, get_or_gone


@dataclass(frozen=True)
class ReadingRow:
    id: int
    household_id: int
    indicator: str
    recorded_on: date
    value: str
    note: str


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    latest: ReadingRow | None
    trend: Trend | None
    readings: int


def indicators(store: Store) -> tuple[Indicator, ...]:
    """The indicators this group records (the programme's list, from settlement.toml)."""
    return programme_of(store).indicators


def _indicator(store: Store, key: str) -> Indicator:
    found = next((i for i in indicators(store) if i.key == key), None)
    if found is None:
        raise InvalidInput.single("indicator", Plan.NO_INDICATOR(key=key))
    return found


@dataclass(frozen=True)
class ReadingInput:
    """One dated reading as the form gives it: the value as typed, read by the indicator's
    kind when it is recorded."""

    key: str
    recorded_on: date
    value: str
    note: str = ""


def record_reading(
    store: Store, household_id: int, data: ReadingInput, today: date | None = None
) -> int:
    """One dated reading; the value is read as the indicator's kind (a number, yes or no,
    one of its options, a date) and stored in its plain form."""
    indicator = _indicator(store, data.key)
    problems = []
    try:
        stored = indicator.read(data.value)
    except ValueError as error:
        problems.append(Problem("value", str(error)))
    if data.recorded_on > (today or clock.today()):
        problems.append(Problem("recorded_on", Plan.READING_IN_FUTURE()))
    if problems:
        raise InvalidInput(problems)
    with store.transaction(f"Record {indicator.label.lower()}") as session:
        get_or_gone(session, Household, household_id, Records.HOUSEHOLD_GONE)
        reading = IndicatorReading(
            household_id=household_id,
            indicator=data.key,
            recorded_on=data.recorded_on,
            value=stored,
            note=data.note.strip(),
        )
        return added(session, reading).id


def delete_reading(store: Store, reading_id: int) -> None:
    delete_or_gone(store, "Delete reading", IndicatorReading, reading_id, Records.READING_GONE)


def readings(store: Store, household_id: int | None = None) -> list[ReadingRow]:
    """Oldest first."""
    with store.read() as session:
        query = select(IndicatorReading).order_by(IndicatorReading.recorded_on, IndicatorReading.id)
        if household_id is not None:
            query = query.where(IndicatorReading.household_id == household_id)
        return [
            ReadingRow(r.id, r.household_id, r.indicator, r.recorded_on, r.value, r.note)
            for r in session.scalars(query)
        ]


def latest_indicators(store: Store, household_id: int) -> list[IndicatorSummary]:
    """Every indicator, with its latest reading and trend (None when never read)."""
    with store.read():
        known = indicators(store)
        mine = readings(store, household_id)
    result = []
    for indicator in known:
        series = [r for r in mine if r.indicator == indicator.key]
        result.append(
            IndicatorSummary(
                indicator,
                series[-1] if series else None,
                trend(indicator, [r.value for r in series]) if series else None,
                len(series),
            )
        )
    return result
