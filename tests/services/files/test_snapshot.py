"""The dashboard kept at close: given back only while it is certainly right, and never holding
anyone's name."""

import json
import os
from datetime import timedelta

import pytest

from sponsor_app.services.files.snapshot import (
    HIDDEN,
    forget_snapshot,
    load_snapshot,
    remove_stale_snapshots,
    save_snapshot,
)
from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.group.groups import group_info, open_group

from ...conftest import TODAY


@pytest.fixture
def closed(small_demo):
    """The small demo closed after reading its dashboard, as the window does at close."""
    with open_group(small_demo) as store:
        info, figures = group_info(store), dashboard(store, TODAY)
    return small_demo, info, figures


def _saved_files(app_home):
    return sorted((app_home).rglob("snapshots/*.json"))


def test_a_saved_snapshot_comes_back_with_the_figures_and_without_names(closed, app_home):
    path, info, figures = closed
    save_snapshot(path, info, figures)
    snapshot = load_snapshot(path, TODAY)
    assert snapshot is not None
    assert snapshot.info.name == HIDDEN and snapshot.info.currency == info.currency
    assert snapshot.figures.funds == figures.funds
    assert len(snapshot.figures.overdue) == len(figures.overdue) > 0
    assert {t.title for t in snapshot.figures.overdue} == {HIDDEN}
    (kept,) = _saved_files(app_home)
    text = kept.read_text(encoding="utf-8")
    assert info.name not in text
    for task in figures.overdue:
        assert task.title not in text


def test_a_snapshot_is_not_used_on_another_day_or_after_a_write(closed):
    path, info, figures = closed
    save_snapshot(path, info, figures)
    assert load_snapshot(path, TODAY + timedelta(days=1)) is None
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_snapshot(path, TODAY) is None


def test_a_damaged_or_older_snapshot_is_ignored(closed, app_home):
    path, info, figures = closed
    save_snapshot(path, info, figures)
    (kept,) = _saved_files(app_home)
    saved = json.loads(kept.read_text(encoding="utf-8"))
    kept.write_text(json.dumps({**saved, "format": 1}), encoding="utf-8")
    assert load_snapshot(path, TODAY) is None
    kept.write_text("{not json", encoding="utf-8")
    assert load_snapshot(path, TODAY) is None


def test_forgetting_and_removing_stale_snapshots(closed, tmp_path, app_home):
    path, info, figures = closed
    save_snapshot(path, info, figures)
    forget_snapshot(path)
    assert _saved_files(app_home) == [] and load_snapshot(path, TODAY) is None
    gone = tmp_path / "gone.sponsor"
    gone.write_bytes(path.read_bytes())
    save_snapshot(gone, info, figures)
    save_snapshot(path, info, figures)
    gone.unlink()
    assert remove_stale_snapshots() == 1
    assert len(_saved_files(app_home)) == 1 and load_snapshot(path, TODAY) is not None
