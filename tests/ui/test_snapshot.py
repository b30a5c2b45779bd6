"""Start-up paints the dashboard saved at the last close, only when it is certainly still right."""

from datetime import timedelta

from sponsor_app.services.dashboard import dashboard
from sponsor_app.services.groups import open_group
from sponsor_app.services.snapshot import load_snapshot
from sponsor_app.services.volunteers import VolunteerInput, add_volunteer
from sponsor_app.ui.main_window import MainWindow

from ..storage.helpers import hold_open, release
from .conftest import TODAY, answering_message


def _close_once(qtbot, path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_file(path)
    first.close()  # closing computes the dashboard and keeps it beside the app's data


def test_the_saved_dashboard_paints_before_the_file_opens(qtbot, small_demo):
    _close_once(qtbot, small_demo)
    second = MainWindow()
    qtbot.addWidget(second)
    second.start(small_demo)
    # No event loop yet: the file is not open, but the dashboard already shows its figures.
    assert not second.context.is_open
    assert second.dashboard.arrivals.model.rowCount() == 1
    assert not second.navigation.isEnabled()
    qtbot.waitUntil(lambda: second.context.is_open, timeout=10000)
    assert second.navigation.isEnabled()
    assert second.dashboard.figures == dashboard(second.context.store)
    second.context.close()


def test_a_changed_file_or_another_day_gets_no_snapshot(qtbot, small_demo):
    _close_once(qtbot, small_demo)
    assert load_snapshot(small_demo) is not None
    assert load_snapshot(small_demo, today=TODAY + timedelta(days=1)) is None
    with open_group(small_demo) as store:
        add_volunteer(store, VolunteerInput("New Person", ("volunteer",)))
    assert load_snapshot(small_demo) is None


def test_a_file_open_elsewhere_gets_no_snapshot_and_a_message(qtbot, small_demo):
    _close_once(qtbot, small_demo)
    holder = hold_open(small_demo)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        seen = []
        with answering_message(qtbot, seen):
            window.start(small_demo)
            qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    finally:
        release(holder)
    assert "already open" in seen[0]
    assert window.is_showing_welcome() and not window.context.is_open
