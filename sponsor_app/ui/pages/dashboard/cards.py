"""The dashboard's cards: a titled list of its first rows with a link to the rest."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...formatting import short_date
from ...models.rows_model import Column, RowsModel, RowsProxy
from ...widgets.tables import make_table
from ..base import empty_state

ROWS_SHOWN = 6


class ListCard(QGroupBox):
    """A titled card with a table of its first rows (sized to them: no scroll bars), a link to
    the rest ("and {} more on the ... page": where the rest is never changes), or a sentence
    when there is nothing to list (set_words: it says what is true of the open group)."""

    more_requested = Signal()

    def __init__(
        self,
        title: str,
        columns: list[Column],
        more_text: str,
        stretch: int,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.base_title = title
        self._more_text = more_text
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self.model, self)
        self.view: QTableView = make_table(title, sortable=False)
        self.view.setModel(self.proxy)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(columns)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.viewport().installEventFilter(self)
        self.more = QLabel()
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.linkActivated.connect(lambda _: self.more_requested.emit())
        self.more.hide()
        table_box = QWidget()
        column = QVBoxLayout(table_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        column.addWidget(self.more)
        column.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(table_box)
        self.empty = empty_state("")
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def eventFilter(self, watched, event) -> bool:
        """The wheel over a card scrolls the dashboard: the card shows all its rows, so a
        table would only have scrolled sideways, or swallowed the turn."""
        if event.type() == QEvent.Type.Wheel:
            owner = self.parentWidget()
            while owner is not None and not isinstance(owner, QScrollArea):
                owner = owner.parentWidget()
            if owner is not None:
                QApplication.sendEvent(owner.viewport(), event)
                return True
        return super().eventFilter(watched, event)

    def set_words(self, title: str, empty_text: str) -> None:
        self.base_title = title
        self.empty.setText(empty_text)

    def set_rows(self, rows) -> None:
        rows = list(rows)
        self.total = len(rows)
        self.model.set_rows(rows[:ROWS_SHOWN])
        self.stack.setCurrentIndex(0 if rows else 1)
        hidden = len(rows) - ROWS_SHOWN
        more = self._more_text
        self.more.setVisible(hidden > 0 and bool(more))
        if hidden > 0 and more:
            self.more.setText(f'<a href="more">{more.format(hidden)}</a>')
        shown = min(len(rows), ROWS_SHOWN)
        height = (
            self.view.horizontalHeader().height()
            + shown * self.view.verticalHeader().defaultSectionSize()
        )
        self.view.setFixedHeight(height + 2 * self.view.frameWidth())
        self.setTitle(f"{self.base_title} ({len(rows)})")


def _lapsed_what(item) -> str:
    """A task's title, or the check-in it was ("Visit on 3 May 2026")."""
    if item.check_in_id is None:
        return item.title
    return QCoreApplication.translate("dashboard", "Check-in ({}) held {}").format(
        item.check_in_kind.label.lower() if item.check_in_kind else "", short_date(item.due_on)
    )
