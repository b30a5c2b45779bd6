"""Start to a populated main window on the large demo, against a bare PySide6 window; the
same for `sponsor-app FILE` (what `make run` starts) and for the built app (dist/sponsor-desk,
`make bundle`); command-line reports as whole processes; the built app's size.

Each figure is wall-clock time from launching a fresh process to the window having painted
its first page (or the command having finished), so interpreter start-up and every import are
included for all of them. The window's own start is timed through SPONSOR_DESK_STARTUP_PROBE
(ui/startup_probe.py), the same way for the installed and the unbuilt app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sponsor_app.services.files.snapshot import forget_snapshot

RUNS = 5
ROOT = Path(__file__).resolve().parent.parent
# The built app measured: `make bundle`'s, or another build (to compare two) named by
# SPONSOR_DESK_BENCH_BUNDLE.
BUNDLE = Path(os.environ.get("SPONSOR_DESK_BENCH_BUNDLE") or ROOT / "dist" / "sponsor-desk")
BUNDLED_PROGRAM = BUNDLE / "sponsor-desk"

NAIVE_STATEMENT = """
import io, sys
from pathlib import Path
from reportlab.platypus import Table
from sponsor_app.reports import finances, styles
from sponsor_app.reports.template import ReportDocTemplate
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.reporting.report_data import default_period
from sponsor_app.services.reporting.statement_data import statement_data
with open_group(Path(sys.argv[1])) as store:
    data = statement_data(store, default_period(store))
