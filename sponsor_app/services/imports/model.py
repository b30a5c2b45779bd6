"""What an import is asked to do, what its preview shows, and what it did.

The window and the command line build the same `ImportRequest`: the preview fills it with the
person's choices, the command line with --map, --create-missing and --skip-bad-rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ...domain.errors import InvalidInput, Problem, SponsorDeskError
from ...domain.messages import Imports, Listed, Message, english
from .fields import ImportKind, Vocabulary

CREATE = "+"  # a value choice: create it (a role, a category, a household)
LEAVE_OUT = "-"  # a value choice: leave the rows that have it out of the import


@dataclass(frozen=True)
class ImportRequest:
    kind: ImportKind
    source: Path
    sheet: str | None = None
    # The field of each column, by position ("" ignores it); None: as last time, else by name.
    columns: tuple[str, ...] | None = None
    # Vocabulary -> {folded value as the file has it -> what it means}. A target is a role key
    # or name, a category name, a household code, a status word; or CREATE, or LEAVE_OUT.
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Header (as written) -> field, over whatever else matched it ("" ignores the column).
    rename: Mapping[str, str] = field(default_factory=dict)
    create_missing: bool = False
    skip_bad_rows: bool = False
    include_lines: frozenset[int] = frozenset()  # likely duplicates to import all the same
    mapping_name: str | None = None  # a bank's saved mapping by name (or the name to save)
    bank_layout: str | None = None  # force a known layout key; None: recognised by header
    learn_rules: bool = True
    expected_rows: int = 0  # for the progress bar (the preview counted them)
    encoding: str | None = None  # a CSV's encoding as the person chose it; None: detected

    @property
    def path(self) -> Path:
        return Path(self.source)


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    DUPLICATE = "duplicate"  # already in the ledger: skipped
    LIKELY = "likely"  # probably already in the ledger: the person decides
    MATCHED = "matched"  # a bank line entered by hand before: linked, not added
    LEFT_OUT = "left_out"  # the person left out rows with this value
    WAITING = "waiting"  # a value still to be mapped or created
    BAD = "bad"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    status: RowStatus
    values: tuple[str, ...]  # shown under the preview's field headings
    note: Message | str = ""  # why it cannot be read, or what it is (worded by the edge)


@dataclass(frozen=True)
class UnknownValue:
    """A value the group has no record of, or (bank) a counterparty's category."""

    vocabulary: Vocabulary
    key: str  # how request.values keys it
    text: str  # as the file writes it
    kind: str  # income/expense for categories and counterparties, else ""
    count: int
    lines: tuple[int, ...]  # the first few
    choice: str | None  # what it maps to now (a remembered mapping, a rule), or None
    how: Message | str = ""  # why that choice: "rule: contains countdown", "your choice"

    @property
    def where(self) -> Message:
        """ "line 4", "lines 3, 5", "lines 2, 3, 5, 8, 9 and 40 more" """
        if self.count > len(self.lines):
            more = self.count - len(self.lines)
            return Imports.ON_LINES_MORE(lines=self.lines, more=more)
        if self.count > 1:
            return Imports.ON_LINES(lines=self.lines)
        return Imports.ON_LINE(lines=self.lines)


@dataclass(frozen=True)
class ImportPreview:
    kind: ImportKind
    source: Path
    sheets: tuple[str, ...]
    sheet: str
    header: tuple[str, ...]
    header_line: int
    columns: tuple[str, ...]  # the field of each column, as this preview read them
    samples: tuple[str, ...]  # the first value of each column
    fields: tuple[str, ...]  # the fields shown in `rows`
    rows: tuple[PreviewRow, ...]  # the first rows, as they will be read
    total: int
    counts: Mapping[RowStatus, int]
    problems: tuple[Problem, ...]  # bad rows (the first thousand)
    problem_count: int
    unknown: tuple[UnknownValue, ...]
    likely: tuple[PreviewRow, ...]  # likely duplicates and matched bank lines, to decide on
    notes: tuple[Message, ...]  # where a sheet and the app's own rules disagree
    note_count: int
    missing: tuple[Message, ...]  # required fields no column is matched to
    duplicate_columns: tuple[str, ...]  # header names that appear more than once
    layout: str = ""  # the bank layout recognised ("ANZ"), or ""
    mapping_name: str = ""  # the saved mapping used, if any
    encoding: str = ""  # a CSV's encoding as read ("" for a workbook)
    delimiter: str = ""  # a CSV's cell separator as guessed

    @property
    def ready(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ImportResult:
    source: str
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    likely_skipped: int = 0
    matched: int = 0
    left_out: int = 0
    bad_skipped: int = 0
    created: tuple[Message, ...] = ()  # roles, categories, households created
    rules_learned: int = 0
    problems: tuple[Problem, ...] = ()  # the bad rows skipped
    notes: tuple[Message, ...] = ()
    note_count: int = 0

    @property
    def nothing_new(self) -> bool:
        return self.added == 0 and self.updated == 0 and self.matched == 0


class ImportRejected(InvalidInput):
    """Every problem of an import, each with its line; nothing was changed."""

    SHOWN = 20

    def __init__(self, source: Path | str, problems: list[Problem]):
        self.source = Path(source)
        super().__init__(problems)
        self.said = self._said()

    def lines(self, limit: int | None = SHOWN) -> list[str]:
        """The command line's: each problem with its place ("line 4: ..."), the first few."""
        shown = self.problems if limit is None else self.problems[:limit]
        found = [f"{p.field}: {p.message}" if p.field else p.message for p in shown]
        if limit is not None and len(self.problems) > limit:
            found.append(english(Imports.AND_MORE(more=len(self.problems) - limit)).strip())
        return found

    def _said(self) -> Message:
        listed = [
            Imports.PROBLEM_LINE(where=p.field, what=p.said)
            if p.field
            else Imports.PROBLEM_LINE_PLAIN(what=p.said)
            for p in self.problems[: self.SHOWN]
        ]
        if len(self.problems) > self.SHOWN:
            listed.append(Imports.AND_MORE(more=len(self.problems) - self.SHOWN))
        return Imports.NOTHING_IMPORTED(
            name=self.source.name, n=len(self.problems), lines=Listed(listed, "\n")
        )

    def __str__(self) -> str:
        return english(self.said)


class ImportCancelled(SponsorDeskError):
    def __init__(self, source: Path | str):
        super().__init__(Imports.IMPORT_CANCELLED(name=Path(source).name))
