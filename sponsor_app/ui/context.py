"""The open group file as the window sees it: the store, undo stack and the change signal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.errors import SponsorDeskError
from ..services.results import GroupInfo


class ServiceCommand(QUndoCommand):
    """One undoable edit. `apply()` does it (returning a token such as a new id) and
    `revert(token)` takes it back. The first apply happens before the push, so that its
    errors reach the form that asked for it; Qt cannot carry exceptions out of redo()."""

    def __init__(
        self,
        context: GroupContext,
        text: str,
        what: str,
        apply: Callable[[], Any],
        revert: Callable[[Any], Any],
        token: Any,
    ):
        super().__init__(text)
        self._context, self._what = context, what
        self._apply, self._revert, self._token = apply, revert, token
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self._token = self._context.guarded(self._apply, self._what)

    def undo(self) -> None:
        self._context.guarded(lambda: self._revert(self._token), self._what)


class GroupContext(QObject):
    """Owns the open Store. Pages read through services and write through `execute`."""

    opened = Signal()
    closed = Signal()
    changed = Signal(str)  # what changed: "households", "tasks", "volunteers", "funds", ...
    error = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store = None
        self.info: GroupInfo | None = None
        self.last_saved: datetime | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def is_open(self) -> bool:
        return self.store is not None

    @property
    def path(self) -> Path | None:
        return self.store.path if self.store else None

    def open(self, path: Path) -> None:
        """Open `path` (closing any open file first). Raises known errors for the caller to show."""
        from ..services.groups import open_group  # the first open loads SQLAlchemy

        store = open_group(path)
        self.close()
        self.store = store
        self.info = self._group_info()
        self.last_saved = None
        self.opened.emit()

    def close(self) -> None:
        if self.store is None:
            return
        self.undo_stack.clear()
        self.store.close()
        self.store, self.info = None, None
        self.closed.emit()

    def execute(
        self, text: str, what: str, apply: Callable[[], Any], revert: Callable[[Any], Any]
    ) -> Any:
        """Do an edit now and put it on the undo stack. Errors propagate to the caller."""
        token = apply()
        self._saved(what)
        self.undo_stack.push(ServiceCommand(self, text, what, apply, revert, token))
        return token

    def execute_removal(
        self,
        text: str,
        what: str,
        remove: Callable[[int], Any],
        restore: Callable[[], int],
        row_id: int,
    ) -> None:
        """Delete a row undoably. Undo restores it under a new id; redo must delete that one,
        so both steps share the id through one cell rather than each keeping its own."""
        current = [row_id]

        def revert(_token: Any) -> None:
            current[0] = restore()

        self.execute(text, what, lambda: remove(current[0]), revert)

    def guarded(self, action: Callable[[], Any], what: str) -> Any:
        """Run an undo or redo: known errors become a message, bugs go to the crash dialog.

        Either way the steps left on the stack may no longer match the file, so the stack is
        cleared (after this step returns: Qt does not allow it from inside one)."""
        try:
            result = action()
        except SponsorDeskError as error:
            self.error.emit(
                str(error) + " " + self.tr("Undo history was cleared to keep your data safe.")
            )
            QTimer.singleShot(0, self.undo_stack.clear)
            return None
        except Exception:
            QTimer.singleShot(0, self.undo_stack.clear)
            sys.excepthook(*sys.exc_info())
            return None
        self._saved(what)
        return result

    def notify(self, what: str) -> None:
        """A write made outside `execute` (an import on a worker) has been committed.

        Earlier undo steps could now write back over what it changed, so they are dropped."""
        self.undo_stack.clear()
        self._saved(what)

    def _saved(self, what: str) -> None:
        self.last_saved = datetime.now().astimezone()
        if what == "group":
            self.info = self._group_info()
        self.changed.emit(what)

    def _group_info(self) -> GroupInfo:
        from ..services.groups import group_info

        return group_info(self.store)
