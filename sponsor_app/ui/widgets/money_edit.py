"""A line edit for money, typed as people type it ("1,200", "45.5"), checked as they type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit

from ...domain.errors import InvalidInput
from ...domain.money import Money
from ..words import error_words


class MoneyEdit(QLineEdit):
    problem_changed = Signal(str)  # "" when fine

    def __init__(self, currency: str, locale: str, parent=None):
        super().__init__(parent)
        self.currency, self.locale = currency, locale
        self.setPlaceholderText("0.00")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self, _text: str) -> None:
        try:
            self.value()
            self.problem_changed.emit("")
        except InvalidInput as error:
            self.problem_changed.emit(error_words(error))

    def value(self, field: str | None = None) -> Money:
        """The amount; an empty box is zero. Raises InvalidInput naming `field`."""
        if not self.text().strip():
            return Money.zero(self.currency)
        return Money.parse(
            self.text(),
            self.currency,
            self.locale,
            field or self.accessibleName().lower() or "amount",
        )

    def set_value(self, amount: Money | None) -> None:
        self.setText(amount.plain() if amount is not None and amount.minor else "")
