"""Start-up paints the dashboard saved at the last close, only when it is certainly still right."""

from datetime import timedelta
from pathlib import Path

from sponsor_app.services.files.snapshot import load_snapshot
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
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
    second.show()
    second.start(small_demo)
    # No event loop yet: the file is not open, but the dashboard already shows its figures...
    assert not second.context.is_open
    assert second.dashboard.arrivals.model.rowCount() == 1
    assert not second.navigation.isEnabled()
    # ... and nothing personal: no one's name, no task's title, not the group's name.
    shown = second.dashboard.figures
    assert shown.overdue and {t.title for t in shown.overdue} == {"…"}
    assert {t.assignee for t in shown.overdue} == {"…"}
    assert {v.name for v in shown.vetting} <= {"…"}
    assert second.windowTitle() == f"{small_demo.name} — Sponsor Desk"
    qtbot.waitUntil(lambda: second.context.is_open, timeout=10000)
    assert second.navigation.isEnabled()
    qtbot.waitUntil(lambda: second.dashboard.figures == dashboard(second.context.store))
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


def _snapshots(app_home):
    return sorted((app_home / "data" / "snapshots").iterdir())


def test_a_snapshot_is_json_with_no_name_address_or_note(qtbot, small_demo, app_home):
    import json

    from sponsor_app.services.roster.volunteers import list_volunteers

    _close_once(qtbot, small_demo)
    (saved,) = _snapshots(app_home)
    assert saved.suffix == ".json" and saved.stat().st_mode & 0o777 == 0o600
    text = saved.read_text(encoding="utf-8")
    json.loads(text)  # plain data, not pickle
    with open_group(small_demo) as store:
        names = [v.full_name for v in list_volunteers(store)]
        from sponsor_app.services.group.groups import group_info
        from sponsor_app.services.households.housing import list_properties

        group = group_info(store).name
        addresses = [p.address for p in list_properties(store)]
    assert addresses
    for personal in (*names, group, *addresses):
        assert personal not in text, personal


def test_a_pickle_left_in_the_folder_is_never_loaded(qtbot, small_demo, app_home, tmp_path):
    import pickle

    _close_once(qtbot, small_demo)
    (saved,) = _snapshots(app_home)
    ran = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (ran,))

    # Someone who can write the data folder swaps in a pickle, under the JSON name and under
    # the name older versions used.
    saved.write_bytes(pickle.dumps(Payload()))
    saved.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    assert load_snapshot(small_demo) is None
    window = MainWindow()
    qtbot.addWidget(window)
    window.start(small_demo)
    qtbot.waitUntil(lambda: window.context.is_open, timeout=10000)
    window.context.close()
    assert not ran.exists()


def test_no_snapshot_for_a_protected_file_and_none_after_the_file_goes(qtbot, small_demo, app_home):
    from sponsor_app.services.files.protection import protect_file, recovery_code_shown
    from sponsor_app.services.files.snapshot import remove_stale_snapshots
    from sponsor_app.storage.connect import forget_keys

    _close_once(qtbot, small_demo)
    assert len(_snapshots(app_home)) == 1
    protect_file(small_demo, "kumara paddock wheelbarrow")
    recovery_code_shown(small_demo)  # shown, as the window does
    try:
        _close_once(qtbot, small_demo)  # the key is known in this process: it opens
        assert _snapshots(app_home) == []
    finally:
        forget_keys()
    other = small_demo.with_name("other.sponsor")
    other.write_bytes(small_demo.read_bytes())
    from sponsor_app.services.files.protection import unlock, unprotect_file

    unlock(other, passphrase="kumara paddock wheelbarrow")
    unprotect_file(other)
    forget_keys()
    _close_once(qtbot, other)
    assert len(_snapshots(app_home)) == 1
    other.unlink()
    assert remove_stale_snapshots() == 1
    assert _snapshots(app_home) == []
