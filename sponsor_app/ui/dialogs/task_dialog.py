"""One settlement task: what it is, when it is due, and marking it done."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TaskStatus
from ...services.tasks import TaskRow
from ..formatting import short_date


class TaskDialog(QDialog):
    """Shows a task; the Mark done / Open again button calls `status_callback(new_status)`."""

    def __init__(self, task: TaskRow, locale: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Task for {}").format(task.household_code))
        self.setMinimumWidth(460)
        self.status_callback = None
        self._task = task
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{task.title}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        for label, value in (
            (self.tr("Household:"), task.household_code),
            (self.tr("Phase:"), task.phase.label),
            (self.tr("Outcome area:"), task.outcome_area.label),
            (self.tr("Due:"), short_date(task.due_on, locale) or self.tr("when arrival is known")),
            (self.tr("Status:"), task.status.label),
            (self.tr("Assigned to:"), task.assignee or self.tr("nobody yet")),
            (
                self.tr("Family-facing:"),
                self.tr("yes: needs current vetting") if task.family_facing else self.tr("no"),
            ),
            (self.tr("Guidance:"), task.guidance),
            (self.tr("Source:"), task.source),
        ):
            text = QLabel(value)
            text.setWordWrap(True)
            form.addRow(label, text)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        done = task.status is TaskStatus.DONE
        self.toggle_button = QPushButton(self.tr("&Open again") if done else self.tr("&Mark done"))
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.toggle_button.clicked.connect(self._on_toggle)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_toggle(self) -> None:
        wanted = TaskStatus.OPEN if self._task.status is TaskStatus.DONE else TaskStatus.DONE
        if self.status_callback is not None:
            self.status_callback(wanted)
        self.accept()
