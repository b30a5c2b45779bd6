"""The Reports page writes the evaluation's accessible HTML version beside its PDF, under a
name of its own, and says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def test_the_evaluation_comes_with_its_html_version(qtbot, window, small_demo):
    assert window.open_file(small_demo)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.page("reports")
    assert page.kind.currentText() == "Pilot evaluation report"
    period = page.period()
    folder = small_demo.parent / "Reports"
    folder.mkdir(mode=0o700, exist_ok=True)
    stale = folder / f"Pilot evaluation report {period.start} to {period.end}.html"
    stale.write_text("an earlier page, kept")
    stale.chmod(0o600)
    qtbot.waitUntil(page.preview_is_current, timeout=20_000)  # what leaves the file, shown
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recent.count() == 1, timeout=20_000)
    made = Path(page.recent.item(0).data(Qt.ItemDataRole.UserRole + 1))
    beside = folder / f"{made.stem} (2).html"
    assert beside.is_file() and '<html lang="en">' in beside.read_text(encoding="utf-8")
    assert stale.read_text() == "an earlier page, kept"
    assert beside.name in page.result.text() and "screen reader" in page.result.text()
