"""The evaluation report's accessible HTML version (issue 18, item 17), read back as a screen
reader would meet it: the language set, one title, headings in order and the same as the
PDF's sections, every table with header cells, every chart with its figures as a table; and
axe-core's verdict in Chromium where both are installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing

from sponsor_app.domain.reports import CONFIDENTIAL, ReportKind
from sponsor_app.reports import evaluation
from sponsor_app.reports.generate import write
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.gather import CannotWrite, ReportRequest, prepare
from sponsor_app.services.reporting.report_data import ReportScope, default_period

from .conftest import DARI_NAME, MADE_AT
from .helpers import outline_titles, text_of
from .test_reports import make

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


class Outline(HTMLParser):
    """What a screen reader navigates by: the language, headings, tables and figures."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.tables: list[list[list[tuple[str, dict, str]]]] = []
        self.figures: list[dict] = []
        self._stack: list[tuple[str, dict]] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "table":
            self.tables.append([])
            if self.figures and self.figures[-1].get("open"):
                self.figures[-1]["tables"] += 1
        if tag == "tr":
            self.tables[-1].append([])
        if tag == "figure":
            self.figures.append({"open": True, "tables": 0, "caption": "", **attrs})
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "title", "figcaption"):
            self._text = []
        self._stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self._stack:
            opened, attrs = self._stack.pop()
            if opened == tag:
                break
        text = " ".join("".join(self._text).split())
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), text))
        elif tag in ("th", "td"):
            self.tables[-1][-1].append((tag, attrs, text))
        elif tag == "title":
            self.title = text
        elif tag == "figcaption":
            self.figures[-1]["caption"] = text
        elif tag == "figure":
            self.figures[-1]["open"] = False

    def handle_data(self, data):
        self._text.append(data)


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("named", [False, True], ids=["anonymised", "named"])
def test_the_evaluation_report_comes_with_an_accessible_html_version(report_store, tmp_path, named):
    pdf = make(report_store, tmp_path, ReportKind.EVALUATION, named=named)
    page = pdf.with_suffix(".html")
    assert page.is_file() and page.stat().st_mode & 0o077 == 0
    found = outline(page)
    assert found.lang == "en"
    assert found.title.startswith("Pilot evaluation report: Kāpiti Welcome Trust")
    # headings in order: one title, then the PDF's sections, never a level skipped
    assert [level for level, _ in found.headings].count(1) == 1
    assert found.headings[0][0] == 1
    for (before, _), (after, text) in zip(found.headings, found.headings[1:], strict=False):
        assert after <= before + 1, f"{text} skips a level"
    sections = [text for level, text in found.headings if level == 2]
    assert sections == outline_titles(pdf)[1:]  # the PDF's bookmarks after "1. Cover"
    # every table has header cells: column headers, or a header for each row
    assert len(found.tables) > 10
    for table in found.tables:
        heads = [c for row in table for c in row if c[0] == "th"]
        assert heads, table[:2]
        for row in table:
            assert row and row[0][0] == "th", row  # each row is named by its first cell
    # every chart: a figure with a caption and its figures as a table, as many as the PDF has
    data = evaluation_data(report_store, ReportScope(default_period(report_store), named))
    charts = [f for f in evaluation.story(data, 480) if isinstance(f, Drawing)]
    assert len(found.figures) == len(charts) >= 3
    for figure in found.figures:
        assert figure["caption"] and figure["tables"] == 1 and figure.get("aria-labelledby")
    text = page.read_text(encoding="utf-8")
    assert (CONFIDENTIAL in text) is named


def test_the_html_says_what_the_pdf_says(report_store, tmp_path):
    """Written from the same story: each figure of the summary, with its value."""
    pdf = make(report_store, tmp_path, ReportKind.EVALUATION, named=True)
    found = outline(pdf.with_suffix(".html"))
    cells = {text for table in found.tables for row in table for _, _, text in row}
    data = evaluation_data(report_store, ReportScope(default_period(report_store), True))
    for figure in data.figures:
        assert figure.label in cells
        value = evaluation.figure_text(figure, data.meta)
        assert value in cells and value in text_of(pdf)


