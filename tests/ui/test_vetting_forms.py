"""Issue 19 items 3, 4 and 13, driven as a person would: a visit with a volunteer whose vetting
lapsed asks first; each requirement's form speaks its kind's words; dates say what is wrong."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sponsor_app.domain.enums import CheckResult
from sponsor_app.services.plan.checkins import list_check_ins
from sponsor_app.services.roster.vetting import list_checks
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.ui.dialogs.contact_dialogs import CheckInDialog
from sponsor_app.ui.dialogs.volunteer_dialogs import CheckDialog, VolunteerDialog

from .conftest import TODAY, leave, on_next_modal, type_date, type_into

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _lapsed(store):
    return next(
        v for v in list_volunteers(store, today=TODAY) if v.active and not v.vetting.may_meet_family
    )


def _tick(qtbot, listing, name: str) -> None:
    """Move to the volunteer's line and press Space, as a keyboard user ticks it."""
    listing.setFocus()
    row = next(i for i in range(listing.count()) if listing.item(i).text().startswith(name))
    listing.setCurrentRow(row)
    qtbot.keyClick(listing, Qt.Key.Key_Space)


def _choose(qtbot, combo, text: str) -> None:
    """Pick an entry with the keyboard: focus the box, then Down or Up until it shows."""
    combo.setFocus()
    wanted = combo.findText(text)
    assert wanted >= 0, [combo.itemText(i) for i in range(combo.count())]
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != wanted:
        qtbot.keyClick(combo, key)


def test_a_visit_with_a_volunteer_whose_vetting_lapsed_asks_first(window, qtbot, small_demo):
    """Item 3: the check-in accepted a volunteer whose vetting had lapsed with no word."""
    window.open_file(small_demo)
    store = window.context.store
    lapsed = _lapsed(store)
    window.show_page("plan")
    page = window.page("plan")
    _choose(
        qtbot,
        page.household,
        next(
            page.household.itemText(i)
            for i in range(page.household.count())
            if "H1" in page.household.itemText(i)
        ),
    )
    page.tabs.setCurrentIndex(1)
    before = len(list_check_ins(store))
    seen = {}

    def refuse(box: QMessageBox) -> None:
        seen["question"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    def accept(box: QMessageBox) -> None:
        record = next(b for b in box.buttons() if b.text().replace("&", "") == "Record anyway")
        record.click()

    def fill(dialog: CheckInDialog):
        assert dialog.vetting_note.isHidden()
        _tick(qtbot, dialog.present, lapsed.full_name)
        seen["note"] = dialog.vetting_note.text()
        seen["note shown"] = not dialog.vetting_note.isHidden()
        with on_next_modal(qtbot, refuse):
            _save(qtbot, dialog)
        seen["still open"] = dialog.isVisible()
        seen["after refusing"] = len(list_check_ins(store))
        with on_next_modal(qtbot, accept):
            _save(qtbot, dialog)

    page.check_ins.table.setFocus()
    with on_next_modal(qtbot, fill):
        qtbot.keyClick(page.check_ins.table, Qt.Key.Key_C, CTRL | SHIFT)
    assert seen["note shown"] and lapsed.full_name in seen["note"]
    assert "meets the family" in seen["note"]
    assert (
        lapsed.full_name in seen["question"]
        and "Record the check-in as it happened" in seen["question"]
    )
    assert seen["still open"] and seen["after refusing"] == before
    assert len(list_check_ins(store)) == before + 1
    # The dashboard counts it with the family-facing work done without current vetting.
    window.show_page(0)
    card = window.dashboard.lapsed
    listed = [card.model.row_at(r) for r in range(card.model.rowCount())]
    assert any(
        item.check_in_id is not None and item.volunteer == lapsed.full_name for item in listed
    )


def test_a_phone_call_is_not_family_facing(window, qtbot, small_demo):
    window.open_file(small_demo)
    store = window.context.store
    lapsed = _lapsed(store)
    window.show_page("plan")
    page = window.page("plan")
    page.tabs.setCurrentIndex(1)
    page.household.setCurrentIndex(1)
    before = len(list_check_ins(store))

    def fill(dialog: CheckInDialog):
        _choose(qtbot, dialog.kind, "Call")
        _tick(qtbot, dialog.present, lapsed.full_name)
        assert dialog.vetting_note.isHidden()
        _save(qtbot, dialog)  # no question: it closes

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.check_ins.buttons.itemAt(1).widget(), Qt.MouseButton.LeftButton)
    assert len(list_check_ins(store)) == before + 1


