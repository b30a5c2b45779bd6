"""The Reports page's layout: the report's choices and the narrative on the left, what leaves
the file and the last reports made on the right. Widgets only; reports.py says what they do."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.reports import GROUP_REPORTS
from ..widgets.date_field import required_date
from ..widgets.outgoing_text import OutgoingTextView
from .base import Page, empty_state


class ReportsView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(self._choices())
        column.addWidget(self._narrative(), 1)
        column.addLayout(self._result_row())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._made())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        buddy.setAccessibleName(text.replace("&", "").rstrip(":"))
        return label

    def _choices(self) -> QFormLayout:
        self.kind = QComboBox()
        for kind in GROUP_REPORTS:
            self.kind.addItem(self.tr(kind.title), kind.value)
        # Typed dates in the group's order (or ISO), with a calendar: the same as every form.
        self.start = required_date()
        self.end = required_date()
        for editor in (self.start, self.end):
            editor.setMinimumWidth(170)
        self.households = QListWidget()
        self.households.setMaximumHeight(90)
        self.named = QCheckBox(self.tr("Include &names (the report is then confidential)"))
        self.bundle = QCheckBox(self.tr("Also save the figures as a data &bundle (CSV files)"))
        self.folder = QLineEdit()
        self.choose_button = QPushButton(self.tr("C&hoose folder…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Report:"), self.kind), self.kind)
        period_row = QHBoxLayout()
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        form.addRow(self._label(self.tr("&From:"), self.start), period_row)
        form.addRow(self._label(self.tr("House&holds:"), self.households), self.households)
        form.addRow("", self.named)
        form.addRow("", self.bundle)
        form.addRow(self._label(self.tr("Save &in:"), self.folder), folder_row)
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))
        return form

    def _narrative(self) -> QGroupBox:
        self.narrative_box = QGroupBox(self.tr("Narrative for the evaluation report (this period)"))
        self.highlights = QPlainTextEdit()
        self.challenges = QPlainTextEdit()
        self.highlights.setPlaceholderText(self.tr("What went well: the highlights of the period."))
        self.challenges.setPlaceholderText(
            self.tr("What was hard, and what the group did about it.")
        )
        self.highlights.setAccessibleName(self.tr("Highlights"))
        self.challenges.setAccessibleName(self.tr("Challenges"))
        self.save_narrative_button = QPushButton(self.tr("&Save narrative"))
        box = QFormLayout(self.narrative_box)
        box.addRow(self._label(self.tr("Highl&ights:"), self.highlights), self.highlights)
        box.addRow(self._label(self.tr("Cha&llenges:"), self.challenges), self.challenges)
        box.addRow("", self.save_narrative_button)
        return self.narrative_box

    def _result_row(self) -> QHBoxLayout:
        self.generate_button = QPushButton(self.tr("&Generate report"))
        self.generate_button.setDefault(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open"))
        self.show_button = QPushButton(self.tr("Show in &folder"))
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.result, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.show_button)
        return row

    def _made(self) -> QWidget:
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Reports made"))
        self.recent_empty = empty_state(self.tr("Reports you generate are listed here."))
        self.outgoing = OutgoingTextView()
        self.outgoing.setAccessibleName(self.tr("Typed text that leaves the file"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(QLabel(self.tr("<b>What leaves the file</b>")))
        column.addWidget(self.outgoing, 3)
        column.addWidget(QLabel(self.tr("<b>Last reports made</b> (double-click to open)")))
        column.addWidget(self.recent, 1)
        column.addWidget(self.recent_empty)
        return right
