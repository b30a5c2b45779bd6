"""The fields of each import kind: columns matched by their name or a synonym in any case, the
first of two for one field winning, and what a file lacks named."""

import pytest

from sponsor_app.domain.messages import english
from sponsor_app.services.imports.fields import (
    FIELDS,
    IGNORE,
    ImportKind,
    Vocabulary,
    field_of,
    match_columns,
    missing_fields,
)


def test_columns_match_by_key_heading_or_synonym_in_any_case():
    header = ("  Full Name ", "E-MAIL", "Favourite colour")
    matched = match_columns(ImportKind.VOLUNTEERS, header)
    assert matched[0] == "name" and matched[2] == IGNORE
    assert match_columns(ImportKind.TRANSACTIONS, ("Paid On", "$", "Type")) == (
        "date",
        "amount",
        "kind",
    )


def test_the_first_of_two_columns_for_one_field_wins():
    assert match_columns(ImportKind.TRANSACTIONS, ("Date", "When", "Amount")) == (
        "date",
        IGNORE,
        "amount",
    )


@pytest.mark.parametrize(
    ("kind", "columns", "missing"),
    [
        (ImportKind.VOLUNTEERS, ("email",), 1),
        (ImportKind.VOLUNTEERS, ("first_name", "last_name"), 0),
        (ImportKind.TRANSACTIONS, ("date", "amount", "category"), 0),
        (ImportKind.TRANSACTIONS, ("date", "credit"), 1),  # money in or out is an amount
        (ImportKind.TRANSACTIONS, ("note",), 3),
        (ImportKind.BANK, ("date", "debit"), 0),  # a bank line's category comes from rules
    ],
)
def test_missing_fields_are_named(kind, columns, missing):
    said = [english(m) for m in missing_fields(kind, columns)]
    assert len(said) == missing and all(s.strip() for s in said)


def test_every_kind_has_fields_with_unique_keys_and_a_heading():
    for kind, fields in FIELDS.items():
        keys = [f.key for f in fields]
        assert len(keys) == len(set(keys)), kind
        assert all(english(f.said).strip() for f in fields)


def test_a_bank_line_is_shown_as_the_transaction_it_becomes():
    assert field_of(ImportKind.BANK, "category").vocabulary is Vocabulary.CATEGORY
    assert field_of(ImportKind.BANK, "unheard_of").said == "Unheard of"
    assert Vocabulary.ROLES.creatable and not Vocabulary.KIND.creatable
