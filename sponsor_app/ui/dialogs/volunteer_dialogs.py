"""Forms for a volunteer, one of their checks or training records, and logged hours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput
from ...domain.hours import parse_hours
from ...domain.validation import email_problems, phone_problems, split_list
from ...domain.vetting import RequirementKind
from ...domain.vocabulary import HOURS_ACTIVITIES
from ...services.roster.hours import HoursInput
from ...services.roster.roles import RoleRow
from ...services.roster.vetting import TrainingInput, TrainingRow
from ...services.roster.volunteers import (
    CheckInput,
    CheckRow,
    RequirementRecord,
    VolunteerInput,
    VolunteerRow,
)
from ..vetting_words import badge_text, standing_text
from ..widgets.form import FormDialog, ValidatedForm
from ..widgets.optional_date import OptionalDateEdit
from ..widgets.status import status_colour
from ..words import error_words
from .check_fields import CHECK, CheckFields, date_edit


class VolunteerDialog(FormDialog):
    """Add or edit a volunteer with everything the programme requires of each one (in NZ:
    police vetting, the Child Protection Statement and the child-protection course), so the
    roster never says "missing" about something the form never asked for."""

    def __init__(
        self,
        requirements: tuple[RequirementRecord, ...],
        row: VolunteerRow | None = None,
        parent: QWidget | None = None,
        roles: list[RoleRow] | tuple[RoleRow, ...] = (),
        locale: str = "en_NZ",
    ):
        super().__init__(self.tr("Edit volunteer") if row else self.tr("Add volunteer"), parent)
        form = self.form
        self.full_name = form.add_field("full_name", self.tr("&Name:"), QLineEdit())
        self.email = form.add_field("email", self.tr("&Email:"), QLineEdit())
        self.phone = form.add_field("phone", self.tr("&Phone:"), QLineEdit())
        self.roles = form.add_field("roles", self.tr("&Roles:"), QListWidget())
        held = set(row.roles) if row else set()
        self._fill_roles(roles, held)
        self.languages = form.add_field("languages", self.tr("&Languages:"), QLineEdit())
        self.languages.setPlaceholderText(self.tr("English; te reo Māori"))
        self.active = form.add_field("active", self.tr("&Active:"), QCheckBox())
        self.active.setChecked(True)
        self.notes = form.add_field("notes", self.tr("No&tes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)

        column = self._requirement_boxes(
            row.requirements if row and row.requirements else requirements, locale
        )
        self._layout.removeItem(form)
        row_layout = QHBoxLayout()
        row_layout.addLayout(form, 1)
        row_layout.addSpacing(12)
        row_layout.addLayout(column, 1)
        self._layout.insertLayout(0, row_layout)
        self.setMinimumWidth(900)

        if row:
            self._load(row, held)
        self.email.textChanged.connect(self._on_email_edited)
        self.phone.textChanged.connect(self._on_phone_edited)
        self.full_name.textChanged.connect(self._on_name_edited)
        self.roles.itemChanged.connect(self._on_roles_edited)

    def _fill_roles(self, roles, held: set[str]) -> None:
        for role in roles:
            if role.retired and role.key not in held:
                continue  # a retired role is given to no one new
            label = self.tr("{} (retired)").format(role.name) if role.retired else role.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, role.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        # Every role in sight: a ticked role hidden below the fold is a ticked role unseen.
        rows_shown = min(self.roles.count(), 12) or 1
        self.roles.setFixedHeight(
            rows_shown * max(self.roles.sizeHintForRow(0), 18) + 2 * self.roles.frameWidth() + 2
        )

    def _requirement_boxes(self, records, locale: str) -> QVBoxLayout:
        """A box per requirement of the programme, each with where it stands today."""
        self.requirements: dict[str, CheckFields] = {}
        column = QVBoxLayout()
        heading = QLabel(self.tr("<b>What the programme requires of every volunteer</b>"))
        column.addWidget(heading)
        for record in records:
            box = QGroupBox(record.label)
            box_form = ValidatedForm()
            box_form.setVerticalSpacing(2)  # three boxes must fit a 768-pixel-high screen
            box_form.setContentsMargins(8, 4, 8, 4)
            box.setLayout(box_form)
            if record.standing is not None:
                # Where it stands today, by the vetting rule the roster reads too.
                # (the box is titled with the requirement: its state and date suffice)
                standing = QLabel(badge_text(record.standing, locale))
                standing.setToolTip(standing_text(record.standing, locale))
                standing.setWordWrap(True)
                colour = status_colour(record.standing.state).name()
                standing.setStyleSheet(f"color: {colour};")
                standing.setAccessibleName(self.tr("{}: where it stands").format(record.label))
                box_form.addRow(standing)
            fields = CheckFields(
                box_form,
                f"{record.kind}_",
                self.tr,
                record.valid_months,
                record.requirement_kind,
                mnemonics=False,
            )
            fields.load(record if record.result is not None else None)
            if record.expires_on is not None:
                box_form.setRowVisible(fields.expires_on.parentWidget(), True)
            self.requirements[record.kind] = fields
            self.extra_forms.append(box_form)
            self.form.errors.update(box_form.errors)  # the service's problems land under them too
            column.addWidget(box)
        column.addStretch(1)
        return column

    def _load(self, row: VolunteerRow, held: set[str]) -> None:
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

    @property
    def vetting(self) -> CheckFields:
        """The first requirement's fields (police vetting in NZ)."""
        return next(iter(self.requirements.values()))

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
        checks = tuple(
            check
            for kind, fields in self.requirements.items()
            if (check := fields.value(kind)) is not None
        )
        return VolunteerInput(
            full_name=self.full_name.text(),
            roles=self.checked_roles(),
            email=self.email.text(),
            phone=self.phone.text(),
            languages=split_list(self.languages.text()),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
            checks=checks,
        )


