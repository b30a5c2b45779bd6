"""Add or edit a household: code, family name, town, languages, arrival."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from ... import clock
from ...domain.validation import household_code_problems
from ...services.households.households import HouseholdInput, HouseholdRow
from ..widgets.form import FormDialog
from ..widgets.optional_date import OptionalDateEdit


class HouseholdDialog(FormDialog):
    """Collects a HouseholdInput for `save_callback`."""

    def __init__(
        self, suggested_code: str, row: HouseholdRow | None = None, parent: QWidget | None = None
    ):
        super().__init__(self.tr("Edit household") if row else self.tr("Add household"), parent)
        self.code = self.form.add_field("code", self.tr("&Code:"), QLineEdit())
        self.code.setPlaceholderText("H1")
        self.code.setToolTip(self.tr("Reports show households only by this code."))
        self.family_name = self.form.add_field("family_name", self.tr("&Family name:"), QLineEdit())
        self.town = self.form.add_field("town", self.tr("&Town or suburb:"), QLineEdit())
        self.languages = self.form.add_field("languages", self.tr("&Languages:"), QLineEdit())
        self.languages.setPlaceholderText(self.tr("Arabic; English"))
        self.arrival = self.form.add_field(
            "arrival_date", self.tr("&Arrival:"), OptionalDateEdit(self.tr("Not known yet"))
        )
        self.confirmed = self.form.add_field(
            "arrival_confirmed", self.tr("Arrival conf&irmed:"), QCheckBox()
        )
        self.notes = self.form.add_field("notes", self.tr("&Notes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)

        if row:
            self.form.load(row)
        else:
            self.code.setText(suggested_code)
            self.arrival.set_value(None, fallback=clock.today() + timedelta(weeks=12))
        self.code.textChanged.connect(self._on_code_edited)

    def _on_code_edited(self, text: str) -> None:
        problems = household_code_problems("code", text)
        self.form.set_problem("code", problems[0].message if problems else None)

    def value(self) -> HouseholdInput:
        return HouseholdInput(**self.form.values())
