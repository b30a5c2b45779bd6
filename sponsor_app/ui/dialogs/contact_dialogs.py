"""Forms for the contact log, the family's goals and household indicator readings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ... import clock
from ...domain.enums import CheckInKind, GoalStatus, OutcomeArea
from ...domain.indicators import Indicator, IndicatorKind
from ...domain.text import isolate
from ...services.plan.checkins import CheckInInput, CheckInRow, GoalUpdate
from ...services.plan.goals import GoalInput, GoalRow
from ...services.plan.indicators import ReadingInput
from ...services.roster.volunteers import VolunteerRow
from ..formatting import short_date
from ..vetting_words import overall_text, reason_text
from ..widgets.date_field import required_date
from ..widgets.form import FormDialog, WrappedLabel
from ..widgets.optional_date import OptionalDateEdit
from ..widgets.status import status_colour
from .plan_dialogs import chosen_enum, enum_combo

NEEDS_MET = {
    1: "1 — hardly met",
    2: "2 — partly met",
    3: "3 — mostly met",
    4: "4 — well met",
    5: "5 — fully met",
}


def date_edit(day: date, latest: date | None = None):
    return required_date(day, latest=latest)


class CheckInDialog(FormDialog):
    """One contact with a household: who went, how it went, the family's rating, any concern,
    which programme meeting it was, and where the family's goals stand."""

    def __init__(
        self,
        household_id: int,
        household_code: str,
        volunteers: list[VolunteerRow],
        meetings: list[tuple[int, str, date | None]],
        goals: list[GoalRow],
        current: CheckInRow | None = None,
        parent: QWidget | None = None,
        locale: str = "en_NZ",
    ):
        title = self.tr("Check-in with {}") if current else self.tr("Record a check-in with {}")
        super().__init__(title.format(household_code), parent)
        self.setMinimumWidth(600)
        self._household_id = household_id
        self._locale = locale
        self._vetting = {v.id: v for v in volunteers}
        today = clock.today()
        self.held_on = self.form.add_field("held_on", self.tr("&Date:"), date_edit(today, today))
        self.kind = self.form.add_field("kind", self.tr("&Kind:"), enum_combo(CheckInKind))
        self.present = self.form.add_field("volunteers", self.tr("&Who went:"), QListWidget())
        self._fill_present(volunteers, locale)
        self.meeting = self.form.add_field("meeting", self.tr("Programme &meeting:"), QComboBox())
        self.meeting.addItem(self.tr("none: an ordinary check-in"), None)
        for task_id, title_text, due in meetings:
            when = self.tr(", due {}").format(short_date(due)) if due else ""
            self.meeting.addItem(title_text + when, task_id)
        self.summary = self.form.add_field("summary", self.tr("&Summary:"), QPlainTextEdit())
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(70)
        self.needs_met = self.form.add_field(
            "needs_met", self.tr("&Needs met (the family's view):"), QComboBox()
        )
        self.needs_met.addItem(self.tr("not asked"), None)
        for value, words in NEEDS_MET.items():
            self.needs_met.addItem(self.tr(words), value)
        self.concern = self.form.add_field("concern", self.tr("&Concern raised:"), QLineEdit())
        self.resolved = self.form.add_field(
            "concern_resolved_on",
            self.tr("Concern &resolved on:"),
            OptionalDateEdit(self.tr("not yet")),
        )
        self.shareable = self.form.add_field(
            "shareable",
            self.tr("S&hare with evaluators:"),
            QCheckBox(self.tr("the summary may appear in the evaluation report")),
        )
        self._goal_choices: list[tuple[int, QComboBox]] = []
        if goals:
            self._layout.insertWidget(1, self._goals_box(goals))
        if current is not None:
            self._load(current)
        else:
            self.resolved.set_value(None)
        self.present.itemChanged.connect(self._on_present_changed)
        self.kind.currentIndexChanged.connect(self._on_present_changed)
        self._on_present_changed()

    def _fill_present(self, volunteers: list[VolunteerRow], locale: str) -> None:
        """Who may be ticked as there, with today's vetting beside a name it keeps away, and
        the warning shown when one of those is ticked."""
        # Five names in sight, none cut sideways (a long one ends in "…", its tooltip says all).
        self.present.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.present.setTextElideMode(Qt.TextElideMode.ElideRight)
        for volunteer in volunteers:
            # Today's vetting beside each name: a visit is family-facing (the vetting rule).
            name = volunteer.full_name
            if not volunteer.vetting.may_meet_family:
                name += "   " + overall_text(volunteer.vetting, locale)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, volunteer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if not volunteer.vetting.may_meet_family:
                item.setForeground(status_colour(volunteer.vetting.state))
                item.setToolTip(reason_text(volunteer.full_name, volunteer.vetting, locale))
            self.present.addItem(item)
        rows = min(max(self.present.count(), 3), 6)
        self.present.setFixedHeight(
            rows * max(self.present.sizeHintForRow(0), 18) + 2 * self.present.frameWidth() + 2
        )
        self.vetting_note = WrappedLabel()
        self.vetting_note.setStyleSheet("color: #b26a00;")
        self.vetting_note.setAccessibleName(self.tr("Vetting warning"))
        self.form.addRow("", self.vetting_note)
        self.vetting_note.hide()

    def _goals_box(self, goals: list[GoalRow]) -> QGroupBox:
        """Where each of the family's goals stands, as reviewed at this check-in."""
        box = QGroupBox(self.tr("The family's goals at this check-in"))
        grid = QGridLayout(box)
        for row, goal in enumerate(goals):
            label = QLabel(goal.text)
            label.setWordWrap(True)
            choice = QComboBox()
            choice.setAccessibleName(self.tr("Goal: {}").format(isolate(goal.text)))
            choice.addItem(self.tr("not reviewed"), None)
            for status in GoalStatus:
                choice.addItem(status.label, status)
            grid.addWidget(label, row, 0)
            grid.addWidget(choice, row, 1)
            self._goal_choices.append((goal.id, choice))
        return box

    def unvetted_ticked(self) -> list[VolunteerRow]:
        """Those ticked whom the vetting rule keeps away from the family today."""
        return [
            self._vetting[v]
            for v in self.value().volunteer_ids
            if v in self._vetting and not self._vetting[v].vetting.may_meet_family
        ]

    def _on_present_changed(self, *_args) -> None:
        """Say at once that a visit or meeting is family-facing and who is not cleared."""
        kind = chosen_enum(self.kind, CheckInKind)
        unvetted = self.unvetted_ticked() if kind is not None and kind.family_facing else []
        self.vetting_note.setText(
            "⚠ "
            + self.tr(
                "A {} meets the family: vetting is not current for {}. You will be asked before "
                "it is recorded."
            ).format(kind.label.lower(), ", ".join(isolate(v.full_name) for v in unvetted))
            if unvetted
            else ""
        )
        self.vetting_note.setVisible(bool(unvetted))

    def _load(self, row: CheckInRow) -> None:
        self.held_on.set_value(row.held_on)
        self.kind.setCurrentIndex(self.kind.findData(row.kind))
        for n in range(self.present.count()):
            item = self.present.item(n)
            if item.data(Qt.ItemDataRole.UserRole) in row.volunteer_ids:
                item.setCheckState(Qt.CheckState.Checked)
        self.summary.setPlainText(row.summary)
        self.needs_met.setCurrentIndex(max(self.needs_met.findData(row.needs_met), 0))
        self.concern.setText(row.concern)
        self.resolved.set_value(row.concern_resolved_on)
        self.shareable.setChecked(row.shareable)

    def value(self) -> CheckInInput:
        chosen = tuple(
            self.present.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.present.count())
            if self.present.item(n).checkState() == Qt.CheckState.Checked
        )
        return CheckInInput(
            household_id=self._household_id,
            held_on=self.held_on.value(),
            kind=chosen_enum(self.kind, CheckInKind),
            summary=self.summary.toPlainText(),
            needs_met=self.needs_met.currentData(),
            concern=self.concern.text(),
            concern_resolved_on=self.resolved.value(),
            shareable=self.shareable.isChecked(),
            volunteer_ids=chosen,
            meeting_task_id=self.meeting.currentData(),
            goal_updates=tuple(
                GoalUpdate(goal_id, chosen_enum(choice, GoalStatus))
                for goal_id, choice in self._goal_choices
                if choice.currentData() is not None
            ),
        )


