"""The Funds page's layout: the requirement line above four tabs (each tab lays itself out in
its own module). Widgets only; page.py says what happens."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..base import Page


class FundsView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.requirement.setAccessibleName(self.tr("Funds requirement"))
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.requirement)
        layout.addWidget(self.tabs, 1)
