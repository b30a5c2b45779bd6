"""Issue 19 item 10: Edit ▸ History in the window, driven by keyboard and mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sponsor_app.services.households.households import (
    HouseholdInput,
    add_household,
    edit_household,
    list_households,
)
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, edit_volunteer
from sponsor_app.ui.dialogs.history_dialog import HistoryDialog

from .conftest import answering_message

CTRL = Qt.KeyboardModifier.ControlModifier


def _history(window, qtbot) -> HistoryDialog:
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # it asks for focus, as a window manager gives it
    return dialog


def _shown(dialog) -> list[str]:
    return [dialog.changes.row_at(r).description for r in range(dialog.changes.rowCount())]


def _choose(qtbot, combo, text: str) -> None:
    combo.setFocus()
    wanted = combo.findText(text)
    assert wanted >= 0, text
    while combo.currentIndex() != wanted:
        qtbot.keyClick(combo, Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up)


def _answer_next(qtbot, button):
    """Press `button` on the next message box that opens (a question asked by exec())."""
    from .conftest import on_next_modal

    def handle(box: QMessageBox) -> None:
        box.button(button).click()

    return on_next_modal(qtbot, handle)


def test_history_lists_filters_shows_rows_and_reverts(window, qtbot, store, qtmodeltester):
    h1 = add_household(store, HouseholdInput("H1", family_name="Haidari"))
    add_household(store, HouseholdInput("H2", family_name="Okafor"))
    aroha = add_volunteer(store, VolunteerInput("Aroha Ngata", ("volunteer",)))
    edit_household(store, h1.id, HouseholdInput("H1", family_name="Haidari", town="Porirua"))
    edit_volunteer(
        store, aroha.id, VolunteerInput("Aroha Ngata", ("volunteer",), phone="021 555 0101")
    )
    path = store.path
    store.close()
    window.open_file(path)
    dialog = _history(window, qtbot)
    assert dialog.accessibleName() == "History of changes"
    shown = _shown(dialog)
    # Newest first, with who and when.
    assert shown[0] == "Edit volunteer Aroha Ngata" and shown[-1].startswith("Create the group")
    first = dialog.changes.row_at(0)
    assert first.actor == "tester"
    assert dialog.changes.index(0, 0).data()  # when, in local time

    # Filter by household: only what touched H1 (itself and its tasks).
    _choose(qtbot, dialog.household, "H1")
    assert _shown(dialog) == ["Edit household H1", "Add household H1"]
    # The rows the selected change touched, before and after.
    dialog.change_table.setFocus()
    qtbot.keyClick(dialog.change_table, Qt.Key.Key_Home, CTRL)
    (row,) = [dialog.rows.row_at(r) for r in range(dialog.rows.rowCount())]
    assert (row.table, row.action) == ("household", "update")
    assert dialog.rows.index(0, 3).data() == "town: "
    assert dialog.rows.index(0, 4).data() == "town: Porirua"
    _choose(qtbot, dialog.household, "Any household")

    # By volunteer, and by kind of record.
    _choose(qtbot, dialog.volunteer, "Aroha Ngata")
    assert _shown(dialog) == ["Edit volunteer Aroha Ngata", "Add volunteer Aroha Ngata"]
    _choose(qtbot, dialog.volunteer, "Any volunteer")
    _choose(qtbot, dialog.record, "Household")
    assert all("household" in d.lower() for d in _shown(dialog))
    _choose(qtbot, dialog.record, "Any kind of record")

    # Revert the phone change: asked first, then done, and itself undoable.
    dialog.change_table.setFocus()
    qtbot.keyClick(dialog.change_table, Qt.Key.Key_Home, CTRL)
    with _answer_next(qtbot, QMessageBox.StandardButton.Yes):
        qtbot.keyClick(dialog.change_table, Qt.Key.Key_R, CTRL)
    from sponsor_app.services.roster.volunteers import list_volunteers

    (person,) = list_volunteers(window.context.store)
    assert person.phone == ""
    assert _shown(dialog)[0].startswith("Revert change")
    assert window.undo_action.isEnabled()

    # Reverting the household's creation now would lose the edit made since: refused, with
    # the command line's own sentence, and nothing changes.
    _choose(qtbot, dialog.household, "H1")
    dialog.change_table.setFocus()
    qtbot.keyClick(dialog.change_table, Qt.Key.Key_End, CTRL)
    assert dialog.selected().description == "Add household H1"
    seen: list[str] = []
    with _answer_next(qtbot, QMessageBox.StandardButton.Yes), answering_message(qtbot, seen):
        qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert "revert that first" in seen[0], seen
    assert "Porirua" in [h.town for h in list_households(window.context.store)]
    qtmodeltester.check(dialog.changes, force_py=True)
    qtmodeltester.check(dialog.rows, force_py=True)
    dialog.close()
    assert QApplication.activeModalWidget() is None


def test_history_has_its_shortcut_in_the_edit_menu(window, qtbot, store):
    path = store.path
    store.close()
    window.open_file(path)
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    assert window.history_action.isEnabled()
    window.close_file()
    assert not window.history_action.isEnabled()
