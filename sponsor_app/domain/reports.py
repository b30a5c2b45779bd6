"""Rules the reports share: the kinds, who appears by name, paper size, small-cell suppression."""

from __future__ import annotations

from collections.abc import Iterable

from .enums import LabelledEnum, OutcomeArea

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


PLAIN_ROLE = "volunteer"  # the role key that names no one's responsibility


def volunteer_labels(
    volunteers: Iterable[tuple[int, tuple[str, ...]]], role_names: dict[str, str]
) -> dict[int, str]:
    """How an anonymised report names each volunteer: the first holder of a lead role by that
    role's name ("Housing lead"), everyone else "Volunteer N", numbered in the order given (by
    id). Roles are the group's own (keys, with their names in `role_names`)."""
    labels: dict[int, str] = {}
    taken: set[str] = set()
    number = 0
    for volunteer_id, roles in volunteers:
        lead = next((r for r in roles if r != PLAIN_ROLE and r not in taken), None)
        if lead is not None:
            taken.add(lead)
            labels[volunteer_id] = role_names.get(lead, lead)
        else:
            number += 1
            labels[volunteer_id] = f"Volunteer {number}"
    return labels


def town_only(town: str) -> str:
    """The town or suburb of a property, never its street address ("Stoke, Nelson")."""
    return town.strip() or "town not recorded"
