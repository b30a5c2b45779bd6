"""An export never hands a spreadsheet a formula, whichever list separator it reads with."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sponsor_app.services.tabular import FORMULA_STARTS, neutralise, restore, write_rows

NOTE = "thanks;=cmd|' /C calc'!A0;"


def _cells(path: Path, separator: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle, delimiter=separator) for cell in row]


@pytest.mark.parametrize("separator", [",", ";"])
def test_the_issues_note_is_no_formula_in_either_reading(tmp_path, separator):
    out = write_rows(tmp_path / "out.csv", ("name", "note"), [("Aroha", NOTE), ("B", "-5, =1+1")])
    for cell in _cells(out, separator):
        # a spreadsheet trims the quote that starts a CSV field, then looks at the first sign
        assert not cell.strip().strip('"').startswith(FORMULA_STARTS), (separator, cell)


@given(st.text(alphabet="ab =+-@;,\t\r'\"", max_size=30))
def test_no_piece_starts_a_formula_and_restore_gives_the_value_back(value):
    safe = neutralise(value)
    for separator in (",", ";"):
        for piece in safe.split(separator):
            assert not piece.lstrip(" ").startswith(FORMULA_STARTS), (value, safe, piece)
    if "'" not in value:  # a quote the person typed before a sign is read as ours
        assert restore(safe) == value
