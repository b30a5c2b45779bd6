"""Settlement plan forms: a task (edit one, or add the household's own), skip with a reason,
and the group's own template task."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ... import clock
from ...domain.enums import OutcomeArea, Phase, TaskStatus
from ...domain.text import isolate
from ...services.plan.assignments import AssigneeOption
from ...services.plan.plan import PlanTask, TaskInput, TemplateInput
from ..vetting_words import reason_text
from ..widgets.date_field import required_date
from ..widgets.form import FormDialog, WrappedLabel
from ..widgets.optional_date import OptionalDateEdit

NOTE_NAMES = 3  # volunteers named under the assignee list; the rest in its tooltip


def enum_combo(members, current=None) -> QComboBox:
    combo = QComboBox()
    for member in members:
        combo.addItem(member.label, member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def chosen_enum(combo: QComboBox, enum_cls):
    """The enum member a combo holds. PySide hands a StrEnum back as its plain string, which
    `is` comparisons (and the services) would not recognise."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


def why_not(option: AssigneeOption, locale: str) -> str:
    """Why the vetting rule keeps a volunteer off a family-facing task, in words."""
    return reason_text(option.name, option.vetting, locale)


class TaskFormDialog(FormDialog):
    """Every field of a task. The assignee list greys out volunteers the vetting rule keeps
    off a family-facing task, and says why beneath it."""

    def __init__(
        self,
        title: str,
        options: list[AssigneeOption],
        locale: str,
        task: PlanTask | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.setMinimumWidth(560)
        self._options, self._locale = options, locale
        today = clock.today()
        self.title = self.form.add_field("title", self.tr("&Task:"), QLineEdit())
        if task is not None and task.guidance:
            self._show_guidance(task.guidance)
        self.phase = self.form.add_field(
            "phase", self.tr("&Phase:"), enum_combo(Phase, task.phase if task else None)
        )
        self.area = self.form.add_field(
            "outcome_area",
            self.tr("Outcome &area:"),
            enum_combo(OutcomeArea, task.outcome_area if task else None),
        )
        self.due = self.form.add_field(
            "due_on", self.tr("&Due:"), OptionalDateEdit(self.tr("no date"))
        )
        self.family_facing = self.form.add_field(
            "family_facing",
            self.tr("Family-&facing:"),
            QCheckBox(self.tr("meets the family (needs a volunteer with current vetting)")),
        )
        self.assignee = self.form.add_field("assignee", self.tr("Assigned &to:"), QComboBox())
        self.rule_note = WrappedLabel()
        self.rule_note.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow("", self.rule_note)
        self.status = self.form.add_field(
            "status",
            self.tr("&Status:"),
            enum_combo(TaskStatus, task.status if task else TaskStatus.OPEN),
        )
        self.completed_on = self.form.add_field(
            "completed_on", self.tr("Done &on:"), required_date(today, latest=today)
        )
        self.skip_reason = self.form.add_field(
            "skip_reason", self.tr("Why it does not &apply:"), QLineEdit()
        )
        self.evidence = self.form.add_field("evidence", self.tr("&Evidence:"), QLineEdit())
        self.evidence.setPlaceholderText(
            self.tr("e.g. enrolment letter filed; receipt photographed")
        )
        self.notes = self.form.add_field("notes", self.tr("N&otes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(3 * self.notes.fontMetrics().lineSpacing() + 12)

        self._load(task, today)
        self._guidance = task.guidance if task else ""
        self._fill_assignees(task.assignee_id if task else None)
        self.family_facing.toggled.connect(lambda _: self._fill_assignees(self._assignee_id()))
        self.status.currentIndexChanged.connect(lambda _: self._status_changed())
        self._status_changed()

    def _show_guidance(self, words: str) -> None:
        """The template's advice for the task, under its title, quieter than the fields."""
        guidance = WrappedLabel(words)
        guidance.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow(self.tr("Guidance:"), guidance)

    def _load(self, task: PlanTask | None, today) -> None:
        """The task's values, or a new one's: no due date, done today if marked done."""
        if task is not None:
            self.form.load(
                task, "title", "due_on", "family_facing", "evidence", "skip_reason", "notes"
            )
        else:
            self.due.set_value(None)
        done = task.completed_on if task and task.completed_on else today
        self.completed_on.set_value(done)

    def _assignee_id(self) -> int | None:
        return self.assignee.currentData()

    def _fill_assignees(self, current: int | None) -> None:
        facing = self.family_facing.isChecked()
        self.assignee.clear()
        self.assignee.addItem(self.tr("nobody yet"), None)
        model: QStandardItemModel = self.assignee.model()
        blocked = []
        for option in self._options:
            allowed = option.allowed or not facing
            text = (
                option.name
                if allowed
                else self.tr("{} (vetting not current)").format(isolate(option.name))
            )
            self.assignee.addItem(text, option.volunteer_id)
            if not allowed:
                item = model.item(self.assignee.count() - 1)
                item.setEnabled(False)
                item.setToolTip(why_not(option, self._locale))
                blocked.append(option)
        index = self.assignee.findData(current)
        self.assignee.setCurrentIndex(max(index, 0))
        # The first few in full; everyone in the tooltip (and each greyed name's own).
        shown = " ".join(why_not(o, self._locale) for o in blocked[:NOTE_NAMES])
        if len(blocked) > NOTE_NAMES:
            shown += " " + self.tr("And %n more.", "", len(blocked) - NOTE_NAMES)
        self.rule_note.setText(
            self.tr("Not offered for a family-facing task: ") + shown if blocked else ""
        )
        self.rule_note.setToolTip("\n".join(why_not(o, self._locale) for o in blocked))
        self.rule_note.setVisible(bool(blocked))

    def _status_changed(self) -> None:
        status = chosen_enum(self.status, TaskStatus)
        self.completed_on.setEnabled(status is TaskStatus.DONE)
        self.skip_reason.setEnabled(status is TaskStatus.NOT_NEEDED)

    def value(self) -> TaskInput:
        status = chosen_enum(self.status, TaskStatus)
        return TaskInput(
            title=self.title.text(),
            phase=chosen_enum(self.phase, Phase),
            outcome_area=chosen_enum(self.area, OutcomeArea),
            due_on=self.due.value(),
            family_facing=self.family_facing.isChecked(),
            guidance=self._guidance,
            status=status,
            completed_on=self.completed_on.value() if status is TaskStatus.DONE else None,
            assignee_id=self._assignee_id(),
            evidence=self.evidence.text(),
            skip_reason=self.skip_reason.text(),
            notes=self.notes.toPlainText(),
        )


class SkipDialog(FormDialog):
    """Not applicable to this household: the reason is required, and kept with the task."""

    def __init__(self, task: PlanTask, parent: QWidget | None = None):
        super().__init__(self.tr("Skip “{}”").format(isolate(task.title)), parent)
        explain = QLabel(
            self.tr(
                "Mark this task not applicable to {}. Say why, for the group and the evaluation."
            ).format(task.household_code)
        )
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.reason = self.form.add_field("skip_reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setText(task.skip_reason)

    def value(self) -> str:
        return self.reason.text()


class TemplateTaskDialog(FormDialog):
    """A task the group adds to its template for households from now on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Add a task to the group's template"), parent)
        self.title = self.form.add_field("title", self.tr("&Task:"), QLineEdit())
        self.phase = self.form.add_field("phase", self.tr("&Phase:"), enum_combo(Phase))
        self.offset = self.form.add_field("offset_days", self.tr("&Day after arrival:"), QSpinBox())
        self.offset.setRange(-90, 730)
        self.area = self.form.add_field(
            "outcome_area", self.tr("Outcome &area:"), enum_combo(OutcomeArea)
        )
        self.family_facing = self.form.add_field(
            "family_facing", self.tr("Family-&facing:"), QCheckBox(self.tr("meets the family"))
        )
        self.guidance = self.form.add_field("guidance", self.tr("&Guidance:"), QLineEdit())
        self.phase.currentIndexChanged.connect(lambda _: self._phase_changed())
        self._phase_changed()

    def _phase_changed(self) -> None:
        low, high = chosen_enum(self.phase, Phase).offsets
        self.offset.setRange(low, high)
        self.offset.setToolTip(self.tr("Day {} to day {} from arrival").format(low, high))

    def value(self) -> TemplateInput:
        return TemplateInput(
            self.title.text(),
            chosen_enum(self.phase, Phase),
            self.offset.value(),
            chosen_enum(self.area, OutcomeArea),
            self.family_facing.isChecked(),
            self.guidance.text(),
        )


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
