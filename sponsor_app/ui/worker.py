"""Run slow work (demo files, copies) off the GUI thread with a progress dialog.

The work function gets no widgets and opens its own store if it needs one; the callbacks run
back on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import SponsorDeskError


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Progress:
    """Handed to cancellable work: it reports how far it is and asks whether to stop. Both
    are safe from the worker thread (a queued signal and a threading.Event)."""

    def __init__(self, signals: _Signals):
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


# Jobs stay referenced until their result is delivered: otherwise Python may collect the
# runnable (and its signals object) before the queued result reaches the GUI thread.
_RUNNING: set[_Job] = set()


class _Job(QRunnable):
    def __init__(self, work: Callable[..., Any], cancellable: bool = False):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.progress = Progress(self.signals) if cancellable else None

    def run(self) -> None:
        try:
            result = self.work(self.progress) if self.progress is not None else self.work()
        except BaseException as error:  # handed to the GUI thread, which decides how to show it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_known_error: Callable[[SponsorDeskError], None],
    on_bug: Callable[[], None] | None = None,
    cancellable: bool = False,
) -> _Job:
    """Run `work` on the thread pool. With `cancellable`, work is called with a Progress and
    the dialog shows a bar and a Cancel button; cancelling asks the work to stop."""
    progress = QProgressDialog(label, parent.tr("Cancel") if cancellable else "", 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(200)  # quick jobs never flash a dialog
    progress.setAutoReset(False)
    progress.setAutoClose(False)
    job = _Job(work, cancellable)
    if job.progress is not None:
        progress.canceled.connect(job.progress.cancel)

        def moved(done: int, total: int) -> None:
            if progress.maximum() != total:
                progress.setMaximum(max(total, 1))
            progress.setValue(min(done, total))

        job.signals.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)

    def finished(result: Any) -> None:
        _RUNNING.discard(job)
        progress.close()
        on_done(result)

    def failed(error: BaseException) -> None:
        _RUNNING.discard(job)
        progress.close()
        if isinstance(error, SponsorDeskError):
            on_known_error(error)
        else:
            if on_bug is not None:
                on_bug()
            sys.excepthook(type(error), error, error.__traceback__)

    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def run_quietly(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Job:
    """Run `work` on the thread pool with no dialog (a preview that keeps itself up to date
    while the person goes on typing); the callbacks run on the GUI thread."""
    job = _Job(work)

    def finished(result: Any) -> None:
        _RUNNING.discard(job)
        on_done(result)

    def failed(error: BaseException) -> None:
        _RUNNING.discard(job)
        on_error(error)

    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
    return job
