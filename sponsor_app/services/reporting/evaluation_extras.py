"""What evaluators asked for beyond the report's own tables, carried in the data bundle: household
make-up by age band, person-level counts for New Zealand's national indicators, volunteers as
they stood at the period's start and end (from the change history), concerns by days to resolve,
the settlement template's version with the programme's tasks apart from the group's own, and
plausibility flags. Counts only: nothing here names or dates a person, and an anonymised
bundle gives counts of people only over 3 or more households (as the people figure).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from ... import __version__
from ...domain.enums import Phase, TaskStatus
from ...domain.indicator_points import (
    Ages,
    PointReading,
    PointStatus,
    age_on,
    day_band,
    point_label,
)
from ...domain.indicators import SNAPSHOT_MONTHS
from ...domain.periods import Period
from ...domain.programmes import Programme
from ...domain.reports import enough_households
from ...domain.settlement import done_by, due_by, task_overdue
from ...storage.later_changes import LaterChange, changes_after
from ...storage.models import (
    HouseholdMember,
    Volunteer,
)
from ...storage.store import Store
from ..roster.volunteers import own_record_days

# The answers that mean "in paid work" and "no benefit" (settlement.toml's options).
IN_WORK = frozenset({"part-time work", "full-time work", "self-employed"})
NO_BENEFIT = "none"
SCHOOL_WITHIN_DAYS = 14
CONCERN_BANDS = ((0, 7), (8, 30), (31, 90), (91, None))
# Records dated in a period, by the column that dates them: added or changed after the period
# ended, they are flagged (the figures were not what the file said when the period closed).
DATED_RECORDS = {
    "ledger_transaction": "occurred_on",
    "volunteer_hours": "worked_on",
    "check_in": "held_on",
    "indicator_reading": "recorded_on",
    "task": "completed_on",
}


@dataclass(frozen=True)
class AgeBand:
    band: str  # "0-4", "5-17"... from the programme's school and working ages
    people: int


@dataclass(frozen=True)
class NationalCount:
    """A national indicator counted in people: `people` of `of_people` at a point."""

    key: str  # in_work, on_benefits, school_within_14_days, english_classes, gp_registered
    point: str  # "6 months", "latest"...
    people: int | None  # None: withheld (an anonymised bundle, fewer than 3 households)
    of_people: int | None
    households_recorded: int  # households whose reading decided it
    households: int  # households that had reached the point


@dataclass(frozen=True)
class Turnover:
    active_at_start: int
    active_at_end: int
    joined: int  # active at the end, not at the start
    left: int  # active at the start, not at the end


@dataclass(frozen=True)
class TaskSource:
    source: str  # programme, programme_earlier, group_template, one_household
    tasks: int
    due: int
    due_done: int
    overdue: int


@dataclass(frozen=True)
class Flag:
    key: str
    table: str  # the kind of record, for the change-history flags
    count: int


@dataclass(frozen=True)
class EvaluationExtras:
    make_up: tuple[AgeBand, ...]  # empty: withheld (anonymised, fewer than 3 households)
    national: tuple[NationalCount, ...]
    turnover: Turnover
    concern_days: tuple[tuple[str, int], ...]  # band of days to resolve, concerns resolved
    template_version: str  # programme key, its template's digest, the app version
    task_sources: tuple[TaskSource, ...]
    flags: tuple[Flag, ...]


def start_of_day(day: date) -> datetime:
    """The first moment of `day` on this computer's clock (change sets are stamped in UTC)."""
    return datetime.combine(day, time.min).astimezone()


def end_of_day(day: date) -> datetime:
    """The last moment of `day` on this computer's clock: the start of the next one."""
    if day >= date.max:
        return datetime.max.replace(tzinfo=UTC)
    return start_of_day(day + timedelta(days=1))


def birth_dates(store: Store, household_ids: Iterable[int]) -> dict[int, list[date | None]]:
    """Each household's current members' birth dates (never shown: ages are worked out)."""
    wanted = set(household_ids)
    found: dict[int, list[date | None]] = {h: [] for h in wanted}
    with store.read() as session:
        for household_id, born in session.execute(
            select(HouseholdMember.household_id, HouseholdMember.date_of_birth).where(
                HouseholdMember.archived_at.is_(None)
            )
        ):
            if household_id in wanted:
                found[household_id].append(born)
    return found


