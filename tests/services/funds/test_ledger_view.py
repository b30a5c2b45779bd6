"""The Funds page's ledger: search as imports match names (folded, without diacritics)."""

from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.services.imports.transaction_io import import_transactions


def test_search_after_import_uses_the_new_rows(store, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n2025-01-02,income,10,Donations,Ōtaki Rotary\n",
        encoding="utf-8",
    )
    import_transactions(store, source)
    assert len(find_transactions(store, LedgerFilter(text="ŌTAKI")).ids) == 1


def test_imported_names_are_searched_as_imports_match_them(store, tmp_path):
    """Issue 12: the ledger's search folds as imports do, both ways: an imported "Kāpiti" is
    found by "kapiti" and an imported "KAPITI" by "Kāpiti"."""
    source = tmp_path / "t.csv"
    source.write_text(
        "date,kind,amount,category,counterparty\n"
        "2025-01-02,income,10,Donations,Rotary Club of Kāpiti\n"
        "2025-01-03,income,20,Donations,ROTARY CLUB OF KAPITI\n",
        encoding="utf-8",
    )
    import_transactions(store, source)
    for typed in ("kapiti", "Kāpiti", "club of KĀPITI"):
        assert len(find_transactions(store, LedgerFilter(text=typed)).ids) == 2, typed
