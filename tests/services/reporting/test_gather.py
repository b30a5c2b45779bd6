"""Gathering a report: every file it would write is checked before any work, and no output
ever lands on its input, on the report beside it, or on a group file."""

import pytest

from sponsor_app.domain.reports import ReportKind
from sponsor_app.services.reporting.evaluation_data import EvaluationData
from sponsor_app.services.reporting.gather import (
    CannotWrite,
    ReportRequest,
    accessible_path,
    gather,
    prepare,
)
from sponsor_app.services.reporting.report_lists import RosterData

from .conftest import MADE_AT, PERIOD


def _request(tmp_path, kind=ReportKind.EVALUATION, **changes):
    fields = {"generated_at": MADE_AT, "invariant": True}
    return ReportRequest(kind, tmp_path / "report.pdf", PERIOD, **(fields | changes))


def test_an_evaluation_is_gathered_with_its_bundle_and_its_input(demo_store, tmp_path):
    gathered = prepare(demo_store, _request(tmp_path, bundle=tmp_path / "data.zip"))
    assert isinstance(gathered.data, EvaluationData) and not gathered.named
    assert gathered.bundle.startswith(b"PK") and gathered.inputs == (demo_store.path,)
    assert list(tmp_path.glob("report.*")) == []  # gathering writes nothing


def test_a_report_is_never_written_onto_the_group_file_it_reads(demo_store):
    request = ReportRequest(ReportKind.ROSTER, demo_store.path, PERIOD, force=True)
    before = demo_store.path.stat().st_size
    with pytest.raises(CannotWrite, match="group file"):
        prepare(demo_store, request)
    assert demo_store.path.stat().st_size == before


def test_the_bundle_is_never_the_report_and_the_html_never_either(demo_store, tmp_path):
    with pytest.raises(CannotWrite):
        prepare(demo_store, _request(tmp_path, bundle=tmp_path / "report.pdf"))
    with pytest.raises(CannotWrite):
        accessible_path(_request(tmp_path, html=tmp_path / "report.pdf"))
    assert accessible_path(_request(tmp_path)) == tmp_path / "report.html"


def test_a_bundle_comes_only_with_the_evaluation(demo_store, tmp_path):
    request = _request(tmp_path, ReportKind.ROSTER, bundle=tmp_path / "data.zip")
    with pytest.raises(CannotWrite):
        prepare(demo_store, request)
    with pytest.raises(CannotWrite):
        gather(demo_store, request)


def test_an_existing_report_is_replaced_only_when_asked(demo_store, tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF last year's")
    with pytest.raises(CannotWrite, match=r"report\.pdf"):
        prepare(demo_store, _request(tmp_path, ReportKind.ROSTER))
    gathered = prepare(demo_store, _request(tmp_path, ReportKind.ROSTER, force=True))
    assert isinstance(gathered.data, RosterData)
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF last year's"
