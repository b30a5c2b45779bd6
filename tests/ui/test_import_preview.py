"""The import preview, driven as a person would: choose a sheet, match a column, map an
unknown role, tick a likely duplicate, import; the roles and rules dialogs; cancelling."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog, QPushButton

from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.funds.rules import list_rules
from sponsor_app.services.imports.model import RowStatus
from sponsor_app.services.roster.roles import list_roles
from sponsor_app.services.roster.volunteers import list_volunteers

from .conftest import answering_message, leave, on_next_modal, through_preview


def _choose(qtbot, combo, text: str) -> None:
    """Pick an entry the way a keyboard user does: focus the box and type its first letters."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)


def test_map_an_unknown_role_then_import(window, qtbot, small_demo, tmp_path):
    window.open_file(small_demo)
    window.show_page("volunteers")
    page = window.volunteers
    before = len(list_volunteers(window.context.store, include_archived=True))
    sheet = tmp_path / "ours.csv"
    sheet.write_text(
        "Full name,E-mail,Role,Police vetting,Notes to self\n"
        "Ana Fifita,ana@example.org,lead,submitted,likes driving\n"
        "Tomasi Vea,tomasi@example.org,Volunteer,none,\n",
        encoding="utf-8",
    )
    seen = {}

    def choose(dialog):
        seen["blocked"] = dialog.import_button.isEnabled()
        assert dialog.column_combo(4).currentData() == ""  # "Notes to self" matches nothing
        dialog.tabs.setCurrentIndex(2)
        _choose(qtbot, dialog.value_combo("lead"), "Group lead")
        qtbot.waitUntil(lambda: not dialog.busy and not dialog._timer.isActive())
        qtbot.waitUntil(lambda: dialog.preview.counts.get(RowStatus.NEW) == 2)
        seen["summary"] = dialog.summary.text()

    with through_preview(qtbot, choose):
        page.import_from(sheet)
    messages = []
    with answering_message(qtbot, messages):
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert seen["blocked"] is False and "2 to add" in seen["summary"]
    assert "2 volunteers added" in messages[0]
    rows = {v.full_name: v for v in list_volunteers(window.context.store)}
    assert rows["Ana Fifita"].roles == ("group_lead",)
    assert rows["Ana Fifita"].main_check.result.value == "pending"
    assert len(list_volunteers(window.context.store, include_archived=True)) == before + 2
    assert window.undo_action.text() == "&Undo Import volunteers from ours.csv"


def test_a_changed_column_match_is_read_again(window, qtbot, small_demo, tmp_path):
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds
    source = tmp_path / "sheet.csv"
    source.write_text(
        "When,Kind,Total,Category,Gift\n2026-05-02,income,999,Donations,10\n", encoding="utf-8"
    )
    before = len(find_transactions(window.context.store, LedgerFilter()).ids)

    def choose(dialog):
        assert dialog.preview.rows[0].values[2] == "999.00"  # "Total" reads as the amount
        dialog.tabs.setCurrentIndex(1)
        _choose(qtbot, dialog.column_combo(4), "Amount")  # no: the gift is the amount
        qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.preview.missing))
        assert "one column only as “Amount”" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        _choose(qtbot, dialog.column_combo(2), "(ignore this column)")
        qtbot.waitUntil(lambda: not dialog.busy and not dialog.preview.missing)
        assert dialog.preview.rows[0].values[2] == "10.00"

    with through_preview(qtbot, choose):
        page.import_from(source)
    messages = []
    with answering_message(qtbot, messages):
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert len(find_transactions(window.context.store, LedgerFilter()).ids) == before + 1


def test_cancel_in_the_preview_writes_nothing(window, qtbot, small_demo, tmp_path):
    window.open_file(small_demo)
    window.show_page("funds")
    source = tmp_path / "t.csv"
    source.write_text("date,kind,amount,category\n2026-05-02,income,10,Donations\n")
    before = len(find_transactions(window.context.store, LedgerFilter()).ids)

    def cancel(dialog):
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    with on_next_modal(qtbot, cancel):
        window.funds.import_from(source)
    assert len(find_transactions(window.context.store, LedgerFilter()).ids) == before
    assert not window.undo_action.text().endswith("t.csv")


def test_cancelling_a_long_import_leaves_the_file_as_it_was(window, qtbot, small_demo, tmp_path):
    window.open_file(small_demo)
    window.show_page("funds")
    store = window.context.store
    source = tmp_path / "big.csv"
    with open(source, "w", encoding="utf-8") as handle:
        handle.write("date,kind,amount,category,counterparty\n")
        handle.writelines(
            f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d},income,{n + 1},Donations,Donor {n}\n"
            for n in range(60_000)
        )
    before = len(find_transactions(store, LedgerFilter()).ids)
    with through_preview(qtbot):
        window.funds.import_from(source)

    def progress_shown():
        dialogs = [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
        return dialogs[0] if dialogs else None

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=20_000)
    bar = progress_shown()
    messages = []
    with answering_message(qtbot, messages):
        cancel = next(b for b in bar.findChildren(QPushButton) if b.text() == "Cancel")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert "was cancelled; nothing was changed" in messages[0]
    assert len(find_transactions(store, LedgerFilter()).ids) == before
    assert not window.context.busy


