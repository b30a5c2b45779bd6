"""Issue 12, item 10: defaults that tripped people up, driven through the real forms."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sponsor_app.domain.enums import RentFrequency, TenancyStatus
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger import list_categories
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.households.housing import (
    InspectionInput,
    PropertyInput,
    TenancyInput,
    add_inspection,
    add_property,
    add_tenancy,
    list_inspections,
)
from sponsor_app.ui.dialogs.funds_dialogs import TransactionDialog
from sponsor_app.ui.dialogs.housing_dialogs import InspectionDialog, PropertyDialog
from sponsor_app.ui.dialogs.volunteer_dialogs import VolunteerDialog

from .conftest import TODAY, leave, on_next_modal, type_date, type_into


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_the_ticked_volunteer_role_is_in_sight(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("volunteers")
    page = window.volunteers
    seen = {}

    def look(dialog: VolunteerDialog):
        ticked = [
            dialog.roles.item(i)
            for i in range(dialog.roles.count())
            if dialog.roles.item(i).checkState() == Qt.CheckState.Checked
        ]
        seen["ticked"] = [item.text() for item in ticked]
        viewport = dialog.roles.viewport().rect()
        seen["in sight"] = all(
            viewport.contains(dialog.roles.visualItemRect(item)) for item in ticked
        )
        seen["last in sight"] = viewport.contains(
            dialog.roles.visualItemRect(dialog.roles.item(dialog.roles.count() - 1))
        )
        leave(qtbot, dialog)

    with on_next_modal(qtbot, look):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen == {"ticked": ["Volunteer"], "in sight": True, "last in sight": True}


def test_a_transaction_has_no_category_until_one_is_chosen(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.page("funds").ledger
    seen = {}

    def fill(dialog: TransactionDialog):
        seen["category"] = dialog.category.currentText()
        type_into(qtbot, dialog.amount, "45")
        _save(qtbot, dialog)
        seen["message"] = dialog.form.errors["category"].text()
        seen["open"] = dialog.isVisible()
        dialog.category.setCurrentIndex(dialog.category.findText("Food"))
        _save(qtbot, dialog)
        seen["closed"] = not dialog.isVisible()

    before = page.model.rowCount()
    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert seen["category"] == "Choose a category…"
    assert seen["message"] == "⚠ Choose a category." and seen["open"]
    assert seen["closed"] and page.model.rowCount() == before + 1


def test_bedrooms_not_known_rather_than_zero(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("housing")
    page = window.housing
    seen = {}

    def look(dialog: PropertyDialog):
        seen["bedrooms"] = dialog.bedrooms.text()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, look):
        qtbot.mouseClick(page.add_property_button, Qt.MouseButton.LeftButton)
    assert seen["bedrooms"] == "Not known"


def _tenancy(tmp_path):
    path = tmp_path / "inspections.sponsor"
    store = create_group(path, NewGroup(name="Inspections"))
    household = add_household(store, HouseholdInput(code="H1", arrival_date=TODAY))
    home = add_property(store, PropertyInput("4 Rātā Street", "Otaki", bedrooms=3))
    rent = Money(45000, "NZD")
    tenancy_id = add_tenancy(
        store,
        TenancyInput(
            home.id,
            TenancyStatus.OCCUPIED,
            rent,
            RentFrequency.WEEKLY,
            rent,
            household.id,
            TODAY - timedelta(days=60),
        ),
    )
    return path, store, tenancy_id


def test_the_next_inspection_follows_the_inspection_and_an_inspection_can_be_edited(
    window, qtbot, tmp_path
):
    path, store, tenancy_id = _tenancy(tmp_path)
    add_inspection(
        store, InspectionInput(tenancy_id, date(2026, 5, 2), "routine", "issues found", "Mould")
    )
    store.close()
    window.open_file(path)
    window.show_page("housing")
    page = window.housing
    seen = {}

    def record(dialog: InspectionDialog):
        type_date(qtbot, dialog.inspected_on, date(2026, 6, 10))
        seen["next"] = dialog.next_due.value()
        type_date(qtbot, dialog.next_due, date(2026, 8, 1))
        type_date(qtbot, dialog.inspected_on, date(2026, 6, 12))
        seen["kept"] = dialog.next_due.value()  # a date the person typed stays
        _save(qtbot, dialog)

    page.tenancy_table.selectRow(0)
    with on_next_modal(qtbot, record):
        qtbot.mouseClick(page.add_inspection_button, Qt.MouseButton.LeftButton)
    assert seen == {"next": date(2026, 9, 10), "kept": date(2026, 8, 1)}

    def correct(dialog: InspectionDialog):
        seen["title"] = dialog.windowTitle()
        seen["loaded"] = dialog.issues.toPlainText()
        type_into(qtbot, dialog.issues, "Mould in the bathroom, treated")
        _save(qtbot, dialog)

    older = page.inspection_table.model().index(1, 0)  # newest first: the May inspection
    page.inspection_table.setCurrentIndex(older)
    with on_next_modal(qtbot, correct):
        qtbot.mouseClick(page.edit_inspection_button, Qt.MouseButton.LeftButton)
    assert seen["title"] == "Edit inspection" and seen["loaded"] == "Mould"
    issues = [i.issues for i in list_inspections(window.context.store, tenancy_id)]
    assert issues == ["", "Mould in the bathroom, treated"]
    window.undo_action.trigger()
    issues = [i.issues for i in list_inspections(window.context.store, tenancy_id)]
    assert issues == ["", "Mould"]


def test_new_zealand_groups_have_a_koha_category(tmp_path):
    store = create_group(tmp_path / "koha.sponsor", NewGroup(name="Koha"))
    try:
        names = [c.name for c in list_categories(store) if c.kind.value == "income"]
    finally:
        store.close()
    assert "Koha" in names
