"""The fields of one vetting requirement (a check, a signed statement or a course): what it
was recorded as, when, its reference and expiry. The volunteer form shows one per requirement;
the check form shows one for the kind chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
)

from ... import clock
from ...domain.enums import CheckResult
from ...domain.vetting import RequirementKind, default_expiry
from ...services.roster.volunteers import (
    CheckInput,
    CheckRow,
    RequirementRecord,
)
from ..widgets.date_field import required_date
from ..widgets.form import ValidatedForm
from ..widgets.optional_date import OptionalDateEdit

CHECK = RequirementKind.CHECK

# What each sort of requirement can be recorded as, in its own words (issue 19: a signed
# statement is signed or not; it is never "applied, waiting").
CHOICES = {
    RequirementKind.CHECK: [
        (None, QT_TRANSLATE_NOOP("CheckFields", "No check recorded")),
        (CheckResult.CLEARED, QT_TRANSLATE_NOOP("CheckFields", "Cleared")),
        (CheckResult.PENDING, QT_TRANSLATE_NOOP("CheckFields", "Applied, waiting")),
        (CheckResult.NOT_CLEARED, QT_TRANSLATE_NOOP("CheckFields", "Not cleared")),
    ],
    RequirementKind.STATEMENT: [
        (None, QT_TRANSLATE_NOOP("CheckFields", "Not signed yet")),
        (CheckResult.CLEARED, QT_TRANSLATE_NOOP("CheckFields", "Signed")),
    ],
    RequirementKind.TRAINING: [
        (None, QT_TRANSLATE_NOOP("CheckFields", "Not completed yet")),
        (CheckResult.CLEARED, QT_TRANSLATE_NOOP("CheckFields", "Completed")),
    ],
}


def date_edit(day: date | None = None):
    return required_date(day, latest=clock.today())


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckFields", text)


class CheckFields:
    """One requirement's fields, in the words of its kind: a check (result, checked or applied
    on, expiry, reference), a signed statement (signed on) or a course (completed on, expiry,
    certificate), validated as they change. Where the programme says how long it lasts, the
    expiry follows the date until a person types another (a cleared check left at "does not
    expire" never warns anyone)."""

    def __init__(
        self,
        form: ValidatedForm,
        prefix: str,
        tr,
        valid_months: int | None = None,
        kind: RequirementKind = RequirementKind.CHECK,
        mnemonics: bool = True,
    ):
        # Repeated in one box per requirement, the same Alt+letter would name several fields
        # at once: there the labels have none (Tab and the mouse reach them).
        self._plain = (lambda text: text) if mnemonics else (lambda text: text.replace("&", ""))
        self.prefix = prefix
        self.form = form
        self.valid_months = valid_months
        self.kind = kind
        self._default: date | None = None
        self.result = form.add_field(
            f"{prefix}result",
            self._plain(
                {
                    RequirementKind.CHECK: _tr("&Result:"),
                    RequirementKind.STATEMENT: _tr("&Signed:"),
                    RequirementKind.TRAINING: _tr("&Status:"),
                }[kind]
            ),
            QComboBox(),
        )
        self.checked_on = form.add_field(
            f"{prefix}checked_on", self._date_label(None), OptionalDateEdit(_tr("Not known"))
        )
        no_expiry = _tr("No expiry recorded") if valid_months else _tr("Does not expire")
        self.expires_on = form.add_field(
            f"{prefix}expires_on", self._plain(_tr("E&xpires on:")), OptionalDateEdit(no_expiry)
        )
        self.reference = form.add_field(
            f"{prefix}reference",
            self._plain(
                _tr("Certi&ficate:") if kind is RequirementKind.TRAINING else _tr("Re&ference:")
            ),
            QLineEdit(),
        )
        self.set_kind(kind, valid_months)
        for widget in (self.checked_on, self.expires_on):
            widget.changed.connect(self.validate)
        self.checked_on.changed.connect(self._follow_check_date)
        self.result.currentIndexChanged.connect(self._follow_check_date)
        self.result.currentIndexChanged.connect(self._on_result_changed)
        self.checked_on.set_value(None)
        self.expires_on.set_value(None)

    def set_kind(self, kind: RequirementKind, valid_months: int | None) -> None:
        """Offer the choices and fields of this sort of requirement (the check form changes
        them when another kind is chosen)."""
        self.kind, self.valid_months = kind, valid_months
        current = self.result.currentData()
        self.result.blockSignals(True)
        self.result.clear()
        for value, label in CHOICES[kind]:
            self.result.addItem(_tr(label), value)
        self.result.setCurrentIndex(max(self.result.findData(current), 0))
        self.result.blockSignals(False)
        # A statement has no reference, and an expiry only when the programme sets one.
        self.form.setRowVisible(
            self.reference.parentWidget(), kind is not RequirementKind.STATEMENT
        )
        self.form.setRowVisible(
            self.expires_on.parentWidget(),
            kind is not RequirementKind.STATEMENT or bool(valid_months),
        )
        self.expires_on.setToolTip(
            QCoreApplication.translate(
                "CheckFields",
                "The programme says this lasts %n month(s): the expiry follows the date unless "
                "you type another.",
                "",
                valid_months,
            )
            if valid_months
            else ""
        )
        self._on_result_changed()

    def _date_label(self, result) -> str:
        if self.kind is RequirementKind.STATEMENT:
            text = _tr("Signed &on:")
        elif self.kind is RequirementKind.TRAINING:
            text = _tr("Completed &on:")
        elif result == CheckResult.PENDING:
            text = _tr("Applied &on:")
        else:
            text = _tr("Checked &on:")
        return self._plain(text)

    def _on_result_changed(self, *_args) -> None:
        label = self.form.labelForField(self.checked_on.parentWidget())
        if label is not None:
            text = self._date_label(self.result.currentData())
            label.setText(text)
            self.checked_on.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.validate()

    def _follow_check_date(self, *_args) -> None:
        if not self.valid_months or self.result.currentData() != CheckResult.CLEARED:
            return
        current = self.expires_on.value()
        if current is not None and current != self._default:
            return  # a date the person chose stays
        following = default_expiry(self.checked_on.value(), self.valid_months)
        if following is not None:  # half-typed dates ("10/01/202") change nothing
            self._default = following
            self.expires_on.set_value(following)

    def load(self, row: CheckRow | RequirementRecord | None) -> None:
        self.result.setCurrentIndex(max(self.result.findData(row.result if row else None), 0))
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
            self.reference.text() if self.kind is not RequirementKind.STATEMENT else "",
            self.kind,
        )

    def validate(self) -> None:
        enabled = self.result.currentData() is not None
        for widget in (self.checked_on, self.expires_on, self.reference):
            widget.setEnabled(enabled)
        value = self.value("check")
        problems = value.problems(self.prefix) if value else []
        for name, widget in (("checked_on", self.checked_on), ("expires_on", self.expires_on)):
            field = f"{self.prefix}{name}"
            # A date typed that is no date ("31/2/2026") says so, rather than "enter the date".
            own = widget.problem() if enabled and widget.edit.text().strip() else None
            self.form.set_problem(
                field, own or " ".join(p.message for p in problems if p.field == field) or None
            )
