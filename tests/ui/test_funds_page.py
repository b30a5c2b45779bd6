"""The Funds page driven as a person would: record a payment, see the balance and dashboard move."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.ui.dialogs.funds_dialogs import TransactionDialog

from ..conftest import TODAY
from .conftest import on_next_modal, through_preview, type_into, type_text


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _open(window, path):
    window.open_file(path)
    window.show_page(5)
    return window.funds


def test_record_a_payment_through_the_form_moves_the_balance_and_the_dashboard(
    window, qtbot, small_demo
):
    page = _open(window, small_demo)
    before = dashboard(window.context.store).funds.held
    shown_before = len(page.ledger.model._ids)

    def fill(dialog: TransactionDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(TransactionKind.EXPENSE.value))
        dialog.category.setCurrentIndex(dialog.category.findText("Furniture"))
        type_into(qtbot, dialog.amount, "1,2.00")
        assert "check the commas" in dialog.form.errors["amount"].text()
        type_into(qtbot, dialog.amount, "1,200")
        assert dialog.form.errors["amount"].text() == ""
        qtbot.keyClicks(dialog.counterparty, "Habitat ReStore")
        qtbot.keyClicks(dialog.reference, "INV-77")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.ledger.record_button, Qt.MouseButton.LeftButton)
    after = dashboard(window.context.store).funds.held
    assert after == before - Money(120000, "NZD")
    assert len(page.ledger.model._ids) == shown_before + 1
    assert f"net {after.format('en_NZ')}" in page.ledger.totals.text()
    assert after.format("en_NZ") in page.requirement.text()
    window.show_page(0)
    assert after.format("en_NZ") in window.dashboard.funds_label.text()
    window.undo_action.trigger()
    assert before.format("en_NZ") in window.dashboard.funds_label.text()


def test_search_and_filters_show_matching_rows_and_their_totals(window, qtbot, large_demo):
    page = _open(window, large_demo)
    qtbot.keyClicks(page.ledger.search, "habitat")
    expected = find_transactions(window.context.store, page.ledger.current_filter())
    assert len(page.ledger.model._ids) == len(expected.ids) > 0
    assert page.ledger.totals.text().startswith(f"{len(expected.ids):,} shown")
    for row in range(min(20, len(expected.ids))):
        assert page.ledger.model.index(row, 5).data() == "Habitat ReStore"
    page.ledger.kind.setCurrentIndex(page.ledger.kind.findData(TransactionKind.INCOME.value))
    assert page.ledger.ledger_empty.isVisible() and page.ledger.model.rowCount() == 0
    assert "0 shown" in page.ledger.totals.text()


def test_ledger_model_passes_the_model_tester(window, large_demo, qtmodeltester):
    page = _open(window, large_demo)
    page.ledger.model.ensure_rows(0, page.ledger.model.rowCount() - 1)
    qtmodeltester.check(page.ledger.model, force_py=True)
    assert page.ledger.model.index(0, 3).data().startswith("$")  # the running balance


def test_only_visible_rows_are_read(window, large_demo):
    page = _open(window, large_demo)
    assert page.ledger.model.rowCount() == 5000
    assert page.ledger.model.cached_count() <= 400  # a page or two, not the whole ledger
    page.ledger.table.scrollToBottom()
    assert page.ledger.model.line_at(4999) is not None


def test_sorting_by_a_column_asks_the_service(window, large_demo):
    page = _open(window, large_demo)
    page.ledger.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # amount, largest first
    first, second = page.ledger.model.line_at(0), page.ledger.model.line_at(1)
    assert first.signed >= second.signed


def test_import_offers_to_create_unknown_categories(window, qtbot, small_demo, tmp_path):
    page = _open(window, small_demo)
    source = tmp_path / "bank.csv"
    source.write_text(
        "date,kind,amount,category\n2025-01-02,income,50,Bake sale\n", encoding="utf-8"
    )
    before = len(page.ledger.model._ids)
    asked = []

    def create(dialog):
        combo = dialog.value_combo("Bake sale")
        asked.append(dialog.import_button.isEnabled())
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # from "Choose…" to "Create “Bake sale”"
        assert combo.currentText() == "Create “Bake sale”"

    def answer(box):
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    with through_preview(qtbot, create):
        page.import_from(source)
    with on_next_modal(qtbot, answer):
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
    assert asked[0] is False  # nothing can be imported until the category is decided
    assert "1 transaction added" in asked[1] and "category “Bake sale” (income)" in asked[1]
    assert len(find_transactions(window.context.store, LedgerFilter()).ids) == before + 1


def test_search_typed_without_macrons_finds_the_names_that_have_them(window, qtbot, large_demo):
    """Issue 12: "kapiti" in the search box missed the payments of "Kāpiti Quakers"."""
    page = _open(window, large_demo)
    qtbot.keyClicks(page.ledger.search, "kapiti")
    shown = page.ledger.model.rowCount()
    assert shown > 0
    page.ledger.model.ensure_rows(0, shown - 1)
    assert {page.ledger.model.index(row, 5).data() for row in range(shown)} == {"Kāpiti Quakers"}
    page.ledger.search.clear()
    type_text(qtbot, page.ledger.search, "KĀPITI")
    assert page.ledger.search.text() == "KĀPITI"
    assert page.ledger.model.rowCount() == shown


def test_a_category_with_no_budget_says_so_and_is_not_over(window, qtbot, small_demo):
    """Issue 12: a category nobody budgeted for showed in red as "✖ over budget"."""
    from PySide6.QtGui import QColor

    from sponsor_app.services.funds.ledger import TransactionInput, add_category, record_transaction

    page = _open(window, small_demo)
    store = window.context.store
    gifts = add_category(store, "Welcome gifts", TransactionKind.EXPENSE)
    record_transaction(
        store,
        TransactionInput(
            TODAY,  # in the support period the Budget tab shows
            TransactionKind.EXPENSE,
            Money(4500, "NZD"),
            gifts.id,
            "Kmart",
        ),
    )
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=_tab_centre(page, 1))
    assert page.tabs.currentIndex() == 1
    rows = {page.budget.lines.index(r, 0).data(): r for r in range(page.budget.lines.rowCount())}
    row = rows["Welcome gifts"]
    cells = [page.budget.lines.index(row, c).data() for c in range(5)]
    assert cells == ["Welcome gifts", "none", "$45.00", "—", "no budget"]
    assert page.budget.lines.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) != QColor("#c62828")
    months = [page.budget.months.index(r, 0).data() for r in range(page.budget.months.rowCount())]
    assert all(len(m.split()) == 2 and len(m.split()[1]) == 4 for m in months), months


def _tab_centre(page, index):
    return page.tabs.tabBar().tabRect(index).center()


def test_spending_by_category_adds_up_to_the_ledger_and_states_its_period(
    window, qtbot, large_demo
):
    """Issue 12: the chart kept the ten largest categories and dropped the rest (the large
    demo's "Medical" and "Other spending"), so it left out money the ledger counts."""
    page = _open(window, large_demo)
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=_tab_centre(page, 3))
    chart = page.charts.category_chart.chart()
    (bars,) = chart.series()[0].barSets()
    (axis,) = chart.axes(Qt.Orientation.Horizontal)
    (categories,) = chart.axes(Qt.Orientation.Vertical)
    assert axis.titleText() == "NZD" and axis.labelFormat() == "%.0fk"
    assert "3 other categories" in categories.categories()
    charted = round(sum(bars.at(i) for i in range(bars.count())) * 1000 * 100)
    # The title states the period; the ledger's spending over the same days is the same sum.
    assert chart.title() == "Spending by category (NZD), 1 Jul 2024 – 15 Jun 2026"
    ledger = find_transactions(
        window.context.store,
        LedgerFilter(kind=TransactionKind.EXPENSE, start=date(2024, 7, 1), end=date(2026, 6, 15)),
    )
    assert charted == ledger.spending.minor
    everything = find_transactions(window.context.store, LedgerFilter())
    assert ledger.spending == everything.spending  # the demo's whole ledger is in the period


