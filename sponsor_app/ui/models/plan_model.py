"""The settlement plan as a tree: a row per phase (or outcome area) and its tasks beneath.

Rows come from services.plan.plan_tasks; filtering happens here on those rows (600 tasks
filter in about a millisecond), so a filter change never queries the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ... import clock
from ...domain.enums import OutcomeArea, Phase, TaskStatus
from ...domain.settlement import AREAS, TaskFilter, area_of, progress_by, task_overdue
from ...services.plan.plan import PlanTask
from ..formatting import overdue_by, short_date
from ..words import said

Index = QModelIndex | QPersistentModelIndex
TASK_ROLE = Qt.ItemDataRole.UserRole + 1
_LATE = QColor("#c62828")  # always with a ⚠ and words, never colour alone

STATUS_MARK = {
    TaskStatus.OPEN: "○",
    TaskStatus.IN_PROGRESS: "◐",
    TaskStatus.DONE: "✔",
    TaskStatus.NOT_NEEDED: "–",
}


@dataclass
class _Group:
    key: Phase | OutcomeArea
    tasks: list[PlanTask]  # those the filters let through
    done: int  # of every task in the group for the chosen household(s), whatever the filters
    total: int


class PlanModel(QAbstractItemModel):
    """Two levels: groups (no parent) and tasks (parent: their group)."""

    def __init__(self, locale: Callable[[], str], parent=None):
        super().__init__(parent)
        self._locale = locale
        self._tasks: list[PlanTask] = []
        self._groups: list[_Group] = []
        self._by_phase = True
        self._filter = TaskFilter()
        self._today = clock.today()
        self._titles = [
            self.tr("Task"),
            self.tr("Meets family"),
            self.tr("Household"),
            self.tr("Due"),
            self.tr("Assigned to"),
            self.tr("Status"),
            self.tr("Done on"),
            self.tr("Evidence or reason"),
        ]

    # --- feeding it --------------------------------------------------------------------------
    def set_tasks(self, tasks: Sequence[PlanTask], today: date) -> None:
        self._tasks, self._today = list(tasks), today
        self._regroup()

    def set_view(self, by_phase: bool, task_filter: TaskFilter) -> None:
        self._by_phase, self._filter = by_phase, task_filter
        self._regroup()

    def _regroup(self) -> None:
        self.beginResetModel()
        key = (lambda t: t.phase) if self._by_phase else area_of
        order = list(Phase) if self._by_phase else list(AREAS)
        shown = [t for t in self._tasks if self._filter.matches(t, self._today)]
        scope = [
            t
            for t in self._tasks
            if self._filter.household_id is None or t.household_id == self._filter.household_id
        ]
        progress = progress_by(scope, key, self._today)
        self._groups = [
            _Group(g, [t for t in shown if key(t) is g], progress[g].done, progress[g].total)
            for g in order
            if any(key(t) is g for t in shown)
        ]
        self.endResetModel()

    def shown_tasks(self) -> list[PlanTask]:
        return [t for g in self._groups for t in g.tasks]

    def task_at(self, index: Index) -> PlanTask | None:
        if not index.isValid() or not index.parent().isValid():
            return None
        return self._groups[index.parent().row()].tasks[index.row()]

    def index_of_task(self, task_id: int) -> QModelIndex:
        for g_row, group in enumerate(self._groups):
            for t_row, task in enumerate(group.tasks):
                if task.id == task_id:
                    return self.index(t_row, 0, self.index(g_row, 0))
        return QModelIndex()

    # --- the model ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self._titles) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if _group_of(parent) is not None:
            return QModelIndex()  # tasks have no children
        group = parent.row()
        if group >= len(self._groups) or row >= len(self._groups[group].tasks):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        group = _group_of(index)
        if group is None:
            return QModelIndex()
        return self.createIndex(group, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or _group_of(parent) is not None:
            return 0
        return len(self._groups[parent.row()].tasks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._titles)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group_row = _group_of(index)
        if group_row is None:
            return self._group_data(self._groups[index.row()], index.column(), role)
        task = self._groups[group_row].tasks[index.row()]
        return self._task_data(task, index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            shown = len(group.tasks)
            return self.tr("{} — {} of {} done · {} shown").format(
                group.key.label, group.done, group.total, shown
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _task_data(self, task: PlanTask, column: int, role: int) -> Any:
        late = task_overdue(task.status, task.due_on, self._today, task.completed_on)
        if role == TASK_ROLE:
            return task.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task, column, late)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and late:
            return _LATE
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return task.guidance or None
            if column == 1 and task.family_facing:
                return self.tr("Family-facing: needs a volunteer with current vetting")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 5:
            return task.status.label
        return None

    def _text(self, task: PlanTask, column: int, late: bool) -> str:
        loc = self._locale()
        match column:
            case 0:
                return task.title
            case 1:
                return "✓" if task.family_facing else ""
            case 2:
                return task.household_code
            case 3:
                if task.due_on is None:
                    return self.tr("no date yet")
                due = short_date(task.due_on, loc)
                if late:
                    return "⚠ " + due + " · " + overdue_by((self._today - task.due_on).days)
                return due
            case 4:
                return task.assignee or self.tr("nobody yet")
            case 5:
                return f"{STATUS_MARK[task.status]} {task.status.label}"
            case 6:
                return short_date(task.completed_on, loc)
            case _:
                if task.status is TaskStatus.NOT_NEEDED:
                    return task.skip_reason
                return said(task.shown_evidence)


def _group_of(index: Index) -> int | None:
    """The group row a task index belongs to; None for a group's own index. Group rows carry
    internal id 0, tasks their group's row plus one."""
    internal = index.internalId()
    return None if internal == 0 else internal - 1
