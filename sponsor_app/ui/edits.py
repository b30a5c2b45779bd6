"""How controllers write: every action is one undoable step through the open group's context.

The shape written on every page, "a form -> Save -> the service, as one undoable step; a refusal
shown under its field and the form kept open", is `Edits.with_dialog`; a write with no form
(delete, archive, tick) is `Edits.now`. A refusal reaches the person under the form's field, or
through the window's one error path; the page refreshes from the change signal, never by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import GroupContext

Description = str | Callable[[Any], str]
Removal = str | Callable[[Any], str | None] | None


class Edits:
    def __init__(self, context: GroupContext):
        self.context = context

    def with_dialog(
        self,
        dialog,
        description: Description,
        operation: Callable[[Any, Any], Any],
        *,
        confirm: Callable[[Any], Any] | None = None,
        removal: Removal = None,
        then: Callable[[Any], None] | None = None,
    ) -> bool:
        """Open `dialog` (a FormDialog); its Save runs `operation(store, value)` as one undoable
        step named `description`. A removal passes what the person is told once it is done
        ("Budget removed."); both may be words, or made from the value. `confirm(value)` may
        ask first and return the value to save, or None to keep the form open as it is. After
        a save the dialog closes and `then(result)` gets what the operation returned. Returns
        whether something was saved."""
        results: list[Any] = []

        def save(value):
            if confirm is not None:
                value = confirm(value)
                if value is None:
                    return False  # the person chose not to: the form stays as it was
            words = description(value) if callable(description) else description
            removed = removal(value) if callable(removal) else removal
            store = self.context.store
            results.append(
                self.context.execute(words, lambda: operation(store, value), removal=removed)
            )
            return None

        dialog.save_callback = save
        saved = bool(dialog.exec()) and bool(results)
        if saved and then is not None:
            then(results[-1])
        return saved

    def now(
        self, description: str, operation: Callable[[Any], Any], *, removal: str | None = None
    ) -> Any:
        """Run `operation(store)` at once as one undoable step and return what it returned. A
        refusal propagates: a dialog shows it over itself, and from a page's button it reaches
        the person through the window's one error path (errors.py)."""
        store = self.context.store
        return self.context.execute(description, lambda: operation(store), removal=removal)