def test_right_to_left_names_are_isolated_and_in_reading_order(report_store, tmp_path):
    pdf = make(report_store, tmp_path, ReportKind.EVALUATION, named=True)
    text = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert f"<bdi>{DARI_NAME}" in text  # in reading order: the browser lays it out


def test_the_html_is_never_written_onto_the_report_or_an_existing_file(report_store, tmp_path):
    period = default_period(report_store)
    with pytest.raises(CannotWrite, match=r"ending in \.pdf"):
        write(
            prepare(report_store, ReportRequest(ReportKind.EVALUATION, tmp_path / "r.html", period))
        )
    (tmp_path / "s.html").write_text("keep me")
    with pytest.raises(CannotWrite, match="already exists"):
        write(
            prepare(report_store, ReportRequest(ReportKind.EVALUATION, tmp_path / "s.pdf", period))
        )
    assert (tmp_path / "s.html").read_text() == "keep me"
    assert not (tmp_path / "s.pdf").exists()
    other = tmp_path / "elsewhere.html"
    made = write(prepare(
        report_store,
        ReportRequest(ReportKind.EVALUATION, tmp_path / "t.pdf", period, html=other,
                      generated_at=MADE_AT),
    ))  # fmt: skip
    assert made.html == other and other.is_file()


def _chromium() -> str | None:
    return next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )


def test_axe_core_finds_nothing_to_fix_in_chromium(report_store, tmp_path):
    """axe-core (tools/axe: `npm ci --prefix tools/axe`) in Debian's Chromium, offline: WCAG 2.2
    A and AA rules and axe's best practices. With CI set, it must run."""
    browser = _chromium()
    missing = [
        what
        for what, there in (("Chromium", browser), ("axe-core (npm ci --prefix tools/axe)", AXE.is_file()))
        if not there
    ]  # fmt: skip
    if missing:
        if os.environ.get("CI"):
            pytest.fail(
                f"CI is set but {' and '.join(missing)} is not installed (.ci/run installs them)"
            )
        pytest.skip(f"{' and '.join(missing)} not installed here")
    pdf = make(report_store, tmp_path, ReportKind.EVALUATION, named=True)
    page = pdf.with_suffix(".html").read_text(encoding="utf-8")
    runner = (
        f"<script>{AXE.read_text(encoding='utf-8')}</script><script>"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa', 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
        ".then(r => document.documentElement.setAttribute('data-axe', JSON.stringify("
        "r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map("
        "n => n.target.join(' '))})))))"
        ".catch(e => document.documentElement.setAttribute('data-axe', JSON.stringify("
        "[{id: 'axe failed', help: String(e)}])));</script></body>"
    )
    checked = tmp_path / "checked.html"
    checked.write_text(page.replace("</body>", runner), encoding="utf-8")
    done = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=30000", "--dump-dom", checked.as_uri(),
        ],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = re.search(r'data-axe="([^"]*)"', done.stdout)
    assert found, f"axe gave no answer: {done.returncode} {done.stderr[-400:]}"
    assert json.loads(unescape(found.group(1))) == []


def test_the_command_line_writes_the_html_beside_the_pdf_and_says_so(
    report_store, tmp_path, capsys
):
    from sponsor_app.cli import run

    path = report_store.path
    report_store.close()
    out = tmp_path / "for the evaluator.pdf"
    assert run(["report", "evaluation", str(path), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    page = tmp_path / "for the evaluator.html"
    assert f"Wrote its accessible version (HTML, for screen readers) to {page}" in said
    assert outline(page).lang == "en"
    assert run(["report", "evaluation", str(path), "--out", str(tmp_path / "x.html")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
