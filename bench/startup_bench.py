"""Start to a populated main window on the large demo, against a bare PySide6 window.

Each figure is wall-clock time from launching a fresh Python process to the window having
painted its first page, so interpreter start-up and every import are included for both.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
print("ready", flush=True)
"""

APP = """
import sys
from PySide6.QtWidgets import QApplication
from sponsor_app.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow()
window.show()
window.open_file(sys.argv[1])
app.processEvents()
assert window.dashboard.overdue.model.rowCount() > 0, "dashboard not populated"
print("ready", flush=True)
"""


def _launch(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.stdout.close()
    process.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"the window did not start (exit {process.returncode})")
    return elapsed


def run(large_demo: Path) -> list[str]:
    _launch(BARE)  # warm the file cache once so neither side pays for the first disk read
    _launch(APP, str(large_demo))
    bare = statistics.median(_launch(BARE) for _ in range(RUNS))
    app = statistics.median(_launch(APP, str(large_demo)) for _ in range(RUNS))
    return [
        f"bare PySide6 window:             {bare:6.3f} s   median of {RUNS}",
        f"start to populated main window:  {app:6.3f} s   median of {RUNS}, large demo "
        f"(budget: <= 0.5 s)",
        f"ratio app / bare:                {app / bare:6.2f} x   (budget: <= 4x)",
    ]
