"""Form rows whose error message sits right under the field, said as a sentence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput, SponsorDeskError
from ..words import error_words, field_words, problem_words
from .field_values import field_value, show_value


class FieldError(QLabel):
    """A red sentence under a field, with a warning sign so colour is not the only cue.

    Its line is always there, empty or not, so that nothing in the form moves when a message
    comes or goes (a click would land in the wrong field)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #c62828;")
        self.setAccessibleName(self.tr("Error"))
        self.setMinimumHeight(self.fontMetrics().height())

    def show_message(self, message: str | None) -> None:
        self.setText("⚠ " + message if message else "")


class ValidatedForm(QFormLayout):
    """A QFormLayout that keeps one FieldError per field name.

    Dialogs may check their fields as the person types (`set_problem`), but a message shows
    only once that field has been left, or when Save is pressed (`reveal_all`): "Enter the
    date..." before anyone had the chance to enter it only confuses. Save reveals the fields
    wrong at that moment; a field that goes wrong later (choosing "Cleared" makes its date
    needed) waits, as before, until it is left. A message that clears clears at once. Fields
    with a `problem()` of their own (dates) report it themselves."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self._fields: dict[str, QWidget] = {}
        self._pending: dict[str, str | None] = {}
        self._touched: set[str] = set()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        error = FieldError()
        column.addWidget(error)
        self.errors[name] = error
        self._fields[name] = widget
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.addRow(caption, holder)
        if hasattr(widget, "problem") and hasattr(widget, "changed"):
            widget.changed.connect(lambda n=name, w=widget: self.set_problem(n, w.problem()))
        return widget

    def load(self, record, *names: str) -> None:
        """Show `record`'s values in the named fields (every field when none is named); a
        field is named as the record's attribute and the service's input."""
        for name in names or tuple(self._fields):
            show_value(self._fields[name], getattr(record, name))

    def values(self, *names: str) -> dict[str, Any]:
        """The named fields' values (every field's when none is named), by name: the keyword
        arguments of the service's input."""
        return {name: field_value(self._fields[name]) for name in names or self._fields}

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for name, widget in self._fields.items():
            if _inside(old, widget) and not _inside(new, widget):
                self._touched.add(name)
                self._show(name)

    def _show(self, name: str) -> None:
        self.errors[name].show_message(self._pending.get(name))

    def set_problem(self, name: str, message: str | None) -> None:
        self._pending[name] = message or None
        if not message or name in self._touched:
            self._show(name)

    def reveal_all(self) -> list[str]:
        """Show every message now (Save was pressed). Returns the problems of fields that
        hold no value at all (a date that is not one): saving then would quietly store
        "unknown" in place of what was typed, so those hold the save back. Everything else
        the service checks again, and says."""
        blocking = []
        for name, widget in self._fields.items():
            if hasattr(widget, "problem"):
                self._pending[name] = widget.problem()
                if self._pending[name] and widget.isEnabled():
                    blocking.append(self._pending[name])
            if self._pending.get(name):
                self._touched.add(name)
            self._show(name)
        return blocking

    def show_problems(self, error: InvalidInput) -> list[str]:
        """Put each problem the service found under its field; return messages that belong to
        no field here. They are shown, not kept: only the form's own live checks (and the
        fields' own) can hold back the next Save."""
        leftover = []
        for name in self.errors:
            message = field_words(error, name) or self._pending.get(name)
            if message:
                self._touched.add(name)
            self.errors[name].show_message(message)
        for problem in error.problems:
            if problem.field not in self.errors:
                leftover.append(problem_words(problem))
        return leftover

    def clear_problems(self) -> None:
        for name in self.errors:
            self._pending[name] = None
            self._show(name)


def _inside(widget: QWidget | None, field: QWidget) -> bool:
    return widget is not None and (widget is field or field.isAncestorOf(widget))


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
        # Forms inside group boxes, whose own checks (dates) hold Save back too.
        self.extra_forms: list[ValidatedForm] = []
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
        blocking = self.form.reveal_all()
        for extra in self.extra_forms:
            blocking += extra.reveal_all()
        if blocking:
            return  # a field's own problem (a date that is not one): fix it first
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
            QMessageBox.warning(self, self.windowTitle(), error_words(error))
            return
        self.accept()


_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def first_input(dialog: QWidget) -> QWidget | None:
    """The first field a person fills in, in the dialog's tab order."""
    widget = dialog.nextInFocusChain()
    for _ in range(500):  # the chain is a ring: stop once round
        if widget is None or widget is dialog:
            return None
        if (
            isinstance(widget, _INPUTS)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and dialog.isAncestorOf(widget)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class DialogFocus(QObject):
    """Every dialog opens with the cursor in its first field, not on Save: without a window
    manager, text typed at once went into the wrong field (issue 19 item 15). A dialog that
    chose a field itself keeps its choice; a message box, which has no field, is left alone."""

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, QMessageBox)
        ):
            QTimer.singleShot(0, lambda dialog=watched: self._focus(dialog))
        return False

    @staticmethod
    def _focus(dialog: QDialog) -> None:
        try:
            current = dialog.focusWidget()
            if current is not None and not isinstance(current, QAbstractButton):
                return
            first = first_input(dialog)
        except RuntimeError:  # closed and gone already
            return
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)


_installed: list[DialogFocus] = []


def install_dialog_focus() -> None:
    """Once for the application (the window calls it)."""
    app = QApplication.instance()
    if app is not None and not _installed:
        _installed.append(DialogFocus())
        app.installEventFilter(_installed[0])


class WrappedLabel(QLabel):
    """A word-wrapped label that is always as tall as its text: in a form layout Qt gives a
    wrapped label the height of too few lines, and the sentence was cut at top and bottom
    (the task form's guidance and its note on who is not offered, issue 19 item 14)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(max(self.width(), 1)) if self.text() else 0
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
