"""Writing the large demo, and one saved edit with its audit row and fsync."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from sponsor_app.services.demo.demo import write_demo
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.roster.volunteers import VolunteerInput, edit_volunteer, list_volunteers

EDITS = 200


def run(folder: Path) -> list[str]:
    path = folder / "large.sponsor"
    started = time.perf_counter()
    write_demo(path, "large")
    write_seconds = time.perf_counter() - started

    timings = []
    with open_group(path) as store:
        volunteer = list_volunteers(store)[0]
        for n in range(EDITS):
            data = VolunteerInput(
                full_name=volunteer.full_name, roles=("volunteer",), phone=f"021 555 {n:04d}"
            )
            started = time.perf_counter()
            edit_volunteer(store, volunteer.id, data)
            timings.append(time.perf_counter() - started)
    median_ms = statistics.median(timings) * 1000
    p95_ms = statistics.quantiles(timings, n=20)[-1] * 1000
    return [
        f"write the large demo:            {write_seconds:6.2f} s   (issue budget: < 10 s)",
        f"one saved edit (change set, audit rows, fsync): {median_ms:6.2f} ms median, "
        f"{p95_ms:.2f} ms p95 over {EDITS}   (budget: <= 15 ms median)",
    ]
