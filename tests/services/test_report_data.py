"""Report data: how anonymised reports name volunteers, and the narrative kept per period."""

from __future__ import annotations

from datetime import date

from sponsor_app.domain.periods import Period
from sponsor_app.domain.reports import suppressed, volunteer_labels
from sponsor_app.services.narratives import Narrative, narrative, save_narrative
from sponsor_app.services.report_data import checked_period, volunteer_names


def test_volunteers_by_role_then_by_number():
    labels = volunteer_labels(
        [
            (3, ("housing",)),
            (5, ("volunteer",)),
            (8, ("housing", "transport")),
            (9, ("housing",)),
            (12, ()),
        ],
        {"housing": "Housing lead", "transport": "Transport lead", "volunteer": "Volunteer"},
    )
    assert labels == {
        3: "Housing lead",
        5: "Volunteer 1",
        8: "Transport lead",
        9: "Volunteer 2",
        12: "Volunteer 3",
    }


def test_names_only_when_named(store, make_volunteer):
    person = make_volunteer(full_name="Ngāti Whātua", roles=("finance",))
    assert volunteer_names(store, named=True)[person.id] == "Ngāti Whātua"
    assert volunteer_names(store, named=False)[person.id] == "Finance lead"


def test_small_counts_print_as_less_than_three():
    # fewer than 3, zero included (REPORTS.md): a zero beside a one would tell which it is
    assert [suppressed(n) for n in (0, 1, 2, 3, 1200)] == ["<3", "<3", "<3", "3", "1,200"]


def test_the_narrative_is_kept_per_period_and_empty_removes_it(store):
    year = Period(date(2025, 7, 1), date(2026, 6, 30))
    half = Period(date(2026, 1, 1), date(2026, 6, 30))
    save_narrative(store, year, Narrative("  A good year. ", "Housing costs."))
    assert narrative(store, year) == Narrative("A good year.", "Housing costs.")
    assert narrative(store, half) == Narrative()
    save_narrative(store, year, Narrative("", ""))
    assert narrative(store, year) == Narrative()


def test_a_period_that_ends_before_it_starts_is_one_sentence(store):
    import pytest

    from sponsor_app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="swap the dates"):
        checked_period(date(2026, 5, 1), date(2026, 4, 1), store)
    assert checked_period(None, date(2026, 4, 1), store) == Period(
        date(2025, 1, 1), date(2026, 4, 1)
    )
