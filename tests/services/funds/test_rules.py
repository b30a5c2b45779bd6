"""Categorising rules for imported bank lines: kept tidy, one of each, and refused by field."""

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.errors import InvalidInput, NotFound
from sponsor_app.services.funds.rules import (
    RULE_WORDS_MOST,
    RuleInput,
    add_rule,
    delete_rule,
    edit_rule,
    list_rules,
)

from ...conftest import category_named


@pytest.fixture
def food(store):
    return category_named(store, "Food", TransactionKind.EXPENSE)


def test_a_rule_is_kept_with_its_spaces_tidied_and_listed_by_pattern(store, food):
    add_rule(store, RuleInput("  New   World ", food.id))
    countdown = add_rule(store, RuleInput("countdown", food.id, field="any"))
    rules = list_rules(store)
    assert [(r.pattern, r.field, r.category) for r in rules] == [
        ("countdown", "any", "Food"),
        ("New World", "counterparty", "Food"),
    ]
    assert rules[0] == countdown and countdown.kind is TransactionKind.EXPENSE


@pytest.mark.parametrize(
    ("pattern", "field", "category", "refused"),
    [
        ("   ", "counterparty", None, "pattern"),
        ("x" * (RULE_WORDS_MOST + 1), "counterparty", None, "pattern"),
        ("Countdown", "memo", None, "field"),
        ("Countdown", "counterparty", 99_999, "category"),
        ("COUNTDOWN", "counterparty", None, "pattern"),  # the same rule again, in capitals
    ],
)
def test_a_wrong_rule_is_refused_by_its_field_and_saves_nothing(
    store, food, pattern, field, category, refused
):
    add_rule(store, RuleInput("Countdown", food.id))
    with pytest.raises(InvalidInput) as error:
        add_rule(store, RuleInput(pattern, category or food.id, field))
    assert error.value.for_field(refused)
    assert [r.pattern for r in list_rules(store)] == ["Countdown"]


def test_editing_a_rule_to_itself_is_allowed_but_not_onto_another(store, food):
    first = add_rule(store, RuleInput("Countdown", food.id))
    second = add_rule(store, RuleInput("Pak n Save", food.id))
    edit_rule(store, first.id, RuleInput("countdown", food.id))  # only its capitals change
    with pytest.raises(InvalidInput):
        edit_rule(store, second.id, RuleInput("Countdown", food.id))
    assert [r.pattern for r in list_rules(store)] == ["countdown", "Pak n Save"]


def test_a_deleted_rule_is_gone_and_a_second_delete_says_so(store, food):
    rule = add_rule(store, RuleInput("Countdown", food.id))
    delete_rule(store, rule.id)
    assert list_rules(store) == []
    with pytest.raises(NotFound):
        delete_rule(store, rule.id)
    with pytest.raises(NotFound):
        edit_rule(store, rule.id, RuleInput("Countdown", food.id))
