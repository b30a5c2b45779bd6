"""Forms for a volunteer, one of their checks or training records, and logged hours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ... import clock
from ...domain.enums import CheckResult
from ...domain.errors import InvalidInput
from ...domain.hours import parse_hours
from ...domain.validation import email_problems, phone_problems, split_list
from ...services.hours import HoursInput
from ...services.roles import RoleRow
from ...services.vetting import TrainingInput, TrainingRow
from ...services.volunteers import CheckInput, CheckRow, VolunteerInput, VolunteerRow
from ..widgets.date_field import required_date
from ..widgets.form import FormDialog, ValidatedForm
from ..widgets.optional_date import OptionalDateEdit

RESULT_CHOICES = [
    (None, "No check recorded"),
    (CheckResult.CLEARED, "Cleared"),
    (CheckResult.PENDING, "Applied, waiting"),
    (CheckResult.NOT_CLEARED, "Not cleared"),
]


def _date_edit(day: date | None = None):
    return required_date(day, latest=clock.today())


class CheckFields:
    """Result, dates and reference of one check, validated as they change."""

    def __init__(self, form: ValidatedForm, prefix: str, tr):
        self.prefix = prefix
        self.form = form
        self.result = form.add_field(f"{prefix}result", tr("&Result:"), QComboBox())
        for value, label in RESULT_CHOICES:
            self.result.addItem(tr(label), value)
        self.checked_on = form.add_field(
            f"{prefix}checked_on", tr("Checked &on:"), OptionalDateEdit(tr("Not known"))
        )
        self.expires_on = form.add_field(
            f"{prefix}expires_on", tr("E&xpires on:"), OptionalDateEdit(tr("Does not expire"))
        )
        self.reference = form.add_field(f"{prefix}reference", tr("Re&ference:"), QLineEdit())
        for widget in (self.checked_on, self.expires_on):
            widget.changed.connect(self.validate)
        self.result.currentIndexChanged.connect(self.validate)
        self.checked_on.set_value(None)
        self.expires_on.set_value(None)

    def load(self, row: CheckRow | None) -> None:
        self.result.setCurrentIndex(self.result.findData(row.result if row else None))
        if row:
            self.checked_on.set_value(row.checked_on)
            self.expires_on.set_value(row.expires_on)
            self.reference.setText(row.reference)
        self.validate()

    def value(self, kind: str) -> CheckInput | None:
        result = self.result.currentData()
        if result is None:
            return None
        # Qt hands StrEnum item data back as plain str: turn it back into the enum.
        return CheckInput(
            kind,
            CheckResult(result),
            self.checked_on.value(),
            self.expires_on.value(),
            self.reference.text(),
        )

    def validate(self) -> None:
        enabled = self.result.currentData() is not None
        for widget in (self.checked_on, self.expires_on, self.reference):
            widget.setEnabled(enabled)
        value = self.value("check")
        problems = value.problems(self.prefix) if value else []
        for name in ("checked_on", "expires_on"):
            field = f"{self.prefix}{name}"
            self.form.set_problem(
                field, " ".join(p.message for p in problems if p.field == field) or None
            )


class VolunteerDialog(FormDialog):
    """Add or edit a volunteer with the programme's main check (police vetting in NZ)."""

    def __init__(
        self,
        main_kind: tuple[str, str],
        row: VolunteerRow | None = None,
        parent: QWidget | None = None,
        roles: list[RoleRow] | tuple[RoleRow, ...] = (),
    ):
        super().__init__(self.tr("Edit volunteer") if row else self.tr("Add volunteer"), parent)
        self.main_kind = main_kind[0]
        form = self.form
        self.full_name = form.add_field("full_name", self.tr("&Name:"), QLineEdit())
        self.email = form.add_field("email", self.tr("&Email:"), QLineEdit())
        self.phone = form.add_field("phone", self.tr("&Phone:"), QLineEdit())
        self.roles = form.add_field("roles", self.tr("&Roles:"), QListWidget())
        self.roles.setMaximumHeight(130)
        held = set(row.roles) if row else set()
        for role in roles:
            if role.retired and role.key not in held:
                continue  # a retired role is given to no one new
            label = self.tr("{} (retired)").format(role.name) if role.retired else role.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, role.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.languages = form.add_field("languages", self.tr("&Languages:"), QLineEdit())
        self.languages.setPlaceholderText(self.tr("English; te reo Māori"))
        self.active = form.add_field("active", self.tr("&Active:"), QCheckBox())
        self.active.setChecked(True)
        self.notes = form.add_field("notes", self.tr("No&tes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        box = QGroupBox(main_kind[1])
        box_form = ValidatedForm()
        box.setLayout(box_form)
        self.vetting = CheckFields(box_form, "vetting_", self.tr)
        form.errors.update(box_form.errors)  # problems from the service land under these fields too
        self._layout.insertWidget(1, box)

        if row:
            self.full_name.setText(row.full_name)
            self.email.setText(row.email)
            self.phone.setText(row.phone)
            self.languages.setText("; ".join(row.languages))
            self.active.setChecked(row.active)
            self.notes.setPlainText(row.notes)
            for index in range(self.roles.count()):
                item = self.roles.item(index)
                if item.data(Qt.ItemDataRole.UserRole) in held:
                    item.setCheckState(Qt.CheckState.Checked)
        self.vetting.load(row.main_check if row else None)
        self.email.textChanged.connect(self._on_email_edited)
        self.phone.textChanged.connect(self._on_phone_edited)
        self.full_name.textChanged.connect(self._on_name_edited)
        self.roles.itemChanged.connect(self._on_roles_edited)

    def _on_email_edited(self, text: str) -> None:
        problems = email_problems("email", text)
        self.form.set_problem("email", problems[0].message if problems else None)

    def _on_phone_edited(self, text: str) -> None:
        problems = phone_problems("phone", text)
        self.form.set_problem("phone", problems[0].message if problems else None)

    def _on_name_edited(self, text: str) -> None:
        self.form.set_problem(
            "full_name", None if text.strip() else self.tr("Enter the volunteer's name.")
        )

    def _on_roles_edited(self, _item=None) -> None:
        self.form.set_problem(
            "roles", None if self.checked_roles() else self.tr("Choose at least one role.")
        )

    def checked_roles(self) -> tuple[str, ...]:
        return tuple(
            self.roles.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() == Qt.CheckState.Checked
        )

    def check_role(self, key: str) -> None:
        for index in range(self.roles.count()):
            item = self.roles.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(Qt.CheckState.Checked)

    def value(self) -> VolunteerInput:
        return VolunteerInput(
            full_name=self.full_name.text(),
            roles=self.checked_roles(),
            email=self.email.text(),
            phone=self.phone.text(),
            languages=split_list(self.languages.text()),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
            vetting=self.vetting.value(self.main_kind),
        )


class CheckDialog(FormDialog):
    def __init__(
        self,
        kinds: list[tuple[str, str]],
        row: CheckRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Edit vetting check") if row else self.tr("Add vetting check"), parent
        )
        self.kind = self.form.add_field("kind", self.tr("&Check:"), QComboBox())
        for key, label in kinds:
            self.kind.addItem(label, key)
        self.fields = CheckFields(self.form, "", self.tr)
        self.fields.result.removeItem(0)  # a check being added always has a result
        if row:
            self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.fields.load(row)
        if not row:
            self.fields.result.setCurrentIndex(0)

    def value(self) -> CheckInput:
        return self.fields.value(self.kind.currentData())


class TrainingDialog(FormDialog):
    def __init__(
        self,
        courses: list[tuple[str, str]],
        row: TrainingRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Edit training") if row else self.tr("Add training"), parent)
        self.course = self.form.add_field("course", self.tr("&Course:"), QComboBox())
        self.course.setEditable(True)  # groups record other courses too
        for key, label in courses:
            self.course.addItem(label, key)
        self.completed_on = self.form.add_field(
            "completed_on", self.tr("C&ompleted on:"), _date_edit()
        )
        self.expires_on = self.form.add_field(
            "expires_on", self.tr("E&xpires on:"), OptionalDateEdit(self.tr("Does not expire"))
        )
        self.certificate = self.form.add_field("certificate", self.tr("Certi&ficate:"), QLineEdit())
        self.expires_on.set_value(None)
        if row:
            index = self.course.findData(row.course)
            if index >= 0:
                self.course.setCurrentIndex(index)
            else:
                self.course.setEditText(row.course)
            self.completed_on.set_value(row.completed_on)
            self.expires_on.set_value(row.expires_on)
            self.certificate.setText(row.certificate)

    def value(self) -> TrainingInput:
        index = self.course.findText(self.course.currentText())
        course = self.course.itemData(index) if index >= 0 else self.course.currentText()
        return TrainingInput(
            course,
            self.completed_on.value(),
            self.expires_on.value(),
            self.certificate.text(),
        )


class HoursDialog(FormDialog):
    ACTIVITIES = (
        "Transport",
        "English practice",
        "Home visit",
        "Paperwork",
        "Fundraising",
        "Meeting",
    )

    def __init__(
        self, volunteer_id: int, households: list[tuple[int, str]], parent: QWidget | None = None
    ):
        super().__init__(self.tr("Log hours"), parent)
        self.volunteer_id = volunteer_id
        self.worked_on = self.form.add_field("worked_on", self.tr("&Date:"), _date_edit())
        self.hours = self.form.add_field("hours", self.tr("&Hours:"), QLineEdit())
        self.hours.setPlaceholderText(self.tr("1.5 or 1:30"))
        self.activity = self.form.add_field("activity", self.tr("&Activity:"), QComboBox())
        self.activity.setEditable(True)
        self.activity.addItems([self.tr(a) for a in self.ACTIVITIES])
        self.household = self.form.add_field("household", self.tr("H&ousehold:"), QComboBox())
        self.household.addItem(self.tr("(none)"), None)
        for household_id, code in households:
            self.household.addItem(code, household_id)
        self.hours.textChanged.connect(self._on_hours_edited)

    def _on_hours_edited(self, text: str) -> None:
        try:
            parse_hours(text)
            self.form.set_problem("hours", None)
        except InvalidInput as error:
            self.form.set_problem("hours", str(error))

    def value(self) -> HoursInput:
        return HoursInput(
            volunteer_id=self.volunteer_id,
            worked_on=self.worked_on.value(),
            minutes=parse_hours(self.hours.text()),
            activity=self.activity.currentText(),
            household_id=self.household.currentData(),
        )
