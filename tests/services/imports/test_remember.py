"""Column mappings remembered in the group file: found again by the same columns (however they
are spaced or capitalised) or by a bank's name; a choice to create or leave out is not kept."""

from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.model import CREATE, LEAVE_OUT
from sponsor_app.services.imports.remember import load_mapping, save_mapping, signature
from sponsor_app.storage.models import ImportMapping

HEADER = ("Date", "Amount", "Details")
COLUMNS = ("date", "amount", "counterparty")


def _save(store, header=HEADER, values=None, name=None):
    with store.transaction("Remember the mapping") as session:
        save_mapping(session, ImportKind.BANK, header, COLUMNS, values or {}, name)


def _load(store, header=HEADER, name=None, kind=ImportKind.BANK):
    with store.read() as session:
        return load_mapping(session, kind, header, name)


def test_a_mapping_is_found_again_by_the_same_columns_however_written(store):
    _save(store, values={"category": {"petrol": "Transport", "koha": CREATE, "x": LEAVE_OUT}})
    found = _load(store, header=(" date", "AMOUNT", "details "))
    assert found.columns == COLUMNS
    assert found.values == {"category": {"petrol": "Transport"}}
    assert _load(store, header=("Date", "Amount")) is None
    assert _load(store, kind=ImportKind.TRANSACTIONS) is None
    assert signature(HEADER) == signature(("DATE", "amount", "Details"))


def test_a_counterpartys_category_becomes_a_rule_not_a_mapping(store):
    _save(store, values={"counterparty": {"countdown": "Food"}})
    assert _load(store).values == {}


def test_a_named_mapping_is_found_by_name_and_takes_over_the_columns(store):
    _save(store)
    _save(store, header=("When", "Value", "Payee"), name="  Credit   union ")
    _save(store, name="credit union")  # the named one now stands for these columns
    found = _load(store, header=("Other",), name="CREDIT UNION")
    assert found is not None and found.name == "credit union"  # as last saved, spaces tidied
    with store.read() as session:
        assert session.query(ImportMapping).count() == 1


def test_saving_the_same_mapping_again_writes_nothing(store):
    from sponsor_app.services.files.history import list_change_sets

    _save(store)
    before = len(list_change_sets(store))
    _save(store)
    assert len(list_change_sets(store)) == before


def test_a_damaged_mapping_is_ignored(store):
    _save(store)
    with store.transaction("Damage it") as session:
        session.query(ImportMapping).one().settings = "{not json"
    assert _load(store) is None
