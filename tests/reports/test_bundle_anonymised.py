"""Issue 18 items 2-3 in the data bundle's own tables (items 13-14): an anonymised bundle
never undoes what the PDF coarsens. No exact arrival, size, due or completion day, no day a
point falls on; make-up and counts of people only over 3 or more households; a named bundle
keeps every detail. And combine still checks an anonymised bundle against its own tables."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sponsor_app.services.households.households import HouseholdInput, MemberInput, add_household
from sponsor_app.services.reporting.combine import BundlesRefused

from .bundles import replace_in, tampered
from .test_bundle import _bundle, validate

NAMED_ONLY = {
    "households": ("people", "arrival_date", "days_since_arrival"),
    "overdue_tasks": ("due_on", "days_overdue"),
    "milestones": ("completed_on",),
    "indicators": ("recorded_on", "days_from_point"),
    "completeness": ("last_reading_on",),
}


def _third_household(store) -> None:
    add_household(
        store,
        HouseholdInput(code="H3", arrival_date=date(2025, 11, 20)),
        (
            MemberInput("Rana Saleh", "principal", date(1990, 6, 1), True),
            MemberInput("Omar Saleh", "child", date(2016, 2, 3)),
        ),
    )


def test_an_anonymised_bundle_gives_months_and_bands_never_the_days(report_store, tmp_path):
    tables = validate(_bundle(report_store, tmp_path, "anonymised"))
    for table, fields in NAMED_ONLY.items():
        assert tables[table], table  # the demo has rows to check
        for row in tables[table]:
            assert all(row[f] == "" for f in fields), (table, row)
    assert {h["size_band"] for h in tables["households"]} <= {"1-2", "3-4", "5+"}
    assert all(h["arrival_month"].endswith("-01") for h in tables["households"])
    assert all(t["due_month"].endswith("-01") for t in tables["overdue_tasks"])
    # the day a 3-to-24-month point falls on is arrival plus N months: never given
    assert {r["point_on"] for r in tables["indicators"] if r["point"] != "latest"} == {""}
    assert all(
        r["recorded_month"].endswith("-01") for r in tables["indicators"] if r["recorded_month"]
    )
    # 2 households: the people in them, by age band or as the adults a national indicator
    # counts, would give a family's size and ages away; only the households stay
    assert "people" not in {f["figure"] for f in tables["figures"]}
    assert tables["make_up"] == []
    assert {(n["people"], n["of_people"]) for n in tables["national_indicators"]} == {("", "")}
    assert {n["households"] for n in tables["national_indicators"]} != {""}


def test_a_named_bundle_keeps_every_detail(report_store, tmp_path):
    tables = validate(_bundle(report_store, tmp_path, "named", named=True))
    for table, fields in NAMED_ONLY.items():
        if table == "indicators":
            rows = [r for r in tables[table] if r["status"] == "recorded"]
        else:
            rows = tables[table]
        assert any(all(r[f] != "" for f in fields) for r in rows), table
    people = sum(int(h["people"]) for h in tables["households"])
    assert {f["figure"]: f["value"] for f in tables["figures"]}["people"] == str(people)
    assert sum(int(b["people"]) for b in tables["make_up"]) == people
    assert all(n["of_people"] != "" for n in tables["national_indicators"])


def test_over_three_households_the_people_are_counted_and_add_up(report_store, tmp_path):
    _third_household(report_store)
    tables = validate(_bundle(report_store, tmp_path, "three"))
    assert all(h["people"] == "" for h in tables["households"])  # still bands per household
    figures = {f["figure"]: f["value"] for f in tables["figures"]}
    assert sum(int(b["people"]) for b in tables["make_up"]) == int(figures["people"])
    arrived = [n for n in tables["national_indicators"] if n["point"] == "latest"]
    assert all(n["of_people"] != "" for n in arrived if int(n["households"]) >= 3)


def test_combine_checks_an_anonymised_bundle_against_its_own_tables(report_store, tmp_path):
    """The people figure of an anonymised bundle is checked against its make-up by age band,
    and every household's band against the total: an edit that keeps the hashes is refused."""
    from sponsor_app.reports.generate import combine_bundles

    _third_household(report_store)
    good = _bundle(report_store, tmp_path, "good")
    tables = validate(good)
    combine_bundles([good], tmp_path / "ok.pdf", invariant=True)  # accepted as it is
    band = tables["make_up"][0]
    more = tampered(
        good,
        tmp_path / "more.zip",
        replace_in(
            "make_up.csv",
            f"{band['age_band']},{band['people']}\n".encode(),
            f"{band['age_band']},{int(band['people']) + 1}\n".encode(),
        ),
    )
    first = tables["households"][0]
    wider = {"1-2": "3-4", "3-4": "5+", "5+": "1-2"}[first["size_band"]]
    banded = tampered(
        good,
        tmp_path / "banded.zip",
        replace_in(
            "households.csv",
            f"{first['household']},,{first['size_band']},".encode(),
            f"{first['household']},,{wider},".encode(),
        ),
    )
    with pytest.raises(BundlesRefused) as refused:
        combine_bundles([more, banded], tmp_path / "x.pdf", invariant=True)
    more_line, banded_line = refused.value.lines
    assert re.match(
        r"more\.zip: figures\.csv people is (\d+) but make_up\.csv adds up to", more_line
    )
    assert banded_line.startswith(
        "banded.zip: make_up.csv adds up to 10 people, which the households' size bands do not "
        "allow"
    )
