"""A volunteer's open tasks as an iCalendar file, so they show on the volunteer's phone.

One all-day event per task on its due date. The household is named by its code only: a
calendar is synced to other people's servers, so it carries no family's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar, Event

from ... import __version__, clock
from ...domain.errors import InvalidInput, NotFound
from ...domain.messages import Listed, Plan
from ...domain.text import fold
from ..files.name_sources import finder_keeping_one
from ..files.outputs import check_output, write_output_bytes
from ..group.groups import group_info
from ..roster.volunteers import VolunteerRow, list_volunteers
from .plan import plan_tasks

ANOTHER_VOLUNTEER = "another volunteer"


@dataclass(frozen=True)
class CalendarWritten:
    path: Path
    events: int


_SHOWN = 10  # people listed when a name fits several


def find_volunteer(store, wanted: str) -> VolunteerRow:
    """The volunteer a person means by a name, an email or the number ("#12") that the
    refusal below shows, whatever its case and accents.

    Refuses, listing who matched, when the words fit more than one person."""
    key = fold(wanted)
    if not key:
        raise InvalidInput.single("volunteer", Plan.VOLUNTEER_MISSING())
    people = list_volunteers(store, include_archived=True)
    number = key.removeprefix("#")
    if number.isdigit():  # a name is never all digits; two people may share a name
        found = [v for v in people if v.id == int(number)]
        if found:
            return found[0]
        raise NotFound(Plan.NO_VOLUNTEER_NUMBER(number=number))
    exact = [v for v in people if key in (fold(v.full_name), fold(v.email))]
    found = exact or [v for v in people if key in fold(v.full_name)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(Plan.NO_VOLUNTEER_CALLED(name=wanted))
    people = [
        Plan.PERSON_LISTED(id=v.id, name=v.full_name, email=v.email or Plan.NO_EMAIL())
        for v in found[:_SHOWN]
    ]
    if len(found) > _SHOWN:
        people.append(Plan.AND_MORE(more=len(found) - _SHOWN))
    fits = Plan.FITS_MANY(name=wanted, n=len(found), people=Listed(people), example=found[0].id)
    raise InvalidInput.single("volunteer", fits)


def volunteer_calendar(store, volunteer_id: int, today: date | None = None) -> tuple[bytes, int]:
    """The calendar's bytes and how many events it holds."""
    with store.read() as session:
        info = group_info(store)
        tasks = [
            t
            for t in plan_tasks(store)
            if t.assignee_id == volunteer_id and t.status.is_open and t.due_on is not None
        ]
        # A calendar is synced to other people's servers: typed titles and guidance lose every
        # name the anonymised reports mask (a family's, another volunteer's, an email or
        # phone), through the one name finder; the volunteer's own name may stay.
        finder = finder_keeping_one(session, volunteer_id, lambda _v: ANOTHER_VOLUNTEER)
    stamp = datetime.combine(today or clock.today(), datetime.min.time(), UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//Sponsor Desk {__version__}//Settlement tasks//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{info.name}: my tasks")
    for task in tasks:
        event = Event()
        event.add("uid", f"task-{task.id}-{info.uuid}@sponsor-desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", task.due_on)  # a date: an all-day event
        event.add("summary", f"{task.household_code}: {finder.mask(task.title)}")
        details = [finder.mask(task.guidance), f"{task.phase.label} · {task.outcome_area.label}"]
        event.add("description", "\n".join(d for d in details if d))
        event.add("categories", [task.outcome_area.label])
        calendar.add_component(event)
    return calendar.to_ical(), len(tasks)


def write_calendar(
    store, volunteer_id: int, target: Path | str, today: date | None = None, force: bool = False
) -> CalendarWritten:
    """Write the .ics file whole or not at all, by the one output rule (never onto the group
    file or a backup; an existing file is replaced only if asked)."""
    check_output(target, inputs=(store.path,), force=force, what="calendar")
    data, events = volunteer_calendar(store, volunteer_id, today)
    write_output_bytes(target, data, inputs=(store.path,), force=force, what="calendar")
    return CalendarWritten(Path(target), events)
