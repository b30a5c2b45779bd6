"""What a form's field holds, read and shown the same way for every kind of field, so that a
dialog names its fields once (as the service's input names them) instead of writing a line
per field to fill the form and another to read it back."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def field_value(widget: QWidget) -> Any:
    """The value a field holds: a date field's date (or None), a tick's bool, a text's text,
    a number's number; a combo's data, or its text when the person may type their own."""
    if hasattr(widget, "set_value"):  # the app's own fields: dates, money
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    raise TypeError(f"no value for a {type(widget).__name__}")


def show_value(widget: QWidget, value: Any) -> None:
    """Show `value` in a field, read back unchanged by `field_value`."""
    if hasattr(widget, "set_value"):
        widget.set_value(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setCurrentText(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    else:
        raise TypeError(f"cannot show a value in a {type(widget).__name__}")
