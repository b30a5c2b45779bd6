"""A date that may be unknown: left empty, it is unknown, and the field says so."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from .date_field import DateField


class OptionalDateEdit(DateField):
    def __init__(self, unknown_text: str, parent: QWidget | None = None):
        super().__init__(empty_text=unknown_text, parent=parent)
        self._fallback: date | None = None

    def set_value(self, day: date | None, fallback: date | None = None) -> None:
        """`fallback`: where the calendar opens while the date is still unknown."""
        self._fallback = fallback
        super().set_value(day)

    def _prepare_calendar(self) -> None:
        if self.value() is None and self._fallback is not None:
            from PySide6.QtCore import QDate

            day = self._fallback
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            return
        super()._prepare_calendar()