# --- volunteers as they stood ------------------------------------------------------------------
@dataclass(frozen=True)
class Standing:
    at_start: frozenset[int]
    at_end: frozenset[int]
    added_after_end: int


def volunteers_standing(store: Store, period: Period) -> Standing:
    """Which volunteers were active (not marked inactive, not archived) at the start of the
    period's first day and at the end of its last, as the file stood then: the change history
    undoes what was changed since. A volunteer entered in the file later counts as first
    entered when their own records (hours, vetting, training) are dated by then: a group that
    keys in last year's roster this year still reports last year's volunteers."""
    start = start_of_day(period.start)
    end = end_of_day(period.end)
    with store.read() as session:
        now = {
            vid: bool(active) and archived is None
            for vid, active, archived in session.execute(
                select(Volunteer.id, Volunteer.active, Volunteer.archived_at)
            )
        }
        later = changes_after(session, start, ["volunteer"])
        first_record = _first_records(session)

    def as_of(moment: datetime, day: date) -> frozenset[int]:
        state = dict(now)
        decided: set = set()
        for change in later:
            if change.at <= moment or change.key in decided:
                continue
            decided.add(change.key)
            volunteer_id = change.key[0]
            image = change.before  # the row as it stood at `moment`
            if image is None:  # not in the file yet: as first entered, if its records say so
                known = first_record.get(volunteer_id)
                image = change.after if known is not None and known <= day else None
            state[volunteer_id] = bool(image and image.get("active")) and not (
                image and image.get("archived_at")
            )
        return frozenset(v for v, on in state.items() if on)

    added = {c.key for c in later if c.action == "insert" and c.at > end}
    before_start = period.start - timedelta(days=1) if period.start > date.min else date.min
    return Standing(as_of(start, before_start), as_of(end, period.end), len(added))


def _first_records(session) -> dict[int, date]:
    """Each volunteer's earliest dated record of their own: hours, a vetting check, training."""
    return own_record_days(session, latest=False)


# --- the rest ---------------------------------------------------------------------------------
def gather_extras(
    store: Store,
    period: Period,
    programme: Programme,
    chosen,
    tasks,
    check_ins,
    births: dict[int, list[date | None]],
    lines,
    standing: Standing,
    code: Callable[[str], str] = str,
    named: bool = True,
) -> EvaluationExtras:
    """`lines` give households by their published code (`code` makes it) and the exact days of
    their points. An anonymised bundle gives counts of people only over 3 or more households:
    over one, the make-up by age band or the adults counted for employment are that family's
    size and ages, which it gives only as a band."""
    by_code = {code(h.code): h for h in chosen}
    points = {(x.household_code, x.key): x for x in lines}
    national = _national(by_code, points, births, period.end, programme.ages)
    return EvaluationExtras(
        make_up=_make_up(births, period.end, programme.ages)
        if named or enough_households(len(chosen))
        else (),
        national=national if named else tuple(_withheld(n) for n in national),
        turnover=Turnover(
            len(standing.at_start),
            len(standing.at_end),
            len(standing.at_end - standing.at_start),
            len(standing.at_start - standing.at_end),
        ),
        concern_days=_concern_days(check_ins, period),
        template_version=template_version(programme),
        task_sources=_task_sources(tasks, programme, period.end),
        flags=_flags(store, period, chosen, tasks, births, points, programme.ages, standing, code),
    )


def _bands(ages: Ages) -> list[tuple[str, int, int | None]]:
    school, working = ages.school, ages.working
    return [
        (f"0-{school.first - 1}", 0, school.first - 1),
        (f"{school.first}-{school.last}", school.first, school.last),
        (f"{working.first}-{working.last}", working.first, working.last),
        (f"{working.last + 1}+", working.last + 1, None),
    ]


def _make_up(births, end: date, ages: Ages) -> tuple[AgeBand, ...]:
    """People in the chosen households by age band at the period's end, all households
    together (per household the bands would tell a family's exact size and ages)."""
    everyone = [born for members in births.values() for born in members]
    bands = []
    for name, low, high in _bands(ages):
        bands.append(
            AgeBand(
                name,
                sum(
                    1
                    for born in everyone
                    if born is not None
                    and born <= end
                    and low <= age_on(born, end)
                    and (high is None or age_on(born, end) <= high)
                ),
            )
        )
    bands.append(AgeBand("not recorded", sum(1 for born in everyone if born is None)))
    return tuple(bands)