def test_search_and_filters_show_only_on_the_ledger_tab(window, qtbot, small_demo):
    """Issue 12: on the Budget, Pledges and Charts tabs the search box and filters did nothing."""
    page = _open(window, small_demo)
    ledger_only = (
        page.ledger.search,
        page.ledger.period,
        page.ledger.kind,
        page.ledger.category,
        page.ledger.household,
    )
    assert all(widget.isVisible() for widget in ledger_only)
    for tab in (1, 2, 3):
        qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=_tab_centre(page, tab))
        assert page.tabs.currentIndex() == tab
        assert not any(widget.isVisible() for widget in ledger_only), tab
    page.tabs.tabBar().setFocus()
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find
    assert page.tabs.currentIndex() == 0 and page.ledger.search.hasFocus()


def test_another_file_opens_with_the_whole_ledger(window, qtbot, small_demo, large_demo):
    """Issue 12: the search typed in one file carried over to the next one opened."""
    page = _open(window, large_demo)
    qtbot.keyClicks(page.ledger.search, "habitat")
    page.ledger.period.setCurrentIndex(3)
    page.ledger.kind.setCurrentIndex(page.ledger.kind.findData(TransactionKind.EXPENSE.value))
    assert 0 < page.ledger.model.rowCount() < 5000
    window.open_file(small_demo)
    assert page.ledger.search.text() == "" and page.ledger.period.currentIndex() == 0
    assert page.ledger.kind.currentIndex() == 0
    everything = find_transactions(window.context.store, LedgerFilter())
    assert page.ledger.model.rowCount() == len(everything.ids) > 0
    assert page.ledger.totals.text().startswith(f"{len(everything.ids):,} shown")
