"""The narrative kept per reporting period."""

from __future__ import annotations

from datetime import date

from sponsor_app.domain.periods import Period
from sponsor_app.services.reporting.narratives import Narrative, narrative, save_narrative


def test_the_narrative_is_kept_per_period_and_empty_removes_it(store):
    year = Period(date(2025, 7, 1), date(2026, 6, 30))
    half = Period(date(2026, 1, 1), date(2026, 6, 30))
    save_narrative(store, year, Narrative("  A good year. ", "Housing costs."))
    assert narrative(store, year) == Narrative("A good year.", "Housing costs.")
    assert narrative(store, half) == Narrative()
    save_narrative(store, year, Narrative("", ""))
    assert narrative(store, year) == Narrative()
