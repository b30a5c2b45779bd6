"""The open group file as the window sees it: the store, the undo stack and the change signal.

Every write is a change set in the file (storage/changesets.py). The undo stack keeps their
ids: undo reverts a step's change sets, redo reverts that revert. Pages learn what changed
from one signal carrying each committed change set's tables and ids.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..domain.changes import Changes, Topic
from ..domain.errors import SponsorDeskError
from ..services.results import GroupInfo


class ChangeSetCommand(QUndoCommand):
    """One step on the undo stack: the change sets one action wrote.

    The action itself has already happened when the step is pushed (so that its errors reach
    the form that asked for it), which is why the first redo() does nothing."""

    def __init__(self, context: GroupContext, text: str, change_set_ids: list[int]):
        super().__init__(text)
        self._context = context
        self._applied = list(change_set_ids)  # what redo last did (or the action itself)
        self._reverted: list[int] = []  # what undo last did
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._applied = self._context.revert(self._reverted, self.text(), self) or []

    def undo(self) -> None:
        self._reverted = (
            self._context.revert(
                list(reversed(self._applied)),
                self._context.tr("Undo: {}").format(self.text()),
                self,
            )
            or []
        )


class GroupContext(QObject):
    """Owns the open Store. Pages read through services and write through `execute`."""

    opened = Signal()
    closed = Signal()
    changed = Signal(object)  # Changes: a committed change set's topics, tables and row ids
    removed = Signal(str)  # a removal is now the last step on the undo stack: what went
    error = Signal(str)
    busy_changed = Signal(bool)  # a write is running off the GUI thread
    file_lost = Signal()  # the open file was moved or deleted: the store stopped writing
    _committed = Signal(object)  # from whichever thread wrote; delivered on the GUI thread

    # How often the window looks whether its file is still where it was opened (a stat).
    PLACE_CHECK_MS = 2000

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store = None
        self.info: GroupInfo | None = None
        self.last_saved: datetime | None = None
        self.undo_stack = QUndoStack(self)
        self.busy = False
        self.lost = False
        self._committed.connect(self._on_committed, Qt.ConnectionType.AutoConnection)
        self._place_timer = QTimer(self)
        self._place_timer.setInterval(self.PLACE_CHECK_MS)
        self._place_timer.timeout.connect(self.check_in_place)

    @property
    def is_open(self) -> bool:
        return self.store is not None

    @property
    def path(self) -> Path | None:
        return self.store.path if self.store else None

    def open(self, path: Path) -> None:
        """Open `path` (closing any open file first). Raises known errors for the caller to show."""
        from ..services.group.groups import open_group  # the first open loads SQLAlchemy

        store = open_group(path)
        self.close()
        self.store = store
        self.lost = False
        store.subscribe(self._committed.emit)
        self.info = self._group_info()
        self.last_saved = None
        self._place_timer.start()
        self.opened.emit()

    def check_in_place(self) -> bool:
        """Is the open file still where it was opened? The first time it is not, `file_lost`
        is emitted (once): the store has stopped writing, and what it holds can be saved."""
        if self.store is None or self.lost:
            return not self.lost
        if not self.store.still_in_place():
            self.lost = True
            self._place_timer.stop()
            self.file_lost.emit()
        return not self.lost

    def close(self) -> None:
        self._place_timer.stop()
        if self.store is None:
            return
        self.undo_stack.clear()
        self.store.unsubscribe(self._committed.emit)
        self.store.close()
        self.store, self.info = None, None
        self.closed.emit()

    # --- writing ----------------------------------------------------------------------------
    def execute(self, text: str, apply: Callable[[], Any], removal: str | None = None) -> Any:
        """Do an edit now (its change sets named `text`) and put it on the undo stack.

        Errors propagate to the caller, and a failed edit leaves nothing on the stack. A
        removal (a delete, an archive) passes what the person is told once it is done
        ("Transaction deleted."): `removed` carries it to the window, which offers Undo."""
        try:
            with self.store.describing(text), self.store.recording() as recorded:
                result = apply()
        except SponsorDeskError:
            # A write refused because the file moved is shown by the caller; the window learns
            # of it here too, once the caller's message is out of the way.
            QTimer.singleShot(0, self.check_in_place)
            raise
        if self._push(text, recorded) and removal:
            self.removed.emit(removal)
        return result

    def run_write(
        self,
        parent: QWidget,
        text: str,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_known_error: Callable[[SponsorDeskError], None],
        cancellable: bool = False,
    ) -> None:
        """A long write (an import) on a worker thread, as one undoable step.

        Undo and redo are off from this moment until it ends, so nothing can be undone under
        it before the progress dialog shows. With `cancellable`, `work` takes the worker's
        Progress (report, cancelled) and the dialog offers Cancel: the work then raises, its
        transaction rolls back, and nothing reaches the undo stack."""
        from .worker import run_in_background

        store = self.store

        def in_worker(*progress):
            with store.describing(text), store.recording() as recorded:
                return work(*progress), list(recorded)

        def done(outcome) -> None:
            result, recorded = outcome
            self._set_busy(False)
            self._push(text, recorded)
            on_done(result)

        def failed(error: SponsorDeskError) -> None:
            self._set_busy(False)
            on_known_error(error)

        self._set_busy(True)
        run_in_background(
            parent,
            label,
            in_worker,
            done,
            failed,
            on_bug=lambda: self._set_busy(False),
            cancellable=cancellable,
        )

    def _push(self, text: str, recorded: list[Changes]) -> bool:
        if recorded:
            ids = [changes.change_set_id for changes in recorded]
            self.undo_stack.push(ChangeSetCommand(self, text, ids))
        return bool(recorded)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def revert(
        self, change_set_ids: list[int], text: str, command: QUndoCommand
    ) -> list[int] | None:
        """Undo or redo one step; if the file refuses (later work would be lost), say why and
        drop that step from the stack. Returns the id of the change set the revert wrote."""
        from ..services.files.history import revert

        if not change_set_ids:
            return []
        try:
            changes = revert(self.store, change_set_ids, text)
        except SponsorDeskError as refusal:
            command.setObsolete(True)
            self.error.emit(str(refusal))
            QTimer.singleShot(0, self.check_in_place)
            return None
        except Exception:
            command.setObsolete(True)
            sys.excepthook(*sys.exc_info())
            return None
        return [changes.change_set_id] if changes.change_set_id else []

    def _on_committed(self, changes: Changes) -> None:
        self.last_saved = datetime.now().astimezone()
        if Topic.GROUP in changes.topics:
            self.info = self._group_info()
        self.changed.emit(changes)

    def _group_info(self) -> GroupInfo:
        from ..services.group.groups import group_info
        from .formatting import use_locale

        info = group_info(self.store)
        use_locale(info.locale)  # date fields read and write dates in the group's order
        return info