class CheckDialog(FormDialog):
    """One check or signed statement, in the words of its kind (chosen at the top)."""

    def __init__(
        self,
        kinds: list[tuple[str, str, RequirementKind, int | None]],
        row: CheckRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Edit vetting check") if row else self.tr("Add vetting check"), parent
        )
        self._kinds = {key: kind for key, _label, kind, _months in kinds}
        self._months = {key: months for key, _label, _kind, months in kinds}
        self.kind = self.form.add_field("kind", self.tr("&Check:"), QComboBox())
        for key, label, _kind, _months in kinds:
            self.kind.addItem(label, key)
        if row:
            self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        first = self.kind.currentData()
        self.fields = CheckFields(
            self.form, "", self.tr, self._months.get(first), self._kinds.get(first, CHECK)
        )
        self._drop_nothing_choice()
        self.fields.load(row)
        if not row:
            self.fields.result.setCurrentIndex(0)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)

    def _drop_nothing_choice(self) -> None:
        """A check being added always has a result."""
        if self.fields.result.itemData(0) is None:
            self.fields.result.removeItem(0)

    def _on_kind_changed(self) -> None:
        key = self.kind.currentData()
        self.fields.set_kind(self._kinds.get(key, CHECK), self._months.get(key))
        self._drop_nothing_choice()
        self.fields.validate()

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
            "completed_on", self.tr("C&ompleted on:"), date_edit()
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
    def __init__(
        self, volunteer_id: int, households: list[tuple[int, str]], parent: QWidget | None = None
    ):
        super().__init__(self.tr("Log hours"), parent)
        self.volunteer_id = volunteer_id
        self.worked_on = self.form.add_field("worked_on", self.tr("&Date:"), date_edit())
        self.hours = self.form.add_field("hours", self.tr("&Hours:"), QLineEdit())
        self.hours.setPlaceholderText(self.tr("1.5 or 1:30"))
        self.activity = self.form.add_field("activity", self.tr("&Activity:"), QComboBox())
        self.activity.setEditable(True)
        self.activity.addItems([self.tr(a) for a in HOURS_ACTIVITIES])
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
            self.form.set_problem("hours", error_words(error))

    def value(self) -> HoursInput:
        return HoursInput(
            volunteer_id=self.volunteer_id,
            worked_on=self.worked_on.value(),
            minutes=parse_hours(self.hours.text()),
            activity=self.activity.currentText(),
            household_id=self.household.currentData(),
        )
