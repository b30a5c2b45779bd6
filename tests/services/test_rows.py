"""services/rows.py: the one way a service fetches a record by id (or says it is gone) and
reads a record into its result row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from sponsor_app.domain.errors import NotFound
from sponsor_app.domain.messages import Records
from sponsor_app.domain.money import Money
from sponsor_app.services.files.history import list_change_sets
from sponsor_app.services.funds.funds import PledgeInput, add_pledge, delete_pledge, list_pledges
from sponsor_app.services.rows import get_or_gone, read_into
from sponsor_app.storage.models import Pledge

TODAY = date(2025, 3, 1)


def _pledge(store) -> int:
    data = PledgeInput("Jo Donor", Money(5000, "NZD"), "monthly", date(2025, 1, 1))
    return add_pledge(store, data)


def test_a_record_deleted_meanwhile_is_named_gone_by_its_code(store):
    pledge_id = _pledge(store)
    delete_pledge(store, pledge_id)
    assert list_pledges(store, TODAY) == []
    assert list_change_sets(store, limit=1)[0].description == "Delete pledge"

    with pytest.raises(NotFound) as second:
        delete_pledge(store, pledge_id)  # a second window deleting the same pledge
    assert second.value.code is Records.PLEDGE_GONE
    assert second.value.params == {"id": pledge_id}
    assert str(second.value) == f"Pledge {pledge_id} no longer exists."
    assert len([c for c in list_change_sets(store) if c.description == "Delete pledge"]) == 1


def test_get_or_gone_returns_the_row_that_is_there(store):
    pledge_id = _pledge(store)
    with store.read() as session:
        assert get_or_gone(session, Pledge, pledge_id, Records.PLEDGE_GONE).donor == "Jo Donor"
        with pytest.raises(NotFound, match=f"Pledge {pledge_id + 1} no longer exists"):
            get_or_gone(session, Pledge, pledge_id + 1, Records.PLEDGE_GONE)


@dataclass(frozen=True)
class _Shown:
    id: int
    donor: str
    label: str


def test_read_into_takes_same_named_fields_and_the_caller_gives_the_rest(store):
    pledge_id = _pledge(store)
    with store.read() as session:
        pledge = session.get(Pledge, pledge_id)
        assert read_into(_Shown, pledge, label="monthly") == _Shown(
            pledge_id, "Jo Donor", "monthly"
        )
        # A field the record does not hold and the caller forgot is an error, not a blank.
        with pytest.raises(AttributeError, match="label"):
            read_into(_Shown, pledge)
