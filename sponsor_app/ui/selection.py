"""An action on the selected row, written once: find the row, and with none do nothing.

A button for such an action is greyed while nothing is selected, but its key, a menu or a
double-click can still ask; the action then quietly does nothing rather than fail."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any


def on_selected(find: str) -> Callable[[Callable[[Any, Any], Any]], Callable[[Any], Any]]:
    """`@on_selected("selected_property")` on `def archive_property(self, prop)`: the action
    is called as `archive_property()` and gets what `self.selected_property()` returns."""
    selected = attrgetter(find)

    def wrap(action: Callable[[Any, Any], Any]) -> Callable[[Any], Any]:
        # No functools.wraps: Qt reads the signature to choose what a signal passes, and
        # the action must get no `checked` from a button's clicked(bool).
        def run(self):
            row = selected(self)()
            return None if row is None else action(self, row)

        run.__name__, run.__qualname__ = action.__name__, action.__qualname__
        run.__doc__ = action.__doc__
        return run

    return wrap
