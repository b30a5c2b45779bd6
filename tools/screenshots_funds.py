"""`make screenshots`, the Funds page: each tab, a search typed without macrons, a name offered
as it is typed, a category nobody budgeted for, and the message after a removal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sponsor_app import clock


def funds_views(window, folder: Path, suffix: str) -> list[Path]:
    """Every picture is taken on the open demo, and each change made for one is undone."""
    app = QApplication.instance()
    window.show_page("funds")
    page = window.funds
    written: list[Path] = []

    def shot(name: str, widget=None) -> None:
        app.processEvents()
        written.append(folder / f"{name}{suffix}.png")
        (widget or window).grab().save(str(written[-1]))

    QTest.keyClicks(page.ledger.search, "kapiti")
    shot("funds-search")
    page.reset_filters()
    page.refresh_now()

    undo_steps = _spend_without_a_budget(window)
    for index, name in ((1, "funds-budget"), (2, "funds-pledges"), (3, "funds-charts")):
        page.tabs.setCurrentIndex(index)
        shot(name)
    for _ in range(undo_steps):
        window.context.undo_stack.undo()

    page.tabs.setCurrentIndex(0)
    window.activateWindow()  # offscreen, nothing activates it, and shortcuts need that
    app.processEvents()
    page.ledger.table.setFocus()
    page.ledger.table.selectRow(2)
    QTest.keyClick(page.ledger.table, Qt.Key.Key_Delete)
    shot("undo-message")
    window.undo_notice.undo_button.click()

    written.append(_offered_names(window, folder / f"counterparty-suggestions{suffix}.png"))
    return written


def _spend_without_a_budget(window) -> int:
    """A category with spending and no budget, as groups make them: two undoable steps."""
    from sponsor_app.domain.enums import TransactionKind
    from sponsor_app.domain.money import Money
    from sponsor_app.services.funds.ledger import TransactionInput, add_category, record_transaction

    store, context = window.context.store, window.context
    category = context.execute(
        "Add category", lambda: add_category(store, "Welcome gifts", TransactionKind.EXPENSE)
    )
    context.execute(
        "Record expense",
        lambda: record_transaction(
            store,
            TransactionInput(
                clock.today(),
                TransactionKind.EXPENSE,
                Money(4500, context.info.currency),
                category.id,
                "Kmart",
            ),
        ),
    )
    return 2


def _offered_names(window, path: Path) -> Path:
    """The transaction form with "kapiti" typed and its suggestion list open. The list is a
    window of its own, so it is painted onto the form's picture where it stands."""
    app = QApplication.instance()
    dialog = window.funds.ledger._dialog()
    dialog.show()
    app.processEvents()
    dialog.counterparty.setFocus()
    QTest.keyClicks(dialog.counterparty, "kapiti")
    app.processEvents()
    popup = dialog.counterparty.completer().popup()
    picture = dialog.grab()
    if popup.isVisible():
        at = dialog.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
        painter = QPainter(picture)
        painter.drawPixmap(at, popup.grab())
        painter.end()
    picture.save(str(path))
    popup.hide()
    dialog.reject()
    return path
