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
from sponsor_app.services.snapshot import forget_snapshot
from sponsor_app.ui.main_window import MainWindow
if sys.argv[2] == "cold":
    forget_snapshot(sys.argv[1])
app = QApplication([])
window = MainWindow()
window.show()
window.start(sys.argv[1])  # what `sponsor-app FILE` does
while window.dashboard.overdue.model.rowCount() == 0:
    app.processEvents()
window.repaint()  # populated and painted
print("ready", flush=True)
while not window.context.is_open:  # let the file open, then close it as a person would
    app.processEvents()
window.close()
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
    _launch(APP, str(large_demo), "cold")
    bare = statistics.median(_launch(BARE) for _ in range(RUNS))
    cold = statistics.median(_launch(APP, str(large_demo), "cold") for _ in range(RUNS))
    warm = statistics.median(_launch(APP, str(large_demo), "warm") for _ in range(RUNS))
    return [
        f"bare PySide6 window:             {bare:6.3f} s   median of {RUNS}",
        f"start to populated main window:  {warm:6.3f} s   median of {RUNS}, large demo, "
        f"dashboard saved at the last close   (budget: <= 0.5 s)",
        f"ratio app / bare:                {warm / bare:6.2f} x   (budget: <= 4x)",
        f"the same with no saved dashboard: {cold:6.3f} s ({cold / bare:.2f} x), the first start "
        "of the day or after another program changed the file",
    ]
