"""The Volunteers page driven as a person would."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.plan import plan_task
from sponsor_app.services.roster.vetting import TrainingInput, add_check, add_training
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    list_volunteers,
)
from sponsor_app.ui.dialogs.plan_dialogs import TaskFormDialog
from sponsor_app.ui.dialogs.volunteer_dialogs import HoursDialog, VolunteerDialog

from .conftest import TODAY, answering_message, click, leave, on_next_modal, type_date, type_into


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _open(window, path):
    window.open_file(path)
    window.show_page(3)
    return window.volunteers


def _set_date(editor, day):
    """Type the date as a person would: 1/05/2025 in a New Zealand group."""
    editor.edit.clear()
    QTest.keyClicks(editor.edit, f"{day.day}/{day.month:02d}/{day.year}")


def test_bad_input_shows_messages_next_to_fields_and_saves_nothing(window, qtbot, small_demo):
    page = _open(window, small_demo)
    before = list_volunteers(window.context.store, include_archived=True)
    seen = {}

    def fill(dialog: VolunteerDialog):
        type_into(qtbot, dialog.email, "aroha@", leave=False)
        seen["email while typing"] = dialog.form.errors["email"].text()
        qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
        seen["email once left"] = dialog.form.errors["email"].text()
        type_into(qtbot, dialog.phone, "12")
        dialog.roles.setFocus()
        dialog.roles.findItems("Volunteer", Qt.MatchFlag.MatchExactly)[0].setCheckState(
            Qt.CheckState.Unchecked
        )
        qtbot.keyClick(dialog.roles, Qt.Key.Key_Tab)
        seen["roles once left"] = dialog.form.errors["roles"].text()
        dialog.vetting.result.setCurrentIndex(dialog.vetting.result.findData(CheckResult.CLEARED))
        type_date(qtbot, dialog.vetting.checked_on, date(2025, 5, 1))
        type_date(qtbot, dialog.vetting.expires_on, date(2025, 4, 1))
        seen["expiry once left"] = dialog.form.errors["police_vetting_expires_on"].text()
        _save(qtbot, dialog)
        seen.update({name: e.text() for name, e in dialog.form.errors.items() if e.text()})
        assert dialog.isVisible()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen["email while typing"] == ""  # not before the person has finished
    assert "not an email address" in seen["email once left"]
    assert "Choose at least one role." in seen["roles once left"]
    assert "expiry date must be after the check date" in seen["expiry once left"]
    assert {"full_name", "email", "phone", "roles", "police_vetting_expires_on"} <= set(seen)
    assert list_volunteers(window.context.store, include_archived=True) == before


def test_add_a_volunteer_and_see_the_row_with_its_status(window, qtbot, small_demo):
    page = _open(window, small_demo)
    expires = TODAY + timedelta(days=10)
    seen = {}

    def fill(dialog: VolunteerDialog):
        # The form asks for everything NZ requires of each volunteer, not only police vetting.
        seen["asked"] = [box.title() for box in dialog.findChildren(QGroupBox)]
        type_into(qtbot, dialog.full_name, "Kiri Walker")
        type_into(qtbot, dialog.email, "kiri@example.org")
        type_into(qtbot, dialog.phone, "021 555 0101")
        police = dialog.requirements["police_vetting"]
        police.result.setFocus()
        police.result.setCurrentIndex(police.result.findData(CheckResult.CLEARED))
        type_date(qtbot, police.checked_on, date(2024, 1, 10))
        # The programme's 36 months, until the person types another date.
        seen["default expiry"] = police.expires_on.value()
        type_date(qtbot, police.expires_on, expires)
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen["asked"] == [
        "Police vetting",
        "Child Protection Statement",
        "Fundamentals of Child Protection (e-learning)",
    ]
    assert seen["default expiry"] == date(2027, 1, 10)
    row = page.selected()
    assert row.full_name == "Kiri Walker" and row.roles == ("volunteer",)
    # NZ needs the statement and the course too: the roster says exactly what is missing.
    assert row.vetting_status is VettingStatus.MISSING
    current = page.table.currentIndex().row()
    # The whole names its worst requirement; each requirement has its own column.
    assert page.proxy.index(current, 2).data() == (
        "○ Missing: Child Protection Statement (+2 more)"
    )
    assert [page.proxy.index(current, c).data() for c in (3, 4, 5)] == [
        "⚠ expires 25 Jun 2026",
        "○ not signed",
        "○ not completed",
    ]
    assert page.proxy.index(current, 2).data(Qt.ItemDataRole.ToolTipRole) == (
        "Police vetting expires 25 Jun 2026; Child Protection Statement not signed; "
        "Fundamentals of Child Protection (e-learning) not completed"
    )
    add_check(
        window.context.store,
        row.id,
        CheckInput("child_protection_statement", CheckResult.CLEARED, date(2024, 1, 1)),
    )
    add_training(
        window.context.store,
        row.id,
        TrainingInput("child_protection_elearning", date(2024, 2, 1), date(2027, 2, 1)),
    )
    assert page.selected().vetting_status is VettingStatus.EXPIRING
    assert page.proxy.index(current, 2).data() == "⚠ Expiring: Police vetting, 25 Jun 2026"
    # Undoing the add now would also remove the check recorded since: refused, with a reason,
    # and the step leaves the stack. Nothing changes in the file.
    seen: list[str] = []
    with answering_message(qtbot, seen):
        window.undo_action.trigger()
    assert "Child Protection Statement" in seen[0] or "vetting check" in seen[0], seen
    assert "revert that first" in seen[0], seen
    assert "Kiri Walker" in [v.full_name for v in page.model.rows()]
    assert not window.undo_action.isEnabled()


def test_filters_and_search(window, qtbot, large_demo):
    page = _open(window, large_demo)
    total_active = sum(1 for v in page.model.rows() if v.active)
    assert page.proxy.rowCount() == total_active
    page.status_filter.setCurrentIndex(page.status_filter.findData(VettingStatus.EXPIRED))
    shown = [page.proxy.source_row(page.proxy.index(r, 0)) for r in range(page.proxy.rowCount())]
    assert shown and all(v.vetting_status is VettingStatus.EXPIRED and v.active for v in shown)
    page.status_filter.setCurrentIndex(0)
    page.role_filter.setCurrentIndex(page.role_filter.findData("finance"))
    assert [
        page.proxy.source_row(page.proxy.index(r, 0)).full_name
        for r in range(page.proxy.rowCount())
    ] == [v.full_name for v in page.model.rows() if "finance" in v.roles and v.active]
    page.role_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "kowal")
    assert page.proxy.rowCount() == 1
    assert "of 60 volunteers shown" in page.count_label.text()


def test_log_hours_through_the_form(window, qtbot, small_demo):
    page = _open(window, small_demo)
    volunteer = page.selected()
    before = page.hours.model.rowCount()

    def fill(dialog: HoursDialog):
        type_into(qtbot, dialog.hours, "1:75")
        assert "not a number of hours" in dialog.form.errors["hours"].text()
        type_into(qtbot, dialog.hours, "1.5")
        assert dialog.form.errors["hours"].text() == ""
        dialog.activity.setCurrentText("Airport pick-up")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        click(qtbot, page.hours.add_button)
    assert page.hours.model.rowCount() == before + 1
    assert page.hours.model.rows()[0].minutes == 90
    assert page.selected().id == volunteer.id
    assert "Airport pick-up: 1.5 h" in page.hours_summary.text()
    assert "Jun 2026: " in page.hours_summary.text()  # a month, never "Jun 26"


def test_vetting_rule_in_the_task_dialog(window, qtbot, tmp_path):
    from sponsor_app.services.group.groups import NewGroup, create_group

    path = tmp_path / "rule.sponsor"
    store = create_group(path, NewGroup(name="Rule"))
    add_household(store, HouseholdInput(code="H1", arrival_date=TODAY + timedelta(days=5)))
    for name, expires in (
        ("Tāne Hōhepa", TODAY - timedelta(days=2)),
        ("Mere Pōtae", TODAY + timedelta(days=400)),
    ):
        v = add_volunteer(
            store,
            VolunteerInput(
                name,
                ("welcome",),
                vetting=CheckInput(
                    "police_vetting", CheckResult.CLEARED, date(2023, 1, 1), expires
                ),
            ),
        )
        add_check(
            store,
            v.id,
            CheckInput("child_protection_statement", CheckResult.CLEARED, date(2023, 1, 1)),
        )
        add_training(
            store,
            v.id,
            TrainingInput("child_protection_elearning", date(2023, 2, 1), date(2027, 2, 1)),
        )
    store.close()
    window.open_file(path)
    task = next(
        t for t in window.dashboard.due_soon.model.rows() if t.title == "Welcome at the airport"
    )
    seen = {}

    def choose(dialog: TaskFormDialog):
        combo = dialog.assignee
        blocked = next(i for i in range(combo.count()) if combo.itemText(i).startswith("Tāne"))
        item = combo.model().item(blocked)
        seen["enabled"] = item.isEnabled()
        seen["tooltip"] = item.toolTip()
        seen["note"] = dialog.rule_note.text()
        allowed = next(i for i in range(combo.count()) if combo.itemText(i) == "Mere Pōtae")
        combo.setCurrentIndex(allowed)
        _save(qtbot, dialog)

    with on_next_modal(qtbot, choose):
        card = window.dashboard.due_soon  # Enter on the task's row, as a person opens it
        card.view.setFocus()
        row = card.model.index(card.model.rows().index(task), 0)
        card.view.setCurrentIndex(card.view.model().mapFromSource(row))
        qtbot.keyClick(card.view, Qt.Key.Key_Return)
    assert seen["enabled"] is False
    assert seen["tooltip"] == "Tāne Hōhepa: Police vetting expired 13 Jun 2026."
    assert seen["note"] == (
        "Not offered for a family-facing task: Tāne Hōhepa: Police vetting expired 13 Jun 2026."
    )
    assert plan_task(window.context.store, task.id).assignee == "Mere Pōtae"


def test_import_with_a_bad_row_changes_nothing_and_says_which(window, qtbot, small_demo, tmp_path):
    page = _open(window, small_demo)
    before = page.model.rows()
    source = tmp_path / "new.csv"
    source.write_text(
        "name,roles,email\nAna Fifita,volunteer,ana@example.org\nBad Row,pilot,\n", encoding="utf-8"
    )
    seen = []

    def read(dialog):
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
        seen.append(dialog.summary.text())
        seen.append(dialog.import_button.isEnabled())
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    with on_next_modal(qtbot, read):
        page.import_from(source)
    assert "Choose what “pilot” means" in seen[0] and seen[1] is False
    assert page.model.rows() == before


def test_waiting_is_pending_and_a_missing_expiry_is_flagged(window, qtbot, small_demo):
    page = _open(window, small_demo)

    def fill(dialog: VolunteerDialog):
        type_into(qtbot, dialog.full_name, "Aroha Ngata")
        police = dialog.requirements["police_vetting"]
        police.result.setFocus()
        police.result.setCurrentIndex(police.result.findData(CheckResult.PENDING))
        type_date(qtbot, police.checked_on, date(2026, 3, 3))
        statement = dialog.requirements["child_protection_statement"]
        statement.result.setCurrentIndex(statement.result.findData(CheckResult.CLEARED))
        type_date(qtbot, statement.checked_on, date(2026, 3, 1))
        course = dialog.requirements["child_protection_elearning"]
        course.result.setCurrentIndex(course.result.findData(CheckResult.CLEARED))
        type_date(qtbot, course.checked_on, date(2026, 2, 1))
        # Clearing the course's expiry leaves a check the programme says should lapse.
        course.expires_on.edit.clear()
        qtbot.keyClick(course.expires_on.edit, Qt.Key.Key_Tab)
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row = page.selected()
    assert row.full_name == "Aroha Ngata"
    assert row.vetting_status is VettingStatus.PENDING  # waiting, not missing
    current = page.table.currentIndex().row()
    assert page.proxy.index(current, 2).data() == "◔ Applied, waiting: Police vetting, 3 Mar 2026"
    assert page.proxy.index(current, 2).data(Qt.ItemDataRole.ToolTipRole) == (
        "Police vetting applied 3 Mar 2026, waiting; Fundamentals of Child Protection "
        "(e-learning) has no expiry date (it lasts 36 months)"
    )
    assert [page.proxy.index(current, c).data() for c in (3, 4, 5)] == [
        "◔ waiting since 3 Mar 2026",
        "✔ signed 1 Mar 2026",
        "✔ no expiry date",
    ]
