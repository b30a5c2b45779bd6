"""Housing: properties, tenancies, inspections, move-in checklists, rent and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ... import clock
from ...domain.alerts import (
    LIVE_TENANCY,
    arrival_without_home,
    lease_days_left,
    lease_needs_attention,
)
from ...domain.enums import RentFrequency, TenancyStatus
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Households, Records
from ...domain.money import Money
from ...domain.periods import add_months, ends_before_start
from ...domain.programmes import default_move_in_items, get_programme
from ...domain.rent import RentDue, expected_payments, monthly_equivalent
from ...domain.validation import required_text
from ...domain.vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS
from ...storage.models import GroupProfile, Household, Inspection, MoveInItem, Property, Tenancy
from ...storage.store import Store
from ..rows import added, get_or_gone, read_into, rows_of

LIVE = LIVE_TENANCY


@dataclass(frozen=True)
class PropertyInput:
    address: str
    town: str = ""
    kind: str = ""
    bedrooms: int = 0
    landlord: str = ""
    landlord_contact: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TenancyInput:
    property_id: int
    status: TenancyStatus
    rent: Money
    rent_frequency: RentFrequency
    group_share: Money
    household_id: int | None = None
    lease_start: date | None = None
    lease_end: date | None = None
    bond: Money | None = None
    bond_holder: str = ""


# Routine inspections come every three months (the next one's default date); a group types
# another date where its tenancy agreement says otherwise.
ROUTINE_INSPECTION_MONTHS = 3


@dataclass(frozen=True)
class InspectionInput:
    tenancy_id: int
    inspected_on: date
    kind: str
    result: str
    issues: str = ""
    follow_up: str = ""
    next_due: date | None = None


@dataclass(frozen=True)
class InspectionRow:
    id: int
    tenancy_id: int
    inspected_on: date
    kind: str
    result: str
    issues: str
    follow_up: str
    next_due: date | None


@dataclass(frozen=True)
class MoveInRow:
    id: int
    tenancy_id: int
    label: str
    done: bool
    position: int


@dataclass(frozen=True)
class TenancyRow:
    id: int
    property_id: int
    address: str
    household_id: int | None
    household_code: str
    status: TenancyStatus
    lease_start: date | None
    lease_end: date | None
    rent: Money
    rent_frequency: RentFrequency
    group_share: Money
    bond: Money
    bond_holder: str
    move_in_done: int
    move_in_total: int
    last_inspection: date | None
    next_inspection_due: date | None

    @property
    def household_share(self) -> Money:
        return self.rent - self.group_share

    @property
    def rent_per_month(self) -> Money:
        return Money(monthly_equivalent(self.rent.minor, self.rent_frequency), self.rent.currency)


@dataclass(frozen=True)
class PropertyRow:
    id: int
    address: str
    town: str
    kind: str
    bedrooms: int
    landlord: str
    landlord_contact: str
    notes: str
    archived: bool
    current_household: str  # code of the live tenancy's household, if any


@dataclass(frozen=True)
class PropertySummary:
    """What `report housing` prints for one property."""

    property: PropertyRow
    tenancies: tuple[TenancyRow, ...]
    inspections: tuple[InspectionRow, ...]
    move_in: tuple[MoveInRow, ...] = field(default=())


@dataclass(frozen=True)
class HousingWarning:
    """Something about housing that needs doing; the window and reports word it."""

    kind: str  # lease_ending | inspection_overdue | arrival_without_home | period_not_covered
    household_code: str
    due_on: date | None  # the lease end, inspection due date, arrival, or first uncovered day
    address: str = ""
    days_left: int = 0  # lease_ending: days to the lease end (negative: ended that long ago)
    months: int = 0  # period_not_covered: the months of housing the programme asks for


# --- properties ------------------------------------------------------------------------
def _property_problems(data: PropertyInput) -> list[Problem]:
    problems = required_text("address", data.address, "the address")
    if data.bedrooms < 0:
        problems.append(Problem("bedrooms", Households.BEDROOMS_NEGATIVE()))
    return problems


def _apply_property(prop: Property, data: PropertyInput) -> None:
    if problems := _property_problems(data):
        raise InvalidInput(problems)
    prop.address = data.address.strip()
    prop.town = data.town.strip()
    prop.kind = data.kind.strip()
    prop.bedrooms = data.bedrooms
    prop.landlord = data.landlord.strip()
    prop.landlord_contact = data.landlord_contact.strip()
    prop.notes = data.notes


def _property_row(prop: Property, household_code: str) -> PropertyRow:
    """`household_code`: the household in its latest live tenancy, or ""."""
    return PropertyRow(
        prop.id,
        prop.address,
        prop.town,
        prop.kind,
        prop.bedrooms,
        prop.landlord,
        prop.landlord_contact,
        prop.notes,
        prop.archived,
        household_code,
    )


def add_property(store: Store, data: PropertyInput) -> PropertyRow:
    with store.transaction(f"Add property {data.address.strip()}") as session:
        prop = Property(address="")
        _apply_property(prop, data)
        added(session, prop)
        return _property_row(prop, "")


def edit_property(store: Store, property_id: int, data: PropertyInput) -> None:
    with store.transaction(f"Edit property {data.address.strip()}") as session:
        _apply_property(get_or_gone(session, Property, property_id, Records.PROPERTY_GONE), data)


def archive_property(store: Store, property_id: int, archived: bool = True) -> None:
    with store.transaction("Archive property" if archived else "Restore property") as session:
        get_or_gone(session, Property, property_id, Records.PROPERTY_GONE).archived_at = (
            clock.now() if archived else None
        )


def list_properties(store: Store, include_archived: bool = False) -> list[PropertyRow]:
    with store.read() as session:
        query = (
            select(Property).options(selectinload(Property.tenancies)).order_by(Property.address)
        )
        if not include_archived:
            query = query.where(Property.archived_at.is_(None))
        codes = dict(session.execute(select(Household.id, Household.code)).all())
        rows = []
        for prop in session.scalars(query):
            live = [t for t in prop.tenancies if t.status in LIVE and t.household_id]
            rows.append(_property_row(prop, codes.get(live[-1].household_id, "") if live else ""))
        return rows


# --- tenancies -------------------------------------------------------------------------
def _overlaps(
    a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None
) -> bool:
    """Open ends run forever; a tenancy with no dates yet (still searching) overlaps nothing."""
    if a_start is None or b_start is None:
        return False
    return a_start <= (b_end or date.max) and b_start <= (a_end or date.max)


def _tenancy_problems(
    session: Session, data: TenancyInput, exclude_id: int | None
) -> list[Problem]:
    currency = session.scalar(select(GroupProfile.currency))
    problems = []
    for name, money in (
        ("rent", data.rent),
        ("group_share", data.group_share),
        ("bond", data.bond),
    ):
        if money is not None and money.currency != currency:
            problems.append(Problem(name, Households.AMOUNTS_IN(currency=currency)))
        elif money is not None and money.minor < 0:
            problems.append(Problem(name, Households.AMOUNTS_NEGATIVE()))
    if data.group_share.minor > data.rent.minor:
        problems.append(Problem("group_share", Households.SHARE_ABOVE_RENT()))
    if ends_before_start(data.lease_start, data.lease_end):
        problems.append(Problem("lease_end", Households.LEASE_ENDS_BEFORE_START()))
    if data.status in LIVE and data.lease_start is None:
        problems.append(Problem("lease_start", Households.LEASE_START_NEEDED()))
    if data.household_id is not None and session.get(Household, data.household_id) is None:
        problems.append(Problem("household", Records.THAT_HOUSEHOLD_GONE()))
    others = session.scalars(
        select(Tenancy).where(
            Tenancy.property_id == data.property_id, Tenancy.status != TenancyStatus.ENDED
        )
    ).all()
    for other in others:
        if (
            other.id != exclude_id
            and data.status is not TenancyStatus.ENDED
            and _overlaps(data.lease_start, data.lease_end, other.lease_start, other.lease_end)
        ):
            until = other.lease_end or Households.NO_END_DATE()
            overlap = Households.TENANCY_OVERLAPS(start=other.lease_start, end=until)
            problems.append(Problem("lease_start", overlap))
    return problems


def _apply_tenancy(tenancy: Tenancy, data: TenancyInput) -> None:
    tenancy.property_id = data.property_id
    tenancy.household_id = data.household_id
    tenancy.status = data.status
    tenancy.lease_start = data.lease_start
    tenancy.lease_end = data.lease_end
    tenancy.rent_minor = data.rent.minor
    tenancy.rent_frequency = data.rent_frequency
    tenancy.group_share_minor = data.group_share.minor
    tenancy.bond_minor = data.bond.minor if data.bond else 0
    tenancy.bond_holder = data.bond_holder.strip()


def add_tenancy(store: Store, data: TenancyInput) -> int:
    """A tenancy with the default move-in checklist; returns its id."""
    with store.transaction("Add tenancy") as session:
        get_or_gone(session, Property, data.property_id, Records.PROPERTY_GONE)
        if problems := _tenancy_problems(session, data, None):
            raise InvalidInput(problems)
        tenancy = Tenancy()
        _apply_tenancy(tenancy, data)
        tenancy.move_in_items = [
            MoveInItem(label=label, position=n) for n, label in enumerate(default_move_in_items())
        ]
        return added(session, tenancy).id


def edit_tenancy(store: Store, tenancy_id: int, data: TenancyInput) -> None:
    with store.transaction("Edit tenancy") as session:
        tenancy = get_or_gone(session, Tenancy, tenancy_id, Records.TENANCY_GONE)
        if problems := _tenancy_problems(session, data, tenancy_id):
            raise InvalidInput(problems)
        _apply_tenancy(tenancy, data)


def _tenancy_rows(session: Session, where) -> list[TenancyRow]:
    currency = session.scalar(select(GroupProfile.currency))
    tenancies = session.scalars(
        select(Tenancy)
        .options(
            selectinload(Tenancy.inspections),
            selectinload(Tenancy.move_in_items),
            selectinload(Tenancy.property),
        )
        .where(where)
        .order_by(Tenancy.lease_start)
    ).all()
    codes = dict(session.execute(select(Household.id, Household.code)).all())
    rows = []
    for t in tenancies:
        inspections = sorted(t.inspections, key=lambda i: i.inspected_on)
        money = lambda minor: Money(minor, currency)  # noqa: E731
        rows.append(
            TenancyRow(
                id=t.id,
                property_id=t.property_id,
                address=t.property.address,
                household_id=t.household_id,
                household_code=codes.get(t.household_id, ""),
                status=t.status,
                lease_start=t.lease_start,
                lease_end=t.lease_end,
                rent=money(t.rent_minor),
                rent_frequency=t.rent_frequency,
                group_share=money(t.group_share_minor),
                bond=money(t.bond_minor),
                bond_holder=t.bond_holder,
                move_in_done=sum(1 for i in t.move_in_items if i.done),
                move_in_total=len(t.move_in_items),
                last_inspection=inspections[-1].inspected_on if inspections else None,
                next_inspection_due=inspections[-1].next_due if inspections else None,
            )
        )
    return rows


def list_tenancies(store: Store, property_id: int | None = None) -> list[TenancyRow]:
    with store.read() as session:
        where = (
            Tenancy.property_id == property_id
            if property_id is not None
            else Tenancy.id.is_not(None)
        )
        return _tenancy_rows(session, where)


# --- inspections and the move-in checklist ---------------------------------------------
def _inspection_problems(data: InspectionInput) -> list[Problem]:
    problems = []
    if data.kind not in INSPECTION_KINDS:
        problems.append(
            Problem("kind", Households.CHOOSE_INSPECTION_KIND(choices=INSPECTION_KINDS))
        )
    if data.result not in INSPECTION_RESULTS:
        problems.append(
            Problem("result", Households.CHOOSE_INSPECTION_RESULT(choices=INSPECTION_RESULTS))
        )
    if data.next_due is not None and data.next_due <= data.inspected_on:
        problems.append(Problem("next_due", Households.NEXT_INSPECTION_AFTER()))
    if data.result != "pass" and not data.issues.strip():
        problems.append(Problem("issues", Households.ISSUES_MISSING()))
    return problems


def add_inspection(store: Store, data: InspectionInput) -> int:
    if problems := _inspection_problems(data):
        raise InvalidInput(problems)
    with store.transaction("Record inspection") as session:
        get_or_gone(session, Tenancy, data.tenancy_id, Records.TENANCY_GONE)
        inspection = Inspection(tenancy_id=data.tenancy_id)
        _apply_inspection(inspection, data)
        return added(session, inspection).id


def edit_inspection(store: Store, inspection_id: int, data: InspectionInput) -> None:
    if problems := _inspection_problems(data):
        raise InvalidInput(problems)
    with store.transaction("Edit inspection") as session:
        inspection = get_or_gone(session, Inspection, inspection_id, Records.INSPECTION_GONE)
        _apply_inspection(inspection, data)


def _apply_inspection(inspection: Inspection, data: InspectionInput) -> None:
    """An inspection as the form gives it, recorded or edited alike (its tenancy stays)."""
    inspection.inspected_on = data.inspected_on
    inspection.kind = data.kind
    inspection.result = data.result
    inspection.issues = data.issues.strip()
    inspection.follow_up = data.follow_up.strip()
    inspection.next_due = data.next_due


def delete_inspection(store: Store, inspection_id: int) -> None:
    with store.transaction("Delete inspection") as session:
        session.delete(get_or_gone(session, Inspection, inspection_id, Records.INSPECTION_GONE))


def list_inspections(store: Store, tenancy_id: int) -> list[InspectionRow]:
    with store.read() as session:
        rows = rows_of(session, Inspection.tenancy_id, tenancy_id, Inspection.inspected_on.desc())
        return [read_into(InspectionRow, i) for i in rows]


def list_move_in(store: Store, tenancy_id: int) -> list[MoveInRow]:
    with store.read() as session:
        items = rows_of(
            session, MoveInItem.tenancy_id, tenancy_id, MoveInItem.position, MoveInItem.id
        )
        return [read_into(MoveInRow, i) for i in items]


def set_move_in_done(store: Store, item_id: int, done: bool) -> None:
    with store.transaction("Tick checklist item" if done else "Untick checklist item") as session:
        get_or_gone(session, MoveInItem, item_id, Records.CHECKLIST_ITEM_GONE).done = done


def add_move_in_item(store: Store, tenancy_id: int, label: str) -> int:
    """Add to the end of a tenancy's checklist."""
    if not label.strip():
        raise InvalidInput.single("label", Households.CHECKLIST_ITEM_MISSING())
    with store.transaction(f"Add checklist item {label.strip()}") as session:
        tenancy = get_or_gone(session, Tenancy, tenancy_id, Records.TENANCY_GONE)
        position = max((i.position for i in tenancy.move_in_items), default=-1) + 1
        item = MoveInItem(label=label.strip(), position=position)
        tenancy.move_in_items.append(item)
        session.flush()
        return item.id


