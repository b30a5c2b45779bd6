"""Rules that categorise bank statement lines as they are imported ("counterparty contains
Countdown: Food"). The longest matching pattern wins; the import preview adds one each time
the person chooses a category for a counterparty."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...domain.enums import TransactionKind
from ...domain.errors import InvalidInput
from ...domain.messages import Funds, Records
from ...domain.text import fold
from ...storage.models import CategoryRule, LedgerCategory
from ...storage.store import Store
from ..rows import added, delete_or_gone, get_or_gone

FIELDS = ("counterparty", "any")  # what the pattern is looked for in
RULE_WORDS_MOST = 80


@dataclass(frozen=True)
class RuleRow:
    id: int
    pattern: str
    field: str
    category_id: int
    category: str
    kind: TransactionKind


@dataclass(frozen=True)
class RuleInput:
    pattern: str
    category_id: int
    field: str = "counterparty"


def list_rules(store: Store) -> list[RuleRow]:
    with store.read() as session:
        rows = session.execute(
            select(CategoryRule, LedgerCategory.name, LedgerCategory.kind).join(
                LedgerCategory, LedgerCategory.id == CategoryRule.category_id
            )
        ).all()
    found = [RuleRow(r.id, r.pattern, r.field, r.category_id, name, kind) for r, name, kind in rows]
    return sorted(found, key=lambda r: (fold(r.pattern), r.id))


def _checked(session, data: RuleInput, rule_id: int | None = None) -> str:
    pattern = " ".join((data.pattern or "").split())
    if not pattern:
        raise InvalidInput.single("pattern", Funds.RULE_WORDS_MISSING())
    if len(pattern) > RULE_WORDS_MOST:
        raise InvalidInput.single("pattern", Funds.RULE_WORDS_TOO_LONG(n=RULE_WORDS_MOST))
    if data.field not in FIELDS:
        raise InvalidInput.single("field", Funds.RULE_FIELD())
    if session.get(LedgerCategory, data.category_id) is None:
        raise InvalidInput.single("category", Funds.CHOOSE_CATEGORY())
    for other in session.scalars(select(CategoryRule)):
        if (
            other.id != rule_id
            and fold(other.pattern) == fold(pattern)
            and other.field == data.field
            and other.category_id == data.category_id
        ):
            raise InvalidInput.single("pattern", Funds.RULE_EXISTS())
    return pattern


def add_rule(store: Store, data: RuleInput) -> RuleRow:
    with store.transaction(f"Add rule {data.pattern.strip()}") as session:
        pattern = _checked(session, data)
        rule = CategoryRule(pattern=pattern, field=data.field, category_id=data.category_id)
        added(session, rule)
        category = session.get(LedgerCategory, data.category_id)
        return RuleRow(rule.id, pattern, data.field, category.id, category.name, category.kind)


def edit_rule(store: Store, rule_id: int, data: RuleInput) -> None:
    with store.transaction(f"Edit rule {data.pattern.strip()}") as session:
        rule = get_or_gone(session, CategoryRule, rule_id, Records.RULE_GONE)
        rule.pattern = _checked(session, data, rule_id)
        rule.field, rule.category_id = data.field, data.category_id


def delete_rule(store: Store, rule_id: int) -> None:
    delete_or_gone(store, "Delete rule", CategoryRule, rule_id, Records.RULE_GONE)
