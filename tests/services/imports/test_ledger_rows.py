"""Ledger rows as an import reads them: the words a sheet uses for income and expense, money in
and out columns, the length of each text field, and a bank line matched to the hand entry a few
days either side of it (but no further)."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger import TransactionInput, record_transaction
from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.imports.engine import preview_import
from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.ledger_rows import KIND_WORDS, LIMITS, MATCH_DAYS
from sponsor_app.services.imports.model import ImportRejected, ImportRequest, RowStatus
from sponsor_app.services.imports.transaction_io import import_bank_statement, import_transactions

from ...conftest import category_named

BANKS = Path(__file__).parents[2] / "fixtures" / "banks"
RENT_DAY = date(2026, 2, 7)  # the Harcourts line of anz.csv


def _csv(tmp_path, text):
    path = tmp_path / "ledger.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _kinds(store):
    selection = find_transactions(store, LedgerFilter(kind=TransactionKind.INCOME))
    return len(selection.ids), len(find_transactions(store, LedgerFilter()).ids)


@pytest.mark.parametrize("word", ["Money In", "CR", "received"])
def test_the_words_sheets_use_for_income_are_read(store, tmp_path, word):
    assert KIND_WORDS[word.casefold()] == TransactionKind.INCOME
    source = _csv(tmp_path, f"date,kind,amount,category\n2025-03-01,{word},40,Donations\n")
    assert import_transactions(store, source).added == 1
    assert _kinds(store) == (1, 1)


def test_money_in_and_out_columns_give_the_kind(store, tmp_path):
    source = _csv(
        tmp_path,
        "date,paid in,paid out,category\n2025-03-01,40,,Donations\n2025-03-02,,12.50,Food\n",
    )
    assert import_transactions(store, source).added == 2
    assert _kinds(store) == (1, 2)


def test_text_longer_than_its_field_allows_refuses_the_file(store, tmp_path):
    long = "x" * (LIMITS["counterparty"] + 1)
    source = _csv(
        tmp_path,
        f"date,kind,amount,category,counterparty\n2025-03-01,expense,5,Food,{long}\n",
    )
    with pytest.raises(ImportRejected, match="line 2"):
        import_transactions(store, source)
    assert _kinds(store) == (0, 0)


def _hand_entry(store, day):
    rent = category_named(store, "Rent", TransactionKind.EXPENSE).id
    record_transaction(
        store,
        TransactionInput(day, TransactionKind.EXPENSE, Money(52000, "NZD"), rent, "Harcourts"),
    )


@pytest.mark.parametrize("days", [-MATCH_DAYS, MATCH_DAYS])
def test_a_hand_entry_within_the_match_days_is_matched(store, days):
    _hand_entry(store, RENT_DAY + timedelta(days=days))
    preview = preview_import(store, ImportRequest(ImportKind.BANK, BANKS / "anz.csv"))
    assert [(r.line, r.status) for r in preview.likely] == [(5, RowStatus.MATCHED)]
    assert import_bank_statement(store, BANKS / "anz.csv").matched == 1


def test_a_hand_entry_further_off_is_not_taken_for_the_bank_line(store):
    _hand_entry(store, RENT_DAY - timedelta(days=MATCH_DAYS + 1))
    preview = preview_import(store, ImportRequest(ImportKind.BANK, BANKS / "anz.csv"))
    assert RowStatus.MATCHED not in {r.status for r in preview.likely}
    assert import_bank_statement(store, BANKS / "anz.csv").matched == 0
