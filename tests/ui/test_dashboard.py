"""The dashboard shows exactly what the services compute, and refreshes after a write."""

import pytest
from babel.dates import format_date
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from sponsor_app.domain.enums import TaskStatus
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.ui.dialogs.plan_dialogs import TaskFormDialog
from sponsor_app.ui.pages.dashboard import ROWS_SHOWN

from .conftest import on_next_modal


def test_large_demo_figures_equal_the_services(window, large_demo):
    assert window.open_file(large_demo)
    page = window.dashboard
    expected = dashboard(window.context.store)
    shown = ROWS_SHOWN
    for card, rows in (
        (page.overdue, expected.overdue),
        (page.due_soon, expected.due_soon),
        (page.vetting, expected.vetting),
        (page.leases, expected.leases),
        (page.arrivals, expected.arrivals),
    ):
        assert card.model.rows() == list(rows)[:shown]
        # The card is sized to its rows: nothing hides behind a scroll bar.
        assert card.view.verticalScrollBar().maximum() == 0 or not card.view.isVisible()
    assert expected.overdue and expected.vetting and expected.leases  # the demo exercises each card
    assert len(expected.overdue) > shown  # so the "and N more" link shows
    assert page.overdue.title() == f"Overdue tasks ({len(expected.overdue)})"
    assert f"and {len(expected.overdue) - shown} more" in page.overdue.more.text()
    funds = page.funds_label.text()
    assert expected.funds.held.format("en_NZ") in funds
    assert expected.funds.requirement.required.format("en_NZ") in funds
    series = page.balance_chart.chart().series()[0]
    assert series.count() == len(expected.month_end_balances)
    # Large balances are drawn in thousands, and the axis says so.
    assert series.at(series.count() - 1).y() == pytest.approx(
        expected.month_end_balances[-1].balance.minor / 100 / 1000
    )
    y_axis = page.balance_chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert y_axis.titleText() == "NZD" and y_axis.labelFormat() == "%.0fk"
    first_month = format_date(expected.month_end_balances[0].month_end, "MMM yyyy", locale="en_NZ")
    assert (
        page.balance_chart.chart().title() == f"Month-end balance (NZD), {first_month} – Jun 2026"
    )
    bars = page.area_chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [a.done for a in expected.area_progress]
    # Each visible cell is what the column says about the service row.
    first = page.overdue.proxy.index(0, 2)
    assert first.data() == expected.overdue[0].title


def test_empty_states_say_what_to_do(window, qtbot, tmp_path):
    from sponsor_app.services.group.groups import NewGroup, create_group

    path = tmp_path / "empty.sponsor"
    create_group(path, NewGroup(name="New group")).close()
    window.open_file(path)
    page = window.dashboard
    assert page.arrivals.stack.currentIndex() == 1
    assert "Households page" in page.arrivals.stack.currentWidget().text()
    assert page.overdue.stack.currentIndex() == 1
    assert "No requirement yet" in page.funds_label.text()
    # Issue 12 item 12: nothing false, and the first step offered.
    assert page.vetting.empty.text().startswith("No volunteers yet: add them")
    assert page.lapsed.empty.text().startswith("No family-facing task has a volunteer yet")
    assert page.to_do.text() == "Nothing is overdue or due this week."
    # No empty charts with axes of "0, 0, 1": a sentence until there is something to draw.
    assert page.balance_stack.currentWidget() is page.balance_empty
    assert page.area_stack.currentWidget() is page.area_empty


def test_marking_a_task_done_refreshes_and_undoes(window, qtbot, large_demo):
    window.open_file(large_demo)
    page = window.dashboard
    before = page.overdue.total
    task = page.overdue.model.rows()[0]

    def mark_done(dialog):
        assert isinstance(dialog, TaskFormDialog)
        dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.DONE))
        qtbot.keyClicks(dialog.evidence, "Letter filed")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    page.overdue.view.setFocus()
    page.overdue.view.setCurrentIndex(page.overdue.proxy.index(0, 0))
    with on_next_modal(qtbot, mark_done):
        qtbot.keyClick(page.overdue.view, Qt.Key.Key_Return)
    assert page.overdue.total == before - 1
    assert task.id not in [t.id for t in page.overdue.model.rows()]
    assert "last at" in window.saved_label.text()

    window.undo_action.trigger()
    assert [t.id for t in page.overdue.model.rows()].count(task.id) == 1
    window.redo_action.trigger()
    assert page.overdue.total == before - 1
    from sponsor_app.services.plan.plan import plan_task

    assert plan_task(window.context.store, task.id).status is TaskStatus.DONE


def test_the_rest_of_a_card_opens_the_plan_filtered(window, qtbot, large_demo):
    window.open_file(large_demo)
    window.show()
    page = window.dashboard
    label = page.overdue.more
    assert label.isVisible()
    # Click the link text itself, as a person would.
    with qtbot.waitSignal(page.plan_requested, timeout=2000) as signal:
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(12, label.height() // 2))
    assert signal.args == ["overdue"]
    assert window.page_stack.currentWidget() is window.page("plan")
    assert window.page("plan").overdue.isChecked()


def test_the_wheel_over_a_card_scrolls_the_dashboard(window, qtbot, large_demo):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.open_file(large_demo)
    window.resize(1366, 768)
    window.show()
    page = window.dashboard
    bar = page.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0  # the dashboard is taller than the window
    view = page.overdue.view
    centre = QPointF(view.viewport().rect().center())
    turn = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the person
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), turn)
    assert bar.value() > 0
    assert view.horizontalScrollBar().value() == 0
