"""Which writes made at once on two laptops a person decides, rather than the rule.

The rule (the later write by hybrid logical clock wins, the other is kept) settles everything;
these fields are the ones where the other value matters enough that the lead sees both and
chooses: money, the date of a transaction, a household's identity, a vetting result. An edit
against a delete, and a renumbering, are always shown too (apply.py).
"""

from __future__ import annotations

DECIDED_FIELDS = frozenset(
    {
        ("ledger_transaction", "occurred_on"),
        ("household", "code"),
        ("household", "family_name"),
        ("household_member", "full_name"),
        ("household_member", "date_of_birth"),
        ("vetting_check", "result"),
        ("vetting_check", "expires_on"),
    }
)

# Kept up to date by the program, never by a person: recomputed from the other fields, so a
# write of one never conflicts (ledger_transaction.search_text folds the text fields).
DERIVED_FIELDS = frozenset({("ledger_transaction", "search_text")})


def is_money(column: str) -> bool:
    return column.endswith("_minor")


def needs_decision(table: str, column: str) -> bool:
    return is_money(column) or (table, column) in DECIDED_FIELDS


def policy(table: str, column: str) -> str:
    """ "decide", "derived" or "rule" (the later write wins, listed as settled)."""
    if (table, column) in DERIVED_FIELDS:
        return "derived"
    return "decide" if needs_decision(table, column) else "rule"
