"""Household indicators: what each one records, how a typed value is read, and its trend.

The list is data (settlement.toml, [[indicators]]); this module only knows the kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .enums import OutcomeArea
from .indicator_points import Population

YES_WORDS = {"yes", "y", "true", "1", "✓"}
NO_WORDS = {"no", "n", "false", "0"}
CHOICES_SEPARATOR = "; "
# Points at which the evaluation compares households (months after arrival).
SNAPSHOT_MONTHS = (3, 6, 12, 24)


class IndicatorKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    YESNO = "yesno"
    CHOICE = "choice"  # one of the options
    CHOICES = "choices"  # any of the options, stored "a; b"
    DATE = "date"


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    CHANGED = "changed"  # a different value where "up" and "down" mean nothing
    FIRST = "first"  # only one reading so far


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    outcome_area: OutcomeArea
    kind: IndicatorKind
    topic: str = ""
    unit: str = ""
    options: tuple[str, ...] = ()
    maximum: int | None = None
    ordered: bool = False  # choice options run from least to most (a level, a scale)
    sensitive: bool = False  # health: reported only as counts across households
    applies_to: Population = Population.HOUSEHOLD  # whom it is about (school age, working age)

    def read(self, text: str) -> str:
        """The value as stored, from what a person typed; ValueError says what is wrong."""
        value = " ".join(str(text).split())
        if not value:
            raise ValueError("Enter a value.")
        match self.kind:
            case IndicatorKind.NUMBER:
                return self._number(value)
            case IndicatorKind.YESNO:
                word = value.casefold()
                if word in YES_WORDS:
                    return "yes"
                if word in NO_WORDS:
                    return "no"
                raise ValueError("Answer yes or no.")
            case IndicatorKind.CHOICE:
                return self._option(value)
            case IndicatorKind.CHOICES:
                parts = [p for p in value.replace(",", ";").split(";") if p.strip()]
                chosen = {self._option(p.strip()) for p in parts}
                return CHOICES_SEPARATOR.join(o for o in self.options if o in chosen)
            case IndicatorKind.DATE:
                try:
                    return date.fromisoformat(value).isoformat()
                except ValueError:
                    raise ValueError("Enter a date such as 2026-03-01.") from None
        return value

    def _number(self, value: str) -> str:
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            raise ValueError("Enter a number.") from None
        if not number.is_finite() or number < 0:
            raise ValueError("Enter a number of 0 or more.")
        if self.maximum is not None and number > self.maximum:
            raise ValueError(f"Enter at most {self.maximum}.")
        return format(number.normalize(), "f")

    def _option(self, value: str) -> str:
        for option in self.options:
            if option.casefold() == value.casefold():
                return option
        raise ValueError("Choose one of: " + ", ".join(self.options) + ".")

    def number(self, stored: str) -> Decimal | None:
        try:
            return Decimal(stored)
        except (InvalidOperation, TypeError):
            return None


def trend(indicator: Indicator, values: Sequence[str]) -> Trend:
    """How the latest reading compares with the one before (values oldest first)."""
    if not values:
        raise ValueError("no readings")
    if len(values) == 1:
        return Trend.FIRST
    before, latest = values[-2], values[-1]
    if before == latest:
        return Trend.SAME
    ordered = _position(indicator, before), _position(indicator, latest)
    if None in ordered:
        return Trend.CHANGED
    return Trend.UP if ordered[1] > ordered[0] else Trend.DOWN


def _position(indicator: Indicator, stored: str) -> Decimal | int | None:
    """Where a value sits on the indicator's scale, when it has one."""
    match indicator.kind:
        case IndicatorKind.NUMBER:
            return indicator.number(stored)
        case IndicatorKind.YESNO:
            return 1 if stored == "yes" else 0
        case IndicatorKind.CHOICE if indicator.ordered:
            return indicator.options.index(stored) if stored in indicator.options else None
    return None


def from_toml(item: dict) -> Indicator:
    return Indicator(
        key=item["key"],
        label=item["label"],
        outcome_area=OutcomeArea(item["outcome_area"]),
        kind=IndicatorKind(item["kind"]),
        topic=item.get("topic", ""),
        unit=item.get("unit", ""),
        options=tuple(item.get("options", ())),
        maximum=item.get("maximum"),
        ordered=bool(item.get("ordered", False)),
        sensitive=bool(item.get("sensitive", False)),
        applies_to=Population(item.get("applies_to", Population.HOUSEHOLD)),
    )
