"""Shown when no group file is open: create one, try the demo, or open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    create_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(760)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 64, 24, 24)
        layout.setSpacing(14)
        heading = QLabel(self.tr("<h1>Welcome to Sponsor Desk</h1>"))
        intro = QLabel(
            self.tr(
                "Keep your sponsorship group's volunteers, housing, money and settlement plan in one "
                "file on this computer, and print the reports your programme asks for. "
                "It works without the internet."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&Create a group…"))
        self.demo_button = QPushButton(self.tr("&Try the demo group"))
        self.open_button = QPushButton(self.tr("&Open a group file…"))
        self.create_button.setDefault(True)
        for button in (self.create_button, self.demo_button, self.open_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.recent_label = QLabel(self.tr("Recent files:"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent files"))
        self.recent.setStyleSheet("QListWidget::item { padding: 5px; }")
        self.recent_label.setBuddy(self.recent)
        layout.addSpacing(12)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        self.recent.setMaximumHeight(220)
        layout.addStretch(1)
        self.create_button.clicked.connect(self.create_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.recent.itemActivated.connect(self._on_recent_activated)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
