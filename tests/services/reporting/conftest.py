"""The small demo as a reporting test reads it, and its evaluation bundle as bytes (made once
per test from the file, with the time fixed so the bytes are the same every run)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sponsor_app.domain.periods import Period
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.reporting.bundle import bundle_bytes
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope

MADE_AT = datetime(2026, 6, 15, 9, 30, tzinfo=UTC)
PERIOD = Period(date(2025, 7, 1), date(2026, 6, 15))


@pytest.fixture
def demo_store(small_demo):
    with open_group(small_demo) as store:
        yield store


@pytest.fixture
def demo_bundle(demo_store) -> bytes:
    return bundle_bytes(evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT)))


@pytest.fixture
def other_bundle(tmp_path, small_demo_bytes) -> bytes:
    """The bundle of another group (the small demo under its own id and name), same period."""
    from ...reports.bundles import another_group

    path = tmp_path / "other.sponsor"
    path.write_bytes(small_demo_bytes)
    store = another_group(path, "Ōtaki Friends")
    try:
        return bundle_bytes(evaluation_data(store, ReportScope(PERIOD, generated_at=MADE_AT)))
    finally:
        store.close()
