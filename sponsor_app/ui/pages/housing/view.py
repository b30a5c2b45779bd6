"""The Housing page's layout: warnings, the properties, the selected property's tenancies, and
the selected tenancy's inspections and move-in checklist. Widgets only; page.py says what
they do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...widgets.tables import make_table
from ..base import Page, empty_state


def _bar(*labels: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    """A row of buttons, pushed to the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    made = [QPushButton(label) for label in labels]
    for button in made:
        row.addWidget(button)
    return row, made


def _box(*parts, margins: bool = True) -> QWidget:
    widget = QWidget()
    box = QVBoxLayout(widget)
    if not margins:
        box.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            box.addLayout(part)
        else:
            box.addWidget(part)
    return widget


class HousingView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setAccessibleName(self.tr("Housing warnings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._inspections(), self.tr("Inspections"))
        self.tabs.addTab(self._checklist(), self.tr("Move-in checklist"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (self._properties(), self._tenancies(), self.tabs):
            splitter.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

    def _properties(self) -> QWidget:
        self.property_table = make_table(self.tr("Properties"))
        self.property_empty = empty_state(
            self.tr("No properties yet. Add the home you are securing with “Add property…”.")
        )
        bar, buttons = _bar(
            self.tr("Add &property…"), self.tr("&Edit property…"), self.tr("Arc&hive property")
        )
        self.add_property_button, self.edit_property_button, self.archive_property_button = buttons
        return _box(bar, self.property_table, self.property_empty, margins=False)

    def _tenancies(self) -> QWidget:
        self.tenancy_table = make_table(self.tr("Tenancies"), sortable=False)
        bar, (self.add_tenancy_button, self.edit_tenancy_button) = _bar(
            self.tr("Add &tenancy…"), self.tr("Edit te&nancy…")
        )
        self.tenancy_label = QLabel()
        bar.insertWidget(0, self.tenancy_label)
        return _box(bar, self.tenancy_table, margins=False)

    def _inspections(self) -> QWidget:
        self.inspection_table = make_table(self.tr("Inspections"), sortable=False)
        bar, buttons = _bar(
            self.tr("Record &inspection…"),
            self.tr("Edit inspection…"),
            self.tr("Delete inspection"),
        )
        self.add_inspection_button, self.edit_inspection_button, self.delete_inspection_button = (
            buttons
        )
        return _box(bar, self.inspection_table)

    def _checklist(self) -> QWidget:
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(self.tr("Move-in checklist"))
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m done"))
        bar, (self.add_item_button, self.remove_item_button) = _bar(
            self.tr("Add item…"), self.tr("Remove item")
        )
        return _box(bar, self.progress, self.checklist)