class GoalDialog(FormDialog):
    def __init__(
        self,
        household_id: int,
        household_code: str,
        current: GoalRow | None = None,
        parent: QWidget | None = None,
    ):
        title = self.tr("Goal of {}") if current else self.tr("Add a goal for {}")
        super().__init__(title.format(household_code), parent)
        self._household_id = household_id
        today = clock.today()
        self.text = self.form.add_field(
            "text", self.tr("&Goal, in the family's words:"), QLineEdit()
        )
        self.area = self.form.add_field(
            "outcome_area",
            self.tr("Outcome &area:"),
            enum_combo(OutcomeArea, current.outcome_area if current else None),
        )
        self.set_on = self.form.add_field("set_on", self.tr("&Set on:"), date_edit(today, today))
        self.target = self.form.add_field(
            "target_on", self.tr("&Target date:"), OptionalDateEdit(self.tr("none"))
        )
        if current is not None:
            self.text.setText(current.text)
            self.set_on.set_value(current.set_on)
            self.target.set_value(current.target_on)
        else:
            self.target.set_value(None)

    def value(self) -> GoalInput:
        return GoalInput(
            self._household_id,
            chosen_enum(self.area, OutcomeArea),
            self.text.text(),
            self.set_on.value(),
            self.target.value(),
        )


