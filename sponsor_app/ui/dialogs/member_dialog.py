"""Add or edit one member of a household.

Health and immigration notes are sensitive: hidden until someone asks to see them ("Show
Sensitive Details"), which the file's history records; a save that never showed them leaves
them as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import SponsorDeskError
from ...domain.text import isolate
from ...services.households.households import MemberInput, MemberRow, SensitiveDetails
from ..errors import show_known_error
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
        self.reveal_callback: Callable[[], SensitiveDetails] | None = None
        self._build_sensitive(row)
        if row:
            self.form.load(row)
        else:
            self.date_of_birth.set_value(None)
            self.principal.setChecked(principal is None)  # the first member, by default
        self.full_name.textChanged.connect(self._on_name_edited)
        self.principal.toggled.connect(lambda _: self._show_principal_note(row))
        self._show_principal_note(row)

    def _build_sensitive(self, row: MemberRow | None) -> None:
        box = QGroupBox(self.tr("Sensitive details"))
        column = QVBoxLayout(box)
        held = row is not None and row.has_sensitive_details
        self.sensitive_note = QLabel(
            self.tr(
                "Health and immigration notes are hidden. Showing them is recorded in the "
                "file's history (who, and when). They never appear in exports or anonymised "
                "reports."
            )
            + (" " + self.tr("This person has some.") if held else "")
        )
        self.sensitive_note.setWordWrap(True)
        column.addWidget(self.sensitive_note)
        self.show_sensitive = QPushButton(
            self.tr("&Show Sensitive Details") if row else self.tr("Add &Sensitive Details")
        )
        column.addWidget(self.show_sensitive)
        self.health = QPlainTextEdit()
        self.health.setAccessibleName(self.tr("Health notes"))
        self.health.setPlaceholderText(self.tr("Health notes"))
        self.immigration = QPlainTextEdit()
        self.immigration.setAccessibleName(self.tr("Immigration notes"))
        self.immigration.setPlaceholderText(self.tr("Immigration notes"))
        for editor in (self.health, self.immigration):
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(70)
            editor.setVisible(False)
            column.addWidget(editor)
        self._layout.insertWidget(self._layout.count() - 1, box)
        self.revealed = False
        self._row = row
        self.show_sensitive.clicked.connect(self._on_show_sensitive)

    def _on_show_sensitive(self) -> None:
        if self._row is not None:
            if self.reveal_callback is None:
                return
            try:
                shown = self.reveal_callback()  # recorded in the history
            except SponsorDeskError as error:
                show_known_error(self, error)
                return
            self.health.setPlainText(shown.health_notes)
            self.immigration.setPlainText(shown.immigration_notes)
        self.revealed = True
        self.show_sensitive.setVisible(False)
        for editor in (self.health, self.immigration):
            editor.setVisible(True)
        self.health.setFocus()

    def _show_principal_note(self, row: MemberRow | None) -> None:
        taking_over = (
            self.principal.isChecked()
            and self._principal_now is not None
            and (row is None or not row.is_principal)
        )
        self.principal_note.setText(
            self.tr("{} will no longer be the principal applicant.").format(
                isolate(self._principal_now)
            )
            if taking_over
            else ""
        )

    def _on_name_edited(self, text: str) -> None:
        self.form.set_problem(
            "full_name", None if text.strip() else self.tr("Enter the person's name.")
        )

    def value(self) -> MemberInput:
        return MemberInput(
            **self.form.values(),
            health_notes=self.health.toPlainText() if self.revealed else None,
            immigration_notes=self.immigration.toPlainText() if self.revealed else None,
        )
