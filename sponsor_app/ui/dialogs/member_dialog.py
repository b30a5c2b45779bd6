"""Add or edit one member of a household."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from ...services.households import MemberInput, MemberRow
from ..widgets.form import FormDialog
from ..widgets.optional_date import OptionalDateEdit


class MemberDialog(FormDialog):
    def __init__(
        self,
        household_code: str,
        row: MemberRow | None = None,
        parent: QWidget | None = None,
        principal: str | None = None,
    ):
        """`principal`: the household's principal applicant now, if it has one."""
        title = self.tr("Edit member of {}") if row else self.tr("Add member to {}")
        super().__init__(title.format(household_code), parent)
        self.full_name = self.form.add_field("full_name", self.tr("&Name:"), QLineEdit())
        self.relationship = self.form.add_field(
            "relationship_to_principal", self.tr("&Relationship:"), QLineEdit()
        )
        self.relationship.setPlaceholderText(self.tr("principal, spouse, daughter..."))
        self.date_of_birth = self.form.add_field(
            "date_of_birth", self.tr("Date of &birth:"), OptionalDateEdit(self.tr("Not known"))
        )
        self.principal = self.form.add_field(
            "is_principal",
            self.tr("&Principal applicant:"),
            QCheckBox(self.tr("one per household")),
        )
        self.principal_note = QLabel()
        self.principal_note.setWordWrap(True)
        self.principal_note.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow("", self.principal_note)
        self._principal_now = principal
        if row:
            self.full_name.setText(row.full_name)
            self.relationship.setText(row.relationship_to_principal)
            self.date_of_birth.set_value(row.date_of_birth)
            self.principal.setChecked(row.is_principal)
        else:
            self.date_of_birth.set_value(None)
            self.principal.setChecked(principal is None)  # the first member, by default
        self.full_name.textChanged.connect(self._on_name_edited)
        self.principal.toggled.connect(lambda _: self._show_principal_note(row))
        self._show_principal_note(row)

    def _show_principal_note(self, row: MemberRow | None) -> None:
        taking_over = (
            self.principal.isChecked()
            and self._principal_now is not None
            and (row is None or not row.is_principal)
        )
        self.principal_note.setText(
            self.tr("{} will no longer be the principal applicant.").format(self._principal_now)
            if taking_over
            else ""
        )

    def _on_name_edited(self, text: str) -> None:
        self.form.set_problem(
            "full_name", None if text.strip() else self.tr("Enter the person's name.")
        )

    def value(self) -> MemberInput:
        return MemberInput(
            full_name=self.full_name.text(),
            relationship_to_principal=self.relationship.text(),
            date_of_birth=self.date_of_birth.value(),
            is_principal=self.principal.isChecked(),
        )
