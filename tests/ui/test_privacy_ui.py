"""The privacy parts of the window, driven as a person would: File ▸ Protect with a
Passphrase (typed twice, the strength meter, the recovery code page), the prompt that opens a
protected file (three wrong tries, then a pause), Change Passphrase, Remove Protection, a
member's sensitive details, the dashboard's retention card, and an export over a file."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from sponsor_app.clock import TODAY_VARIABLE
from sponsor_app.services.files.history import list_change_sets
from sponsor_app.services.files.protection import (
    forget_keys,
    is_protected,
    protect_file,
    recovery_code_shown,
    unlock,
)
from sponsor_app.services.households.households import (
    MemberInput,
    edit_member,
    list_members,
    show_sensitive_details,
)
from sponsor_app.ui.dialogs.member_dialog import MemberDialog
from sponsor_app.ui.dialogs.passphrase_dialogs import NewPassphraseDialog, RecoveryCodeDialog
from sponsor_app.ui.dialogs.unlock_dialog import UnlockDialog

from .conftest import click, leave, press_ok, type_into

PASSPHRASE = "kumara paddock wheelbarrow"


@contextmanager
def when_shown(qtbot, kind: type, handle: Callable[[QWidget], None]):
    """Run `handle(dialog)` once a modal dialog of `kind` opens inside the block (progress
    dialogs of background work may come and go first)."""
    errors: list[BaseException] = []
    handled: list[bool] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind) or not modal.isVisible() or modal.property("claimed"):
            QTimer.singleShot(20, poll)
            return
        modal.setProperty("claimed", True)
        handled.append(True)
        modal.activateWindow()  # as a window manager would: focus and leaving a field work
        try:
            qtbot.waitUntil(modal.isActiveWindow, timeout=2000)
            handle(modal)
        except BaseException as error:
            errors.append(error)
            modal.close()

    QTimer.singleShot(0, poll)
    try:
        yield
        qtbot.waitUntil(lambda: bool(handled) or bool(errors), timeout=20_000)
    finally:
        if errors:
            raise errors[0]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _save(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_protecting_from_the_file_menu(window, qtbot, small_demo):
    window.open_file(small_demo)
    assert window.protect_action.isEnabled() and not window.change_passphrase_action.isEnabled()
    seen = {}

    def choose(dialog: NewPassphraseDialog) -> None:
        assert "cannot be recovered" in dialog.warning.text() and dialog.warning.isVisible()
        type_into(qtbot, dialog.passphrase, "password1")
        assert dialog.meter.score <= 1 and "Very weak" in dialog.meter.words.text()
        assert "Too easy to guess" in dialog.form.errors["passphrase"].text()
        type_into(qtbot, dialog.passphrase, PASSPHRASE)
        assert dialog.meter.score == 4 and "Strong" in dialog.meter.words.text()
        type_into(qtbot, dialog.again, PASSPHRASE + " ")
        _click(qtbot, _save(dialog))
        assert "not the same" in dialog.form.errors["again"].text() and dialog.isVisible()
        type_into(qtbot, dialog.again, PASSPHRASE)
        _click(qtbot, _save(dialog))

    def keep_code(page: RecoveryCodeDialog) -> None:
        seen["code"] = page.code
        assert page.code_label.text() == page.code and len(page.code) == 44
        assert not page.done_button.isEnabled()  # not until it is kept somewhere
        assert page.code in page.page().toPlainText()  # what Print… prints
        _click(qtbot, page.kept)
        _click(qtbot, page.done_button)

    with (
        when_shown(qtbot, NewPassphraseDialog, choose),
        when_shown(qtbot, RecoveryCodeDialog, keep_code),
    ):
        window.protect_action.trigger()
    qtbot.waitUntil(lambda: window.context.is_open, timeout=20_000)
    assert is_protected(small_demo)
    _open_file_menu(qtbot, window)
    assert window.change_passphrase_action.isEnabled() and not window.protect_action.isEnabled()
    window.close_file()  # the key leaves memory
    forget_keys()
    unlock(small_demo, recovery_code=seen["code"])


def test_opening_a_protected_file_asks_three_times_then_pauses(
    window, qtbot, small_demo, monkeypatch
):
    protect_file(small_demo, PASSPHRASE)
    recovery_code_shown(small_demo)  # shown, as the window does
    forget_keys()
    monkeypatch.setattr(UnlockDialog, "PAUSE_SECONDS", 1)

    def answer(dialog: UnlockDialog) -> None:
        for attempt, wrong in enumerate(("kumara", "paddock", "wheelbarrow"), start=1):
            type_into(qtbot, dialog.passphrase, wrong, leave=False)
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
            assert dialog.wrong == attempt
        assert "That is not the passphrase." in dialog.error.text()  # never "damaged"
        assert "3 wrong attempts" in dialog.error.text() and "Try again in" in dialog.error.text()
        assert not dialog.passphrase.isEnabled() and not dialog.open_button.isEnabled()
        qtbot.waitUntil(dialog.passphrase.isEnabled, timeout=5000)
        type_into(qtbot, dialog.passphrase, PASSPHRASE, leave=False)
        _click(qtbot, dialog.open_button)

    with when_shown(qtbot, UnlockDialog, answer):
        assert window.open_file(small_demo)
    assert window.context.is_open and window.context.path == small_demo


def test_enter_during_the_pause_after_three_wrong_tries_does_not_cancel(
    window, qtbot, small_demo, monkeypatch
):
    """Enter typed out of habit during the 30-second wait pressed Cancel and closed the
    prompt."""
    protect_file(small_demo, PASSPHRASE)
    recovery_code_shown(small_demo)
    forget_keys()
    monkeypatch.setattr(UnlockDialog, "PAUSE_SECONDS", 2)

    def answer(dialog: UnlockDialog) -> None:
        for wrong in ("kumara", "paddock", "wheelbarrow"):
            type_into(qtbot, dialog.passphrase, wrong, leave=False)
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert not dialog.passphrase.isEnabled()
        focused = QApplication.focusWidget() or dialog
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        dialog.cancel_button.setFocus()  # even with Cancel focused by Tab
        qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Enter)
        assert dialog.isVisible() and dialog.result() == 0
        qtbot.waitUntil(dialog.passphrase.isEnabled, timeout=5000)
        type_into(qtbot, dialog.passphrase, PASSPHRASE, leave=False)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    with when_shown(qtbot, UnlockDialog, answer):
        assert window.open_file(small_demo)
    assert window.context.is_open


def test_the_recovery_code_opens_it_and_cancel_leaves_it_closed(window, qtbot, small_demo):
    code = protect_file(small_demo, PASSPHRASE).recovery_code
    recovery_code_shown(small_demo)  # shown, as the window does
    forget_keys()
    with when_shown(qtbot, UnlockDialog, lambda dialog: leave(qtbot, dialog)):
        assert not window.open_file(small_demo)
    assert window.is_showing_welcome()

    def answer(dialog: UnlockDialog) -> None:
        type_into(qtbot, dialog.passphrase, code.replace("-", " ").lower(), leave=False)
        _click(qtbot, dialog.open_button)

    with when_shown(qtbot, UnlockDialog, answer):
        assert window.open_file(small_demo)


def test_changing_then_removing_the_passphrase(window, qtbot, small_demo):
    protect_file(small_demo, PASSPHRASE)
    recovery_code_shown(small_demo)  # shown, as the window does
    window.open_file(small_demo)  # the key is known to this process: no prompt

    def choose(dialog: NewPassphraseDialog) -> None:
        assert dialog.windowTitle() == "Change Passphrase"
        type_into(qtbot, dialog.passphrase, "a different tui sings")
        type_into(qtbot, dialog.again, "a different tui sings")
        _click(qtbot, _save(dialog))

    with when_shown(qtbot, NewPassphraseDialog, choose):
        _open_file_menu(qtbot, window)
        window.change_passphrase_action.trigger()
    qtbot.waitUntil(lambda: "passphrase of" in window.statusBar().currentMessage(), timeout=20_000)
    forget_keys()
    unlock(small_demo, passphrase="a different tui sings")

    def confirm(box: QMessageBox) -> None:
        assert "Anyone who can read the file" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    with when_shown(qtbot, QMessageBox, confirm):
        window.remove_protection_action.trigger()
    qtbot.waitUntil(
        lambda: "no longer protected" in window.statusBar().currentMessage(), timeout=20_000
    )
    assert not is_protected(small_demo) and window.context.is_open


def test_sensitive_details_stay_hidden_until_shown_and_showing_is_recorded(
    window, qtbot, small_demo
):
    window.open_file(small_demo)
    store = window.context.store
    page = window.households
    window.show_page("households")
    member = next(m for m in list_members(store, 1) if m.is_principal)
    edit_member(
        store, member.id, MemberInput(member.full_name, is_principal=True, health_notes="Asthma")
    )
    qtbot.waitUntil(lambda: page.members.rowCount() > 0, timeout=5000)
    page.member_table.selectRow(0)

    def look(dialog: MemberDialog) -> None:
        assert not dialog.health.isVisible() and dialog.health.toPlainText() == ""
        assert "This person has some" in dialog.sensitive_note.text()
        before = len(list_change_sets(store, limit=100))
        _click(qtbot, dialog.show_sensitive)
        assert dialog.health.isVisible() and dialog.health.toPlainText() == "Asthma"
        latest = list_change_sets(store, limit=1)[0]
        assert latest.kind == "access" and len(list_change_sets(store, limit=100)) == before + 1
        type_into(qtbot, dialog.immigration, "Visa granted")
        _click(qtbot, _save(dialog))

    with when_shown(qtbot, MemberDialog, look):
        click(qtbot, page.edit_member_button)
    shown = show_sensitive_details(store, member.id)
    assert (shown.health_notes, shown.immigration_notes) == ("Asthma", "Visa granted")


def test_the_dashboard_offers_to_remove_details_no_longer_needed(
    window, qtbot, small_demo, monkeypatch
):
    monkeypatch.setenv(TODAY_VARIABLE, "2030-01-01")  # long after the support period
    window.open_file(small_demo)
    card = window.dashboard.retention
    qtbot.waitUntil(card.isVisible, timeout=5000)
    assert card.model.rowCount() == 1 and "Household H1" in card.model.row_at(0)[1]
    card.view.selectRow(0)
    names = [m.full_name for m in list_members(window.context.store, 1)]

    def no(box: QMessageBox) -> None:
        assert "This cannot be undone" in box.text()
        assert "Backups made before now still hold them" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    with when_shown(qtbot, QMessageBox, no):
        _click(qtbot, card.remove_button)
    assert [m.full_name for m in list_members(window.context.store, 1)] == names

    with when_shown(
        qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    ):
        _click(qtbot, card.remove_button)
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=5000)
    assert {m.full_name for m in list_members(window.context.store, 1)} == {"(details removed)"}
    # With the window's own connections open, no byte of them is left in the file or its log.
    raw = b"".join(p.read_bytes() for p in small_demo.parent.glob(f"{small_demo.name}*"))
    assert [n for n in names if n.encode() in raw] == []
    # Undo of earlier work on that household is refused with a sentence, nothing changed.
    assert window.context.undo_stack.count() == 0  # removing is no undo step


def test_an_export_over_a_file_asks_first(window, qtbot, small_demo, tmp_path, monkeypatch):
    window.open_file(small_demo)
    target = tmp_path / "roster.csv"
    target.write_text("keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with when_shown(
        qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click()
    ):
        window.export_volunteers_action.trigger()
    assert target.read_text() == "keep me"
    with when_shown(
        qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    ):
        window.export_volunteers_action.trigger()
    qtbot.waitUntil(
        lambda: target.read_text(encoding="utf-8-sig").startswith("name"), timeout=10_000
    )
    assert not list(tmp_path.glob(".roster*"))


def test_cancelled_protect_changes_nothing(window, qtbot, small_demo):
    window.open_file(small_demo)
    with when_shown(qtbot, NewPassphraseDialog, lambda dialog: leave(qtbot, dialog)):
        window.protect_action.trigger()
    assert not is_protected(small_demo) and window.context.is_open
    assert Path(f"{small_demo}-key").exists() is False


def test_cancel_and_open_again_does_not_give_three_fresh_tries(
    window, qtbot, small_demo, monkeypatch
):
    protect_file(small_demo, PASSPHRASE)
    recovery_code_shown(small_demo)  # shown, as the window does
    forget_keys()
    monkeypatch.setattr(UnlockDialog, "PAUSE_SECONDS", 60)

    def three_wrong_then_cancel(dialog: UnlockDialog) -> None:
        for wrong in ("kumara", "paddock", "wheelbarrow"):
            type_into(qtbot, dialog.passphrase, wrong, leave=False)
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert not dialog.open_button.isEnabled()
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    with when_shown(qtbot, UnlockDialog, three_wrong_then_cancel):
        assert not window.open_file(small_demo)
    seen = {}

    def look_then_cancel(dialog: UnlockDialog) -> None:
        seen["waiting"] = not dialog.open_button.isEnabled()
        seen["words"] = dialog.error.text()
        leave(qtbot, dialog)

    with when_shown(qtbot, UnlockDialog, look_then_cancel):
        assert not window.open_file(small_demo)
    assert seen["waiting"] and "Try again in" in seen["words"], seen


def test_the_protect_dialog_lists_copies_made_before_and_protects_them_too(
    window, qtbot, small_demo, tmp_path
):
    """A Back Up To copy made before protecting stayed plain SQLite, and nothing said so."""
    from sponsor_app.services.files.copies import back_up_to
    from sponsor_app.storage.connect import protection_of

    window.open_file(small_demo)
    copy = back_up_to(window.context.store, tmp_path / "stick")
    assert protection_of(copy) is None

    def choose(dialog: NewPassphraseDialog) -> None:
        listed = dialog.findChild(QWidget, "copies-before")
        assert listed is not None and str(copy) in listed.text()
        assert "Made before, 1 copy of the file can still be read" in listed.text()
        dialog.copies_choice.setFocus()
        qtbot.keyClick(dialog.copies_choice, Qt.Key.Key_Down)  # "Protect them…"
        assert dialog.copies_wanted() == NewPassphraseDialog.PROTECT
        type_into(qtbot, dialog.passphrase, PASSPHRASE)
        type_into(qtbot, dialog.again, PASSPHRASE)
        _click(qtbot, _save(dialog))

    def keep_code(page: RecoveryCodeDialog) -> None:
        _click(qtbot, page.kept)
        _click(qtbot, page.done_button)

    with (
        when_shown(qtbot, NewPassphraseDialog, choose),
        when_shown(qtbot, RecoveryCodeDialog, keep_code),
    ):
        window.protect_action.trigger()
    qtbot.waitUntil(
        lambda: "copy made before" in window.statusBar().currentMessage(), timeout=20_000
    )
    assert protection_of(copy) == protection_of(small_demo)
    window.close_file()
    forget_keys()
    unlock(copy, passphrase=PASSPHRASE)  # the same passphrase opens the copy


def test_a_protection_cut_short_shows_its_code_when_the_file_next_opens(window, qtbot, small_demo):
    """Killed after the rename (tests/storage/test_protection_durable.py kills it for real):
    the code had never been shown."""
    code = protect_file(small_demo, PASSPHRASE).recovery_code  # and nobody showed it
    forget_keys()
    seen = {}

    def open_it(dialog: UnlockDialog) -> None:
        type_into(qtbot, dialog.passphrase, PASSPHRASE, leave=False)
        _click(qtbot, dialog.open_button)

    def keep_code(page: RecoveryCodeDialog) -> None:
        seen["code"] = page.code
        _click(qtbot, page.kept)
        _click(qtbot, page.done_button)

    def acknowledge(box: QMessageBox) -> None:
        assert "stopped before it showed the recovery code" in box.text()
        press_ok(qtbot, box)

    with (
        when_shown(qtbot, UnlockDialog, open_it),
        when_shown(qtbot, QMessageBox, acknowledge),
        when_shown(qtbot, RecoveryCodeDialog, keep_code),
    ):
        assert window.open_file(small_demo)
    assert seen["code"] == code
    window.close_file()
    with when_shown(qtbot, UnlockDialog, open_it):
        assert window.open_file(small_demo)  # shown once: only the passphrase is asked
    assert window.context.is_open


def _open_file_menu(qtbot, window) -> None:
    """A person opens File: its items are brought up to date as it shows."""
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitUntil(menu.isVisible)
    menu.hide()


def test_the_retention_card_names_the_programmes_own_privacy_law(
    window, qtbot, make_store, monkeypatch
):
    """A UK group is told of UK law, never of New Zealand's Privacy Act (the law is the
    programme's data, not the window's words)."""
    from datetime import date

    from sponsor_app.services.households.households import HouseholdInput, add_household

    store = make_store(programme="uk-cs")
    add_household(store, HouseholdInput("H1", "Family", date(2024, 1, 10), True))
    path = store.path
    store.close()
    monkeypatch.setenv(TODAY_VARIABLE, "2030-01-01")  # long after the support period
    window.open_file(path)
    card = window.dashboard.retention
    qtbot.waitUntil(card.isVisible, timeout=5000)
    assert "the UK GDPR and the Data Protection Act 2018" in card.intro.text()
    assert "New Zealand" not in card.intro.text()
