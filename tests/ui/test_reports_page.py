"""The Reports page driven as a person would: choose the report, type the narrative, Generate,
see it listed; the narrative is kept in the file for that period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from sponsor_app.domain.periods import Period
from sponsor_app.services.narratives import narrative
from sponsor_app.ui.pages.registry import index_of

from ..reports.helpers import text_of
from .conftest import answering_message, type_date


def test_generate_the_evaluation_with_a_narrative(qtbot, window, small_demo):
    assert window.open_file(small_demo)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.page("reports")
    assert window.page_stack.currentIndex() == index_of("reports")
    assert page.kind.currentText() == "Pilot evaluation report"
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    assert page.kind.currentText() == "Financial statement"
    assert not page.narrative_box.isEnabled()
    qtbot.keyClick(page.kind, Qt.Key.Key_Up)
    assert page.narrative_box.isEnabled()
    qtbot.mouseClick(page.highlights, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.highlights, "Both children settled at school by week two.")
    qtbot.keyClicks(page.challenges, "Finding work near the bus route.")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recent.count() == 1, timeout=20_000)
    made = Path(page.recent.item(0).data(Qt.ItemDataRole.UserRole + 1))
    assert made.exists() and made.parent == small_demo.parent / "Reports"
    assert page.open_button.isEnabled() and "Saved" in page.result.text()
    text = text_of(made)
    assert "Both children settled at school by week two." in text
    assert "Finding work near the bus route." in text
    saved = narrative(window.context.store, page.period())
    assert saved.highlights == "Both children settled at school by week two."
    assert window.undo_action.text().startswith("&Undo Save the report narrative")

    page.named.setChecked(True)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recent.count() == 2, timeout=20_000)
    assert "(named)" in page.recent.item(0).text()
    assert Path(page.recent.item(0).data(Qt.ItemDataRole.UserRole + 1)) != made


def test_the_roster_is_always_named(qtbot, window, small_demo):
    assert window.open_file(small_demo)
    window.show_page("reports")
    page = window.page("reports")
    page.kind.setCurrentIndex(page.kind.findData("roster"))
    assert page.named.isChecked() and not page.named.isEnabled()
    assert not page.bundle.isEnabled() and not page.households.isEnabled()


def test_the_period_is_typed_like_every_date(window, qtbot, small_demo):
    """Issue 12, item 7 on the Reports page too: 31/03/2026 typed is taken, in the group's
    order, and a period that ends before it starts makes no report but says why."""
    window.open_file(small_demo)
    window.show_page("reports")
    page = window.page("reports")
    type_date(qtbot, page.start, date(2025, 7, 1))
    type_date(qtbot, page.end, date(2026, 3, 31))
    assert page.period() == Period(date(2025, 7, 1), date(2026, 3, 31))
    type_date(qtbot, page.end, date(2025, 6, 30))
    seen: list[str] = []
    with answering_message(qtbot, seen):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert seen == ["The period ends before it starts: swap the dates."]