def remove_move_in_item(store: Store, item_id: int) -> None:
    with store.transaction("Remove checklist item") as session:
        session.delete(get_or_gone(session, MoveInItem, item_id, Records.CHECKLIST_ITEM_GONE))


# --- money link and warnings -----------------------------------------------------------
def expected_rent(store: Store, until: date | None = None) -> list[tuple[int, str, RentDue]]:
    """The group's share of rent on every due date of every live or past lease, up to `until`.

    (tenancy id, household code, payment). The Funds page and dashboard compare it with the
    rent actually paid, so nobody types the schedule twice.
    """
    until = until or clock.today()
    result = []
    for tenancy in list_tenancies(store):
        if tenancy.lease_start is None or tenancy.group_share.minor == 0:
            continue
        end = min(tenancy.lease_end or until, until)
        for due in expected_payments(
            tenancy.lease_start, end, tenancy.rent_frequency, tenancy.group_share.minor
        ):
            result.append((tenancy.id, tenancy.household_code, due))
    return result


def housing_warnings(store: Store, today: date | None = None) -> list[HousingWarning]:
    """Leases ending (or ended but still live), inspections overdue, arrivals with no home,
    and gaps in the housing the programme asks for, read in one snapshot."""
    from ..group.groups import windows_of

    today = today or clock.today()
    with store.read() as session:
        tenancies = list_tenancies(store)
        profile = session.scalars(select(GroupProfile)).one()
        households = session.execute(
            select(Household.id, Household.code, Household.arrival_date).where(
                Household.archived_at.is_(None)
            )
        ).all()
    windows = windows_of(profile)
    warnings: list[HousingWarning] = []
    for t in tenancies:
        if lease_needs_attention(t.status, t.lease_end, today, windows):
            days = lease_days_left(t.lease_end, today)
            warnings.append(
                HousingWarning("lease_ending", t.household_code, t.lease_end, t.address, days)
            )
        if t.status in LIVE and t.next_inspection_due and t.next_inspection_due < today:
            warnings.append(
                HousingWarning(
                    "inspection_overdue", t.household_code, t.next_inspection_due, t.address
                )
            )
    housing_months = get_programme(profile.programme_key).housing_months
    for household_id, code, arrival in households:
        if arrival is None:
            continue
        leases = [t for t in tenancies if t.household_id == household_id and t.status in LIVE]
        if arrival_without_home(arrival, bool(leases), today, windows):
            warnings.append(HousingWarning("arrival_without_home", code, arrival))
        gap = _first_uncovered_day(arrival, add_months(arrival, housing_months), leases)
        if gap is not None:
            warnings.append(HousingWarning("period_not_covered", code, gap, months=housing_months))
    return sorted(warnings, key=lambda w: (w.due_on or date.max, w.household_code))


def _first_uncovered_day(start: date, end: date, leases: list[TenancyRow]) -> date | None:
    """The first day in [start, end) that no lease covers, or None when leases cover it all."""
    day = start
    for lease in sorted(leases, key=lambda t: t.lease_start or date.max):
        if lease.lease_start is None or lease.lease_start > day:
            break
        if lease.lease_end is None:
            return None  # an open-ended lease covers the rest
        day = max(day, lease.lease_end + timedelta(days=1))
        if day >= end:
            return None
    return day if day < end else None


def housing_summary(store: Store) -> list[PropertySummary]:
    """Per property: its tenancies, inspections and the live tenancy's move-in checklist,
    all read from one snapshot of the file."""
    with store.read():
        return _housing_summary(store)


def _housing_summary(store: Store) -> list[PropertySummary]:
    summaries = []
    for prop in list_properties(store, include_archived=True):
        tenancies = tuple(list_tenancies(store, prop.id))
        inspections = tuple(i for t in tenancies for i in list_inspections(store, t.id))
        live = [t for t in tenancies if t.status in LIVE]
        move_in = tuple(list_move_in(store, live[-1].id)) if live else ()
        summaries.append(PropertySummary(prop, tenancies, inspections, move_in))
    return summaries
