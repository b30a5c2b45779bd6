"""Combining bundles: each checked against its own tables and against the others (a group twice
is refused), and two groups of one period and currency totalled exactly."""

from decimal import Decimal

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.reporting.bundle import BadBundle
from sponsor_app.services.reporting.bundle_reader import read_file
from sponsor_app.services.reporting.combine import (
    BundlesRefused,
    checked_bundles,
    combine,
    load_bundles,
)

from ...reports.bundles import replace_in, tampered
from .conftest import MADE_AT


def test_the_same_group_twice_is_refused_naming_both(demo_bundle):
    with pytest.raises(BundlesRefused) as refused:
        checked_bundles([("first.zip", demo_bundle), ("again.zip", demo_bundle)])
    (line,) = refused.value.lines
    assert line.startswith("first.zip and again.zip are the same group")


def test_every_refusal_is_listed_at_once_one_line_each(demo_bundle, other_bundle, tmp_path):
    with pytest.raises(BadBundle) as unreadable:
        read_file(tmp_path / "unread.zip")
    with pytest.raises(BundlesRefused) as refused:
        checked_bundles(
            [
                ("a.zip", demo_bundle),
                ("broken.zip", b"not a zip"),
                ("unread.zip", unreadable.value),
                ("b.zip", other_bundle),
            ]
        )
    lines = refused.value.lines
    assert len(lines) == 2
    assert lines[0].startswith("broken.zip") and lines[1].startswith("unread.zip")


def test_an_edited_figure_with_its_hash_made_to_match_is_refused(tmp_path, demo_bundle):
    good = tmp_path / "good.zip"
    good.write_bytes(demo_bundle)
    loaded = checked_bundles([("good.zip", demo_bundle)])[0]
    income = next(r["value"] for r in loaded.tables["figures"] if r["figure"] == "income")
    old = f"income,Income in the period,{income:.2f},".encode()
    edited = tampered(
        good,
        tmp_path / "edited.zip",
        replace_in("figures.csv", old, b"income,Income in the period,999999.00,"),
    )
    with pytest.raises(BundlesRefused) as refused:
        checked_bundles([("edited.zip", edited.read_bytes())])
    (line,) = refused.value.lines
    assert line.startswith("edited.zip: figures.csv income is 999999.00 but money.csv")


def test_two_groups_of_one_period_and_currency_are_totalled_exactly(demo_bundle, other_bundle):
    bundles = checked_bundles([("nz.zip", demo_bundle), ("otaki.zip", other_bundle)])
    data = combine(bundles, MADE_AT)
    assert [g.name for g in data.groups][1] == "Ōtaki Friends"
    assert not data.periods_differ and not data.currencies_differ
    (together,) = data.sets
    assert together.totalled and together.members == (0, 1)
    income = next(f for f in data.figures if f.key == "income")
    first, second = income.values
    assert first == second and income.totals == (first + second,)
    assert isinstance(first, Decimal) and first > 0


def test_no_bundles_at_all_is_a_sentence(tmp_path):
    with pytest.raises(InvalidInput):
        load_bundles([])
    with pytest.raises(BundlesRefused, match=r"gone\.zip"):
        load_bundles([tmp_path / "gone.zip"])
