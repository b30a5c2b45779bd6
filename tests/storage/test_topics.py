"""Every table of the live schema has a topic, and a change set names the records it touched."""

from datetime import date

from sqlalchemy import text

from sponsor_app.domain.changes import Topic
from sponsor_app.storage.models import Volunteer, VolunteerHours, VolunteerRole
from sponsor_app.storage.topics import TOPIC_OF_TABLE


def _live_tables(store) -> set[str]:
    with store.read() as session:
        names = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        return {
            name
            for (name,) in names
            if not name.startswith("sqlite_") and name != "alembic_version"
        }


def test_every_table_of_the_live_schema_has_a_topic(store):
    """A table added by a migration fails here until storage/topics.py maps it: otherwise the
    pages showing it would not hear of its changes."""
    assert _live_tables(store) - set(TOPIC_OF_TABLE) == set()
    assert set(TOPIC_OF_TABLE) - _live_tables(store) == set()  # no name of a table gone


def test_every_topic_has_a_table():
    assert {belongs.topic for belongs in TOPIC_OF_TABLE.values()} == set(Topic)


def test_a_row_names_the_record_it_is_part_of(store):
    heard = []
    store.subscribe(heard.append)
    with store.transaction("Add two") as session:
        aroha = Volunteer(full_name="Aroha Ngata", roles=[VolunteerRole(role="housing")])
        mere = Volunteer(full_name="Mere Tito", roles=[VolunteerRole(role="housing")])
        session.add_all([aroha, mere])
    with store.transaction("Log hours") as session:
        session.add(
            VolunteerHours(
                volunteer_id=mere.id, worked_on=date(2026, 1, 5), minutes=30, activity="Driving"
            )
        )
    with store.transaction("Remove the hours") as session:
        session.delete(session.get(VolunteerHours, 1))
    added, logged, removed = heard
    assert added.topics == {Topic.VOLUNTEERS}
    assert added.record_ids(Topic.VOLUNTEERS) == {aroha.id, mere.id}
    # a row of another table names its volunteer, from its values (after, then before)
    assert logged.record_ids(Topic.VOLUNTEERS) == {mere.id}
    assert removed.record_ids(Topic.VOLUNTEERS) == {mere.id}
    assert removed.touches({Topic.VOLUNTEERS, Topic.LEDGER})
    assert not removed.touches({Topic.LEDGER})
    assert removed.only({Topic.VOLUNTEERS}) and not removed.only({Topic.LEDGER})
