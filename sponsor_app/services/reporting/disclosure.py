"""What text may leave the file in a report: one decision, made once per report build.

A report's data is gathered with one `Disclosure`, read in the same snapshot as its figures.
In an anonymised report:
- the app's own words (the programme's task titles, categories, indicators, roles, courses,
  the activities and methods the forms offer) pass unchanged;
- anything a person typed (a task title the group wrote, an hours activity, a shareable
  check-in note, the narrative, a category or role the group named, the group's own name)
  passes the one name finder (domain/name_finder.py): every name, name part, email, phone
  number and street address the file holds becomes its code or role ("H1", "a family member",
  "Volunteer 7", "a donor");
- a household's code is given only when it reads as a code; places, arrival and household
  size are coarsened (domain/reports.py);
- references and counterparties never reach it (the data builders leave them out).
Every typed line released is recorded (original and as released, with where each name was
masked), so the Reports page can show the lead exactly what leaves the file.

A named report keeps every word as typed: `Disclosure.named` passes everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.indicators import Indicator, IndicatorKind
from ...domain.name_finder import NameFinder
from ...domain.programmes import Programme, get_programme
from ...domain.reports import PlaceRule, volunteer_label
from ...domain.text import fold
from ...domain.vocabulary import programme_words
from ...storage.models import GroupProfile, Household, Volunteer
from ...storage.store import Store
from ..files.name_sources import anonymising_finder

FREE_TEXT_HIDDEN = "(free text)"
NO_TOWN = "town not recorded"
# A household code is given as typed only when it reads as a code: a digit in it and no run
# of three letters (so "H1", "KWT-07" and "2026-3" pass; "SMITH" or "Yasmin1" never do).
_CODE = re.compile(r"(?=.*\d)(?!.*[^\W\d_]{3})[\w-]{1,16}")


class TextSource(StrEnum):
    """Where a typed line that leaves the file comes from (the window words it)."""

    GROUP_NAME = "group_name"
    PREPARED_BY = "prepared_by"
    HOUSEHOLD_CODE = "household_code"
    PLACE = "place"
    TASK_TITLE = "task_title"
    HOURS_ACTIVITY = "hours_activity"
    SHARED_NOTE = "shared_note"
    NARRATIVE = "narrative"
    CATEGORY = "category"
    ROLE = "role"
    COURSE = "course"
    METHOD = "method"
    PROPERTY_KIND = "property_kind"
    MOVE_IN_ITEM = "move_in_item"
    INSPECTION = "inspection"
    INDICATOR_VALUE = "indicator_value"
    INDICATOR_LABEL = "indicator_label"  # from a bundle (combine)
    FIGURE_LABEL = "figure_label"  # from a bundle (combine)
    FUNDS_RULE = "funds_rule"  # the programme's funds rule, from a bundle (combine)


@dataclass(frozen=True)
class Released:
    """One typed line as it leaves the file: `text` is what the report prints, and `masked`
    where in it a label stands in place of a name (start, end)."""

    source: TextSource
    original: str
    text: str
    masked: tuple[tuple[int, int], ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original


class Disclosure:
    """Decides, for one report build, how each piece of text leaves the file."""

    def __init__(
        self,
        named: bool,
        finder: NameFinder | None = None,
        words: frozenset[str] = frozenset(),
        codes: dict[str, str] | None = None,
        volunteers: dict[int, str] | None = None,
        places: PlaceRule | None = None,
    ):
        self.named = named
        self.finder = finder or NameFinder([])
        self._words = words
        self._codes = codes or {}
        self._volunteers = volunteers or {}
        self._places = places or PlaceRule()
        self._released: dict[tuple[TextSource, str], Released] = {}
        self._masked: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
        self._said: dict[tuple[TextSource, str], str] = {}

    @property
    def anonymised(self) -> bool:
        return not self.named

    @property
    def released(self) -> tuple[Released, ...]:
        """Every typed line released so far, once each, in the order first met."""
        return tuple(self._released.values())

    # --- text ----------------------------------------------------------------------------
    def masked(self, text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """`text` as an anonymised report gives it, and where names were masked; nothing is
        recorded (the narrative editor marks what it would mask as the lead types)."""
        held = self._masked.get(text)
        if held is None:
            held = self._masked[text] = self.finder.masked(text)
        return held

    def typed(self, source: TextSource, text: str) -> str:
        """Text a person typed: masked, and recorded as released."""
        if self.named or not text or not text.strip():
            return text
        key = (source, text)
        seen = self._released.get(key)
        if seen is None:
            out, spans = self.masked(text)
            seen = self._released[key] = Released(source, text, out, spans)
        return seen.text

    def typed_lines(self, source: TextSource, text: str) -> str:
        """A text of many lines (the narrative): each line masked and recorded on its own."""
        if self.named:
            return text
        return "\n".join(self.typed(source, line.strip()) for line in text.split("\n"))

    def words(self, source: TextSource, text: str) -> str:
        """Text in a place where the app offers its own words: those pass unchanged; anything
        else someone typed, and goes as typed text does."""
        if self.named:
            return text
        said = self._said.get((source, text))  # a statement asks the same of 100,000 lines
        if said is None:
            said = self._said[(source, text)] = (
                text if fold(text) in self._words else self.typed(source, text)
            )
        return said

    # --- people, households and places -------------------------------------------------------
    def volunteer(self, volunteer_id: int | None) -> str:
        """A volunteer as the report calls them: their name, or "Volunteer N"."""
        if volunteer_id is None:
            return ""
        return self._volunteers.get(volunteer_id) or volunteer_label(volunteer_id)

    def household(self, code: str) -> str:
        """A household's code as the report gives it."""
        return code if self.named else self._codes.get(code, code)

    def place(self, place: str) -> str:
        """A town or suburb: as typed in a named report; otherwise the town alone where a
        suburb could point at a family (the programme's rule), masked like typed text."""
        if self.named:
            return place
        published = self._places.published(place)
        return self.typed(TextSource.PLACE, published) if published else NO_TOWN

    def arrival(self, day: date | None) -> date | None:
        """The exact date of an arrival (or of a task due from it) in a named report; None in
        an anonymised one, which gives the month only."""
        return day if self.named else None

    def indicator_value(self, indicator: Indicator, value: str | None) -> str | None:
        """A reading as the report gives it: a number, date, yes/no or option the indicator
        reads as its own passes; free text is left out of an anonymised report, and anything
        else goes as typed text."""
        if value is None or self.named:
            return value
        if indicator.kind is IndicatorKind.TEXT:
            return FREE_TEXT_HIDDEN
        try:
            if indicator.read(value) == value:
                return value
        except ValueError:
            pass
        return self.typed(TextSource.INDICATOR_VALUE, value)


