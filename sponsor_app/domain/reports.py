"""Rules the reports share: the kinds, who appears by name and how, paper size, small-cell
suppression, and how an anonymised report coarsens arrival, household size and place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import LabelledEnum, OutcomeArea
from .text import fold

# Countries whose printers take US Letter; everyone else prints on A4 (NZ, UK...).
LETTER_COUNTRIES = frozenset({"US", "CA"})
# In a combined summary that is printed and passed on, a count this small could single out a
# household or a person: it shows as "<3" (the evaluator's CSV keeps the exact figure).
SMALL_CELL = 3
SUPPRESSED = "<3"
CONFIDENTIAL = "Confidential: contains personal information"


class ReportKind(LabelledEnum):
    EVALUATION = "evaluation"
    FINANCES = "finances"
    ROSTER = "roster"
    CHECKLIST = "checklist"
    HOUSING = "housing"
    COMBINED = "combined"  # many groups' bundles in one summary (sponsor-app combine)

    @property
    def title(self) -> str:
        return _TITLES[self]

    @property
    def always_named(self) -> bool:
        """The roster is a list of people: it is named by nature and says so on every page."""
        return self is ReportKind.ROSTER


_TITLES = {
    ReportKind.EVALUATION: "Pilot evaluation report",
    ReportKind.FINANCES: "Financial statement",
    ReportKind.ROSTER: "Volunteer roster",
    ReportKind.CHECKLIST: "Settlement checklist",
    ReportKind.HOUSING: "Housing summary",
    ReportKind.COMBINED: "Cross-group summary",
}
# What `sponsor-app report KIND` and the Reports page offer (a combined summary is made from
# bundles, not from one group's file).
GROUP_REPORTS = (
    ReportKind.EVALUATION,
    ReportKind.FINANCES,
    ReportKind.ROSTER,
    ReportKind.CHECKLIST,
    ReportKind.HOUSING,
)

# New Zealand Refugee Resettlement Strategy's names for the five outcomes (since 2023); reports
# group indicators and tasks under them.
OUTCOME_NAMES = {
    OutcomeArea.PARTICIPATION: "Participation and inclusion",
    OutcomeArea.HEALTH: "Health and wellbeing",
    OutcomeArea.HOUSING: "Housing",
    OutcomeArea.EDUCATION: "Education, training and English",
    OutcomeArea.SELF_SUFFICIENCY: "Employment and self-sufficiency",
}
OUTCOME_ORDER = tuple(OUTCOME_NAMES)


def is_letter_paper(country: str) -> bool:
    return country.upper() in LETTER_COUNTRIES


def country_of(locale: str, programme_country: str) -> str:
    """The territory of the group's locale ("en_NZ" -> "NZ"), else the programme's country."""
    parts = locale.replace("-", "_").split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    return (territory or programme_country).upper()


def small_cell(count: int | None) -> bool:
    """True when a count of households or people is too small to print in a combined summary:
    fewer than 3, as REPORTS.md says, zero included (a zero beside a one would tell a reader
    which it is). The combined CSV keeps the exact figures for the evaluator's own analysis."""
    return count is not None and count < SMALL_CELL


def suppressed(count: int | None, text: str | None = None) -> str:
    """The cell as printed: "<3" for a small count, otherwise `text` (default: the count)."""
    if count is None:
        return text or ""
    if small_cell(count):
        return SUPPRESSED
    return text if text is not None else f"{count:,}"


def volunteer_label(volunteer_id: int) -> str:
    """How an anonymised report names a volunteer: "Volunteer N", N taken from the volunteer's
    stable id, so one person keeps one label in every report of every period (an evaluator can
    follow them across years) whatever roles they hold or whoever joins. The one place the rule
    lives: when ids become unique across laptops, only this changes."""
    return f"Volunteer {volunteer_id}"


# Household sizes an anonymised report gives: a band, never the exact count (a family of 7 in a
# small programme is a family someone knows).
SIZE_BANDS = ((1, 2), (3, 4), (5, None))


def size_band(people: int) -> str:
    """ "1-2", "3-4" or "5+" ("0" when no member is recorded)."""
    for low, high in SIZE_BANDS:
        if high is None and people >= low:
            return f"{low}+"
        if high is not None and low <= people <= high:
            return f"{low}-{high}"
    return "0"


def months_since(arrival: date, end: date) -> int:
    """Calendar months from the arrival's month to `end`'s month: what an anonymised report says
    instead of days (days since arrival, with the period's end printed, give the day away)."""
    return (end.year - arrival.year) * 12 + end.month - arrival.month


def enough_households(households: int) -> bool:
    """Whether a figure over this many households may be published anonymised: sensitive
    readings (health) are counted only across 3 or more households, never fewer."""
    return households >= SMALL_CELL


@dataclass(frozen=True)
class PlaceRule:
    """Where anonymised reports may name a suburb: only in a town or city of at least
    `suburbs_from` people (the programme's data holds the threshold and the towns that reach
    it); in a smaller town, a suburb can point at one family, so the town alone is given."""

    suburbs_from: int = 100_000
    populations: tuple[tuple[str, int], ...] = ()

    def population(self, town: str) -> int | None:
        wanted = fold(town)
        return next((n for name, n in self.populations if fold(name) == wanted), None)

    def published(self, place: str) -> str:
        """ "Stoke, Nelson" -> "Nelson" (a small town); "Mangere, Auckland" stays (a city);
        a town the programme does not list counts as small. Anything before the suburb (a
        flat, a street) is never given."""
        parts = [p.strip() for p in place.split(",") if p.strip()]
        if not parts:
            return ""
        town = parts[-1]
        if len(parts) > 1 and (self.population(town) or 0) >= self.suburbs_from:
            return f"{parts[-2]}, {town}"
        return town