def _people(births: list[date | None], day: date, low: int, high: int | None) -> int:
    """Members aged low..high on `day`; a member with no birth date counts as in range."""
    return sum(
        1
        for born in births
        if born is None
        or (low <= age_on(born, day) and (high is None or age_on(born, day) <= high))
    )


def _national(by_code, points, births, end: date, ages: Ages) -> tuple[NationalCount, ...]:
    found = []
    working = (ages.working.first, ages.working.last)
    for months in (6, 24):
        index = SNAPSHOT_MONTHS.index(months)
        label = point_label(months)
        for key, indicator, decides in (
            ("in_work", "employment_status", lambda v: v in IN_WORK),
            ("on_benefits", "benefits", lambda v: bool(v) and v != NO_BENEFIT),
        ):
            found.append(
                _count(key, label, by_code, births, working, decides,
                       lambda code, i=indicator, n=index: _point(points, code, i, n))
            )  # fmt: skip
    found.append(_school_within(by_code, points, births, end, ages))
    adults = (ages.working.first, None)
    found.append(
        _count("english_classes", "latest", by_code, births, adults, _positive,
               lambda code: _latest(points, code, "english_hours"))
    )  # fmt: skip
    found.append(
        _count("gp_registered", "latest", by_code, births, (0, None), lambda v: v == "yes",
               lambda code: _latest(points, code, "gp_registered"))
    )  # fmt: skip
    return tuple(found)


def _withheld(count: NationalCount) -> NationalCount:
    """A count of people as an anonymised bundle gives it: over 3 or more households as it is;
    over fewer, the people are left out (one household's working-age adults, or everyone in
    it, is that family's make-up) and the households it rests on stay."""
    if enough_households(count.households):
        return count
    return replace(count, people=None, of_people=None)


def _positive(value: str | None) -> bool:
    try:
        return float(value or 0) > 0
    except ValueError:
        return False


def _point(points, code: str, key: str, index: int) -> PointReading | None:
    line = points.get((code, key))
    return line.points[index] if line else None


def _latest(points, code: str, key: str) -> PointReading | None:
    line = points.get((code, key))
    if line is None:
        return None
    return PointReading(line.latest_status, None, line.latest, line.latest_on)


def _count(key, point, by_code, births, ages_range, decides, reading_of) -> NationalCount:
    people = of_people = recorded = reached = 0
    low, high = ages_range
    for code, household in by_code.items():
        reading = reading_of(code)
        if reading is None or reading.status is PointStatus.NOT_REACHED:
            continue
        day = reading.point_on or reading.recorded_on or household.arrival_date
        if day is None:
            continue
        reached += 1
        members = _people(births.get(household.id, []), day, low, high)
        of_people += members
        if reading.status is PointStatus.RECORDED:
            recorded += 1
            if decides(reading.value):
                people += members
    return NationalCount(key, point, people, of_people, recorded, reached)


def _school_within(by_code, points, births, end: date, ages: Ages) -> NationalCount:
    """School-age children (at arrival) in households whose children were enrolled within 14
    days of arrival, of the school-age children in households 14 days past arrival."""
    people = of_people = recorded = reached = 0
    for code, household in by_code.items():
        arrival = household.arrival_date
        if arrival is None or arrival + timedelta(days=SCHOOL_WITHIN_DAYS) > end:
            continue
        children = sum(
            1
            for born in births.get(household.id, [])
            if born is not None and ages.school.holds(age_on(born, arrival))
        )
        if not children:
            continue
        reached += 1
        of_people += children
        line = points.get((code, "school_enrolled_on"))
        if line and line.latest:
            recorded += 1
            try:
                enrolled = date.fromisoformat(line.latest)
            except ValueError:
                continue
            if (enrolled - arrival).days <= SCHOOL_WITHIN_DAYS:
                people += children
    return NationalCount(
        f"school_within_{SCHOOL_WITHIN_DAYS}_days", "arrival", people, of_people, recorded, reached
    )


