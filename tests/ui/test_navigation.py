"""Keyboard navigation: Ctrl+1..7 switch pages in order; pages not built yet say so."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sponsor_app.ui.pages.base import ComingPage


@pytest.mark.parametrize("number", range(1, 8))
def test_ctrl_number_switches_page(window, small_demo, number):
    window.open_file(small_demo)
    QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.page_stack.currentIndex() == number - 1
    assert window.navigation.currentRow() == number - 1
    page = window.current_page()
    if isinstance(page, ComingPage):
        assert "Coming soon" in page.findChildren(type(window.file_label))[-1].text()


def test_every_action_has_a_shortcut_or_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()