def test_the_roles_dialog_adds_renames_and_retires(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("volunteers")
    page = window.volunteers
    store = window.context.store

    def work(dialog):
        qtbot.keyClicks(dialog.name, "Kai coordinator")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert "Kai coordinator" in names
        dialog.list.setCurrentRow(names.index("Kai coordinator"))
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "Kai and koha coordinator")
        qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
        housing = next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).text().startswith("Housing lead")
        )
        dialog.list.setCurrentRow(housing)
        assert not dialog.delete_button.isEnabled()  # held by volunteers: retire only
        leave(qtbot, dialog)

    with on_next_modal(qtbot, work):
        qtbot.mouseClick(page.roles_button, Qt.MouseButton.LeftButton)
    role = next(r for r in list_roles(store) if r.key == "kai_coordinator")
    assert role.name == "Kai and koha coordinator" and role.retired
    labels = [page.role_filter.itemText(i) for i in range(page.role_filter.count())]
    assert "Kai and koha coordinator (retired)" in labels
    assert window.undo_action.text() == "&Undo Retire role"


def test_the_rules_dialog_adds_a_rule(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("funds")

    def work(dialog):
        qtbot.keyClicks(dialog.pattern, "Countdown")
        _choose(qtbot, dialog.category, "Food (expense)")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Countdown"
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "That rule is there already" in dialog.error.text()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, work):
        qtbot.mouseClick(window.funds.ledger.rules_button, Qt.MouseButton.LeftButton)
    assert [(r.pattern, r.category) for r in list_rules(window.context.store)] == [
        ("Countdown", "Food")
    ]


def test_a_bank_statement_categorised_in_the_preview_teaches_a_rule(window, qtbot, small_demo):
    from pathlib import Path

    from sponsor_app.domain.enums import TransactionKind
    from sponsor_app.services.funds.ledger_view import LedgerFilter, fetch_lines, open_ledger

    window.open_file(small_demo)
    window.show_page("funds")
    store = window.context.store
    statement = Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "westpac.csv"
    seen = {}

    def choose(dialog):
        seen["layout"] = dialog.layout_label.text()
        dialog.tabs.setCurrentIndex(2)
        combo = dialog.value_combo("COUNTDOWN PONSONBY")
        seen["before"] = combo.currentText()
        _choose(qtbot, combo, "Food")
        qtbot.waitUntil(lambda: not dialog.busy and not dialog._timer.isActive())
        qtbot.waitUntil(lambda: dialog.preview.rows[0].values[4] == "Food")

    with through_preview(qtbot, choose):
        window.funds.import_bank_from(statement)
    messages = []
    with answering_message(qtbot, messages):
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert seen == {"layout": "Recognised: Westpac export.", "before": "Other spending"}
    assert "3 transactions added" in messages[0] and "1 new rule will" in messages[0]
    assert [(r.pattern, r.category) for r in list_rules(store)] == [("COUNTDOWN PONSONBY", "Food")]
    found = find_transactions(
        store, LedgerFilter(kind=TransactionKind.EXPENSE, text="countdown ponsonby")
    ).ids
    lines = fetch_lines(store, list(found), open_ledger(store)[0])
    assert [line.category for line in lines.values()] == ["Food"]


def test_a_utf8_file_with_one_bad_byte_is_named_and_the_preview_chooses_the_encoding(
    window, qtbot, small_demo, tmp_path
):
    """The whole file was read as Windows-1252 without a word: "Kāpiti" became "KÄ\\x81piti"."""
    window.open_file(small_demo)
    window.show_page("volunteers")
    sheet = tmp_path / "people.csv"
    sheet.write_bytes(
        "Name,Role\nMere Kāpiti,Volunteer\n".encode() + b"Ren\xe9 Lafleur,Volunteer\n"
    )
    seen = {}

    def handle(dialog):
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        seen["first"] = dialog.summary.text()
        assert dialog.preview is None and not dialog.import_button.isEnabled()
        assert dialog.encoding.isVisible()
        _choose(qtbot, dialog.encoding, "Windows-1252")
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=20_000)
        seen["names"] = [row.values[0] for row in dialog.preview.rows]
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    with on_next_modal(qtbot, handle):
        window.volunteers.import_from(sheet)
    messages = []
    with answering_message(qtbot, messages):
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "line 3: byte 0xE9 is not UTF-8" in seen["first"], seen["first"]
    assert "René Lafleur" in seen["names"]
    names = {v.full_name for v in list_volunteers(window.context.store)}
    assert "René Lafleur" in names
