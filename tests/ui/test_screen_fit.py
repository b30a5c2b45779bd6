"""Issue 12 item 13: every page fits a 1366x768 laptop screen, empty or full, so nothing
scrolls sideways and no window grows past the screen."""

from __future__ import annotations

import pytest

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.ui.pages.registry import PAGES


@pytest.fixture
def empty_group(tmp_path):
    path = tmp_path / "empty.sponsor"
    create_group(path, NewGroup(name="Empty")).close()
    return path


@pytest.mark.parametrize("which", ["empty_group", "large_demo"])
def test_every_page_fits_a_1366_by_768_screen(window, qtbot, request, which):
    window.open_file(request.getfixturevalue(which))
    window.resize(1366, 768)
    window.show()
    for entry in PAGES:
        window.show_page(entry.key)
        qtbot.wait(20)  # the page fills itself once shown
    # The stack of pages is as wide as its widest page: one that is too wide widens them all.
    needed = window.minimumSizeHint()
    assert needed.width() <= 1366 and needed.height() <= 740, needed
    assert window.width() <= 1366
