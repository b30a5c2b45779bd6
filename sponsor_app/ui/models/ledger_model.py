"""The ledger table: row order and totals come from a search; rows are read a page at a time.

data() never queries: rows not yet read show blank until `ensure_rows` (called when the view
scrolls or resizes, before Qt paints) has read them. So 100,000 transactions cost one list of
ids, not 100,000 objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ...domain.enums import TransactionKind
from ...services.funds.ledger_view import LedgerLine, LedgerSelection, RunningBalances
from ..formatting import money, short_date

PAGE = 100  # rows read at a time: a screenful or three
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_SPENDING = QColor("#c62828")  # with the minus sign, so colour is not the only cue

# (title, sort key for the service, text, right-aligned)
COLUMNS: list[tuple[str, str | None, Callable[[LedgerLine, str], str], bool]] = [
    ("Date", "date", lambda r, loc: short_date(r.occurred_on, loc), False),
    ("Kind", "kind", lambda r, loc: r.kind.label, False),
    ("Amount", "amount", lambda r, loc: money(r.signed, loc), True),
    ("Balance", None, lambda r, loc: money(r.balance, loc), True),
    ("Category", "category", lambda r, loc: r.category, False),
    ("Counterparty", "counterparty", lambda r, loc: r.counterparty, False),
    ("Household", "household", lambda r, loc: r.household, False),
    ("Method", "method", lambda r, loc: r.method, False),
    ("Reference", "reference", lambda r, loc: r.reference, False),
    ("Restricted", "restricted", lambda r, loc: "restricted" if r.restricted else "", False),
    ("Note", "note", lambda r, loc: r.note, False),
]

Index = QModelIndex | QPersistentModelIndex


class LedgerModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # service sort key, descending

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: Sequence[int] = ()
        self._cache: dict[int, LedgerLine] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # formatted once per row, not per paint
        self._loader: Callable[[Sequence[int]], dict[int, LedgerLine]] | None = None
        self.locale = "en_NZ"

    def set_selection(
        self, selection: LedgerSelection, loader: Callable[[Sequence[int]], dict[int, LedgerLine]]
    ) -> None:
        self.beginResetModel()
        self._ids = selection.ids
        self._cache = {}
        self._texts = {}
        self._loader = loader
        self.endResetModel()
        self.ensure_rows(0, PAGE)

    def update_selection(
        self,
        selection: LedgerSelection,
        loader: Callable[[Sequence[int]], dict[int, LedgerLine]],
        touched: frozenset[int],
        balances: RunningBalances,
    ) -> bool:
        """Take a new selection in place when it lists the same rows in the same order (an edit
        that moved no row): the rows touched, and those whose running balance moved, are read
        again when next in view; the rest stay, and so do the view's place and selection.
        False when the rows differ (call set_selection)."""
        if selection.ids != self._ids:
            return False
        self._loader = loader
        stale = [
            i for i, line in self._cache.items() if i in touched or line.balance != balances[i]
        ]
        for line_id in stale:
            del self._cache[line_id]
            self._texts.pop(line_id, None)
        if stale and self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )
        return True

    def holds(self, ids) -> bool:
        """Whether every one of these rows has been read (is or was in view)."""
        return bool(ids) and all(line_id in self._cache for line_id in ids)

    def replace_lines(self, lines: dict[int, LedgerLine]) -> bool:
        """Show rows read again after an edit that left each where it was: the same date, kind
        and amount, so the order and every running balance stand. False (nothing replaced)
        when one of them is not in view yet, or has moved."""
        if not lines or any(
            (old := self._cache.get(line_id)) is None
            or (old.occurred_on, old.signed) != (line.occurred_on, line.signed)
            for line_id, line in lines.items()
        ):
            return False
        self._cache.update(lines)
        for line_id, line in lines.items():
            self._texts[line_id] = tuple(text(line, self.locale) for _t, _k, text, _r in COLUMNS)
            row = self._ids.index(line_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def ensure_rows(self, first: int, last: int) -> None:
        """Read the whole pages holding rows first..last, if they are not read yet."""
        if self._loader is None or not self._ids:
            return
        count = len(self._ids)
        start = (max(first, 0) // PAGE) * PAGE
        stop = min((max(last, first) // PAGE + 1) * PAGE, count)
        missing = [i for i in self._ids[start:stop] if i not in self._cache]
        if not missing:
            return
        lines = self._loader(missing)
        self._cache.update(lines)
        # Babel formatting is the slow part of a paint; do it once when the rows arrive.
        self._texts.update(
            (line_id, tuple(text(line, self.locale) for _title, _key, text, _right in COLUMNS))
            for line_id, line in lines.items()
        )
        self.dataChanged.emit(self.index(start, 0), self.index(stop - 1, len(COLUMNS) - 1))

    def line_at(self, row: int) -> LedgerLine | None:
        if 0 <= row < len(self._ids):
            return self._cache.get(self._ids[row])
        return None

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def cached_count(self) -> int:
        return len(self._cache)

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        title, _key, _text, right = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if right else _LEFT
        line_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(line_id)
            return texts[index.column()] if texts else None
        line = self._cache.get(line_id)
        if line is None:
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and title == "Amount"
            and line.kind is TransactionKind.EXPENSE
        ):
            return _SPENDING
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        self.sort_requested.emit(key or "date", order == Qt.SortOrder.DescendingOrder)
