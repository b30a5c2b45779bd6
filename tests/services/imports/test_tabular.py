"""An export never hands a spreadsheet a formula, whichever list separator it reads with."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sponsor_app.domain.validation import split_list
from sponsor_app.services.imports.tabular import FORMULA_STARTS, neutralise, restore, write_rows
from sponsor_app.services.imports.volunteer_io import export_volunteers, import_volunteers
from sponsor_app.services.roster.roles import add_role, find_role, list_roles
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, list_volunteers

NOTE = "thanks;=cmd|' /C calc'!A0;"


def _cells(path: Path, separator: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle, delimiter=separator) for cell in row]


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_the_issues_note_is_no_formula_in_either_reading(tmp_path, separator):
    rows = [("Aroha", NOTE), ("B", "-5, =1+1"), ("C", "Ann\t=1+1"), ("D", "Ann|@SUM(A1)")]
    out = write_rows(tmp_path / "out.csv", ("name", "note"), rows)
    for cell in _cells(out, separator):
        # a spreadsheet trims the quote that starts a CSV field, then looks at the first sign
        assert not cell.strip().strip('"').startswith(FORMULA_STARTS), (separator, cell)


@given(st.text(alphabet="ab =+-@;,|\t\r'\"", max_size=30))
def test_no_piece_starts_a_formula_and_restore_gives_the_value_back(value):
    safe = neutralise(value)
    for separator in (",", ";", "\t", "|"):
        for piece in safe.split(separator):
            assert not piece.lstrip(" ").startswith(FORMULA_STARTS), (value, safe, piece)
    assert restore(safe) == value  # exactly, quotes the person typed included


@pytest.mark.parametrize(
    "value", ["'=1+1", "Ann;'=x", "It's ;'+ fine", "''@", "Ann\t=1+1", "Ann|=1+1", "\t=1"]
)
def test_values_that_fooled_the_round_trip(value):
    assert restore(neutralise(value)) == value
    assert neutralise(value) != value


def test_a_role_with_a_comma_comes_back_from_an_export(make_store, tmp_path):
    source, target = make_store(), make_store()
    for store in (source, target):  # the target: a copy of the group, roles and all
        add_role(store, "+SUM(1,1)")
        add_role(store, "Drivers, weekends")
    summed = find_role(list_roles(source), "+SUM(1,1)").key
    drivers = find_role(list_roles(source), "Drivers, weekends").key
    add_volunteer(source, VolunteerInput("Only Summed", (summed,), "a@example.org"))
    add_volunteer(source, VolunteerInput("Two Roles", (drivers, summed), "b@example.org"))
    add_volunteer(source, VolunteerInput("Drives", (drivers,), "c@example.org"))
    out = export_volunteers(source, tmp_path / "roster.csv")
    assert import_volunteers(target, out).added == 3

    def roles(store):
        return {
            v.full_name: sorted(v.role_names) for v in list_volunteers(store, include_archived=True)
        }

    assert roles(target) == roles(source)
    assert roles(target)["Only Summed"] == ["+SUM(1,1)"]


def test_a_list_of_roles_typed_with_commas_still_splits():
    assert split_list("Housing, Transport") == ("Housing", "Transport")
    assert split_list("Drivers, weekends; Housing") == ("Drivers, weekends", "Housing")
