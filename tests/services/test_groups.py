from datetime import date

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.groups import NewGroup, create_group, group_info
from sponsor_app.services.ledger import list_categories
from sponsor_app.storage.models import GroupProfile
from sponsor_app.storage.store import Store


def test_new_group_takes_the_programmes_currency_and_categories(make_store):
    store = make_store(name="Ngāti Whātua Welcome", programme="uk-cs", start_date=date(2025, 3, 1))
    info = group_info(store)
    assert (info.name, info.programme_key, info.currency, info.locale) == (
        "Ngāti Whātua Welcome",
        "uk-cs",
        "GBP",
        "en_GB",
    )
    assert info.start_date == date(2025, 3, 1)
    names = {c.name for c in list_categories(store)}
    assert {"Donations", "Rent", "Council tax"} <= names


def test_group_file_reopens_with_its_profile(make_store):
    store = make_store(name="Ayşe's Circle")
    path, uuid = store.path, group_info(store).uuid
    store.close()
    with Store.open(path) as reopened:
        assert group_info(reopened).name == "Ayşe's Circle"
        assert group_info(reopened).uuid == uuid


def test_blank_name_creates_nothing(group_path):
    with pytest.raises(InvalidInput, match="group's name"):
        create_group(group_path, NewGroup(name="  "))
    assert not group_path.exists()


def test_failure_half_way_leaves_no_file(group_path, monkeypatch):
    monkeypatch.setattr(
        GroupProfile, "__tablename__", GroupProfile.__tablename__
    )  # unchanged, for clarity
    with pytest.raises(Exception, match="Unknown programme"):
        create_group(group_path, NewGroup(name="X", programme_key="nope"))
    assert list(group_path.parent.glob("group.sponsor*")) == []
