"""One way to fetch a record by id or say it is gone, to delete one in its own change set, and
to read a record into a result row."""

from dataclasses import dataclass

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.errors import NotFound
from sponsor_app.domain.messages import Records
from sponsor_app.services.files.history import list_change_sets, revert
from sponsor_app.services.funds.rules import RuleInput, add_rule, list_rules
from sponsor_app.services.rows import delete_or_gone, get_or_gone, read_into
from sponsor_app.storage.models import CategoryRule

from ..conftest import category_named


@pytest.fixture
def rule(store):
    food = category_named(store, "Food", TransactionKind.EXPENSE)
    return add_rule(store, RuleInput("Countdown", food.id))


def test_a_record_is_fetched_by_id_or_said_to_be_gone_with_its_own_words(store, rule):
    with store.read() as session:
        assert get_or_gone(session, CategoryRule, rule.id, Records.RULE_GONE).pattern == "Countdown"
        with pytest.raises(NotFound) as gone:
            get_or_gone(session, CategoryRule, rule.id + 1, Records.RULE_GONE)
    assert str(rule.id + 1) in str(gone.value)


def test_a_delete_is_one_change_set_that_undo_takes_back(store, rule):
    before = len(list_change_sets(store))
    delete_or_gone(store, "Delete rule", CategoryRule, rule.id, Records.RULE_GONE)
    assert list_rules(store) == []
    sets = list_change_sets(store)
    assert len(sets) == before + 1
    revert(store, sets[0].id)
    assert [r.pattern for r in list_rules(store)] == ["Countdown"]
    with pytest.raises(NotFound):
        delete_or_gone(store, "Delete rule", CategoryRule, 999_999, Records.RULE_GONE)


@dataclass(frozen=True)
class _Shown:
    id: int
    pattern: str
    category: str  # not on the record: worked out


def test_a_record_is_read_into_a_row_with_what_is_worked_out_added(store, rule):
    with store.read() as session:
        record = session.get(CategoryRule, rule.id)
        shown = read_into(_Shown, record, category="Food")
    assert shown == _Shown(rule.id, "Countdown", "Food")
    with store.read() as session, pytest.raises(AttributeError):
        read_into(_Shown, session.get(CategoryRule, rule.id))  # nothing worked out: no category
