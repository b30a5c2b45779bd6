"""Run slow work (demo files, copies) off the GUI thread with a progress dialog.

The work function gets no widgets and opens its own store if it needs one; the callbacks run
back on the GUI thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import SponsorDeskError


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


# Jobs stay referenced until their result is delivered: otherwise Python may collect the
# runnable (and its signals object) before the queued result reaches the GUI thread.
_RUNNING: set[_Job] = set()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
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
) -> _Job:
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(200)  # quick jobs never flash a dialog
    job = _Job(work)

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
