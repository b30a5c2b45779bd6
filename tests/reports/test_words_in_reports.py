"""Issue 19 items 11, 12 and 16 in the PDFs: one way to write a share, plurals right, a name
in a sentence drawn without stray marks."""

from __future__ import annotations

import re
from datetime import date

from sponsor_app.domain.periods import Period
from sponsor_app.reports.evaluation import build
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope

from .conftest import MADE_AT
from .helpers import text_of


def test_shares_are_written_one_way_and_counts_agree(report_store, tmp_path):
    data = evaluation_data(
        report_store,
        ReportScope(Period(date(2025, 1, 1), date(2026, 6, 15)), True, generated_at=MADE_AT),
    )
    out = tmp_path / "evaluation.pdf"
    build(data, out, invariant=True)
    text = " ".join(text_of(out).split())
    assert re.search(r"\d%", text), "a share is printed"
    assert not re.search(r"\d %", text), "and never as '45 %' beside '0%'"
    assert not re.search(r"\b1 (households|tasks|volunteers|days|months|payments)\b", text)
    assert "\u2068" not in text and "\u2069" not in text  # the isolate marks are not drawn
    # A family name in a sentence, Dari letters and all, stays whole and in its place.
    assert "H9: Öztürk family" in text
