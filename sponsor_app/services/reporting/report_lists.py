"""Data for the three listing reports: the volunteer roster, the printable settlement checklist
and the housing summary, each read in one snapshot and anonymised here when asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ...domain.enums import Phase, TaskStatus
from ...domain.money import Money
from ...domain.periods import Period
from ...domain.reports import ReportKind
from ...domain.vetting import Vetting
from ...storage.models import TrainingRecord, VolunteerHours
from ...storage.store import Store
from ..households.housing import housing_summary
from ..plan.plan import plan_tasks
from ..roster.volunteers import list_volunteers, roster_rules
from .disclosure import Disclosure, Released, TextSource
from .report_data import LeaseTerms, ReportMeta, ReportScope, households_report, report_meta


# --- roster --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RosterLine:
    name: str
    roles: str
    email: str
    phone: str
    languages: str
    vetting: Vetting  # each requirement on the period's last day, by the one vetting rule
    training: str
    minutes: int


@dataclass(frozen=True)
class RosterData:
    meta: ReportMeta
    people: tuple[RosterLine, ...]


def roster_data(store: Store, period: Period, generated_at: datetime | None = None) -> RosterData:
    """Active volunteers with contact details: a named report by nature."""
    with store.read() as session:
        meta = report_meta(
            store, ReportKind.ROSTER, period, Disclosure(named=True), (), generated_at
        )
        rules = roster_rules(session)
        people = [v for v in list_volunteers(store, today=period.end) if v.active]
        minutes = dict(
            session.execute(
                select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.minutes))
                .where(VolunteerHours.worked_on.between(period.start, period.end))
                .group_by(VolunteerHours.volunteer_id)
            ).all()
        )
        courses: dict[int, set[str]] = {}
        for volunteer_id, course in session.execute(
            select(TrainingRecord.volunteer_id, TrainingRecord.course).where(
                TrainingRecord.completed_on <= period.end,
                TrainingRecord.expires_on.is_(None) | (TrainingRecord.expires_on >= period.end),
            )
        ):
            if course not in rules.required:  # required courses are under Vetting
                courses.setdefault(volunteer_id, set()).add(rules.label(course))
    return RosterData(
        meta,
        tuple(
            RosterLine(
                v.full_name,
                v.role_labels,
                v.email,
                v.phone,
                ", ".join(v.languages),
                v.vetting,
                "; ".join(sorted(courses.get(v.id, ()))),
                int(minutes.get(v.id, 0)),
            )
            for v in people
        ),
    )


# --- checklist -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ChecklistLine:
    title: str
    due_on: date | None  # named checklists only: a task due on arrival day gives it away
    due_month: date | None  # the first of the month it is due
    who: str
    done: bool


@dataclass(frozen=True)
class ChecklistBlock:
    household_code: str
    arrival_date: date | None  # named checklists only
    arrival_month: date | None  # the first of the month of arrival
    phases: tuple[tuple[Phase, tuple[ChecklistLine, ...]], ...]


@dataclass(frozen=True)
class ChecklistData:
    meta: ReportMeta
    households: tuple[ChecklistBlock, ...]
    released: tuple[Released, ...] = ()


def checklist_data(store: Store, scope: ReportScope) -> ChecklistData:
    """Per household, by phase, every task that applies: a tick box for each, done or not."""
    with store.read():
        disclosure, chosen, meta = households_report(store, ReportKind.CHECKLIST, scope)
        tasks = [t for t in plan_tasks(store) if t.status is not TaskStatus.NOT_NEEDED]
    blocks = []
    for household in chosen:
        mine = [t for t in tasks if t.household_id == household.id]
        phases = tuple(
            (
                phase,
                tuple(
                    ChecklistLine(
                        disclosure.words(TextSource.TASK_TITLE, t.title),
                        disclosure.arrival(t.due_on),
                        t.due_on.replace(day=1) if t.due_on else None,
                        disclosure.volunteer(t.assignee_id),
                        t.status is TaskStatus.DONE,
                    )
                    for t in mine
                    if t.phase is phase
                ),
            )
            for phase in Phase
            if any(t.phase is phase for t in mine)
        )
        arrived = household.arrival_date
        blocks.append(
            ChecklistBlock(
                disclosure.household(household.code),
                disclosure.arrival(arrived),
                arrived.replace(day=1) if arrived else None,
                phases,
            )
        )
    return ChecklistData(meta, tuple(blocks), disclosure.released)


# --- housing -------------------------------------------------------------------------------
@dataclass(frozen=True)
class TenancyLine(LeaseTerms):
    household_code: str
    household_share: Money
    bond: Money
    bond_holder: str  # named reports only


@dataclass(frozen=True)
class InspectionLine:
    inspected_on: date
    kind: str
    result: str
    issues: str  # named reports only: the words stay in the group's records otherwise
    next_due: date | None


@dataclass(frozen=True)
class PropertyBlock:
    place: str  # the address in a named report, the town or suburb otherwise
    kind: str
    bedrooms: int
    landlord: str  # named reports only
    tenancies: tuple[TenancyLine, ...]
    inspections: tuple[InspectionLine, ...]
    move_in: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class HousingData:
    meta: ReportMeta
    properties: tuple[PropertyBlock, ...]
    released: tuple[Released, ...] = ()


def housing_data(store: Store, scope: ReportScope) -> HousingData:
    """Every property a chosen household lives or lived in (or, with no choice made, every
    current property), with its tenancies, inspections and move-in checklist."""
    with store.read():
        disclosure, chosen, meta = households_report(store, ReportKind.HOUSING, scope)
        summaries = housing_summary(store)
    words, named = disclosure.words, scope.named
    codes = {h.code for h in chosen}
    blocks = []
    for summary in summaries:
        prop = summary.property
        tenancies = [t for t in summary.tenancies if t.household_code in codes]
        if not tenancies and (scope.household_ids is not None or prop.archived):
            continue
        place = f"{prop.address}, {prop.town}" if named and prop.town else prop.address
        blocks.append(
            PropertyBlock(
                place=place if named else disclosure.place(prop.town),
                kind=words(TextSource.PROPERTY_KIND, prop.kind),
                bedrooms=prop.bedrooms,
                landlord=(
                    ", ".join(p for p in (prop.landlord, prop.landlord_contact) if p)
                    if named
                    else ""
                ),
                tenancies=tuple(
                    TenancyLine(
                        **LeaseTerms.of(t),
                        household_code=(
                            disclosure.household(t.household_code) if t.household_code else ""
                        ),
                        household_share=t.household_share,
                        bond=t.bond,
                        bond_holder=t.bond_holder if named else "",
                    )
                    for t in tenancies
                ),
                inspections=tuple(
                    InspectionLine(
                        i.inspected_on,
                        words(TextSource.INSPECTION, i.kind),
                        words(TextSource.INSPECTION, i.result),
                        i.issues if named else "",
                        i.next_due,
                    )
                    for i in sorted(summary.inspections, key=lambda i: i.inspected_on)
                    if any(i.tenancy_id == t.id for t in tenancies)
                ),
                move_in=tuple(
                    (words(TextSource.MOVE_IN_ITEM, item.label), item.done)
                    for item in summary.move_in
                ),
            )
        )
    return HousingData(meta, tuple(blocks), disclosure.released)