def test_each_requirement_has_the_words_and_fields_of_its_kind(window, qtbot, small_demo):
    """Item 4: the statement offered "Cleared / Applied, waiting / Not cleared"."""
    window.open_file(small_demo)
    window.show_page("volunteers")
    page = window.volunteers
    seen = {}

    def fill(dialog: VolunteerDialog):
        statement = dialog.requirements["child_protection_statement"]
        seen["statement choices"] = [
            statement.result.itemText(i) for i in range(statement.result.count())
        ]
        seen["statement reference shown"] = statement.reference.isVisible()
        course = dialog.requirements["child_protection_elearning"]
        seen["course choices"] = [course.result.itemText(i) for i in range(course.result.count())]
        police = dialog.requirements["police_vetting"]
        _choose(qtbot, police.result, "Applied, waiting")
        seen["police date label"] = police.checked_on.accessibleName()
        _choose(qtbot, statement.result, "Signed")
        seen["statement date label"] = statement.checked_on.accessibleName()
        type_into(qtbot, dialog.full_name, "Sina Taufa")
        type_date(qtbot, police.checked_on, date(2026, 6, 1))
        type_date(qtbot, statement.checked_on, date(2026, 6, 2))
        _save(qtbot, dialog)

    page.table.setFocus()
    with on_next_modal(qtbot, fill):
        qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL | SHIFT)
    assert seen["statement choices"] == ["Not signed yet", "Signed"]
    assert not seen["statement reference shown"]
    assert seen["course choices"] == ["Not completed yet", "Completed"]
    assert (seen["police date label"], seen["statement date label"]) == ("Applied on", "Signed on")
    row = page.selected()
    assert row.full_name == "Sina Taufa"
    police, statement, _course = row.vetting.standings
    assert (police.state.value, police.done_on) == ("pending", date(2026, 6, 1))
    assert (statement.state.value, statement.done_on) == ("current", date(2026, 6, 2))

    # The check form changes its choices with the kind chosen.
    page.tabs.setCurrentIndex(0)
    kinds = {}

    def add_statement(dialog: CheckDialog):
        kinds["check"] = [
            dialog.fields.result.itemText(i) for i in range(dialog.fields.result.count())
        ]
        _choose(qtbot, dialog.kind, "Child Protection Statement")
        kinds["statement"] = [
            dialog.fields.result.itemText(i) for i in range(dialog.fields.result.count())
        ]
        type_date(qtbot, dialog.fields.checked_on, date(2026, 6, 3))
        _save(qtbot, dialog)

    with on_next_modal(qtbot, add_statement):
        qtbot.mouseClick(page.checks.add_button, Qt.MouseButton.LeftButton)
    assert kinds["check"] == ["Cleared", "Applied, waiting", "Not cleared"]
    assert kinds["statement"] == ["Signed"]
    statements = [
        c
        for c in list_checks(window.context.store, row.id)
        if c.kind == "child_protection_statement"
    ]
    assert [c.checked_on for c in statements][:1] == [date(2026, 6, 3)]
    assert all(c.result is CheckResult.CLEARED for c in statements)


def test_a_date_that_does_not_exist_says_so_and_only_once_reached(window, qtbot, small_demo):
    """Item 13: "31/2/2026" said "Enter the date the check cleared", and choosing Cleared
    showed that error before the date field was reached."""
    window.open_file(small_demo)
    window.show_page("volunteers")
    page = window.volunteers
    seen = {}

    def fill(dialog: VolunteerDialog):
        _save(qtbot, dialog)  # too soon: the name is missing, and the form says so
        seen["name"] = dialog.form.errors["full_name"].text()
        police = dialog.requirements["police_vetting"]
        _choose(qtbot, police.result, "Cleared")
        seen["before reaching the date"] = dialog.form.errors["police_vetting_checked_on"].text()
        qtbot.keyClick(police.result, Qt.Key.Key_Tab)  # into the date
        seen["focus"] = police.checked_on.edit.hasFocus()
        qtbot.keyClicks(police.checked_on.edit, "31/2/2026")
        qtbot.keyClick(police.checked_on.edit, Qt.Key.Key_Tab)
        seen["after"] = dialog.form.errors["police_vetting_checked_on"].text()
        leave(qtbot, dialog)

    page.table.setFocus()
    with on_next_modal(qtbot, fill):
        qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL | SHIFT)
    assert seen["name"] == "⚠ Enter the volunteer's name."
    assert seen["before reaching the date"] == ""
    assert seen["focus"]
    assert seen["after"] == "⚠ 31 February 2026 does not exist: February 2026 has 28 days."


def test_the_import_preview_says_what_the_programme_still_needs(
    window, qtbot, small_demo, tmp_path
):
    """Item 5: a "cleared" row with a date and no expiry got no expiry, and nothing said that
    the people would lack the statement and the course."""
    from .conftest import answering_message, through_preview

    window.open_file(small_demo)
    window.show_page("volunteers")
    sheet = tmp_path / "ours.csv"
    sheet.write_text(
        "Name,Email,Role,Police vetting,Vetted on\n"
        "Sefa Tuilagi,sefa@example.org,Volunteer,yes,2026-01-10\n",
        encoding="utf-8",
    )
    seen = {}

    def choose(dialog):
        seen["notes"] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        seen["expiry"] = dialog.preview.rows[0].values[7]

    with through_preview(qtbot, choose):
        window.volunteers.import_from(sheet)
    messages = []
    with answering_message(qtbot, messages):
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert seen["expiry"] == "2029-01-10"
    assert any("given the programme's 36 months" in n for n in seen["notes"])
    assert any(
        "1 of 1 person has no Child Protection Statement recorded" in n for n in seen["notes"]
    )
    row = next(v for v in list_volunteers(window.context.store) if v.full_name == "Sefa Tuilagi")
    assert row.vetting.standings[0].expires_on == date(2029, 1, 10)
