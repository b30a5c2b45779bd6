"""Undo of a 1,200-row import: reverting its change set, on a copy of the large demo."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from sponsor_app.services.files.history import revert
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.imports.transaction_io import import_transactions

ROWS = 1_200


def _sheet(folder: Path) -> Path:
    source = folder / "bank-export.csv"
    lines = ["date,kind,amount,category,counterparty,method,reference,household,note"]
    for n in range(ROWS):
        kind, category = ("income", "Donations") if n % 3 else ("expense", "Food")
        lines.append(
            f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d},{kind},{n % 90 + 5}.25,{category},"
            f"Supporter {n},bank,IMP{n:05d},,imported"
        )
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def run(large_demo: Path, folder: Path) -> list[str]:
    copy = folder / "history-bench.sponsor"
    shutil.copyfile(large_demo, copy)
    source = _sheet(folder)
    with open_group(copy) as store:
        started = time.perf_counter()
        with store.recording() as recorded:
            import_transactions(store, source)
        import_seconds = time.perf_counter() - started
        started = time.perf_counter()
        undone = revert(store, recorded[0].change_set_id)
        undo_seconds = time.perf_counter() - started
        started = time.perf_counter()
        revert(store, undone.change_set_id)
        redo_seconds = time.perf_counter() - started
    return [
        f"import {ROWS:,} transactions (one change set): {import_seconds:6.3f} s",
        f"undo of that import (revert {undone.row_count:,} rows): {undo_seconds:6.3f} s   "
        "(budget: <= 1 s)",
        f"redo of it:                        {redo_seconds:6.3f} s",
    ]
