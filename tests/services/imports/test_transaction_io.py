"""Ledger import and export: all or nothing, exact round trips, unknown categories."""

from datetime import date

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.errors import SponsorDeskError
from sponsor_app.domain.messages import english
from sponsor_app.domain.money import Money
from sponsor_app.services.funds.ledger import TransactionInput, record_transaction
from sponsor_app.services.funds.ledger_view import (
    LedgerFilter,
    fetch_lines,
    find_transactions,
    open_ledger,
)
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.imports.transaction_io import (
    ImportRejected,
    export_transactions,
    import_transactions,
)

from ...conftest import category_named

HEADER = "date,kind,amount,category,counterparty,method,reference,household,note\n"


def _ledger(store):
    balances, selection = open_ledger(store)
    lines = fetch_lines(store, list(selection.ids), balances)
    fields = (
        "occurred_on",
        "kind",
        "amount",
        "category",
        "counterparty",
        "method",
        "reference",
        "household",
        "note",
    )
    return [tuple(getattr(lines[i], name) for name in fields) for i in selection.ids]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_importing_an_export_gives_the_same_ledger(make_store, tmp_path, suffix):
    source = make_store()
    add_household(source, HouseholdInput(code="H1"))
    for day, kind, amount, category, who, note in [
        (
            date(2025, 1, 5),
            TransactionKind.INCOME,
            "1,200.50",
            "Donations",
            "Ngāti Whātua whānau",
            "=1+1",
        ),
        (date(2025, 1, 6), TransactionKind.EXPENSE, "0.07", "Food", "-Pak'nSave", "@note"),
        (date(2025, 1, 6), TransactionKind.EXPENSE, "99999.99", "Rent", "Ayşe", ""),
    ]:
        record_transaction(
            source,
            TransactionInput(
                day,
                kind,
                Money.parse(amount, "NZD"),
                category_named(source, category, kind).id,
                who,
                "card",
                "R1",
                1 if category == "Rent" else None,
                False,
                note,
            ),
        )
    out = export_transactions(source, tmp_path / f"ledger{suffix}")
    target = make_store()
    add_household(target, HouseholdInput(code="H1"))
    assert import_transactions(target, out).added == 3
    assert _ledger(target) == _ledger(source)


def test_bad_rows_abort_everything_and_each_is_named(store, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(
        HEADER
        + "2025-01-05,income,100,Donations,,,,,\n"
        + "2025-02-30,income,100,Donations,,,,,\n"
        + "2025-03-01,expense,12.345,Food,,,,,\n"
        + "2025-03-02,refund,5,Food,,,,,\n"
        + "2025-03-03,expense,5,Food,,,,H9,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as caught:
        import_transactions(store, source)
    text = str(caught.value)
    assert "line 3: date: “2025-02-30” is not a date" in text
    assert "line 4: “12.345” has more than 2 digits" in text
    assert "“refund” is not income or expense (line 5)" in text
    assert "there is no household “H9” (line 6)" in text
    assert "line 2" not in text
    assert len(find_transactions(store, LedgerFilter()).ids) == 0


def test_unknown_categories_are_listed_and_created_only_when_asked(store, tmp_path):
    source = tmp_path / "new.csv"
    source.write_text(
        HEADER + "2025-01-05,income,100,bake sale,,,,,\n2025-01-06,expense,5,food,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected, match=r"“bake sale” is not an income category .*Donations"):
        import_transactions(store, source)
    assert len(find_transactions(store, LedgerFilter()).ids) == 0
    result = import_transactions(store, source, create_categories=True)
    assert result.added == 2 and tuple(map(english, result.created)) == (
        "category “bake sale” (income)",
    )
    assert category_named(store, "Bake Sale", TransactionKind.INCOME).name == "bake sale"


def _lines(store):
    balances, selection = open_ledger(store)
    lines = fetch_lines(store, list(selection.ids), balances)
    return [(lines[i].counterparty, lines[i].note, lines[i].restricted) for i in selection.ids]


def test_csv_with_single_quotes_keeps_quoted_commas(make_store, tmp_path):
    source = make_store()
    donations = category_named(source, "Donations", TransactionKind.INCOME).id
    for who, note, restricted in [
        ("Smith, J", "for the 'welcome' party", True),
        ("O'Brien", "-refund, see 'email'", False),
    ]:
        record_transaction(
            source,
            TransactionInput(
                date(2025, 1, 2),
                TransactionKind.INCOME,
                Money(500, "NZD"),
                donations,
                who,
                note=note,
                restricted=restricted,
            ),
        )
    out = export_transactions(source, tmp_path / "ledger.csv")
    target = make_store()
    import_transactions(target, out)
    assert _lines(target) == _lines(source)  # restricted survives the round trip too


def test_export_to_a_missing_folder_is_a_sentence_and_leaves_nothing(store, tmp_path):
    target = tmp_path / "missing" / "ledger.csv"
    with pytest.raises(SponsorDeskError, match="Cannot write"):
        export_transactions(store, target)
    assert not list(tmp_path.glob("**/*.partial"))
