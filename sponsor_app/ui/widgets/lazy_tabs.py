"""Tabs that read the file only when they are looked at.

A page with several tabs refreshes the one shown; the others are marked stale and read again
the next time the person switches to them, so a write costs one tab's reading, not all."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    def __init__(self, tabs: QTabWidget, is_open: Callable[[], bool]):
        self.tabs = tabs
        self._is_open = is_open
        self._stale: set[QWidget] = set()
        tabs.currentChanged.connect(lambda _index: self.refresh_shown())

    def add(self, tab, title: str):
        """Add `tab` (a widget with `refresh()`) under `title`; returns it."""
        self.tabs.addTab(tab, title)
        return tab

    def stale(self, *tabs: QWidget) -> None:
        """These tabs show old rows: the one shown reads now, the others when shown."""
        self._stale.update(tabs)
        self.refresh_shown()

    def refresh_shown(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale and self._is_open():
            self._stale.discard(tab)
            tab.refresh()
