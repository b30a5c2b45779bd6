"""First-run setup: the group file and its first household are made together or not at all."""

from datetime import date

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.group.groups import NewGroup, open_group
from sponsor_app.services.group.setup import start_group
from sponsor_app.services.households.households import HouseholdInput, list_households

GROUP = NewGroup(name="Riverside", programme_key="nz-cors", start_date=date(2025, 1, 1))


def test_the_file_starts_with_its_first_household(group_path):
    start_group(group_path, GROUP, HouseholdInput("H1", family_name="Haidari")).close()
    with open_group(group_path) as store:
        assert [h.code for h in list_households(store)] == ["H1"]


def test_no_household_is_asked_for_none_is_made(group_path):
    with start_group(group_path, GROUP, None) as store:
        assert list_households(store) == []


def test_a_household_that_cannot_be_added_leaves_no_file(group_path):
    with pytest.raises(InvalidInput):
        start_group(group_path, GROUP, HouseholdInput(code=""))
    assert not group_path.exists()
    assert list(group_path.parent.glob(f"{group_path.name}*")) == []
