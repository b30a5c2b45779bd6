"""Issue 19 items 7-9: periods start at the group's first record; the budget covers 24 months
for 24 months of support; the group's own tasks are not the family's progress."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt

from sponsor_app.domain.enums import GroupWork, OutcomeArea, TaskStatus, TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.services.funds import funds as funds_service
from sponsor_app.services.funds import ledger
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan.plan import plan_tasks, toggle_done
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope, default_period
from sponsor_app.ui.dialogs.funds_dialogs import BudgetDialog

from ..conftest import TODAY
from .conftest import leave, on_next_modal

EARLIEST = TODAY - timedelta(days=44)  # transactions recorded from before the file was made


def _new_group_with_earlier_records(path):
    """A group made today (TODAY) whose lead records the last six weeks' transactions."""
    store = create_group(path, NewGroup(name="Made today"), "tester")
    donations = next(c for c in ledger.list_categories(store) if c.kind is TransactionKind.INCOME)
    rent = next(c for c in ledger.list_categories(store) if c.kind is TransactionKind.EXPENSE)
    for days, category, amount in (
        (44, donations, 25_000_00),
        (20, rent, 520_00),
        (9, rent, 480_00),
    ):
        ledger.record_transaction(
            store,
            ledger.TransactionInput(
                TODAY - timedelta(days=days),
                category.kind,
                Money(amount, "NZD"),
                category.id,
                counterparty="Kāpiti Rotary" if category is donations else "Harcourts",
            ),
        )
    return store


def test_the_default_period_starts_at_the_first_record(tmp_path):
    store = _new_group_with_earlier_records(tmp_path / "g.sponsor")
    try:
        assert default_period(store, TODAY) == Period(EARLIEST, TODAY)
        # An arrival, hours or a check-in before any transaction starts it earlier still.
        add_household(store, HouseholdInput("H1", arrival_date=EARLIEST - timedelta(days=5)))
        assert default_period(store, TODAY).start == EARLIEST - timedelta(days=5)
        # A chart's window: at most 24 months, from the first of its first month.
        long_ago = HouseholdInput("H2", arrival_date=date(2020, 1, 10))
        add_household(store, long_ago)
        assert default_period(store, TODAY, at_most_months=24).start == date(2024, 7, 1)
        balances = dashboard(store, TODAY).month_end_balances
        assert balances[0].month_end.month == 7 and len(balances) == 24
    finally:
        store.close()


def test_the_window_covers_the_records_before_the_file_was_made(window, qtbot, tmp_path):
    """Item 7: a Reports page defaulting to today alone, empty charts, "0 0 0 1 1 1"."""
    path = tmp_path / "made-today.sponsor"
    _new_group_with_earlier_records(path).close()
    window.open_file(path)
    reports = window.page("reports")
    window.show_page("reports")
    assert (reports.start.value(), reports.end.value()) == (EARLIEST, TODAY)
    window.show_page(0)
    chart = window.dashboard.balance_chart.chart()
    assert chart.series() and chart.series()[0].count() == 2  # May and June month ends
    assert "May 2026 – Jun 2026" in chart.title()
    (value_axis,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    # The ticks say thousands ("20k"); the title only the currency: never both.
    assert value_axis.titleText() == "NZD" and value_axis.labelFormat() == "%.0fk"
    window.show_page("funds")
    funds = window.page("funds")
    bar = funds.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())  # Charts
    spending = funds.charts.category_chart.chart()
    assert "2 May 2026 – 15 Jun 2026" in spending.title()
    (spent_axis,) = [a for a in spending.axes() if isinstance(a, QValueAxis)]
    assert spent_axis.titleText() == "NZD"
    ticks = spent_axis.tickCount() - 1
    step = (spent_axis.max() - spent_axis.min()) / ticks
    # every tick's label differs ("0 0 0 1 1 1" was a whole-number format on a 0.2 step)
    labels = [spent_axis.labelFormat() % (spent_axis.min() + n * step) for n in range(ticks + 1)]
    assert len(set(labels)) == len(labels), labels


def test_the_budget_covers_24_months_for_24_months_of_support(window, qtbot, store):
    """Item 8: "February 2027 - February 2029" was 25 months for 24 months of support."""
    add_household(store, HouseholdInput("H1", arrival_date=date(2027, 2, 15)))
    months = funds_service.support_budget_months(store)
    assert (months.start, months.end, months.month_count) == (
        date(2027, 2, 1),
        date(2029, 1, 31),
        24,
    )
    path = store.path
    store.close()
    window.open_file(path)
    window.show_page("funds")
    page = window.page("funds")
    seen = {}

    def look(dialog: BudgetDialog):
        seen["from"] = dialog.month.date().toPython().replace(day=1)
        seen["to"] = dialog.until.date().toPython().replace(day=1)
        leave(qtbot, dialog)

    with on_next_modal(qtbot, look):
        qtbot.mouseClick(page.budget.set_button, Qt.MouseButton.LeftButton)
    assert (seen["from"], seen["to"]) == (date(2027, 2, 1), date(2029, 1, 1))
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Budget
    assert "24 months of support, Feb 2027 – Jan 2029" in page.budget.label.text()
    # A budget for February 2029 (past the 24 months) is not part of what must be held.
    category = next(
        c for c in ledger.list_categories(window.context.store) if c.kind is TransactionKind.EXPENSE
    )
    store = window.context.store
    funds_service.set_budget(
        store, category.id, date(2027, 2, 1), Money(867_00, "NZD"), date(2029, 2, 1)
    )
    required = funds_service.funds_position(store, TODAY).requirement.required
    assert required == Money(867_00 * 24, "NZD")


def test_the_groups_own_tasks_are_not_the_familys_progress(window, qtbot, store):
    """Item 9: "Raise funds and set the budget" counted as Employment and self-sufficiency."""
    household = add_household(store, HouseholdInput("H1", arrival_date=TODAY + timedelta(days=80)))
    raise_funds = next(t for t in plan_tasks(store) if t.template_key == "raise_funds")
    toggle_done(store, raise_funds.id)
    progress = {a.area: (a.done, a.total) for a in dashboard(store, TODAY).area_progress}
    family_self_sufficiency = [
        t
        for t in plan_tasks(store)
        if t.outcome_area is OutcomeArea.SELF_SUFFICIENCY and t.template_key != "raise_funds"
    ]
    assert progress[OutcomeArea.SELF_SUFFICIENCY] == (0, len(family_self_sufficiency))
    data = evaluation_data(store, ReportScope(Period(date(2025, 1, 1), TODAY)))
    assert sum(p.done for p in data.progress) == 0
    assert data.group_progress[0] == 1 and data.group_progress[1] >= 5
    path = store.path
    store.close()
    window.open_file(path)
    window.show_page("plan")
    page = window.page("plan")
    page.group_by.setFocus()
    qtbot.keyClick(page.group_by, Qt.Key.Key_Down)  # "By outcome area"
    groups = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert any(g.startswith(GroupWork.GROUP.label) for g in groups), groups
    assert household.code == "H1"
    assert TaskStatus.DONE is next(
        t.status for t in plan_tasks(window.context.store) if t.template_key == "raise_funds"
    )
