"""A volunteer's calendar: the iCalendar export of their open tasks, and finding them by name."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from sponsor_app.domain.errors import InvalidInput, NotFound
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.plan import plan
from sponsor_app.services.plan.calendar import find_volunteer, volunteer_calendar, write_calendar
from sponsor_app.services.roster.volunteers import (
    list_volunteers,
)

from ...conftest import TODAY
from ..task_helpers import assign
from .conftest import ARRIVAL, vetted_volunteer


@pytest.fixture
def demo(tmp_path, small_demo_bytes):
    path = tmp_path / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    with open_group(path) as store:
        yield store


def _task(store, household, key):
    return next(t for t in plan.plan_tasks(store, household.id) if t.template_key == key)


def test_calendar_parses_back_with_the_due_dates(store, household):
    volunteer = vetted_volunteer(store, "Şükrü Öztürk")
    for key in ("airport_welcome", "enrol_school"):
        task = _task(store, household, key)
        assign(store, task.id, volunteer.id, TODAY)
    plan.toggle_done(store, _task(store, household, "airport_welcome").id, TODAY)
    data, count = volunteer_calendar(store, volunteer.id, TODAY)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert count == len(events) == 1  # the done task is not in it
    (event,) = events
    assert event.decoded("dtstart") == ARRIVAL + timedelta(days=14)
    assert str(event.get("summary")) == "H1: Enrol children in school"
    assert household.family_name not in data.decode()
    assert find_volunteer(store, "sukru ozturk").id == volunteer.id


def test_calendar_files_are_not_overwritten_unless_asked(store, household, tmp_path):
    volunteer = vetted_volunteer(store, "Mere")
    target = tmp_path / "mere.ics"
    target.write_text("keep me")
    with pytest.raises(InvalidInput, match="already exists"):
        write_calendar(store, volunteer.id, target, TODAY)
    assert target.read_text() == "keep me"
    written = write_calendar(store, volunteer.id, target, TODAY, force=True)
    assert written.path.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_name_that_fits_several_volunteers_is_refused(store):
    vetted_volunteer(store, "Mere Pōtae")
    vetted_volunteer(store, "Mere Smith")
    with pytest.raises(InvalidInput, match="fits 2 volunteers"):
        find_volunteer(store, "mere")
    with pytest.raises(NotFound, match="No volunteer is called"):
        find_volunteer(store, "Nobody")


def test_the_calendar_masks_other_peoples_names_and_keeps_the_volunteers_own(demo):
    """Its SUMMARY carried typed task titles ("Aroha Ngata to help Yasmin Al-Khatib with
    UNHCR case 555") to other people's calendar servers."""
    from icalendar import Calendar

    from sponsor_app.services.plan.calendar import volunteer_calendar
    from sponsor_app.services.plan.plan import plan_tasks

    aroha = next(v for v in list_volunteers(demo) if v.full_name == "Aroha Ngata")
    task = next(t for t in plan_tasks(demo) if t.status.is_open and t.due_on is not None)
    with demo.transaction("Give Aroha a task") as session:
        session.connection().exec_driver_sql(
            "UPDATE task SET title = ?, guidance = ?, assignee_id = ? WHERE id = ?",
            (
                "Aroha Ngata to help Yasmin Al-Khatib with UNHCR case 555",
                "Ring Tamati Whaanga (021 696 1950) or tamati.1@example.org first.",
                aroha.id,
                task.id,
            ),
        )
    data, events = volunteer_calendar(demo, aroha.id)
    assert events >= 1
    text = data.decode()
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(data).walk("VEVENT")]
    assert any(
        s.endswith("Aroha Ngata to help a family member with UNHCR case 555") for s in summaries
    ), summaries
    for other in ("Yasmin", "Khatib", "Tamati", "Whaanga", "696 1950", "tamati.1@"):
        assert other not in text, other
