"""Every table's topic (the kind of record a person sees) and the record each row is part of.

The one map from tables to topics: a change set's `Changes` carries the topics and record ids
worked out here, so pages watch topics and never name a table. A test walks the live schema and
fails for a table that is not in this map (a new table is mapped before it ships).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..domain.changes import RowKey, Topic
from .audit import SHARING_TABLES
from .models import AuditEntry


@dataclass(frozen=True)
class Belongs:
    """A table's rows are part of records of `topic`; `record` is the column holding the
    record's id (the row's own id for the record's main table)."""

    topic: Topic
    record: str = "id"


TOPIC_OF_TABLE: Mapping[str, Belongs] = {
    "group_profile": Belongs(Topic.GROUP),
    "household": Belongs(Topic.HOUSEHOLDS),
    "household_member": Belongs(Topic.HOUSEHOLDS, "household_id"),
    "volunteer": Belongs(Topic.VOLUNTEERS),
    "volunteer_role": Belongs(Topic.VOLUNTEERS, "volunteer_id"),
    "vetting_check": Belongs(Topic.VOLUNTEERS, "volunteer_id"),
    "training_record": Belongs(Topic.VOLUNTEERS, "volunteer_id"),
    "volunteer_hours": Belongs(Topic.VOLUNTEERS, "volunteer_id"),
    "role": Belongs(Topic.ROLES),
    "property": Belongs(Topic.PROPERTIES),
    "tenancy": Belongs(Topic.TENANCIES),
    "inspection": Belongs(Topic.TENANCIES, "tenancy_id"),
    "move_in_item": Belongs(Topic.TENANCIES, "tenancy_id"),
    "ledger_transaction": Belongs(Topic.LEDGER),
    "ledger_category": Belongs(Topic.CATEGORIES),
    "category_rule": Belongs(Topic.CATEGORIES, "category_id"),
    "budget": Belongs(Topic.BUDGETS),
    "pledge": Belongs(Topic.PLEDGES),
    "import_mapping": Belongs(Topic.IMPORT_SETTINGS),
    "task": Belongs(Topic.TASKS),
    "task_template": Belongs(Topic.TEMPLATE),
    "check_in": Belongs(Topic.CHECK_INS),
    "check_in_volunteer": Belongs(Topic.CHECK_INS, "check_in_id"),
    "goal": Belongs(Topic.GOALS),
    "goal_review": Belongs(Topic.GOALS, "goal_id"),
    "indicator_reading": Belongs(Topic.INDICATORS),
    "report_narrative": Belongs(Topic.NARRATIVES),
    "change_set": Belongs(Topic.HISTORY),
    "audit_entry": Belongs(Topic.HISTORY),
    # Sharing's bookkeeping of the change sets (storage/models/sync.py): never audited, so no
    # change set names them; listed with the history they describe.
    **{table: Belongs(Topic.HISTORY, "") for table in SHARING_TABLES},
}

# A table this map does not know (a file of a newer version): its change concerns everything,
# as the group's profile does, so every page refreshes rather than showing something stale.
_UNKNOWN = Belongs(Topic.GROUP, "")


def _key_columns() -> dict[str, tuple[str, ...]]:
    from .models import Base

    return {
        name: tuple(column.name for column in table.primary_key.columns)
        for name, table in Base.metadata.tables.items()
    }


_KEYS = _key_columns()


def records_touched(
    connection: Connection, change_set_id: int, rows: Mapping[str, frozenset[RowKey]]
) -> dict[Topic, frozenset[int]]:
    """The ids of the records touched by the change set whose rows are `rows`, by topic.

    A row's record id is read from its key when the record column is part of it, and otherwise
    from its values before and after (both: an edit may move a row from one record to another).
    """
    found: dict[Topic, set[int]] = {}
    by_values: list[str] = []
    for table, keys in rows.items():
        belongs = TOPIC_OF_TABLE.get(table, _UNKNOWN)
        ids = found.setdefault(belongs.topic, set())
        key_columns = _KEYS.get(table, ())
        if belongs.record in key_columns:
            place = key_columns.index(belongs.record)
            ids.update(key[place] for key in keys if isinstance(key[place], int))
        elif belongs.record:
            by_values.append(table)
    if by_values:
        audit = AuditEntry.__table__
        for table, before, after in connection.execute(
            select(audit.c.table_name, audit.c.old_values, audit.c.new_values).where(
                audit.c.change_set_id == change_set_id, audit.c.table_name.in_(by_values)
            )
        ):
            belongs = TOPIC_OF_TABLE[table]
            for values in (before, after):
                record = json.loads(values).get(belongs.record) if values else None
                if isinstance(record, int):
                    found[belongs.topic].add(record)
    return {topic: frozenset(ids) for topic, ids in found.items()}
