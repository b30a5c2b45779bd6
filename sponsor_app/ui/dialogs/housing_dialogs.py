"""Forms for a property, a tenancy and an inspection."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ... import clock
from ...domain.enums import RentFrequency, TenancyStatus
from ...domain.periods import add_months
from ...services.households.housing import (
    INSPECTION_KINDS,
    INSPECTION_RESULTS,
    ROUTINE_INSPECTION_MONTHS,
    InspectionInput,
    InspectionRow,
    PropertyInput,
    PropertyRow,
    TenancyInput,
    TenancyRow,
)
from ..widgets.date_field import required_date
from ..widgets.form import FormDialog
from ..widgets.money_edit import MoneyEdit
from ..widgets.optional_date import OptionalDateEdit


class PropertyDialog(FormDialog):
    def __init__(self, row: PropertyRow | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Edit property") if row else self.tr("Add property"), parent)
        form = self.form
        self.address = form.add_field("address", self.tr("&Address:"), QLineEdit())
        self.town = form.add_field("town", self.tr("&Town or suburb:"), QLineEdit())
        self.town.setToolTip(
            self.tr("Anonymised reports show only this, never the street address.")
        )
        self.kind = form.add_field("kind", self.tr("T&ype:"), QComboBox())
        self.kind.setEditable(True)
        self.kind.addItems(
            [self.tr("House"), self.tr("Flat"), self.tr("Townhouse"), self.tr("Social housing")]
        )
        self.bedrooms = form.add_field("bedrooms", self.tr("&Bedrooms:"), QSpinBox())
        self.bedrooms.setRange(0, 20)
        # 0 is "not known" and says so: a silent 0 bedrooms was saved for houses with three.
        self.bedrooms.setSpecialValueText(self.tr("Not known"))
        self.landlord = form.add_field("landlord", self.tr("&Landlord or provider:"), QLineEdit())
        self.landlord_contact = form.add_field(
            "landlord_contact", self.tr("Landlord &contact:"), QLineEdit()
        )
        self.notes = form.add_field("notes", self.tr("&Notes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        if row:
            self.form.load(row)
        self.address.textChanged.connect(
            lambda text: self.form.set_problem(
                "address", None if text.strip() else self.tr("Enter the address.")
            )
        )

    def value(self) -> PropertyInput:
        return PropertyInput(**self.form.values())


class TenancyDialog(FormDialog):
    def __init__(
        self,
        property_id: int,
        currency: str,
        locale: str,
        households: list[tuple[int, str]],
        row: TenancyRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Edit tenancy") if row else self.tr("Add tenancy"), parent)
        self.property_id = property_id
        form = self.form
        self.household = form.add_field("household", self.tr("&Household:"), QComboBox())
        self.household.addItem(self.tr("(not yet chosen)"), None)
        for household_id, code in households:
            self.household.addItem(code, household_id)
        self.status = form.add_field("status", self.tr("&Status:"), QComboBox())
        for status in TenancyStatus:
            self.status.addItem(status.label, status.value)
        self.lease_start = form.add_field(
            "lease_start", self.tr("Lease &start:"), OptionalDateEdit(self.tr("Not yet"))
        )
        self.lease_end = form.add_field(
            "lease_end", self.tr("Lease &end:"), OptionalDateEdit(self.tr("No end date"))
        )
        self.rent = form.add_field("rent", self.tr("&Rent:"), MoneyEdit(currency, locale))
        self.frequency = form.add_field("rent_frequency", self.tr("&Paid:"), QComboBox())
        for frequency in RentFrequency:
            self.frequency.addItem(frequency.label, frequency.value)
        self.group_share = form.add_field(
            "group_share", self.tr("&Group pays:"), MoneyEdit(currency, locale)
        )
        self.group_share.setToolTip(
            self.tr("The group's share of each payment; the household pays the rest.")
        )
        self.bond = form.add_field("bond", self.tr("B&ond:"), MoneyEdit(currency, locale))
        self.bond_holder = form.add_field("bond_holder", self.tr("Bond &held by:"), QLineEdit())
        for name, edit in (
            ("rent", self.rent),
            ("group_share", self.group_share),
            ("bond", self.bond),
        ):
            edit.problem_changed.connect(
                lambda message, n=name: self.form.set_problem(n, message or None)
            )
        for widget in (self.lease_start, self.lease_end):
            widget.changed.connect(self._on_dates_changed)
        self._load(row)

    def _load(self, row: TenancyRow | None) -> None:
        """The tenancy's values, or a new one's: secured, from today, with no end date."""
        if row is not None:
            self.household.setCurrentIndex(max(self.household.findData(row.household_id), 0))
            self.status.setCurrentIndex(self.status.findData(row.status.value))
            self.lease_start.set_value(row.lease_start)
            self.lease_end.set_value(row.lease_end)
            self.rent.set_value(row.rent)
            self.frequency.setCurrentIndex(self.frequency.findData(row.rent_frequency.value))
            self.group_share.set_value(row.group_share)
            self.bond.set_value(row.bond)
            self.bond_holder.setText(row.bond_holder)
        else:
            self.status.setCurrentIndex(self.status.findData(TenancyStatus.SECURED.value))
            self.lease_start.set_value(clock.today())
            self.lease_end.set_value(None)

    def _on_dates_changed(self) -> None:
        start, end = self.lease_start.value(), self.lease_end.value()
        bad = start and end and end < start
        self.form.set_problem(
            "lease_end",
            self.tr("The lease must end on or after the day it starts.") if bad else None,
        )

    def value(self) -> TenancyInput:
        return TenancyInput(
            property_id=self.property_id,
            status=TenancyStatus(self.status.currentData()),
            rent=self.rent.value("rent"),
            rent_frequency=RentFrequency(self.frequency.currentData()),
            group_share=self.group_share.value("group_share"),
            household_id=self.household.currentData(),
            lease_start=self.lease_start.value(),
            lease_end=self.lease_end.value(),
            bond=self.bond.value("bond"),
            bond_holder=self.bond_holder.text(),
        )


class InspectionDialog(FormDialog):
    """Record or correct an inspection. The next one follows the inspection's date (three
    months on, as routine inspections go) until a person types another date."""

    def __init__(
        self, tenancy_id: int, parent: QWidget | None = None, row: InspectionRow | None = None
    ):
        super().__init__(
            self.tr("Edit inspection") if row else self.tr("Record an inspection"), parent
        )
        self.tenancy_id = tenancy_id
        self._default_next: date | None = None
        form = self.form
        self.inspected_on = form.add_field(
            "inspected_on", self.tr("&Date:"), required_date(latest=clock.today())
        )
        self.kind = form.add_field("kind", self.tr("&Kind:"), QComboBox())
        for kind in INSPECTION_KINDS:
            self.kind.addItem(self.tr(kind.capitalize()), kind)
        self.result = form.add_field("result", self.tr("&Result:"), QComboBox())
        for result in INSPECTION_RESULTS:
            self.result.addItem(self.tr(result.capitalize()), result)
        self.issues = form.add_field("issues", self.tr("&Issues found:"), QPlainTextEdit())
        self.follow_up = form.add_field("follow_up", self.tr("&Follow-up:"), QPlainTextEdit())
        for edit in (self.issues, self.follow_up):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(60)
        self.next_due = form.add_field(
            "next_due", self.tr("&Next inspection:"), OptionalDateEdit(self.tr("None planned"))
        )
        self.next_due.set_value(None, fallback=clock.today().replace(day=1))
        if row is not None:
            self.form.load(row)
        else:
            self._follow_inspection()
        self.inspected_on.changed.connect(self._follow_inspection)

    def _follow_inspection(self, *_args) -> None:
        current = self.next_due.value()
        if current is not None and current != self._default_next:
            return  # a date the person chose stays
        inspected = self.inspected_on.value()
        if inspected is not None:
            self._default_next = add_months(inspected, ROUTINE_INSPECTION_MONTHS)
            self.next_due.set_value(self._default_next)

    def value(self) -> InspectionInput:
        return InspectionInput(self.tenancy_id, **self.form.values())
