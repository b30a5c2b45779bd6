"""What an import shows and says: where an unknown value is, every refused row with its line
(the first twenty, then how many more), and when an import brought nothing new."""

from pathlib import Path

from sponsor_app.domain.errors import Problem
from sponsor_app.domain.messages import english
from sponsor_app.services.imports.fields import Vocabulary
from sponsor_app.services.imports.model import (
    ImportCancelled,
    ImportRejected,
    ImportResult,
    UnknownValue,
)


def _unknown(count, lines):
    return UnknownValue(Vocabulary.CATEGORY, "petrol", "Petrol", "expense", count, lines, None)


def test_an_unknown_value_says_on_which_lines_it_is():
    assert "4" in english(_unknown(1, (4,)).where)
    both = english(_unknown(2, (3, 5)).where)
    assert "3" in both and "5" in both
    many = english(_unknown(45, (2, 3, 5, 8, 9)).where)
    assert "40" in many and "9" in many


def test_a_refused_import_lists_each_row_and_counts_the_rest():
    problems = [Problem(f"line {n}", f"Amount {n} is not a number") for n in range(2, 27)]
    refused = ImportRejected(Path("/tmp/bank.csv"), problems)
    lines = refused.lines()
    assert len(lines) == ImportRejected.SHOWN + 1
    assert lines[0] == "line 2: Amount 2 is not a number" and "5" in lines[-1]
    assert len(refused.lines(limit=None)) == 25
    said = str(refused)
    assert "bank.csv" in said and "line 21" in said and "line 22" not in said


def test_nothing_new_means_nothing_added_updated_or_matched():
    assert ImportResult("bank.csv", duplicates=4).nothing_new
    assert not ImportResult("bank.csv", matched=1).nothing_new
    assert not ImportResult("bank.csv", updated=1).nothing_new


def test_a_cancelled_import_names_its_file():
    assert "roster.xlsx" in str(ImportCancelled("/tmp/roster.xlsx"))
