"""Reports on the large demo: the evaluation report and its data bundle (<= 1.0 s), the
financial statement of all
5,000 transactions (<= 0.5 s and <= half of one naive platypus Table of the same rows, measured
here in the same run), and the huge demo's statement (100,000 transactions)."""

from __future__ import annotations

import io
import statistics
import time
from pathlib import Path

from reportlab.platypus import Table

from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports import evaluation, finances, styles
from sponsor_app.reports.template import ReportDocTemplate
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.reporting.bundle import bundle_bytes
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope, default_period
from sponsor_app.services.reporting.statement_data import statement_data

RUNS = 3


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _evaluation(store) -> None:
    """The report and its data bundle (CSV tables, datapackage.json and the workbook)."""
    data = evaluation_data(store, ReportScope(default_period(store)))
    evaluation.build(data, io.BytesIO())
    bundle_bytes(data)


def _statement(store) -> int:
    data = statement_data(store, default_period(store))
    finances.build(data, io.BytesIO())
    return data.transactions


def _naive_table(store) -> None:
    """The same statement lines as one long platypus Table (header repeated on each page)."""
    data = statement_data(store, default_period(store))
    doc = ReportDocTemplate(io.BytesIO(), data.meta)
    header, widths = finances.columns(data.meta.named, doc.width)
    rows = [cells for _, cells in finances.statement_rows(data, widths)]
    table = Table([list(header), *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(styles.table_style(numeric=(len(widths) - 1,), zebra=False))
    doc.build_story([table])


def run(large: Path) -> list[str]:
    with open_group(large) as store:
        first = _timed(lambda: _evaluation(store))  # fonts loaded, queries compiled
        evaluations = [_timed(lambda: _evaluation(store)) for _ in range(RUNS)]
        count = _statement(store)
        statements = [_timed(lambda: _statement(store)) for _ in range(RUNS)]
        naive = _timed(lambda: _naive_table(store))
    evaluation_s = statistics.median(evaluations)
    statement_s = statistics.median(statements)
    return [
        f"evaluation report and bundle, large demo: {evaluation_s:6.3f} s median of {RUNS} "
        f"(first {first:.3f} s)   (budget: <= 1.0 s)",
        f"financial statement, {count:,} transactions: {statement_s:6.3f} s median of {RUNS}   "
        f"(budget: <= 0.5 s)",
        f"one naive platypus Table of the same rows: {naive:6.3f} s; statement / naive = "
        f"{statement_s / naive:.2f}   (budget: <= 0.5)",
    ]


def run_huge(huge: Path) -> list[str]:
    with open_group(huge) as store:
        seconds = _timed(lambda: _statement(store))
        count = _statement(store)
    return [
        f"financial statement, huge demo ({count:,} transactions): {seconds:6.2f} s   "
        f"({ReportKind.FINANCES.title.lower()}, reported, no budget)"
    ]
