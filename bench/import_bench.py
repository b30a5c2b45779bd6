"""Import figures: 100,000 transactions as one change set, and reading a 50 MB file.

Each run is its own process, so its peak memory (VmHWM) is the import's alone and not the
demo files the other benchmarks wrote before it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROWS = 100_000
HEADER = "date,kind,amount,category,counterparty,method,reference,household,note\n"
CATEGORIES = (
    ("income", "Donations"),
    ("expense", "Food"),
    ("expense", "Rent"),
    ("income", "Grants"),
)


def write_transactions(path: Path, rows: int, note: str = "") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for n in range(rows):
            kind, category = CATEGORIES[n % 4]
            day = f"20{24 + n % 3}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
            handle.write(
                f"{day},{kind},{n % 997 + 1}.{n % 100:02d},{category},Counterparty {n % 1500},"
                f"card,R{n},,{note or 'imported'}\n"
            )
    return path


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child(kind: str, group: str, source: str) -> None:
    """Run in a fresh process: one import (or preview) and its figures on one line."""
    from sponsor_app.services.group.groups import NewGroup, create_group
    from sponsor_app.services.imports.engine import preview_import, run_import
    from sponsor_app.services.imports.fields import ImportKind
    from sponsor_app.services.imports.model import ImportRequest

    store = create_group(Path(group), NewGroup(name="Bench group"))
    request = ImportRequest(ImportKind.TRANSACTIONS, Path(source))
    started = time.perf_counter()
    if kind == "import":
        result = run_import(store, request)
        count = result.added
    else:
        count = preview_import(store, request).total
    elapsed = time.perf_counter() - started
    store.close()
    print(f"{elapsed:.2f} {_peak_mb():.0f} {count}")


def _measure(kind: str, group: Path, source: Path) -> tuple[float, float, int]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_bench", kind, str(group), str(source)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    )
    seconds, peak, count = done.stdout.split()
    return float(seconds), float(peak), int(count)


def run(folder: Path) -> list[str]:
    lines = []
    source = write_transactions(folder / "100k.csv", ROWS)
    seconds, peak, count = _measure("import", folder / "import-100k.sponsor", source)
    lines.append(
        f"import {count:,} transactions ({source.stat().st_size / 2**20:.1f} MB CSV) as one "
        f"change set: {seconds:.2f} s, peak memory {peak:.0f} MB (budget 10 s, 300 MB)"
    )
    seconds, peak, count = _measure("preview", folder / "preview-100k.sponsor", source)
    lines.append(
        f"preview of the same file (every row read, nothing written): {seconds:.2f} s, {peak:.0f} MB"
    )
    big = write_transactions(folder / "50mb.csv", 400_000, note="x" * 70)
    size = big.stat().st_size / 2**20
    for kind in ("preview", "import"):
        seconds, peak, count = _measure(kind, folder / f"{kind}-50mb.sponsor", big)
        lines.append(
            f"{kind} of a {size:.0f} MB file ({count:,} rows): {seconds:.2f} s, peak memory "
            f"{peak:.0f} MB (a 50 MB file took 1.2 GB before rows were streamed)"
        )
    return lines


if __name__ == "__main__":
    _child(*sys.argv[1:4])
