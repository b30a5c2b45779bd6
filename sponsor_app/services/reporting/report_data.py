"""What every report says about itself (group, period, when, named or not), and the
households it covers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ... import __version__, clock
from ...domain.errors import InvalidInput
from ...domain.messages import Reporting
from ...domain.money import Money
from ...domain.periods import Period, ends_before_start
from ...domain.programmes import get_programme
from ...domain.reports import ReportKind, country_of, is_letter_paper
from ...storage.models import CheckIn, GroupProfile, Household, LedgerTransaction, VolunteerHours
from ...storage.store import Store
from ..households.housing import TenancyRow
from .disclosure import Disclosure, TextSource, read_disclosure


@dataclass(frozen=True)
class ReportMeta:
    """The cover and running head of a report: printed on every page."""

    kind: ReportKind
    group_name: str
    group_uuid: str
    programme: str
    country: str
    currency: str
    locale: str
    period: Period
    generated_at: datetime
    app_version: str
    named: bool
    prepared_by: str  # a role, never a person
    household_codes: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.kind.title

    @property
    def letter_paper(self) -> bool:
        return is_letter_paper(self.country)


@dataclass(frozen=True)
class LeaseTerms:
    """A tenancy's terms as every report gives them (the evaluation's housing line, the
    housing summary's tenancy): its status and the rent's frequency in words."""

    status: str
    lease_start: date | None
    lease_end: date | None
    rent: Money
    frequency: str
    group_share: Money

    @staticmethod
    def of(tenancy: TenancyRow) -> dict[str, object]:
        """The terms of a stored tenancy, to make a line of a report with."""
        return {
            "status": tenancy.status.label,
            "lease_start": tenancy.lease_start,
            "lease_end": tenancy.lease_end,
            "rent": tenancy.rent,
            "frequency": tenancy.rent_frequency.label.lower(),
            "group_share": tenancy.group_share,
        }


@dataclass(frozen=True)
class HouseholdRef:
    id: int
    code: str
    family_name: str
    arrival_date: date | None
    town: str


def default_period(
    store: Store, today: date | None = None, at_most_months: int | None = None
) -> Period:
    """What a report, a chart and the dashboard cover unless told otherwise: from the group's
    first record (a transaction, an arrival, hours logged, a check-in) or its start, whichever
    is earlier, to today. A group made today that records last month's transactions covers
    last month too. `at_most_months`: no more than that many months, ending today (a
    chart's window), from the first of its first month."""
    day = today or clock.today()
    with store.read() as session:
        candidates = [session.scalar(select(GroupProfile.start_date))]
        for column in (
            LedgerTransaction.occurred_on,
            Household.arrival_date,
            VolunteerHours.worked_on,
            CheckIn.held_on,
        ):
            candidates.append(session.scalar(select(func.min(column))))
    start = min(d for d in candidates if d is not None)
    if at_most_months is not None:
        start = max(start, Period.last_months(at_most_months, day).start)
    return Period.since(start, day)


def checked_period(start: date | None, end: date | None, store: Store) -> Period:
    """The period a person asked for, with the default for a missing end; one sentence if the
    end comes before the start."""
    default = default_period(store)
    first, last = start or default.start, end or default.end
    if ends_before_start(first, last):
        raise InvalidInput.single("end", Reporting.PERIOD_ENDS_BEFORE_START(end=last, start=first))
    return Period(first, last)


def households(store: Store, household_ids: Iterable[int] | None = None) -> list[HouseholdRef]:
    """Households a report covers, by code: all current ones, or those chosen."""
    with store.read() as session:
        rows = session.execute(
            select(
                Household.id,
                Household.code,
                Household.family_name,
                Household.arrival_date,
                Household.town,
            )
            .where(Household.archived_at.is_(None))
            .order_by(Household.code)
        ).all()
    wanted = set(household_ids) if household_ids is not None else None
    return [HouseholdRef(*row) for row in rows if wanted is None or row[0] in wanted]


@dataclass(frozen=True)
class ReportScope:
    """What a report about households covers and how it speaks: the period, named or
    anonymised, the households chosen (None: every current one) and the time it says it was
    made (None: now). The window, the command line and the tests ask for a report with one."""

    period: Period
    named: bool = False
    household_ids: tuple[int, ...] | None = None
    generated_at: datetime | None = None


def households_report(
    store: Store, kind: ReportKind, scope: ReportScope
) -> tuple[Disclosure, list[HouseholdRef], ReportMeta]:
    """How a report about chosen households begins: what may leave the file (named or
    anonymised), the households chosen (all, with no choice made) and what the report says
    about itself."""
    with store.read():
        disclosure = read_disclosure(store, scope.named)
        chosen = households(store, scope.household_ids)
        codes = tuple(h.code for h in chosen)
        meta = report_meta(store, kind, scope.period, disclosure, codes, scope.generated_at)
        return disclosure, chosen, meta


def report_meta(
    store: Store,
    kind: ReportKind,
    period: Period,
    disclosure: Disclosure,
    codes: tuple[str, ...] = (),
    generated_at: datetime | None = None,
) -> ReportMeta:
    """What the report says about itself; the group's name and the role that prepared it were
    typed, and leave the file as `disclosure` says."""
    with store.read() as session:
        profile = session.scalars(select(GroupProfile)).one()
        programme = get_programme(profile.programme_key)
        return ReportMeta(
            kind=kind,
            group_name=disclosure.typed(TextSource.GROUP_NAME, profile.name),
            group_uuid=profile.uuid,
            programme=programme.name,
            country=country_of(profile.locale, programme.country),
            currency=profile.currency,
            locale=profile.locale,
            period=period,
            generated_at=generated_at or datetime.now().astimezone(),
            app_version=__version__,
            named=disclosure.named or kind.always_named,
            prepared_by=disclosure.words(
                TextSource.PREPARED_BY, profile.prepared_by_role or "Group lead"
            ),
            household_codes=tuple(disclosure.household(code) for code in codes),
        )