def _concern_days(check_ins, period: Period) -> tuple[tuple[str, int], ...]:
    """Concerns resolved in the period by days from raising to resolving, and those open."""
    resolved = [
        (c.concern_resolved_on - c.held_on).days
        for c in check_ins
        if c.concern.strip() and c.concern_resolved_on in period
    ]
    rows = []
    for low, high in CONCERN_BANDS:
        name = day_band(low, high)
        rows.append((name, sum(1 for d in resolved if low <= d and (high is None or d <= high))))
    still_open = sum(
        1
        for c in check_ins
        if c.concern.strip()
        and c.held_on <= period.end
        and (c.concern_resolved_on is None or c.concern_resolved_on > period.end)
    )
    rows.append(("open at the period's end", still_open))
    return tuple(rows)


def template_version(programme: Programme) -> str:
    """Which settlement template the plan follows: the programme, a digest of its tasks
    (changes whenever a task, its phase, offset or area changes) and the app's version."""
    digest = hashlib.sha256(
        "\n".join(
            f"{t.key}|{t.phase.value}|{t.offset_days}|{t.outcome_area.value}|{t.kind.value}"
            for t in programme.tasks
        ).encode("utf-8")
    ).hexdigest()[:12]
    return f"{programme.key}/{digest} (Sponsor Desk {__version__})"


def _source(task, programme_keys: set[str]) -> str:
    key = task.template_key
    if key is None:
        return "one_household"
    if key.startswith("group-"):
        return "group_template"
    return "programme" if key in programme_keys else "programme_earlier"


def _task_sources(tasks, programme: Programme, end: date) -> tuple[TaskSource, ...]:
    keys = {t.key for t in programme.tasks}
    counts: dict[str, list[int]] = {}
    for task in tasks:
        if task.status is TaskStatus.NOT_NEEDED:
            continue
        row = counts.setdefault(_source(task, keys), [0, 0, 0, 0])
        due = due_by(task.due_on, end)
        row[0] += 1
        row[1] += due
        row[2] += due and done_by(task.status, task.completed_on, end)
        row[3] += task_overdue(task.status, task.due_on, end, task.completed_on)
    order = ("programme", "programme_earlier", "group_template", "one_household")
    return tuple(TaskSource(s, *counts[s]) for s in order if s in counts)


def _flags(
    store, period, chosen, tasks, births, points, ages: Ages, standing, code
) -> tuple[Flag, ...]:
    arrivals = {h.id: h.arrival_date for h in chosen}
    early = sum(
        1
        for t in tasks
        if t.status is TaskStatus.DONE
        and t.completed_on is not None
        and t.phase is not Phase.PRE_ARRIVAL
        and arrivals.get(t.household_id) is not None
        and t.completed_on < arrivals[t.household_id]
    )
    no_child = 0
    for h in chosen:
        line = points.get((code(h.code), "school_enrolled_on"))
        count = points.get((code(h.code), "children_in_school"))
        enrolled_on = line.latest_on if line and line.latest else None
        if count and count.latest not in (None, "0") and enrolled_on is None:
            enrolled_on = count.latest_on
        if enrolled_on is None:
            continue
        if not any(
            born is None or ages.school.holds(age_on(born, enrolled_on))
            for born in births.get(h.id, [])
        ):
            no_child += 1
    flags = [
        Flag("task_done_before_arrival", "task", early),
        Flag("school_without_school_age_child", "household", no_child),
        Flag("volunteer_added_after_period", "volunteer", standing.added_after_end),
    ]
    with store.read() as session:
        later = changes_after(session, end_of_day(period.end), DATED_RECORDS)
    for table, column in DATED_RECORDS.items():
        flags.append(Flag("changed_after_period", table, _dated_in(later, table, column, period)))
    return tuple(flags)


def _dated_in(later: list[LaterChange], table: str, column: str, period: Period) -> int:
    """Records of `table` dated in the period (before or after the change) that were added,
    changed or removed after it ended: counted once each."""
    rows = set()
    for change in later:
        if change.table != table:
            continue
        for image in (change.before, change.after):
            value = (image or {}).get(column)
            try:
                day = date.fromisoformat(str(value)[:10]) if value else None
            except ValueError:
                day = None
            if day in period:
                rows.add(change.key)
    return len(rows)
