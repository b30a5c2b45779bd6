"""Run every benchmark and print its figures (copy them into docs/benchmarks.md)."""

from __future__ import annotations

import os
import platform
import tempfile
from datetime import date
from pathlib import Path

from . import (
    backup_bench,
    funds_bench,
    history_bench,
    import_bench,
    plan_bench,
    privacy_bench,
    reports_bench,
    startup_bench,
    storage_bench,
    sync_bench,
    sync_run_bench,
)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sponsor-bench-") as folder:
        os.environ["SPONSOR_DESK_HOME"] = str(Path(folder) / "home")
        print(
            f"Sponsor Desk benchmarks, {date.today()}, {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}"
        )
        for line in storage_bench.run(Path(folder)):
            print(line, flush=True)
        for line in sync_bench.run(Path(folder), Path(folder) / "large.sponsor"):
            print(line, flush=True)
        for line in sync_run_bench.run(Path(folder)):
            print(line, flush=True)
        for line in history_bench.run(Path(folder) / "large.sponsor", Path(folder)):
            print(line, flush=True)
        for line in plan_bench.run(Path(folder) / "large.sponsor", "large demo"):
            print(line, flush=True)
        for line in import_bench.run(Path(folder)):
            print(line, flush=True)
        for line in startup_bench.run(Path(folder) / "large.sponsor"):
            print(line, flush=True)
        for line in startup_bench.run_installed(Path(folder) / "large.sponsor"):
            print(line, flush=True)
        for line in startup_bench.run_commands(Path(folder) / "large.sponsor"):
            print(line, flush=True)
        for line in reports_bench.run(Path(folder) / "large.sponsor"):
            print(line, flush=True)
        from sponsor_app.services.demo.demo import write_demo

        huge = write_demo(Path(folder) / "huge.sponsor", "huge")
        for line in funds_bench.run(huge):
            print(line, flush=True)
        for line in plan_bench.run(huge, "huge demo"):
            print(line, flush=True)
        for line in reports_bench.run_huge(huge):
            print(line, flush=True)
        for line in backup_bench.run(huge):
            print(line, flush=True)
        for line in privacy_bench.run(Path(folder) / "large.sponsor", huge, Path(folder)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
