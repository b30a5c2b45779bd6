"""Bank statements: each NZ bank's CSV layout and OFX/QFX, rules, hand entries, no doubles.

The samples in tests/fixtures/banks are written to each bank's published export layout (see
docs/bank-layouts.md for where each layout came from): the same three payments in every one.
"""

from datetime import date
from pathlib import Path

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.messages import english
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger import TransactionInput, record_transaction
from sponsor_app.services.funds.ledger_view import (
    LedgerFilter,
    fetch_lines,
    find_transactions,
    open_ledger,
)
from sponsor_app.services.funds.rules import RuleInput, add_rule, list_rules
from sponsor_app.services.imports.engine import preview_import
from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.model import ImportRejected, ImportRequest, RowStatus
from sponsor_app.services.imports.sources import SpreadsheetFileError
from sponsor_app.services.imports.transaction_io import import_bank_statement

from ...conftest import category_named

BANKS = Path(__file__).resolve().parents[2] / "fixtures" / "banks"
SAMPLES = {
    "anz.csv": "ANZ",
    "asb.csv": "ASB",
    "bnz.csv": "BNZ",
    "kiwibank.csv": "Kiwibank",
    "westpac.csv": "Westpac",
    "statement-sgml.ofx": "OFX statement",
    "statement-xml.qfx": "OFX statement",
}


def _ledger(store):
    balances, selection = open_ledger(store)
    lines = fetch_lines(store, list(selection.ids), balances)
    return sorted(
        (lines[i].occurred_on, lines[i].kind, lines[i].amount, lines[i].category)
        for i in selection.ids
    )


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_banks_export_is_recognised_and_read(store, name):
    source = BANKS / name
    preview = preview_import(store, ImportRequest(ImportKind.BANK, source))
    assert preview.layout == SAMPLES[name] and not preview.missing and preview.problem_count == 0
    add_rule(
        store, RuleInput("countdown", category_named(store, "Food", TransactionKind.EXPENSE).id)
    )
    result = import_bank_statement(store, source)
    assert result.added >= 3
    ledger = _ledger(store)
    assert (date(2026, 2, 3), TransactionKind.EXPENSE, Money(8450, "NZD"), "Food") in ledger
    assert (
        date(2026, 2, 5),
        TransactionKind.INCOME,
        Money(125000, "NZD"),
        "Other income",
    ) in ledger
    assert (
        date(2026, 2, 7),
        TransactionKind.EXPENSE,
        Money(52000, "NZD"),
        "Other spending",
    ) in ledger
    again = import_bank_statement(store, source)
    assert again.nothing_new and again.duplicates == result.added


def test_a_rule_learned_from_the_preview_categorises_the_next_statement(store):
    food = "Food"
    request = ImportRequest(
        ImportKind.BANK,
        BANKS / "westpac.csv",
        values={
            "counterparty": {
                "expense:countdown ponsonby": food,
                "expense:harcourts rentals": "Rent",
            }
        },
    )
    result = import_bank_statement(store, request.source, values=request.values)
    assert result.rules_learned == 2
    assert sorted((r.pattern, r.category) for r in list_rules(store)) == [
        ("COUNTDOWN PONSONBY", "Food"),
        ("HARCOURTS RENTALS", "Rent"),
    ]
    preview = preview_import(store, ImportRequest(ImportKind.BANK, BANKS / "bnz.csv"))
    chosen = {u.text: (u.choice, english(u.how)) for u in preview.unknown}
    assert chosen["COUNTDOWN PONSONBY"] == ("Food", "rule: contains “countdown ponsonby”")
    assert chosen["RIVERSIDE CHURCH"] == ("Other income", "no rule")


def test_lines_entered_by_hand_are_matched_not_doubled(store):
    rent = category_named(store, "Rent", TransactionKind.EXPENSE).id
    record_transaction(
        store,
        TransactionInput(
            date(2026, 2, 6), TransactionKind.EXPENSE, Money(52000, "NZD"), rent, "Harcourts"
        ),
    )
    preview = preview_import(store, ImportRequest(ImportKind.BANK, BANKS / "anz.csv"))
    assert [(r.line, r.status) for r in preview.likely] == [(5, RowStatus.MATCHED)]
    result = import_bank_statement(store, BANKS / "anz.csv")
    assert (result.added, result.matched) == (3, 1)
    assert len(find_transactions(store, LedgerFilter()).ids) == 4
    # the hand entry now carries the bank's line: the statement again adds nothing
    assert import_bank_statement(store, BANKS / "anz.csv").nothing_new


def test_any_other_bank_through_the_column_mapping_saved_by_name(store, tmp_path):
    source = tmp_path / "credit-union.csv"
    source.write_text(
        "Posted,Narrative,Paid in,Paid out,Running total\n"
        "2026-02-03,COUNTDOWN,,84.50,100.00\n2026-02-05,KOHA,1250.00,,1350.00\n",
        encoding="utf-8",
    )
    columns = ("date", "counterparty", "credit", "debit", "")
    result = import_bank_statement(store, source, columns=columns, mapping_name="Credit union")
    assert result.added == 2
    later = tmp_path / "march.csv"
    later.write_text(
        "Posted,Narrative,Paid in,Paid out,Running total\n2026-03-03,COUNTDOWN,,12.00,88.00\n",
        encoding="utf-8",
    )
    preview = preview_import(
        store, ImportRequest(ImportKind.BANK, later, mapping_name="Credit union")
    )
    assert preview.columns == columns and preview.mapping_name == "Credit union"
    assert import_bank_statement(store, later, mapping_name="Credit union").added == 1


def test_a_statement_in_another_currency_is_refused(store, tmp_path):
    text = (BANKS / "statement-sgml.ofx").read_text().replace("<CURDEF>NZD", "<CURDEF>AUD")
    source = tmp_path / "aud.ofx"
    source.write_text(text)
    with pytest.raises(
        SpreadsheetFileError, match="statement in AUD; this group keeps its books in NZD"
    ):
        import_bank_statement(store, source)


def test_a_file_that_is_not_ofx_is_a_sentence(store, tmp_path):
    source = tmp_path / "broken.ofx"
    source.write_text("OFXHEADER:100\n<OFX><nonsense")
    with pytest.raises(SpreadsheetFileError, match="is not an OFX statement Sponsor Desk can read"):
        import_bank_statement(store, source)


def test_a_bank_file_without_dates_or_amounts_names_what_is_missing(store, tmp_path):
    source = tmp_path / "odd.csv"
    source.write_text("Who,What\nA,B\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="has no column for date, amount"):
        import_bank_statement(store, source)
