"""Every table model passes Qt's model tester with real rows from services."""

import pytest

from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.households.households import list_households, list_members
from sponsor_app.ui.models.rows_model import Column, RowsModel, RowsProxy
from sponsor_app.ui.pages.dashboard import ROWS_SHOWN


def test_rows_model_with_nothing_and_with_rows(qtmodeltester):
    model = RowsModel([Column("A", lambda r: r[0]), Column("B", lambda r: str(r[1]), numeric=True)])
    qtmodeltester.check(model)
    model.set_rows([("x", 1), ("y", 2)])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "2"


def test_every_model_on_the_large_demo(window, large_demo, qtmodeltester):
    window.open_file(large_demo)
    window.show_page(1)
    models = [
        card.model
        for card in (
            window.dashboard.overdue,
            window.dashboard.due_soon,
            window.dashboard.vetting,
            window.dashboard.leases,
            window.dashboard.arrivals,
        )
    ]
    models += [window.households.households, window.households.members, window.households.proxy]
    window.show_page(3)
    volunteers = window.volunteers
    models += [volunteers.model, volunteers.proxy] + [
        part.model for part in (volunteers.checks, volunteers.training, volunteers.hours)
    ]
    for model in models:
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() > 0
    qtmodeltester.check(window.dashboard.lapsed.model, force_py=True)  # may rightly be empty
    figures = dashboard(window.context.store)
    assert window.dashboard.overdue.total == len(figures.overdue)
    assert window.dashboard.overdue.model.rowCount() == min(len(figures.overdue), ROWS_SHOWN)
    households = list_households(window.context.store)
    assert window.households.households.rows() == households
    assert window.households.members.rows() == list_members(window.context.store, households[0].id)


@pytest.mark.parametrize("column", [0, 3, 4, 5])
def test_households_sort_by_their_keys(window, large_demo, column):
    window.open_file(large_demo)
    window.show_page(1)
    proxy: RowsProxy = window.households.proxy
    window.households.table.sortByColumn(
        column, window.households.table.horizontalHeader().sortIndicatorOrder()
    )
    keys = [proxy.index(r, column).data(proxy.sortRole()) for r in range(proxy.rowCount())]
    assert keys in (sorted(keys), sorted(keys, reverse=True))
