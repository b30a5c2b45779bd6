"""The Housing page: add a property, a tenancy and an inspection through the forms."""

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.ui.dialogs.housing_dialogs import InspectionDialog, PropertyDialog, TenancyDialog

from .conftest import TODAY, on_next_modal, type_date, type_into


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _qdate(day):
    return QDate(day.year, day.month, day.day)


def test_property_tenancy_and_inspection_through_the_forms_change_the_warnings(
    window, qtbot, tmp_path
):
    path = tmp_path / "housing.sponsor"
    store = create_group(path, NewGroup(name="Housing test"))
    arrival = TODAY + timedelta(days=10)
    add_household(store, HouseholdInput(code="H1", arrival_date=arrival))
    store.close()
    window.open_file(path)
    window.show_page(4)
    page = window.housing
    assert "H1 arrives on" in page.warnings.text() and "no secured tenancy" in page.warnings.text()
    assert page.property_empty.isVisible()

    def fill_property(dialog: PropertyDialog):
        _save(qtbot, dialog)
        assert "Enter the address." in dialog.form.errors["address"].text()
        qtbot.keyClicks(dialog.address, "7 Pohutukawa Grove")
        qtbot.keyClicks(dialog.town, "Gonville, Whanganui")
        dialog.bedrooms.setValue(3)
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill_property):
        qtbot.mouseClick(page.add_property_button, Qt.MouseButton.LeftButton)
    assert [p.address for p in page.properties.rows()] == ["7 Pohutukawa Grove"]

    lease_start = TODAY
    lease_end = TODAY + timedelta(days=30)

    def fill_tenancy(dialog: TenancyDialog):
        dialog.household.setCurrentIndex(dialog.household.findText("H1"))
        type_date(qtbot, dialog.lease_start, lease_start)
        type_date(qtbot, dialog.lease_end, lease_start - timedelta(days=1))
        assert "end on or after" in dialog.form.errors["lease_end"].text()
        type_date(qtbot, dialog.lease_end, lease_end)
        type_into(qtbot, dialog.rent, "12.345")
        assert "more than 2 digits" in dialog.form.errors["rent"].text()
        type_into(qtbot, dialog.rent, "550")
        type_into(qtbot, dialog.group_share, "600")
        _save(qtbot, dialog)
        assert "cannot be more than the rent" in dialog.form.errors["group_share"].text()
        dialog.group_share.clear()
        qtbot.keyClicks(dialog.group_share, "275.50")
        qtbot.keyClicks(dialog.bond, "2,200")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill_tenancy):
        qtbot.mouseClick(page.add_tenancy_button, Qt.MouseButton.LeftButton)
    (tenancy,) = page.tenancies.rows()
    assert (tenancy.household_code, tenancy.group_share.minor, tenancy.household_share.minor) == (
        "H1",
        27550,
        27450,
    )
    assert tenancy.bond.minor == 220000
    text = page.warnings.text()
    assert "no secured tenancy" not in text
    assert "ends in 30 days" in text  # a 30-day lease: now the lease-ending warning shows

    def fill_inspection(dialog: InspectionDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("pre-arrival"))
        dialog.result.setCurrentIndex(dialog.result.findData("issues found"))
        _save(qtbot, dialog)
        assert "Say what the issues were." in dialog.form.errors["issues"].text()
        qtbot.keyClicks(dialog.issues, "Smoke alarm missing in bedroom 2")
        type_date(qtbot, dialog.inspected_on, TODAY - timedelta(days=20))
        type_date(qtbot, dialog.next_due, TODAY - timedelta(days=1))
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill_inspection):
        qtbot.mouseClick(page.add_inspection_button, Qt.MouseButton.LeftButton)
    assert page.inspections.rowCount() == 1
    assert "inspection at 7 Pohutukawa Grove was due" in page.warnings.text()

    # tick the first move-in item; the progress follows, and undo takes it back
    first = page.checklist.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    assert page.progress.value() == 1
    window.undo_action.trigger()
    assert page.progress.value() == 0
