"""Regressions for problems an independent review found; each failed before its fix."""

from datetime import date

import pytest

from sponsor_app.domain.enums import CheckResult, TransactionKind
from sponsor_app.domain.errors import InvalidInput, SponsorDeskError
from sponsor_app.domain.money import Money
from sponsor_app.services.files.history import revert
from sponsor_app.services.funds.ledger import TransactionInput, record_transaction
from sponsor_app.services.funds.ledger_view import (
    LedgerFilter,
    fetch_lines,
    find_transactions,
    open_ledger,
)
from sponsor_app.services.imports.transaction_io import export_transactions, import_transactions
from sponsor_app.services.imports.volunteer_io import (
    export_volunteers,
    import_volunteers,
    parse_day,
)
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    edit_volunteer,
    list_volunteers,
)

from ..conftest import category_named


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


def test_an_update_by_import_keeps_notes_reference_and_active(store, tmp_path):
    volunteer = add_volunteer(
        store,
        VolunteerInput(
            "Aroha Ngata",
            ("housing",),
            "aroha@example.org",
            notes="Allergic to dogs",
            active=False,
            vetting=CheckInput(
                "police_vetting",
                CheckResult.CLEARED,
                date(2025, 1, 1),
                date(2028, 1, 1),
                "NZPV-123456",
            ),
        ),
    )
    out = export_volunteers(store, tmp_path / "roster.csv")
    import_volunteers(store, out)
    source = tmp_path / "no-active.csv"
    source.write_text(
        "name,email,roles\nAroha Ngata,aroha@example.org,Housing lead\n", encoding="utf-8"
    )
    import_volunteers(store, source)
    (row,) = list_volunteers(store, include_archived=True)
    assert row.id == volunteer.id and row.notes == "Allergic to dogs" and row.active is False
    assert row.main_check.reference == "NZPV-123456"


def test_undo_of_an_edit_that_recorded_the_first_check_removes_it(store):
    volunteer = add_volunteer(store, VolunteerInput("Li Wei", ("welcome",)))
    with store.recording() as recorded:
        edit_volunteer(
            store,
            volunteer.id,
            VolunteerInput(
                "Li Wei",
                ("welcome",),
                vetting=CheckInput(
                    "police_vetting", CheckResult.CLEARED, date(2025, 1, 1), date(2028, 1, 1)
                ),
            ),
        )
    assert list_volunteers(store)[0].main_check is not None
    revert(store, recorded[0].change_set_id)
    (row,) = list_volunteers(store)
    assert row.main_check is None


@pytest.mark.parametrize(
    ("text", "locale"),
    [("02/13/2026", "en_NZ"), ("5/6/7", "en_NZ"), ("1/2/0026", "en_CA"), ("31/12/1850", "en_NZ")],
)
def test_dates_are_read_strictly(text, locale):
    with pytest.raises(ValueError):
        parse_day(text, locale)


def test_export_to_a_missing_folder_is_a_sentence_and_leaves_nothing(store, tmp_path):
    target = tmp_path / "missing" / "ledger.csv"
    with pytest.raises(SponsorDeskError, match="Cannot write"):
        export_transactions(store, target)
    assert not list(tmp_path.glob("**/*.partial"))


def test_an_absurd_amount_is_refused_not_a_crash():
    with pytest.raises(InvalidInput, match="too large"):
        Money.parse("99999999999999999999", "NZD")
    assert Money.parse("9,999,999,999,999.99", "NZD").minor == 999_999_999_999_999


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
