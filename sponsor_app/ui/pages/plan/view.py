"""The Settlement plan page's layout: the household and filters, the task tree with its progress
and buttons, and the tabs beside it. Widgets only; page.py says what they do."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ....domain.enums import OutcomeArea, Phase, TaskStatus
from ...widgets.action_bar import action_row, button
from ...widgets.progress_strip import ProgressStrip
from ..base import Page, empty_state

ALL_OPEN = "open"  # the status filter's first choice: to do or in progress


class PlanView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._tasks_tab(), self.tr("&Tasks"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        layout.addWidget(self.tabs, 1)

    def _top_row(self) -> QHBoxLayout:
        self.household = QComboBox()
        self.household.setAccessibleName(self.tr("Household"))
        self.group_by = QComboBox()
        self.group_by.setAccessibleName(self.tr("Group by"))
        self.group_by.addItems([self.tr("By phase"), self.tr("By outcome area")])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Household:")))
        top.addWidget(self.household)
        top.addWidget(self.group_by)
        top.addWidget(self.search, 1)
        return top

    def _filters(self) -> QHBoxLayout:
        self.volunteer = QComboBox()
        self.volunteer.setAccessibleName(self.tr("Volunteer"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("To do or in progress"), ALL_OPEN)
        self.status.addItem(self.tr("Any status"), None)
        for status in TaskStatus:
            self.status.addItem(status.label, status)
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Outcome area"))
        self.area.addItem(self.tr("Every area"), None)
        for area in OutcomeArea:
            self.area.addItem(area.label, area)
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        self.phase.addItem(self.tr("Every phase"), None)
        for phase in Phase:
            self.phase.addItem(phase.label, phase)
        self.overdue = QCheckBox(self.tr("&Overdue"))
        self.this_week = QCheckBox(self.tr("Due this &week"))
        self.clear_filters = QPushButton(self.tr("C&lear filters"))
        filters = QHBoxLayout()
        for widget in (self.volunteer, self.status, self.area, self.phase):
            filters.addWidget(widget, 1)
        for widget in (self.overdue, self.this_week, self.clear_filters):
            filters.addWidget(widget)
        return filters

    def _tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setAccessibleName(self.tr("Settlement tasks"))
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setExpandsOnDoubleClick(False)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return tree

    def _buttons(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Tasks shown"))
        self.done_button = button(self.tr("Mark &done (Space)"), self.tr("Space"))
        self.edit_button = button(self.tr("&Edit…"), "F2 / Enter")
        self.add_button = button(self.tr("&Add task…"), "Ctrl+Shift+N")
        self.skip_button = button(self.tr("S&kip…"), "Ctrl+Shift+K")
        self.reapply_button = button(self.tr("Re-apply &template"))
        self.calendar_button = button(self.tr("Volunteer's &calendar…"))
        return action_row(
            self.summary,
            self.done_button,
            self.edit_button,
            self.add_button,
            self.skip_button,
            self.reapply_button,
            self.calendar_button,
        )

    def _tasks_tab(self) -> QWidget:
        self.progress = ProgressStrip(
            [(self.tr("Phases"), list(Phase)), (self.tr("Areas"), list(OutcomeArea))]
        )
        self.tree = self._tree()
        self.tree_empty = empty_state("")
        self.tree_stack = QStackedWidget()
        self.tree_stack.addWidget(self.tree)
        self.tree_stack.addWidget(self.tree_empty)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(self._filters())
        layout.addWidget(self.progress)
        layout.addWidget(self.tree_stack, 1)
        layout.addLayout(self._buttons())
        return tab
