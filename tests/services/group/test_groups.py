from datetime import date

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.funds.ledger import list_categories
from sponsor_app.services.group.groups import NewGroup, create_group, group_info
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
    """The failure comes after the file is being built on disk (its schema written under a
    temporary name, the profile being added): nothing may stay, at the name or beside it."""
    from sponsor_app.services.group import groups

    seen_on_disk = []

    def fail_after_the_file_exists(programme):
        seen_on_disk.extend(p.name for p in group_path.parent.glob("*group.sponsor*"))
        raise RuntimeError("power cut")

    monkeypatch.setattr(groups, "_default_categories", fail_after_the_file_exists)
    with pytest.raises(RuntimeError, match="power cut"):
        create_group(group_path, NewGroup(name="X"))
    assert any(name.endswith(".building") for name in seen_on_disk)  # really half-way
    assert "group.sponsor" not in seen_on_disk  # never at its name before it is whole
    assert list(group_path.parent.glob("*group.sponsor*")) == []


def test_an_unknown_programme_is_refused_before_anything_is_written(group_path):
    with pytest.raises(Exception, match="Unknown programme"):
        create_group(group_path, NewGroup(name="X", programme_key="nope"))
    assert list(group_path.parent.glob("group.sponsor*")) == []