class GoalReviewDialog(FormDialog):
    def __init__(self, goal: GoalRow, parent: QWidget | None = None):
        super().__init__(self.tr("How is “{}” going?").format(isolate(goal.text)), parent)
        today = clock.today()
        self.status = self.form.add_field(
            "status", self.tr("&Status:"), enum_combo(GoalStatus, goal.status)
        )
        self.reviewed_on = self.form.add_field(
            "reviewed_on", self.tr("&On:"), date_edit(today, today)
        )
        self.note = self.form.add_field("note", self.tr("&Note:"), QLineEdit())

    def value(self) -> tuple[GoalStatus, date, str]:
        status = chosen_enum(self.status, GoalStatus)
        return status, self.reviewed_on.value(), self.note.text()


class ReadingDialog(FormDialog):
    """One dated reading of an indicator; the value field fits the indicator's kind."""

    def __init__(
        self, household_code: str, indicators: tuple[Indicator, ...], parent: QWidget | None = None
    ):
        super().__init__(self.tr("Record an indicator for {}").format(household_code), parent)
        today = clock.today()
        self._indicators = indicators
        self.indicator = self.form.add_field("indicator", self.tr("&Indicator:"), QComboBox())
        for indicator in indicators:
            self.indicator.addItem(f"{indicator.topic}: {indicator.label}", indicator.key)
        self.recorded_on = self.form.add_field(
            "recorded_on", self.tr("&As on:"), date_edit(today, today)
        )
        self.value_holder = QWidget()
        self._value_layout = QGridLayout(self.value_holder)
        self._value_layout.setContentsMargins(0, 0, 0, 0)
        self.form.add_field("value", self.tr("&Value:"), self.value_holder)
        self.note = self.form.add_field("note", self.tr("N&ote:"), QLineEdit())
        self._editor: QWidget | None = None
        self.indicator.currentIndexChanged.connect(lambda _: self._make_editor())
        self._make_editor()

    def chosen(self) -> Indicator:
        return self._indicators[self.indicator.currentIndex()]

    def select(self, key: str) -> None:
        self.indicator.setCurrentIndex(max(self.indicator.findData(key), 0))

    def _make_editor(self) -> None:
        if self._editor is not None:
            self._editor.deleteLater()
        indicator = self.chosen()
        match indicator.kind:
            case IndicatorKind.NUMBER:
                editor = QDoubleSpinBox()
                editor.setDecimals(1)
                editor.setRange(0, indicator.maximum or 100000)
                editor.setSuffix(f" {indicator.unit}" if indicator.unit else "")
            case IndicatorKind.YESNO:
                editor = QComboBox()
                editor.addItems([self.tr("yes"), self.tr("no")])
                editor.setItemData(0, "yes")
                editor.setItemData(1, "no")
            case IndicatorKind.CHOICE:
                editor = QComboBox()
                for option in indicator.options:
                    editor.addItem(option, option)
            case IndicatorKind.CHOICES:
                editor = QListWidget()
                editor.setMaximumHeight(110)
                for option in indicator.options:
                    item = QListWidgetItem(option)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    editor.addItem(item)
            case IndicatorKind.DATE:
                editor = date_edit(clock.today(), clock.today())
            case _:
                editor = QLineEdit()
        editor.setAccessibleName(indicator.label)
        self._value_layout.addWidget(editor, 0, 0)
        self.value_holder.setFocusProxy(editor)
        self._editor = editor

    def value(self) -> ReadingInput:
        """The reading as typed: the service reads the value by the indicator's kind."""
        editor, indicator = self._editor, self.chosen()
        match indicator.kind:
            case IndicatorKind.NUMBER:
                typed = f"{editor.value():g}"
            case IndicatorKind.YESNO:
                typed = editor.currentData()
            case IndicatorKind.CHOICE:
                typed = editor.currentData() or ""
            case IndicatorKind.CHOICES:
                typed = "; ".join(
                    editor.item(n).text()
                    for n in range(editor.count())
                    if editor.item(n).checkState() == Qt.CheckState.Checked
                )
            case IndicatorKind.DATE:
                typed = editor.value().isoformat() if editor.value() else editor.edit.text()
            case _:
                typed = editor.text()
        return ReadingInput(indicator.key, self.recorded_on.value(), typed, self.note.text())
