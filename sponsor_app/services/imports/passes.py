"""One pass over a file as a kind's importer (volunteer_rows.py, ledger_rows.py) sees it: the
session, the request, the group, where unknown values and notes go, and how a row turns out.
The engine (engine.py) runs the pass; the importers only read and write rows through this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...domain.messages import Message, english
from ...storage.models import GroupProfile
from .fields import Vocabulary
from .model import CREATE, LEAVE_OUT, ImportRequest, RowStatus

LISTED = 1000  # problems and likely duplicates kept for the preview's lists


class RowProblem(Exception):
    """The row cannot be imported as it is: each message says why (a code, or words a reader
    of dates and numbers gave)."""

    def __init__(self, *messages: Message | str):
        self.messages = [m for m in messages if m]
        super().__init__("; ".join(english(m) for m in self.messages))


class Waiting(Exception):
    """The row holds a value still to be mapped or created (recorded by `Pass.unknown`)."""


class LeftOut(Exception):
    """The person chose to leave out rows with one of this row's values."""


@dataclass
class Row:
    line: int
    status: RowStatus
    record: Any
    shown: tuple[str, ...]
    note: Message | str = ""


@dataclass
class _Unknown:
    vocabulary: Vocabulary
    key: str
    text: str
    kind: str
    choice: str | None
    how: Message | str
    count: int = 0
    lines: list[int] = field(default_factory=list)


class Pass:
    """What a kind's importer sees of the pass: the session, the request, the group, and
    where to report unknown values and notes."""

    def __init__(self, session: Session, request: ImportRequest, writing: bool):
        self.session = session
        self.request = request
        self.writing = writing
        profile = session.scalars(select(GroupProfile)).one()
        self.currency, self.locale = profile.currency, profile.locale
        self.today: date = clock.today()
        self.date_locale = self.locale
        self.values: dict[str, dict[str, str]] = {}
        self.unknowns: dict[tuple[Vocabulary, str], _Unknown] = {}
        self.notes: list[Message] = []
        self.note_count = 0
        self.created: list[Message] = []

    # --- values ------------------------------------------------------------------------
    def choice(self, vocabulary: Vocabulary, *keys: str) -> str | None:
        """What the person (or last time's mapping) said a value means, if anything."""
        chosen = self.values.get(vocabulary.value, {})
        for key in keys:
            if key in chosen:
                return chosen[key]
        return None

    def unknown(
        self,
        vocabulary: Vocabulary,
        key: str,
        text: str,
        line: int,
        kind: str = "",
        choice: str | None = None,
        how: Message | str = "",
    ) -> None:
        entry = self.unknowns.get((vocabulary, key))
        if entry is None:
            entry = self.unknowns[(vocabulary, key)] = _Unknown(
                vocabulary, key, text.strip(), kind, choice, how
            )
        entry.count += 1
        if len(entry.lines) < 5:
            entry.lines.append(line)

    def unknown_to_make(
        self, vocabulary: Vocabulary, key: str, text: str, line: int, *also: str, kind: str = ""
    ) -> str | None:
        """A value the file does not know yet and the import could create (a category, a
        household, a role): what the person chose for it (looked up by `key`, then `also`), or
        CREATE where missing values are made, or None to ask; noted for the preview either way.
        Raises LeftOut where they chose to leave its rows out."""
        choice = self.choice(vocabulary, key, *also)
        if choice is None and self.request.create_missing:
            choice = CREATE
        self.unknown(vocabulary, key, text, line, kind=kind, choice=choice)
        if choice == LEAVE_OUT:
            raise LeftOut
        return choice

    def note(self, text: Message) -> None:
        self.note_count += 1
        if len(self.notes) < LISTED:
            self.notes.append(text)
