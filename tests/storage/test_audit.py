import json
from datetime import UTC, datetime

from sqlalchemy import select

from sponsor_app.domain.enums import Role
from sponsor_app.storage.models import AuditEntry, Volunteer, VolunteerRole


def _audit(store, table):
    with store.read() as session:
        return session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == table).order_by(AuditEntry.id)
        ).all()


def test_insert_update_delete_each_leave_a_row(store):
    with store.transaction() as session:
        session.add(
            Volunteer(
                full_name="Aroha Ngata",
                phone="021 555 1234",
                roles=[VolunteerRole(role=Role.HOUSING)],
            )
        )
    with store.transaction() as session:
        session.get(Volunteer, 1).phone = "027 555 9876"
    with store.transaction() as session:
        session.delete(session.get(Volunteer, 1))

    inserted, updated, deleted = _audit(store, "volunteer")
    assert (inserted.action, updated.action, deleted.action) == ("insert", "update", "delete")
    assert json.loads(inserted.changes)["full_name"] == [None, "Aroha Ngata"]
    assert json.loads(updated.changes) == {"phone": ["021 555 1234", "027 555 9876"]}
    assert json.loads(deleted.changes)["full_name"] == ["Aroha Ngata", None]
    assert {e.row_key for e in (inserted, updated, deleted)} == {"id=1"}
    assert inserted.actor == "tester"
    assert inserted.at.tzinfo is UTC and (datetime.now(UTC) - inserted.at).total_seconds() < 60
    (role_insert, role_delete) = _audit(store, "volunteer_role")
    assert role_insert.row_key == "volunteer_id=1,role=housing" and role_delete.action == "delete"


def test_a_rolled_back_change_leaves_no_audit_row(store):
    try:
        with store.transaction() as session:
            session.add(Volunteer(full_name="Gone"))
            session.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert _audit(store, "volunteer") == []


def test_an_update_that_changes_nothing_is_not_audited(store):
    with store.transaction() as session:
        session.add(Volunteer(full_name="Same"))
    with store.transaction() as session:
        session.get(Volunteer, 1).full_name = "Same"
    assert [e.action for e in _audit(store, "volunteer")] == ["insert"]
