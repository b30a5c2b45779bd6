"""One settlement task: what it is, when it is due, who does it, and marking it done."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TaskStatus, VettingStatus
from ...domain.errors import SponsorDeskError
from ...services.tasks import AssigneeOption, TaskRow
from ..formatting import short_date


class TaskDialog(QDialog):
    """Shows a task. The assignee list offers only volunteers the vetting rule allows for a
    family-facing task; the others are listed greyed out with the reason beside them."""

    def __init__(
        self,
        task: TaskRow,
        locale: str,
        options: list[AssigneeOption],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Task for {}").format(task.household_code))
        self.setMinimumWidth(520)
        self.status_callback = None
        self.assign_callback = None
        self._task = task
        self._locale = locale
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
        self.assignee = QComboBox()
        self.assignee.setAccessibleName(self.tr("Assigned to"))
        self.assignee.addItem(self.tr("nobody yet"), None)
        model: QStandardItemModel = self.assignee.model()
        for option in options:
            self.assignee.addItem(
                option.name if option.allowed else f"{option.name} (not allowed)",
                option.volunteer_id,
            )
            if not option.allowed:
                item = model.item(self.assignee.count() - 1)
                item.setEnabled(False)
                item.setToolTip(self.tr("Family-facing task: ") + self._why_not(option))
        if task.assignee_id is not None:
            index = self.assignee.findData(task.assignee_id)
            self.assignee.setCurrentIndex(max(index, 0))
        assign_label = QLabel(self.tr("&Assigned to:"))
        assign_label.setBuddy(self.assignee)
        form.addRow(assign_label, self.assignee)
        blocked = [o for o in options if not o.allowed]
        self.rule_note = QLabel(
            self.tr("Not offered: ") + " ".join(self._why_not(o) for o in blocked)
            if blocked
            else ""
        )
        self.rule_note.setWordWrap(True)
        self.rule_note.setVisible(bool(blocked))
        form.addRow("", self.rule_note)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        done = task.status is TaskStatus.DONE
        self.toggle_button = QPushButton(self.tr("&Open again") if done else self.tr("&Mark done"))
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.toggle_button.clicked.connect(self._on_toggle)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.assignee.activated.connect(self._on_assignee_chosen)

    def _on_assignee_chosen(self, index: int) -> None:
        volunteer_id = self.assignee.itemData(index)
        if volunteer_id == self._task.assignee_id or self.assign_callback is None:
            return
        try:
            self.assign_callback(volunteer_id)
            self._task = replace(self._task, assignee_id=volunteer_id)
        except SponsorDeskError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            self.assignee.setCurrentIndex(max(self.assignee.findData(self._task.assignee_id), 0))

    def _on_toggle(self) -> None:
        wanted = TaskStatus.OPEN if self._task.status is TaskStatus.DONE else TaskStatus.DONE
        if self.status_callback is not None:
            self.status_callback(wanted)
        self.accept()

    def _why_not(self, option) -> str:
        """Why the vetting rule keeps a volunteer off this task, in words."""
        if option.vetting_expires_on is None or option.vetting_status is VettingStatus.MISSING:
            return self.tr("{} has no cleared vetting on record.").format(option.name)
        return self.tr("{}'s vetting expired on {}.").format(
            option.name, short_date(option.vetting_expires_on, self._locale)
        )
