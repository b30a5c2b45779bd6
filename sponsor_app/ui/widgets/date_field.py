"""A date field people can type into: 22/01/2027 (the group's order), 2027-01-22 or
22 Jan 2027, with a calendar beside it. Empty can mean "not known" where that is allowed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ...domain.dates import parse_typed_date, typing_hint
from ..formatting import current_locale, short_date
from .icons import icon


class DateField(QWidget):
    """`value()` is the date typed or chosen (None when empty or not a date yet);
    `problem()` says what is wrong, for the form to show when the field is left."""

    changed = Signal()

    def __init__(
        self,
        empty_text: str | None = None,
        earliest: date | None = None,
        latest: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._empty_text = empty_text  # None: a date is required
        self._earliest, self._latest = earliest, latest
        self.edit = QLineEdit()
        hint = typing_hint(current_locale())
        self.edit.setPlaceholderText(f"{empty_text} — {hint}" if empty_text else hint)
        self.edit.setToolTip(self.tr("Type {} or pick from the calendar").format(hint))
        self.button = QToolButton()
        self.button.setIcon(icon("calendar"))
        self.button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # Tab goes field to field; Alt+Down opens it
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._on_picked)
        self.calendar.activated.connect(self._on_picked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _: self.changed.emit())
        self.edit.editingFinished.connect(self._tidy)

    def setAccessibleName(self, name: str) -> None:
        """The name goes to the line a screen reader is in, and to its calendar button."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.button.setAccessibleName(self.tr("Calendar for {}").format(name))

    # --- values -------------------------------------------------------------------------
    def value(self) -> date | None:
        try:
            return self._parsed()
        except ValueError:
            return None

    def _parsed(self) -> date | None:
        text = self.edit.text().strip()
        if not text:
            return None
        return parse_typed_date(text, current_locale())

    def problem(self) -> str | None:
        try:
            day = self._parsed()
        except ValueError as error:
            return str(error)
        if day is None:
            return None if self._empty_text is not None else self.tr("Enter a date.")
        if self._earliest is not None and day < self._earliest:
            return self.tr("Choose {} or later.").format(
                short_date(self._earliest, current_locale())
            )
        if self._latest is not None and day > self._latest:
            return self.tr("Choose {} or earlier.").format(
                short_date(self._latest, current_locale())
            )
        return None

    def set_value(self, day: date | None) -> None:
        self.edit.setText(short_date(day, current_locale()) if day else "")

    def set_range(self, earliest: date | None, latest: date | None) -> None:
        self._earliest, self._latest = earliest, latest
        self.changed.emit()

    # --- behaviour ----------------------------------------------------------------------
    def _tidy(self) -> None:
        """Once a date is typed and the field left, show it the one clear way."""
        day = self.value()
        if day is not None:
            tidy = short_date(day, current_locale())
            if tidy != self.edit.text():
                self.edit.setText(tidy)

    def _prepare_calendar(self) -> None:
        shown = self.value() or self._latest or self._earliest
        if shown is not None:
            self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        for setter, limit in (
            (self.calendar.setMinimumDate, self._earliest),
            (self.calendar.setMaximumDate, self._latest),
        ):
            if limit is not None:
                setter(QDate(limit.year, limit.month, limit.day))

    def _on_picked(self, picked: QDate) -> None:
        self.set_value(picked.toPython())
        self.button.menu().hide()
        self.edit.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.button.showMenu()
            return
        super().keyPressEvent(event)


def required_date(
    day: date | None = None, earliest: date | None = None, latest: date | None = None
) -> DateField:
    """A date that must be given, starting at `day` (default today)."""
    from ... import clock

    field = DateField(earliest=earliest, latest=latest)
    field.set_value(day or clock.today())
    return field
