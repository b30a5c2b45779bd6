"""What one committed change set touched: its tables, the keys of its rows, and the kinds of
record (topics) those rows belong to, with the records' ids.

Worked out by storage from the audit rows the change set wrote (cascades included), never typed
at a call site. Pages watch topics, not table names: they refresh when a topic they show
changed, and update in place the records whose ids are here. The undo stack keeps the change
set's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Topic(StrEnum):
    """A kind of record a person sees. Storage maps every table of the schema to one
    (storage/topics.py; a test fails for a table left out), and names the record each row is
    part of: a vetting check is part of its volunteer, a member part of their household."""

    GROUP = "group"  # the group's profile: name, locale, settings (every page shows some)
    HOUSEHOLDS = "households"  # households and their members
    VOLUNTEERS = "volunteers"  # volunteers with their roles, checks, training and hours
    ROLES = "roles"  # the group's roles
    PROPERTIES = "properties"  # homes the group rents or may rent
    TENANCIES = "tenancies"  # tenancies with their inspections and move-in checklists
    LEDGER = "ledger"  # transactions
    CATEGORIES = "categories"  # ledger categories and the rules that categorise bank lines
    BUDGETS = "budgets"
    PLEDGES = "pledges"
    IMPORT_SETTINGS = "import_settings"  # remembered column mappings of imports
    TASKS = "tasks"  # settlement tasks
    TEMPLATE = "template"  # the group's own additions to the programme's template
    CHECK_INS = "check_ins"  # check-ins with who went
    GOALS = "goals"  # the family's goals and their reviews
    INDICATORS = "indicators"  # household indicator readings
    NARRATIVES = "narratives"  # the evaluation report's narratives
    HISTORY = "history"  # the change sets and audit trail themselves


# A row's primary key as stored in the audit trail: its values in column order (one value for
# the usual integer id, two for a link table such as a volunteer's roles).
RowKey = tuple[object, ...]


@dataclass(frozen=True)
class Changes:
    change_set_id: int
    description: str
    rows: Mapping[str, frozenset[RowKey]] = field(default_factory=dict)
    # The ids of the records touched, by topic (a topic touched whose record has no integer
    # id holds an empty set): a changed vetting check names its volunteer's id.
    records: Mapping[Topic, frozenset[int]] = field(default_factory=dict)

    @property
    def topics(self) -> frozenset[Topic]:
        return frozenset(self.records)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def ids(self, table: str) -> frozenset[int]:
        """The integer ids touched in `table` (tables keyed by one integer column)."""
        return frozenset(
            key[0] for key in self.rows.get(table, ()) if len(key) == 1 and isinstance(key[0], int)
        )

    def record_ids(self, topic: Topic) -> frozenset[int]:
        """The ids of the records of `topic` this change set touched."""
        return self.records.get(topic, frozenset())

    def touches(self, topics: Iterable[Topic]) -> bool:
        return not self.topics.isdisjoint(topics)

    def only(self, topics: Iterable[Topic]) -> bool:
        """Whether every topic touched is one of `topics` (and at least one was touched)."""
        return bool(self.records) and self.topics <= frozenset(topics)

    @property
    def row_count(self) -> int:
        return sum(len(keys) for keys in self.rows.values())