with open(sys.argv[2], "wb") as out:
    doc = ReportDocTemplate(out, data.meta)
    header, widths = finances.columns(data.meta.named, doc.width)
    rows = [cells for _, cells in finances.statement_rows(data, widths)]
    table = Table([list(header), *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(styles.table_style(numeric=(len(widths) - 1,), zebra=False))
    doc.build_story([table])
"""

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
from sponsor_app.services.files.snapshot import forget_snapshot
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
    return _ready([sys.executable, "-c", script, *args])


def _ready(command: list[str], **extra: str) -> float:
    """Seconds from starting `command` to its first line of output, which must be "ready"."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.update(extra)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.stdout.close()
    process.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"the window did not start (exit {process.returncode})")
    return elapsed


def _window(program: list[str], large_demo: Path, cold: bool) -> float:
    if cold:
        forget_snapshot(large_demo)
    return _ready([*program, str(large_demo)], SPONSOR_DESK_STARTUP_PROBE="1")


def _finished(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _median(work, runs: int = RUNS) -> float:
    return statistics.median(work() for _ in range(runs))


def load_average() -> str:
    """The machine's load average (1, 5, 15 minutes): these figures are whole processes, and
    on a shared machine they move with it; every part prints it before and after."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:  # not on Windows
        return "load average: unknown"
    return f"load average: {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def _unbuilt_program() -> list[str]:
    """`sponsor-app`, as `make run` starts it (the virtual environment's script)."""
    script = Path(sys.executable).parent / "sponsor-app"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sponsor_app"]


def bundle_size() -> tuple[int, int]:
    """(bytes unpacked, files) of dist/sponsor-desk; links counted once, as the files."""
    total = files = 0
    for path in BUNDLE.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def run_installed(large_demo: Path) -> list[str]:
    """The built app beside `make run`'s start and a bare window, all in this run."""
    if not BUNDLED_PROGRAM.is_file():
        return ["built app: not measured (run `make bundle` first)"]
    unbuilt, bundled = _unbuilt_program(), [str(BUNDLED_PROGRAM)]
    before = load_average()
    _launch(BARE)
    _window(bundled, large_demo, cold=True)  # warm the file cache, write the snapshot
    _window(unbuilt, large_demo, cold=False)
    bare = _median(lambda: _launch(BARE))
    run_warm = _median(lambda: _window(unbuilt, large_demo, cold=False))
    run_cold = _median(lambda: _window(unbuilt, large_demo, cold=True))
    built_warm = _median(lambda: _window(bundled, large_demo, cold=False))
    built_cold = _median(lambda: _window(bundled, large_demo, cold=True))
    size, files = bundle_size()
    tarballs = sorted(BUNDLE.parent.glob("sponsor-desk-*.tar.gz"))
    packed = f", tarball {tarballs[-1].stat().st_size / 1e6:.0f} MB" if tarballs else ""
    return [
        f"built app against make run and a bare window, medians of {RUNS} ({before})",
        f"bare PySide6 window (this run):   {bare:6.3f} s   median of {RUNS}",
        f"`sponsor-app FILE` (make run), saved dashboard:  {run_warm:6.3f} s "
        f"({run_warm / bare:.2f} x bare {bare:.3f} s)",
        f"`sponsor-app FILE` (make run), no saved dashboard: {run_cold:6.3f} s "
        f"({run_cold / bare:.2f} x bare {bare:.3f} s)   (budget: <= 4x)",
        f"built app, saved dashboard:       {built_warm:6.3f} s ({built_warm / run_warm:.2f} x "
        f"make run's {run_warm:.3f} s)   (budget: <= 1.5x)",
        f"built app, no saved dashboard:    {built_cold:6.3f} s ({built_cold / bare:.2f} x bare "
        f"{bare:.3f} s, {built_cold / run_cold:.2f} x make run's {run_cold:.3f} s)   "
        "(budget: <= 4x bare)",
        f"built app size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) unpacked in {files} "
        f"files{packed}   (budget: <= 150 MB)",
        f"  ({load_average()} at the end)",
    ]


def run_commands(large_demo: Path) -> list[str]:
    """Command-line reports as whole processes, unbuilt and built, with a naive one-Table
    statement made by its own process."""
    lines = [f"command-line reports, whole processes, medians of {RUNS} ({load_average()})"]
    with tempfile.TemporaryDirectory(prefix="sponsor-bench-cli-") as folder:
        out = Path(folder)

        def report(program: list[str], kind: str) -> float:
            target = out / f"{kind}.pdf"
            return _finished(
                [*program, "report", kind, str(large_demo), "--out", str(target), "--force"]
            )

        programs = [("sponsor-app", _unbuilt_program())]
        if BUNDLED_PROGRAM.is_file():
            programs.append(("built app", [str(BUNDLED_PROGRAM)]))
        naive = _median(
            lambda: _finished(
                [sys.executable, "-c", NAIVE_STATEMENT, str(large_demo), str(out / "naive.pdf")]
            )
        )
        for name, program in programs:
            report(program, "evaluation")  # file cache warm
            evaluation = _median(lambda p=program: report(p, "evaluation"))
            statement = _median(lambda p=program: report(p, "finances"))
            lines += [
                f"{name} report evaluation (large demo), whole process: {evaluation:6.3f} s   "
                "(budget: <= 1.0 s)",
                f"{name} report finances (5,000 transactions), whole process: {statement:6.3f} s; "
                f"/ naive one-Table process ({naive:.3f} s) = {statement / naive:.2f}   "
                "(budget: <= 0.5)",
            ]
    return [*lines, f"  ({load_average()} at the end)"]


def run(large_demo: Path) -> list[str]:
    before = load_average()
    _launch(BARE)  # warm the file cache once so neither side pays for the first disk read
    _launch(APP, str(large_demo), "cold")
    bare = statistics.median(_launch(BARE) for _ in range(RUNS))
    cold = statistics.median(_launch(APP, str(large_demo), "cold") for _ in range(RUNS))
    warm = statistics.median(_launch(APP, str(large_demo), "warm") for _ in range(RUNS))
    return [
        f"in-process start script ({before})",
        f"bare PySide6 window:             {bare:6.3f} s   median of {RUNS}",
        f"start to populated main window:  {warm:6.3f} s   median of {RUNS}, large demo, "
        f"dashboard saved at the last close   (budget: <= 0.5 s)",
        f"ratio app / bare:                {warm / bare:6.2f} x   (budget: <= 4x)",
        f"the same with no saved dashboard: {cold:6.3f} s ({cold / bare:.2f} x), the first start "
        "of the day or after another program changed the file",
    ]


def main() -> None:
    """`python -m bench.startup_bench`: only these figures, on a large demo of its own."""
    from sponsor_app.services.demo.demo import write_demo

    with tempfile.TemporaryDirectory(prefix="sponsor-bench-") as folder:
        os.environ["SPONSOR_DESK_HOME"] = str(Path(folder) / "home")
        large = write_demo(Path(folder) / "large.sponsor", "large")
        for part in (run, run_installed, run_commands):
            for line in part(large):
                print(line, flush=True)


if __name__ == "__main__":
    main()
