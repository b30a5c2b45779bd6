"""The Settlement plan page: open it for all households, and one filter change.

Runs in a fresh process per demo file, the window shown as a person would use it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sponsor_app.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow()
window.resize(1366, 768)
window.show()
window.open_file(sys.argv[1])
QTest.qWait(1000)
started = time.perf_counter()
window.show_page("plan")
app.processEvents()
open_seconds = time.perf_counter() - started
page = window.page("plan")
tasks = len(page._tasks)
changes = []
for box in (page.overdue, page.overdue, page.this_week, page.this_week) * 3:
    started = time.perf_counter()
    box.setChecked(not box.isChecked())  # each toggle refilters and repaints the tree
    app.processEvents()
    changes.append(time.perf_counter() - started)
started = time.perf_counter()
page.area.setCurrentIndex(3)
app.processEvents()
changes.append(time.perf_counter() - started)
print(json.dumps({"open": open_seconds, "changes": changes, "tasks": tasks}))
"""


def run(path: Path, label: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    changes = [c * 1000 for c in figures["changes"]]
    return [
        f"{label}, open the plan page ({figures['tasks']} tasks, all households): "
        f"{figures['open']:6.3f} s   (budget: <= 0.3 s)",
        f"{label}, one filter change: {statistics.median(changes):6.1f} ms median, "
        f"{max(changes):.1f} ms worst of {len(changes)}   (budget: <= 50 ms)",
    ]