def read_disclosure(store: Store, named: bool) -> Disclosure:
    """The Disclosure for a report made now, from the file (inside the report's own read, it
    is the same snapshot as the figures)."""
    with store.read() as session:
        programme = get_programme(session.scalar(select(GroupProfile.programme_key)))
        if named:
            names = dict(session.execute(select(Volunteer.id, Volunteer.full_name)).all())
            return Disclosure(True, volunteers=names, places=programme.places)
        return _anonymised(session, programme)


def _anonymised(session: Session, programme: Programme) -> Disclosure:
    households = session.execute(select(Household.id, Household.code).order_by(Household.id))
    finder = anonymising_finder(session, volunteer_label)
    codes = published_codes(households.all(), finder.names_someone)
    if any(code != given for given, code in codes.items()):
        # the finder says "H1" for the family's name: it must say the code as published
        finder = anonymising_finder(session, volunteer_label, lambda code: codes.get(code, code))
    return Disclosure(
        False,
        finder,
        programme_words(programme),
        codes,
        places=programme.places,
    )


def published_codes(
    households: Iterable[tuple[int, str]], names_someone: Callable[[str], bool]
) -> dict[str, str]:
    """Each household's code as anonymised reports give it: as typed when it reads as a code
    and names no one, otherwise "H" and the household's id (never one another household has)."""
    households = list(households)
    taken = {code.casefold() for _, code in households}
    published = {}
    for household_id, code in households:
        if _CODE.fullmatch(code) and not names_someone(code):
            published[code] = code
            continue
        candidate, extra = f"H{household_id}", 1
        while candidate.casefold() in taken:
            extra += 1
            candidate = f"H{household_id}-{extra}"
        taken.add(candidate.casefold())
        published[code] = candidate
    return published


def shapes_only() -> Disclosure:
    """For text that comes from bundles rather than a file (combine): no names are known
    there (each bundle was masked when it was written), so only emails, phone numbers and
    street addresses found by their shape are masked."""
    return Disclosure(False, NameFinder([]))
