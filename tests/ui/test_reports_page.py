"""The Reports page driven as a person would: choose the report, type the narrative, Generate,
see it listed; the narrative is kept in the file for that period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from sponsor_app.domain.periods import Period
from sponsor_app.services.reporting.narratives import narrative
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
    # what leaves the file is shown before it is written
    qtbot.waitUntil(lambda: "Finding work near the bus route." in page.outgoing.toPlainText())
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
    qtbot.waitUntil(page.generate_button.isEnabled)  # offered, to say why it cannot be made
    seen: list[str] = []
    with answering_message(qtbot, seen):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert seen == ["The period ends before it starts: swap the dates."]


def _choose(qtbot, page, title: str) -> None:
    """Move through the report kinds with the arrow keys, as a person would."""
    page.kind.setFocus()
    key = Qt.Key.Key_Down if page.kind.findText(title) > page.kind.currentIndex() else Qt.Key.Key_Up
    while page.kind.currentText() != title:
        qtbot.keyClick(page.kind, key)


def _made(qtbot, page, count: int) -> Path:
    qtbot.waitUntil(page.preview_is_current, timeout=20_000)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recent.count() == count, timeout=20_000)
    return Path(page.recent.item(0).data(Qt.ItemDataRole.UserRole + 1))


def test_each_kind_keeps_its_own_include_names(qtbot, window, small_demo):
    """Issue 19 item 6: untick names for the statement, choose the roster (ticked and greyed),
    back to the statement: still unticked, and what is written is anonymised."""
    assert window.open_file(small_demo)
    window.show_page("reports")
    page = window.page("reports")
    for title in ("Pilot evaluation report", "Financial statement", "Settlement checklist"):
        _choose(qtbot, page, title)
        assert not page.named.isChecked() and page.named.isEnabled(), title  # anonymised
    _choose(qtbot, page, "Financial statement")
    on_the_box = QPoint(8, page.named.height() // 2)  # where a person clicks a check box
    qtbot.mouseClick(page.named, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert page.named.isChecked()
    qtbot.mouseClick(page.named, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert not page.named.isChecked()
    _choose(qtbot, page, "Volunteer roster")
    assert page.named.isChecked() and not page.named.isEnabled()
    _choose(qtbot, page, "Financial statement")
    assert not page.named.isChecked() and page.named.isEnabled()
    made = _made(qtbot, page, 1)
    assert "named" not in made.name and "Financial statement" in made.name
    text = text_of(made)
    assert "Payees, donors and references are left out" in text
    assert "Kāpiti Quakers" not in text and "Confidential" not in text

    # ticked for the evaluation only: the statement stays anonymised, the evaluation named
    _choose(qtbot, page, "Pilot evaluation report")
    page.named.setFocus()
    qtbot.keyClick(page.named, Qt.Key.Key_Space)
    assert page.named.isChecked()
    _choose(qtbot, page, "Financial statement")
    assert not page.named.isChecked()
    _choose(qtbot, page, "Pilot evaluation report")
    assert page.named.isChecked()
    named = _made(qtbot, page, 2)
    assert named.name.endswith("named.pdf") and "Confidential" in text_of(named)


def test_what_leaves_the_file_is_shown_and_masked_words_marked(qtbot, window, small_demo):
    """Issue 18 item 1: the page lists each typed line as the report will give it, names
    replaced and marked; the narrative marks what will be masked as it is typed."""
    assert window.open_file(small_demo)
    window.show_page("reports")
    page = window.page("reports")
    qtbot.mouseClick(page.highlights, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.highlights, "Aroha Ngata drove YASMIN to the clinic.")
    qtbot.waitUntil(page.preview_is_current, timeout=20_000)
    qtbot.waitUntil(lambda: "drove a family member" in page.outgoing.toPlainText())
    shown = page.outgoing.toPlainText()
    assert "Volunteer 1 drove a family member to the clinic." in shown
    assert "Aroha" not in shown and "YASMIN" not in shown
    (line,) = [x for x in page.outgoing.lines if x.original.startswith("Aroha")]
    assert [line.text[a:b] for a, b in line.masked] == ["Volunteer 1", "a family member"]
    # in the editor, the words that will be masked are marked
    block = page.highlights.document().firstBlock()
    marked = [(f.start, f.length) for f in block.layout().formats()]
    assert (0, len("Aroha Ngata")) in marked and (len("Aroha Ngata drove "), 6) in marked
    made = _made(qtbot, page, 1)
    text = text_of(made)
    assert "Volunteer 1 drove a family member to the clinic." in text and "Aroha" not in text
    # a named report keeps the words: nothing is marked, and the page says so
    page.named.setFocus()
    qtbot.keyClick(page.named, Qt.Key.Key_Space)
    assert "keeps every word as typed" in page.outgoing.toPlainText()
    assert not page.highlights.document().firstBlock().layout().formats()


def test_generate_waits_until_what_leaves_the_file_is_shown(qtbot, window, small_demo):
    """An anonymised report is offered only once its typed lines are on the page: Generate is
    greyed (with the reason on its tooltip) while they are read, never a refusal after a
    press; a named report, which shows nothing, is offered at once."""
    assert window.open_file(small_demo)
    window.show_page("reports")
    page = window.page("reports")
    _choose(qtbot, page, "Financial statement")
    assert not page.generate_button.isEnabled()
    assert "Reading what the report will contain" in page.generate_button.toolTip()
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=20_000)
    assert page.preview_is_current() and page.generate_button.toolTip() == ""
    _choose(qtbot, page, "Volunteer roster")  # always named: nothing to read first
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recent.count() == 1, timeout=20_000)
    assert "Check the typed text" not in page.result.text()
