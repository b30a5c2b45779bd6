"""Random rounding to base 3 (Statistics NZ's RR3) for the combined publication: every published
count is a multiple of 3 within 2 of the truth, a true zero stays 0, totals are rounded from
their own exact value, and nothing exact comes back by subtraction."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sponsor_app.domain.small_counts import BASE, bundle_secret, random_round

SECRET = bundle_secret(b"bundle one", b"bundle two")

tables = st.lists(
    st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=6),
    min_size=1,
    max_size=6,
).map(lambda rows: [row + [0] * (max(map(len, rows)) - len(row)) for row in rows])


def publish(table: list[list[int]], secret: bytes) -> dict[str, int]:
    """The table as a combined summary publishes it: every cell, each row's and each column's
    total and the grand total, each rounded from its own exact value."""
    published = {}
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            published[f"cell {r} {c}"] = random_round(value, secret, f"cell {r} {c}")
        published[f"row {r}"] = random_round(sum(row), secret, f"row {r}")
    for c in range(len(table[0])):
        column = sum(row[c] for row in table)
        published[f"column {c}"] = random_round(column, secret, f"column {c}")
    grand = sum(map(sum, table))
    published["all"] = random_round(grand, secret, "all")
    return published


def exact(table: list[list[int]]) -> dict[str, int]:
    truth = {f"cell {r} {c}": v for r, row in enumerate(table) for c, v in enumerate(row)}
    truth |= {f"row {r}": sum(row) for r, row in enumerate(table)}
    truth |= {f"column {c}": sum(row[c] for row in table) for c in range(len(table[0]))}
    return truth | {"all": sum(map(sum, table))}


@settings(max_examples=300, deadline=None)
@given(tables, st.binary(min_size=1, max_size=16))
def test_every_published_count_is_a_multiple_of_3_within_2_of_the_truth(table, secret):
    published, truth = publish(table, secret), exact(table)
    for key, value in published.items():
        assert value % BASE == 0, key
        assert abs(value - truth[key]) <= 2, key
        assert value >= 0
        if truth[key] % BASE == 0:  # a true zero prints 0, a multiple of 3 prints itself
            assert value == truth[key], key


@settings(max_examples=300, deadline=None)
@given(tables, st.binary(min_size=1, max_size=16))
def test_totals_are_rounded_from_the_truth_not_added_from_rounded_parts(table, secret):
    published = publish(table, secret)
    for r, row in enumerate(table):
        assert published[f"row {r}"] == random_round(sum(row), secret, f"row {r}")


@settings(max_examples=300, deadline=None)
@given(tables, st.binary(min_size=1, max_size=16))
def test_no_small_count_is_recovered_by_subtraction_along_a_row_or_column(table, secret):
    """The classic attack on "<3": total minus every other published cell. Its answer is a
    multiple of 3, so it never equals a count of 1 or 2 (or any count the rounding moved)."""
    published, truth = publish(table, secret), exact(table)
    lines = [[f"cell {r} {c}" for c in range(len(table[0]))] for r in range(len(table))]
    lines += [[f"cell {r} {c}" for r in range(len(table))] for c in range(len(table[0]))]
    totals = [f"row {r}" for r in range(len(table))] + [f"column {c}" for c in range(len(table[0]))]
    for cells, total in zip(lines, totals, strict=True):
        for cell in cells:
            guess = published[total] - sum(published[o] for o in cells if o != cell)
            assert guess % BASE == 0
            if truth[cell] % BASE:  # only a multiple of 3, which is published anyway
                assert guess != truth[cell]


def test_the_rounding_is_unbiased_over_many_counts():
    """Over many keys a 1 goes up a third of the time and a 2 two thirds: right on average."""
    for count, share_up in ((1, 1 / 3), (2, 2 / 3), (7, 1 / 3), (29, 2 / 3)):
        ups = Counter(random_round(count, SECRET, f"k{i}") > count for i in range(30_000))
        assert abs(ups[True] / 30_000 - share_up) < 0.01, count


def test_the_same_cell_and_secret_round_the_same_way_and_another_secret_differs():
    keys = [f"group {i} households" for i in range(200)]
    first = [random_round(1, SECRET, k) for k in keys]
    assert first == [random_round(1, SECRET, k) for k in keys]
    other = [random_round(1, bundle_secret(b"something else"), k) for k in keys]
    assert first != other
    assert bundle_secret(b"a", b"b") == bundle_secret(b"b", b"a")  # order of bundles aside


@pytest.mark.parametrize("bad", [-1, 1.0, "2", True])
def test_only_whole_counts_are_rounded(bad):
    with pytest.raises((TypeError, ValueError)):
        random_round(bad, SECRET, "x")
