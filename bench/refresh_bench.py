"""One saved edit on the huge demo, with the page that shows it in view: how long the page's
refresh adds to the write (the same edit with the page out of view is the write alone).

Runs in a fresh process, like the Funds bench, so nothing another bench loaded is warm.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, statistics, sys, time
from datetime import date, timedelta
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sponsor_app.services.funds import ledger
from sponsor_app.services.roster import hours
from sponsor_app.services.roster.volunteers import list_volunteers
from sponsor_app.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow()
window.resize(1280, 900)
window.show()
window.open_file(sys.argv[1])
QTest.qWait(1500)
context = window.context
store = context.store
from dataclasses import replace
from sponsor_app.services.funds.ledger_view import open_ledger
transaction_id = open_ledger(store)[1].ids[-1]  # the newest: in view, newest first
volunteer = next(v for v in list_volunteers(store) if v.active)
counter = iter(range(1_000_000))

def edit_note():
    data = ledger.transaction_input(store, transaction_id)
    changed = replace(data, note=f"bench {next(counter)}")
    context.execute("Edit transaction", lambda: ledger.edit_transaction(store, transaction_id, changed))

def log_hours():
    day = date(2020, 1, 1) + timedelta(days=next(counter))  # one entry a day: no duplicate
    data = hours.HoursInput(volunteer.id, day, 30, "Bench")
    context.execute("Log hours", lambda: hours.log_hours(store, data))

def timed(page, other, edit, times=9):
    figures = {}
    for shown in (other, page):
        window.show_page(shown)
        app.processEvents()
        edit()  # warm
        app.processEvents()
        runs = []
        for _ in range(times):
            started = time.perf_counter()
            edit()
            app.processEvents()
            runs.append(time.perf_counter() - started)
        figures[shown] = statistics.median(runs) * 1000
    return figures[page], figures[other]

funds_shown, funds_hidden = timed("funds", "households", edit_note)
roster_shown, roster_hidden = timed("volunteers", "households", log_hours)
print(json.dumps({
    "funds": [funds_shown, funds_hidden],
    "roster": [roster_shown, roster_hidden],
}))
"""


def run(huge: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(huge)],
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    lines = []
    for key, what in (("funds", "a transaction's note, Ledger"), ("roster", "hours, Volunteers")):
        shown, hidden = figures[key]
        lines.append(
            f"huge demo, one saved edit ({what} in view): {shown:6.1f} ms median, of which the "
            f"page's refresh {shown - hidden:6.1f} ms"
        )
    return lines


if __name__ == "__main__":
    for line in run(Path(sys.argv[1])):
        print(line)
