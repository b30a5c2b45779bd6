"""The Volunteers page's layout: the search, filters and buttons, the roster (or what to do
when it is empty) and the selected volunteer's checks, training and hours. Widgets only;
page.py and details.py say what they do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....domain.enums import VettingStatus
from ....domain.vetting import SEVERITY
from ...vetting_words import state_text
from ...widgets.action_bar import action_row, button
from ...widgets.tables import make_table
from ..base import Page, empty_state
from .roster import CLEARED, NOT_YET


class DetailTable(QWidget):
    """One of the volunteer's tabs: its buttons above a table."""

    def __init__(self, title: str, add_label: str, editable: bool = True):
        super().__init__()
        self.view = make_table(title, sortable=False)
        self.add_button = button(add_label)
        self.edit_button = button(self.tr("Edit…")) if editable else None
        self.delete_button = button(self.tr("Delete"))
        self.box = QVBoxLayout(self)
        self.box.addLayout(action_row(None, self.add_button, self.edit_button, self.delete_button))
        self.box.addWidget(self.view)
        self.model = None  # the controller gives it its rows

    def selected(self):
        """The record on the current row, or None."""
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None


class VolunteersView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.table = make_table(self.tr("Volunteers"))
        self.count_label = QLabel()
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.empty_label = empty_state(
            self.tr(
                "No volunteers yet. Add them one by one, or import a spreadsheet with File ▸ Import volunteers."
            )
        )
        self.table_stack.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table_stack)
        top_layout.addWidget(self.count_label)
        splitter.addWidget(top)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self._bar())
        layout.addWidget(splitter, 1)

    def _bar(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search volunteers (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search volunteers"))
        self.search.setClearButtonEnabled(True)
        self._filters()
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        )
        self.add_button = button(self.tr("&Add volunteer…"), "Ctrl+Shift+N")
        self.edit_button = button(self.tr("&Edit…"), "F2")
        self.archive_button = button(self.tr("Arc&hive"))
        self.roles_button = button(
            self.tr("R&oles…"), self.tr("Add, rename and retire the group's roles")
        )
        return action_row(
            self.search,
            *self.filter_combos(),
            self.add_button,
            self.edit_button,
            self.archive_button,
            self.roles_button,
        )

    def _filters(self) -> None:
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(self.tr("Role filter"))
        self.role_filter.addItem(self.tr("All roles"), None)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Vetting filter"))
        self.status_filter.addItem(self.tr("Any vetting"), None)
        self.status_filter.addItem(self.tr("Cleared to meet the family"), CLEARED)
        self.status_filter.addItem(self.tr("Not cleared to meet the family yet"), NOT_YET)
        for state in reversed(SEVERITY):
            self.status_filter.addItem(state_text(state), state.value)
            self.status_filter.setItemData(
                self.status_filter.count() - 1,
                self.tr("Everyone with every requirement current")
                if state is VettingStatus.CURRENT
                else self.tr("Everyone with at least one requirement in this state"),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.active_filter = QComboBox()
        self.active_filter.setAccessibleName(self.tr("Active filter"))
        self.active_filter.addItem(self.tr("Active"), True)
        self.active_filter.addItem(self.tr("Inactive and archived"), False)
        self.active_filter.addItem(self.tr("Everyone"), None)
        # Filters as wide as a short choice, so the search keeps room for what it says.
        for combo in self.filter_combos():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.role_filter, self.status_filter, self.active_filter)

    def _details(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.checks = DetailTable(self.tr("Vetting checks"), self.tr("Add…"))
        self.training = DetailTable(self.tr("Training"), self.tr("Add…"))
        self.hours = DetailTable(self.tr("Hours"), self.tr("Log hours…"), editable=False)
        self.hours_summary = QLabel()
        self.hours_summary.setWordWrap(True)
        self.hours.box.addWidget(self.hours_summary)
        for table, title in (
            (self.checks, self.tr("Vetting checks")),
            (self.training, self.tr("Training")),
            (self.hours, self.tr("Hours")),
        ):
            self.tabs.addTab(table, title)
        return self.tabs
