"""PySide6 must not drop references to None, True or False (6.12.0 on Python 3.11 does).

On Python 3.11 these objects are not immortal: a binding that releases a reference it never
took makes their count fall until the interpreter aborts (`none_dealloc`, `bool_dealloc`),
which killed the window on quit after about 15 minutes of use. Driving the event loop hard and
watching the counts catches such a release long before it is fatal.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.slow


class _Emitter(QObject):
    flag = Signal(bool)
    nothing = Signal(object)


def _counts() -> tuple[int, int, int]:
    # Windows and models earlier tests in this worker let go of are freed whenever Qt runs
    # their deferred deletes or the collector runs: tens of thousands of references to None
    # at once (CI saw 80,000). Free them before each count so only a binding's drop shows.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _not_fallen(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    # Slack for objects the loop legitimately lets go of (a worker that ran other tests first
    # frees a few hundred); a release per call falls by one per call: 100,000, 20,000 and 1,200
    # in the tests below.
    return all(a >= b - 1000 for a, b in zip(after, before, strict=True))


def test_process_events_keeps_none_true_and_false(qapp):
    app = QApplication.instance()
    for _ in range(100):  # warm up: first calls create caches that hold references
        app.processEvents()
    before = _counts()
    for _ in range(100_000):
        app.processEvents()
    assert _not_fallen(before, _counts()), (before, _counts())


def test_signals_with_bool_and_none_keep_their_counts(qapp):
    emitter = _Emitter()
    seen: list[object] = []
    emitter.flag.connect(lambda value: seen.append(value))
    emitter.nothing.connect(lambda value: seen.append(value))
    before = _counts()
    for n in range(20_000):
        emitter.flag.emit(n % 2 == 0)
        emitter.nothing.emit(None)
        if len(seen) > 1000:
            seen.clear()
    seen.clear()
    assert _not_fallen(before, _counts()), (before, _counts())


def test_switching_pages_keeps_the_counts(window, small_demo, qtbot):
    assert window.open_file(small_demo)
    app = QApplication.instance()
    for number in range(len(window.pages)):
        window.show_page(number)  # build every page once before measuring
    app.processEvents()
    before = _counts()
    for turn in range(400):
        window.show_page(turn % len(window.pages))
        for _ in range(3):  # 1,200 calls in all: a release per call would fall past the slack
            app.processEvents()
    assert _not_fallen(before, _counts()), (before, _counts())
