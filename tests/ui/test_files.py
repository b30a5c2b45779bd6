"""File menu work that runs off the GUI thread: the demo group and Save a Copy."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from sponsor_app.services.files.health import check_file
from sponsor_app.services.group.groups import group_info, open_group


def test_try_the_demo_group_writes_it_in_the_background_and_opens_it(window, qtbot):
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.context.is_open, timeout=20000)
    assert "demo" in window.context.info.name
    assert window.dashboard.arrivals.model.rowCount() == 1
    assert not window.is_showing_welcome()


def test_save_a_copy_writes_a_healthy_file_and_keeps_the_original_open(
    window, qtbot, small_demo, tmp_path, monkeypatch
):
    window.open_file(small_demo)
    target = tmp_path / "copies" / "For the treasurer"
    target.parent.mkdir()
    # The file chooser is the platform's own dialog; answer it as the user would.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copy = target.with_suffix(".sponsor")
    qtbot.waitUntil(copy.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage(), timeout=10000)
    assert window.context.path == small_demo
    assert check_file(copy).healthy
    with open_group(copy) as store:
        assert group_info(store).name == window.context.info.name
