"""One pass over a file: the values a person chose, the unknown values counted with their first
lines, and notes counted past the ones listed."""

from pathlib import Path

from sponsor_app.services.imports.fields import ImportKind, Vocabulary
from sponsor_app.services.imports.model import ImportRequest
from sponsor_app.services.imports.passes import LISTED, Pass, RowProblem

from ...conftest import TODAY


def _pass(session):
    return Pass(session, ImportRequest(ImportKind.TRANSACTIONS, Path("ledger.csv")), False)


def test_a_pass_knows_the_groups_currency_locale_and_today(store):
    with store.read() as session:
        p = _pass(session)
    assert (p.currency, p.today) == ("NZD", TODAY) and p.locale and not p.writing


def test_choices_are_looked_up_by_any_of_their_keys(store):
    with store.read() as session:
        p = _pass(session)
    p.values = {"category": {"petrol": "Transport"}}
    assert p.choice(Vocabulary.CATEGORY, "fuel", "petrol") == "Transport"
    assert p.choice(Vocabulary.CATEGORY, "fuel") is None
    assert p.choice(Vocabulary.HOUSEHOLD, "petrol") is None


def test_an_unknown_value_is_counted_with_its_first_five_lines(store):
    with store.read() as session:
        p = _pass(session)
    for line in range(2, 12):
        p.unknown(Vocabulary.CATEGORY, "petrol", " Petrol ", line, kind="expense")
    p.unknown(Vocabulary.CATEGORY, "koha", "Koha", 20, kind="income")
    petrol = p.unknowns[(Vocabulary.CATEGORY, "petrol")]
    assert (petrol.text, petrol.count, petrol.lines) == ("Petrol", 10, [2, 3, 4, 5, 6])
    assert len(p.unknowns) == 2


def test_notes_past_the_listed_ones_are_counted_not_kept(store):
    with store.read() as session:
        p = _pass(session)
    for _ in range(LISTED + 3):
        p.note("x")
    assert p.note_count == LISTED + 3 and len(p.notes) == LISTED


def test_a_row_problem_says_every_reason_and_drops_empty_ones():
    problem = RowProblem("Amount is not a number", "", "Date is in the future")
    assert problem.messages == ["Amount is not a number", "Date is in the future"]
    assert str(problem) == "Amount is not a number; Date is in the future"
