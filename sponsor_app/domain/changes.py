"""What one committed change set touched: its tables and the keys of its rows.

Worked out by storage from the audit rows the change set wrote (cascades included), never typed
at a call site. Pages use it to refresh only when their tables changed; the undo stack keeps
the change set's id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# A row's primary key as stored in the audit trail: its values in column order (one value for
# the usual integer id, two for a link table such as a volunteer's roles).
RowKey = tuple[object, ...]


@dataclass(frozen=True)
class Changes:
    change_set_id: int
    description: str
    rows: Mapping[str, frozenset[RowKey]] = field(default_factory=dict)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def ids(self, table: str) -> frozenset[int]:
        """The integer ids touched in `table` (tables keyed by one integer column)."""
        return frozenset(
            key[0] for key in self.rows.get(table, ()) if len(key) == 1 and isinstance(key[0], int)
        )

    def touches(self, tables: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
        return not self.tables.isdisjoint(tables)

    @property
    def row_count(self) -> int:
        return sum(len(keys) for keys in self.rows.values())
