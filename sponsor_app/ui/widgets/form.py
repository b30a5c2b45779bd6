"""Form rows whose error message sits right under the field, said as a sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput, SponsorDeskError


class FieldError(QLabel):
    """A red sentence under a field, with a warning sign so colour is not the only cue."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #c62828;")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_message(self, message: str | None) -> None:
        if message:
            self.setText("⚠ " + message)
            self.show()
        else:
            self.clear()
            self.hide()


class ValidatedForm(QFormLayout):
    """A QFormLayout that keeps one FieldError per field name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError()
        column.addWidget(error)
        self.errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.addRow(caption, holder)
        return widget

    def show_problems(self, error: InvalidInput) -> list[str]:
        """Put each problem under its field; return messages that belong to no field here."""
        leftover = []
        for name in self.errors:
            self.errors[name].show_message(error.for_field(name))
        for problem in error.problems:
            if problem.field not in self.errors:
                leftover.append(problem.message)
        return leftover

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.show_message(None)

    def set_problem(self, name: str, message: str | None) -> None:
        self.errors[name].show_message(message)


class FormDialog(QDialog):
    """A dialog with a ValidatedForm and Save / Cancel.

    `save_callback(value)` does the saving (through a service); InvalidInput puts each message
    under its field and keeps the dialog open, so nothing typed is lost. Returning False from
    the callback keeps the dialog open without a message (the user cancelled a question).
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.save_callback = None
        self._layout = QVBoxLayout(self)
        self.form = ValidatedForm()
        self._layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)

    def value(self):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _on_save(self) -> None:
        self.form.clear_problems()
        try:
            if self.save_callback is not None and self.save_callback(self.value()) is False:
                return
        except InvalidInput as error:
            leftover = self.form.show_problems(error)
            if leftover:
                QMessageBox.warning(self, self.windowTitle(), " ".join(leftover))
            return
        except SponsorDeskError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()
