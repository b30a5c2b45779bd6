"""Issue 12: counterparties offered as you type, and pledges that find their payments however
the donor's name was spelt (case and macrons aside)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.funds import PledgeInput, add_pledge
from sponsor_app.ui.dialogs.funds_dialogs import PledgeDialog, TransactionDialog

from .conftest import leave, on_next_modal, type_into, type_text


def _open(window, path):
    window.open_file(path)
    window.show_page("funds")
    return window.funds


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _offered(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_a_name_without_macrons_offers_it_with_them(window, qtbot, small_demo):
    page = _open(window, small_demo)
    chosen = []

    def fill(dialog: TransactionDialog):
        dialog.counterparty.setFocus()
        qtbot.keyClicks(dialog.counterparty, "kapiti")
        completer = dialog.counterparty.completer()
        qtbot.waitUntil(completer.popup().isVisible, timeout=2000)
        assert _offered(completer) == ["Kāpiti Quakers"]
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
        chosen.append(dialog.counterparty.text())
        leave(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.ledger.record_button, Qt.MouseButton.LeftButton)
    assert chosen == ["Kāpiti Quakers"]


def test_names_are_offered_once_however_they_were_spelt(window, qtbot, small_demo):
    """Two spellings of one donor are one suggestion: the spelling with its macrons."""
    store_path = small_demo
    page = _open(window, store_path)
    add_pledge(
        window.context.store,
        PledgeInput("KAPITI QUAKERS", Money(1000, "NZD"), "once", page.context.info.start_date),
    )
    offered = []

    def look(dialog: PledgeDialog):
        dialog.donor.setFocus()
        type_text(qtbot, dialog.donor, "Kā")
        completer = dialog.donor.completer()
        qtbot.waitUntil(completer.popup().isVisible, timeout=2000)
        offered.extend(_offered(completer))
        leave(qtbot, dialog)

    page.tabs.setCurrentIndex(2)
    with on_next_modal(qtbot, look):
        qtbot.mouseClick(page.pledges.add_button, Qt.MouseButton.LeftButton)
    assert offered == ["Kāpiti Quakers"]


def test_a_pledge_typed_with_macrons_counts_a_payment_typed_without(window, qtbot, small_demo):
    """The group lead's case: a pledge from "Rotary Club of Kāpiti", a payment recorded from
    "Rotary Club of Kapiti". The Pledges tab shows it received."""
    page = _open(window, small_demo)
    page.tabs.setCurrentIndex(2)

    def pledge(dialog: PledgeDialog):
        dialog.donor.setFocus()
        type_text(qtbot, dialog.donor, "Rotary Club of Kāpiti")
        type_into(qtbot, dialog.amount, "50")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, pledge):
        qtbot.mouseClick(page.pledges.add_button, Qt.MouseButton.LeftButton)

    def payment(dialog: TransactionDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(TransactionKind.INCOME.value))
        dialog.category.setCurrentIndex(dialog.category.findText("Pledge payments"))
        type_into(qtbot, dialog.amount, "50")
        dialog.counterparty.setFocus()
        qtbot.keyClicks(dialog.counterparty, "Rotary Club of Kapiti")
        _save(qtbot, dialog)

    page.tabs.setCurrentIndex(0)
    with on_next_modal(qtbot, payment):
        qtbot.mouseClick(page.ledger.record_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(2)
    rows = [page.pledges.model.row_at(r) for r in range(page.pledges.model.rowCount())]
    (rotary,) = [p for p in rows if p.donor == "Rotary Club of Kāpiti"]
    assert rotary.received == Money(5000, "NZD") and rotary.outstanding.minor == 0
    row = rows.index(rotary)
    assert page.pledges.model.index(row, 6).data() == "$50.00"  # Received, as the table shows it


def test_a_pledge_behind_says_so_in_words_not_only_in_red(window, small_demo):
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds
    page.tabs.setCurrentIndex(2)
    model = page.pledges.table.model()
    state = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "State"
    )
    words = {
        pledge.donor: model.index(row, state).data()
        for row, pledge in enumerate(page.pledges.model.rows())
    }
    for pledge in page.pledges.model.rows():
        assert words[pledge.donor] == ("✖ behind" if pledge.outstanding.minor else "✔ up to date")
    assert "✖ behind" in words.values() and "✔ up to date" in words.values()
