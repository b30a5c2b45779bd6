"""The evaluation report's figures, read from one snapshot of the file and anonymised here, so
that the PDF and the data bundle print exactly the same things (reports/ only lays them out)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select

from ...domain.definitions import CURRENCY, FIGURES
from ...domain.enums import CheckResult, GoalStatus, OutcomeArea, Phase, TaskStatus, VettingStatus
from ...domain.hours import decimal_hours
from ...domain.indicator_points import (
    LATEST,
    PointReading,
    PointStatus,
    applies,
    at_point,
    latest,
    point_day,
    point_label,
)
from ...domain.indicators import SNAPSHOT_MONTHS, IndicatorKind, Trend, trend
from ...domain.money import Money
from ...domain.periods import Period, month_start
from ...domain.programmes import FundsRuleKind
from ...domain.reports import ReportKind, enough_households, months_since, size_band
from ...domain.settlement import done_by, due_by, is_group_task, progress_by, task_overdue
from ...domain.vetting import SEVERITY, CheckState, vetting_of
from ...storage.models import TrainingRecord, VolunteerHours
from ...storage.store import Store
from ..funds import funds, ledger
from ..funds.funds import BudgetLine, CategoryAmount
from ..group.groups import programme_of
from ..households import housing
from ..plan import indicators
from ..plan.checkins import list_check_ins
from ..plan.goals import list_goals
from ..plan.plan import plan_tasks
from ..results import FundsPosition, MonthBalance
from ..roster import hours
from ..roster.volunteers import list_volunteers, roster_rules
from .disclosure import Disclosure, Released, TextSource
from .evaluation_extras import EvaluationExtras, birth_dates, gather_extras, volunteers_standing
from .report_data import HouseholdRef, LeaseTerms, ReportMeta, ReportScope, households_report


@dataclass(frozen=True)
class HouseholdSummary:
    code: str
    family_name: str  # named reports only
    members: tuple[str, ...]  # "Name (relationship)", named reports only
    people: int | None  # named reports only: anonymised ones give the band
    size_band: str  # "1-2", "3-4" or "5+"
    arrival_date: date | None  # named reports only: anonymised ones give the month
    arrival_month: date | None  # the first of the month of arrival
    days_since_arrival: int | None  # at the period's end, named reports only; negative: not yet
    months_since_arrival: int | None  # calendar months from arrival to the period's end
    tasks_due: int  # due on or before the period's end
    tasks_due_done: int  # of those, done by then
    tasks_overdue: int  # of those, due before the last day and not done by then
    tasks_done_early: int  # done by the period's end, due after it (or undated)
    housing_status: str
    check_ins: int


@dataclass(frozen=True)
class Figure:
    """One key figure: a line of the summary table and of figures.csv in the bundle."""

    key: str
    label: str
    # whole counts, or plain decimals ("1234.50") for money and shares; None where an
    # anonymised report may give only `band` (the figure then stays out of the bundle)
    value: int | str | None
    unit: str  # households, people, tasks, hours, %, check-ins, or a currency code
    counts: str = ""  # "households" or "people" when a small value could single someone out
    definition: str = ""  # what exactly it counts (domain/definitions.py), printed and bundled
    band: str = ""  # what is given in place of a withheld value ("5+")


@dataclass(frozen=True)
class AreaPhase:
    area: OutcomeArea
    phase: Phase
    done: int
    total: int


@dataclass(frozen=True)
class OverdueTask:
    """An anonymised report gives months, not days: a task due on arrival day (the welcome at
    the airport) would otherwise give the day of arrival away."""

    household_code: str
    title: str
    area: OutcomeArea
    due_on: date | None  # named reports only
    days_overdue: int | None  # named reports only
    due_month: date
    months_overdue: int  # calendar months from the month it was due to the period's end
    who: str


@dataclass(frozen=True)
class Milestone:
    household_code: str
    title: str
    completed_on: date | None  # named reports only
    completed_month: date


@dataclass(frozen=True)
class IndicatorInfo:
    key: str
    label: str
    area: OutcomeArea
    kind: IndicatorKind
    unit: str
    sensitive: bool


@dataclass(frozen=True)
class IndicatorLine:
    household_code: str
    key: str
    latest: str | None
    latest_on: date | None  # anonymised: the first of its month (as each point's reading)
    trend: Trend | None
    # at 3, 6, 12 and 24 months after arrival: the nearest reading in the window, or why none
    points: tuple[PointReading, ...]
    latest_status: PointStatus = PointStatus.RECORDED


@dataclass(frozen=True)
class SensitiveCount:
    """A health indicator, only ever counted across households (3 or more in an anonymised
    report): how many gave each value."""

    key: str
    value: str
    households: int


@dataclass(frozen=True)
class VolunteerLine:
    label: str  # a name in a named report, "Volunteer N" otherwise
    roles: str
    vetting: VettingStatus
    minutes: int


@dataclass(frozen=True)
class VolunteerFigures:
    active: int
    by_role: tuple[tuple[str, int], ...]
    # Active volunteers by their overall vetting state (the worst requirement's, by the one
    # vetting rule on the period's last day), worst first; each volunteer counted once.
    vetting: tuple[tuple[VettingStatus, int], ...]
    warning_days: int
    training: tuple[tuple[str, int], ...]  # course, active volunteers with it current
    total_minutes: int
    by_month: tuple[tuple[date, int], ...]
    by_activity: tuple[tuple[str, int], ...]
    people: tuple[VolunteerLine, ...]
    # Active volunteers cleared to meet the family: every requirement current (some may be
    # expiring within the warning window). The summary's figure and the table's total.
    cleared: int = 0
    # Each requirement: (its label, active volunteers in each state, worst first).
    by_requirement: tuple[tuple[str, tuple[tuple[VettingStatus, int], ...]], ...] = ()


@dataclass(frozen=True)
class HousingLine(LeaseTerms):
    household_code: str
    town: str
    address: str  # named reports only
    inspections: int  # done in the period
    move_in_done: int
    move_in_total: int


@dataclass(frozen=True)
class PledgeLine:
    donor: str  # named reports only; "" otherwise
    outstanding: Money


@dataclass(frozen=True)
class FinanceFigures:
    opening: Money
    income: tuple[CategoryAmount, ...]
    spending: tuple[CategoryAmount, ...]
    closing: Money
    budget: tuple[BudgetLine, ...]
    pledges_outstanding: Money
    pledges_behind: int
    pledges: tuple[PledgeLine, ...]
    position: FundsPosition
    month_end: tuple[MonthBalance, ...]
    funds_rule_note: str = ""  # the programme's funds rule in its own words (programme data)

    @property
    def total_income(self) -> Money:
        return sum((c.amount for c in self.income), Money.zero(self.opening.currency))

    @property
    def total_spending(self) -> Money:
        return sum((c.amount for c in self.spending), Money.zero(self.opening.currency))


@dataclass(frozen=True)
class ContactMonth:
    household_code: str
    month: date
    check_ins: int
    needs_met_average: str | None  # one decimal ("4.2"), None when not asked that month
    concerns_raised: int
    concerns_resolved: int


@dataclass(frozen=True)
class GoalCounts:
    household_code: str
    set: int
    not_started: int
    progressing: int
    achieved: int
    changed: int


@dataclass(frozen=True)
class SharedNote:
    household_code: str
    held_on: date
    summary: str


@dataclass(frozen=True)
class Completeness:
    """One indicator at one point ("latest" or N months): of the households that had reached
    it and to which the indicator applied, how many have a reading."""

    key: str
    point: str  # "latest", "3 months"...
    # of any chosen household, up to the period's end (anonymised: the first of its month)
    last_reading_on: date | None
    expected: int  # households that reached the point and to which the indicator applied
    recorded: int
    not_reached: int
    not_applicable: int

    @property
    def missing(self) -> int:
        return self.expected - self.recorded


@dataclass(frozen=True)
class EvaluationData:
    meta: ReportMeta
    households: tuple[HouseholdSummary, ...]
    figures: tuple[Figure, ...]
    progress: tuple[AreaPhase, ...]
    overdue: tuple[OverdueTask, ...]
    milestones: tuple[Milestone, ...]
    indicator_info: tuple[IndicatorInfo, ...]
    indicators: tuple[IndicatorLine, ...]
    sensitive: tuple[SensitiveCount, ...]
    # Sensitive indicators an anonymised report leaves out: fewer than 3 households answered.
    sensitive_withheld: tuple[str, ...]
    volunteers: VolunteerFigures
    housing: tuple[HousingLine, ...]
    finances: FinanceFigures
    contact: tuple[ContactMonth, ...]
    open_concerns: tuple[tuple[str, int], ...]  # household code, concerns still open at the end
    goals: tuple[GoalCounts, ...]
    shared_notes: tuple[SharedNote, ...]
    completeness: tuple[Completeness, ...]
    highlights: str
    challenges: str
    # The group's own tasks (roles, vetting, funds, policies): done and applicable by the
    # period's end, kept out of the family's progress by outcome area.
    group_progress: tuple[int, int] = (0, 0)
    extras: EvaluationExtras | None = None  # what the bundle carries beyond the report
    released: tuple[Released, ...] = ()  # every typed line this report gives, as it gives it


def evaluation_data(store: Store, scope: ReportScope) -> EvaluationData:
    """Everything the evaluation report prints, from one read of the file; the text in it
    leaves the file as one Disclosure decides (anonymised unless `named`)."""
    with store.read():
        disclosure, chosen, meta = households_report(store, ReportKind.EVALUATION, scope)
        return _gather(store, meta, chosen, disclosure)


def _gather(
    store: Store, meta: ReportMeta, chosen: list[HouseholdRef], disclosure: Disclosure
) -> EvaluationData:
    period, named = meta.period, meta.named
    ids = {h.id for h in chosen}
    code = disclosure.household
    programme = programme_of(store)
    tasks = [t for t in plan_tasks(store) if t.household_id in ids]
    check_ins = [c for c in list_check_ins(store) if c.household_id in ids]
    members = _members(store, ids)
    births = birth_dates(store, ids)
    homes = _housing(store, ids, period, disclosure)
    standing = volunteers_standing(store, period)
    volunteers = _volunteers(store, period, disclosure, standing.at_end)
    money = _finances(store, period, disclosure)
    info, lines, sensitive, withheld, completeness = _indicators(
        store, chosen, period.end, disclosure, births, programme.ages
    )
    summaries = tuple(
        _household(h, tasks, check_ins, members, homes, period, disclosure) for h in chosen
    )
    people = sum(len(members.get(h.id, [])) for h in chosen)
    in_period = [c for c in check_ins if c.held_on in period]
    open_concerns = tuple(
        (
            code(h.code),
            sum(
                1
                for c in check_ins
                if c.household_id == h.id
                and c.concern.strip()
                and c.held_on <= period.end
                and (c.concern_resolved_on is None or c.concern_resolved_on > period.end)
            ),
        )
        for h in chosen
    )
    return EvaluationData(
        meta=meta,
        households=summaries,
        figures=_figures(
            meta,
            summaries,
            people,
            volunteers,
            money,
            len(in_period),
            sum(n for _, n in open_concerns),
        ),
        progress=_progress(tasks, period.end),
        group_progress=_group_progress(tasks, period.end),
        overdue=tuple(
            OverdueTask(
                code(t.household_code),
                _task_title(disclosure, t.title),
                t.outcome_area,
                t.due_on if named else None,
                (period.end - t.due_on).days if named else None,
                t.due_on.replace(day=1),
                months_since(t.due_on, period.end),
                disclosure.volunteer(t.assignee_id),
            )
            for t in tasks
            if _overdue_at(t, period.end)
        ),
        milestones=tuple(
            Milestone(
                code(t.household_code),
                _task_title(disclosure, t.title),
                t.completed_on if named else None,
                t.completed_on.replace(day=1),
            )
            for t in sorted(tasks, key=lambda t: (t.completed_on or date.min, t.household_code))
            if t.milestone and t.status is TaskStatus.DONE and t.completed_on in period
        ),
        indicator_info=info,
        indicators=lines if named else tuple(_by_month(x) for x in lines),
        sensitive=sensitive,
        sensitive_withheld=withheld,
        volunteers=volunteers,
        housing=tuple(homes.values()),
        finances=money,
        contact=_contact_months(in_period, chosen, period, code),
        open_concerns=open_concerns,
        goals=_goals(store, chosen, period.end, code),
        shared_notes=tuple(
            SharedNote(
                code(c.household_code),
                c.held_on,
                disclosure.typed(TextSource.SHARED_NOTE, c.summary),
            )
            for c in sorted(in_period, key=lambda c: (c.held_on, c.household_code))
            if c.shareable and c.summary.strip()
        ),
        completeness=completeness
        if named
        else tuple(replace(c, last_reading_on=_month(c.last_reading_on)) for c in completeness),
        **_narrative(store, period, disclosure),
        extras=gather_extras(
            store,
            period,
            programme,
            chosen,
            tasks,
            check_ins,
            births,
            lines,
            standing,
            code,
            named,
        ),
        released=disclosure.released,
    )


def _month(day: date | None) -> date | None:
    return day.replace(day=1) if day else None


def _by_month(line: IndicatorLine) -> IndicatorLine:
    """An indicator as an anonymised report gives it: readings dated by their month, and no
    day a point falls on. The point's day is arrival plus N months, and readings are often
    taken on it (a 3-month review due 90 days after arrival): either would give the day of
    arrival away, which an anonymised report gives as its month."""
    return replace(
        line,
        latest_on=_month(line.latest_on),
        points=tuple(
            replace(p, point_on=None, recorded_on=_month(p.recorded_on)) for p in line.points
        ),
    )


def _task_title(disclosure: Disclosure, title: str) -> str:
    return disclosure.words(TextSource.TASK_TITLE, title)


# --- tasks ---------------------------------------------------------------------------------
def _done_by(task, end: date) -> bool:
    return done_by(task.status, task.completed_on, end)


def _due_by(task, end: date) -> bool:
    return due_by(task.due_on, end)


def _overdue_at(task, end: date) -> bool:
    return task_overdue(task.status, task.due_on, end, task.completed_on)


def _progress(tasks, end: date) -> tuple[AreaPhase, ...]:
    """The family's progress by outcome area and phase (the group's own tasks left out)."""
    family = (t for t in tasks if not is_group_task(t))
    counts = progress_by(family, lambda t: (t.outcome_area, t.phase), end)
    return tuple(
        AreaPhase(area, phase, counts[(area, phase)].done, counts[(area, phase)].total)
        for area in OutcomeArea
        for phase in Phase
        if (area, phase) in counts
    )


def _group_progress(tasks, end: date) -> tuple[int, int]:
    counts = progress_by((t for t in tasks if is_group_task(t)), lambda _t: "group", end)
    mine = counts.get("group")
    return (mine.done, mine.total) if mine else (0, 0)


# --- households ----------------------------------------------------------------------------
def _members(store: Store, ids: set[int]) -> dict[int, list[tuple[str, str]]]:
    """Each household's current members as (name, relationship): names only, never a date of
    birth or the notes (where health or immigration details may have been typed)."""
    from ..households.households import list_members

    found: dict[int, list[tuple[str, str]]] = {}
    for household_id in sorted(ids):
        found[household_id] = [
            (m.full_name, m.relationship_to_principal)
            for m in list_members(store, household_id)
            if not m.archived
        ]
    return found


def _household(h, tasks, check_ins, members, homes, period, disclosure) -> HouseholdSummary:
    mine = [t for t in tasks if t.household_id == h.id and t.status is not TaskStatus.NOT_NEEDED]
    people = members.get(h.id, [])
    code = disclosure.household(h.code)
    home = homes.get(code)
    named, arrived = disclosure.named, h.arrival_date
    return HouseholdSummary(
        code=code,
        family_name=h.family_name if named else "",
        members=tuple(f"{n} ({r})" if r else n for n, r in people) if named else (),
        people=len(people) if named else None,
        size_band=size_band(len(people)),
        arrival_date=disclosure.arrival(arrived),
        arrival_month=arrived.replace(day=1) if arrived else None,
        days_since_arrival=(period.end - arrived).days if arrived and named else None,
        months_since_arrival=months_since(arrived, period.end) if arrived else None,
        tasks_due=sum(1 for t in mine if _due_by(t, period.end)),
        tasks_due_done=sum(1 for t in mine if _due_by(t, period.end) and _done_by(t, period.end)),
        tasks_overdue=sum(1 for t in mine if _overdue_at(t, period.end)),
        tasks_done_early=sum(
            1 for t in mine if _done_by(t, period.end) and not _due_by(t, period.end)
        ),
        housing_status=home.status if home else "No home recorded",
        check_ins=sum(1 for c in check_ins if c.household_id == h.id and c.held_on in period),
    )


def _housing(
    store: Store, ids: set[int], period: Period, disclosure: Disclosure
) -> dict[str, HousingLine]:
    """The household's current (or latest) tenancy, by household code (as published)."""
    found: dict[str, HousingLine] = {}
    for summary in housing.housing_summary(store):
        for tenancy in summary.tenancies:
            if tenancy.household_id not in ids:
                continue
            done = [i for i in summary.inspections if i.tenancy_id == tenancy.id]
            line = HousingLine(
                household_code=disclosure.household(tenancy.household_code),
                town=disclosure.place(summary.property.town),
                address=summary.property.address if disclosure.named else "",
                **LeaseTerms.of(tenancy),
                inspections=sum(1 for i in done if i.inspected_on in period),
                move_in_done=tenancy.move_in_done,
                move_in_total=tenancy.move_in_total,
            )
            earlier = found.get(line.household_code)
            if earlier is None or (tenancy.lease_start or date.min) >= (
                earlier.lease_start or date.min
            ):
                found[line.household_code] = line
    return dict(sorted(found.items()))


# --- volunteers ----------------------------------------------------------------------------
def _volunteers(
    store: Store, period: Period, disclosure: Disclosure, active_at_end: frozenset[int]
) -> VolunteerFigures:
    """Volunteers active at the period's end (as the file stood then), their vetting and
    training judged on that day, and the hours logged in the period."""
    end = period.end
    people = [
        v for v in list_volunteers(store, include_archived=True, today=end) if v.id in active_at_end
    ]
    with store.read() as session:
        rules = roster_rules(session)
        training = _training_current(session, rules, {v.id for v in people}, end)
        minutes = dict(
            session.execute(
                select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.minutes))
                .where(VolunteerHours.worked_on.between(period.start, end))
                .group_by(VolunteerHours.volunteer_id)
            ).all()
        )
    role = lambda name: disclosure.words(TextSource.ROLE, name)  # noqa: E731
    by_role: dict[str, int] = {}
    for volunteer in people:
        for name in {role(n) for n in volunteer.role_names}:
            by_role[name] = by_role.get(name, 0) + 1
    totals = hours.hours_totals(store, period)
    by_activity: dict[str, int] = {}  # two activities may read alike once masked: one line
    for activity, spent in totals.by_activity:
        said = disclosure.words(TextSource.HOURS_ACTIVITY, activity)
        by_activity[said] = by_activity.get(said, 0) + spent
    return VolunteerFigures(
        active=len(people),
        by_role=tuple(sorted(by_role.items(), key=lambda item: (-item[1], item[0]))),
        vetting=tuple(
            (state, sum(1 for v in people if v.vetting.state is state)) for state in SEVERITY
        ),
        warning_days=rules.warning_days,
        training=training,
        cleared=sum(1 for v in people if v.vetting.may_meet_family),
        by_requirement=tuple(
            (
                disclosure.words(TextSource.COURSE, requirement.label),
                tuple(
                    (
                        state,
                        sum(
                            1 for v in people if v.vetting.standing(requirement.key).state is state
                        ),
                    )
                    for state in SEVERITY
                ),
            )
            for requirement in rules.requirements
        ),
        total_minutes=totals.total_minutes,
        by_month=totals.by_month,
        by_activity=tuple(sorted(by_activity.items(), key=lambda item: (-item[1], item[0]))),
        people=tuple(
            sorted(
                (
                    VolunteerLine(
                        disclosure.volunteer(v.id),
                        "; ".join(role(n) for n in v.role_names),
                        v.vetting_status,
                        int(minutes.get(v.id, 0)),
                    )
                    for v in people
                ),
                key=lambda line: _label_order(line.label),
            )
        ),
    )


def _training_current(
    session, rules, active_ids: set[int], end: date
) -> tuple[tuple[str, int], ...]:
    """Each course of the programme, and how many active volunteers held it on `end` (by the
    vetting rule: completed by then, not expired)."""
    records: dict[int, list[CheckState]] = {}
    for volunteer_id, course, completed, expires in session.execute(
        select(
            TrainingRecord.volunteer_id,
            TrainingRecord.course,
            TrainingRecord.completed_on,
            TrainingRecord.expires_on,
        ).where(TrainingRecord.volunteer_id.in_(active_ids))
    ):
        records.setdefault(volunteer_id, []).append(
            CheckState(course, CheckResult.CLEARED, expires, completed)
        )
    found = []
    for course in rules.programme.training:
        held = sum(
            1
            for states in records.values()
            if vetting_of((course.requirement,), states, end, rules.warning_days).may_meet_family
        )
        found.append((course.label, held))
    return tuple(found)


def _label_order(label: str) -> tuple:
    """Leads first, then "Volunteer 2" before "Volunteer 10"."""
    head, _, number = label.rpartition(" ")
    if head == "Volunteer" and number.isdigit():
        return (1, "", int(number))
    return (0, label.casefold(), 0)


# --- money ---------------------------------------------------------------------------------
def _finances(store: Store, period: Period, disclosure: Disclosure) -> FinanceFigures:
    from ...domain.enums import TransactionKind

    pledges = [p for p in funds.list_pledges(store, today=period.end) if p.outstanding]
    currency = ledger.balance(store).currency
    by_category = lambda kind: category_amounts(  # noqa: E731
        disclosure, funds.amounts_by_category(store, period, kind)
    )
    return FinanceFigures(
        opening=ledger.balance(store, as_of=period.start - timedelta(days=1)),
        income=by_category(TransactionKind.INCOME),
        spending=by_category(TransactionKind.EXPENSE),
        closing=ledger.balance(store, as_of=period.end),
        budget=budget_lines(disclosure, funds.budget_vs_actual(store, period)),
        pledges_outstanding=sum((p.outstanding for p in pledges), Money.zero(currency)),
        pledges_behind=len(pledges),
        pledges=(
            tuple(PledgeLine(p.donor, p.outstanding) for p in pledges) if disclosure.named else ()
        ),
        position=funds.funds_position(store, today=period.end),
        month_end=tuple(funds.month_end_balances(store, period)),
        funds_rule_note=programme_of(store).funds_rule.note,
    )


def category_amounts(disclosure: Disclosure, lines) -> tuple[CategoryAmount, ...]:
    """Amounts by category as the report names them: two categories that read alike once
    masked ("Uniform for a family member") are one line, so no figure is printed twice."""
    merged: dict[str, CategoryAmount] = {}
    for line in lines:
        name = disclosure.words(TextSource.CATEGORY, line.category)
        held = merged.get(name)
        merged[name] = (
            CategoryAmount(line.category_id, name, line.amount)
            if held is None
            else CategoryAmount(held.category_id, name, held.amount + line.amount)
        )
    return tuple(merged.values())


def budget_lines(disclosure: Disclosure, lines) -> tuple[BudgetLine, ...]:
    """Budget against actual by category, named as category_amounts names them."""
    merged: dict[str, BudgetLine] = {}
    for line in lines:
        name = disclosure.words(TextSource.CATEGORY, line.category)
        held = merged.get(name)
        merged[name] = (
            BudgetLine(line.category_id, name, line.budget, line.actual)
            if held is None
            else BudgetLine(
                held.category_id, name, held.budget + line.budget, held.actual + line.actual
            )
        )
    return tuple(merged.values())


def _figure(key: str, value: int | str | None, currency: str, band: str = "") -> Figure:
    made = FIGURES[key]
    unit = currency if made.unit == CURRENCY else made.unit
    return Figure(key, made.label, value, unit, made.counts, made.text, band)


def people_figure(summaries, people: int, named: bool) -> Figure:
    """People in the chosen households: exact over 3 or more households (or in a named
    report); over fewer, only the band, which a total over one household would otherwise
    undo."""
    if named or enough_households(len(summaries)):
        return _figure("people", people, "")
    return _figure("people", None, "", band=size_band(people))


def _figures(meta, summaries, people: int, volunteers: VolunteerFigures, money: FinanceFigures,
             check_ins, open_concerns) -> tuple[Figure, ...]:  # fmt: skip
    # One definition, the vetting table's total too: cleared to meet the family on the
    # period's last day (every requirement current, expiring soon included).
    current = volunteers.cleared
    share = round(100 * current / volunteers.active) if volunteers.active else 0
    position = money.position
    values: list[tuple[str, int | str]] = [
        ("households", len(summaries)),
        ("tasks_due", sum(s.tasks_due for s in summaries)),
        ("tasks_due_done", sum(s.tasks_due_done for s in summaries)),
        ("tasks_overdue", sum(s.tasks_overdue for s in summaries)),
        ("tasks_done_early", sum(s.tasks_done_early for s in summaries)),
        ("volunteers_active", volunteers.active),
        ("volunteers_vetted", current),
        ("volunteers_vetted_share", share),
        ("volunteer_hours", str(decimal_hours(volunteers.total_minutes))),
        ("opening_balance", money.opening.plain()),
        ("income", money.total_income.plain()),
        ("spending", money.total_spending.plain()),
        ("closing_balance", money.closing.plain()),
    ]
    required = position.requirement
    if required.rule is FundsRuleKind.BUDGET:  # no fixed minimum: the group's own budget
        values += [
            ("budget_to_spend", required.required.plain()),
            ("funds_held", position.held.plain()),
            ("funds_held_less_budget", (position.held - required.required).plain()),
        ]
    else:
        values.append(("funds_required", required.required.plain()))
        if required.cash_required is not None:
            values.append(("cash_required", required.cash_required.plain()))
        values += [
            ("funds_held", position.held.plain()),
            ("funds_short", position.shortfall.plain()),
        ]
    values += [
        ("pledges_outstanding", money.pledges_outstanding.plain()),
        ("pledges_behind", money.pledges_behind),
        ("check_ins", check_ins),
        ("concerns_open", open_concerns),
    ]
    made = tuple(_figure(key, value, meta.currency) for key, value in values)
    return (*made[:1], people_figure(summaries, people, meta.named), *made[1:])


# --- indicators ----------------------------------------------------------------------------
POINTS = (LATEST, *(point_label(m) for m in SNAPSHOT_MONTHS))


def _indicators(
    store: Store, chosen: list[HouseholdRef], end: date, disclosure: Disclosure, births, ages
):
    """Each household's indicators: the latest reading by the period's end and the reading at
    3, 6, 12 and 24 months (domain/indicator_points.py), and for each indicator and point how
    many of the households it was due for have a reading. Health readings are only counted
    (in an anonymised report over 3 or more households only)."""
    known = indicators.indicators(store)
    info = tuple(
        IndicatorInfo(i.key, i.label, i.outcome_area, i.kind, i.unit, i.sensitive) for i in known
    )
    series_of: dict[tuple[int, str], list] = {}
    for reading in indicators.readings(store):
        if reading.recorded_on <= end:
            series_of.setdefault((reading.household_id, reading.indicator), []).append(reading)
    lines, sensitive, withheld, completeness = [], [], [], []
    for indicator in known:

        def shown(point: PointReading, indicator=indicator) -> PointReading:
            said = disclosure.indicator_value(indicator, point.value)
            return point if said == point.value else replace(point, value=said)

        every: list[tuple[PointReading, ...]] = []
        for h in chosen:
            series = series_of.get((h.id, indicator.key), [])
            born = births.get(h.id, [])

            def due_for(day: date | None, born=born, whom=indicator.applies_to) -> bool:
                return day is None or applies(whom, born, day, ages)

            last = latest(series, h.arrival_date, end, due_for(end))
            at = tuple(
                at_point(
                    series,
                    h.arrival_date,
                    months,
                    end,
                    due_for(point_day(h.arrival_date, months) if h.arrival_date else None),
                )
                for months in SNAPSHOT_MONTHS
            )
            every.append((last, *at))
            if not indicator.sensitive:
                last, at = shown(last), tuple(shown(p) for p in at)
                lines.append(
                    IndicatorLine(
                        disclosure.household(h.code),
                        indicator.key,
                        last.value,
                        last.recorded_on,
                        trend(indicator, [r.value for r in series]) if series else None,
                        at,
                        last.status,
                    )
                )
        if indicator.sensitive:
            latest_values = [
                s[-1].value for h in chosen if (s := series_of.get((h.id, indicator.key)))
            ]
            if (
                latest_values
                and disclosure.anonymised
                and not enough_households(len(latest_values))
            ):
                withheld.append(indicator.key)  # fewer than 3 answered: no count is safe
                latest_values = []
            for value in sorted(set(latest_values)):
                sensitive.append(
                    SensitiveCount(
                        indicator.key,
                        disclosure.indicator_value(indicator, value),
                        latest_values.count(value),
                    )
                )
        last_on = max(
            (s[-1].recorded_on for h in chosen if (s := series_of.get((h.id, indicator.key)))),
            default=None,
        )
        for index, point in enumerate(POINTS):
            statuses = [row[index].status for row in every]
            recorded = statuses.count(PointStatus.RECORDED)
            completeness.append(
                Completeness(
                    indicator.key,
                    point,
                    last_on,
                    recorded + statuses.count(PointStatus.NOT_RECORDED),
                    recorded,
                    statuses.count(PointStatus.NOT_REACHED),
                    statuses.count(PointStatus.NOT_APPLICABLE),
                )
            )
    return info, tuple(lines), tuple(sensitive), tuple(withheld), tuple(completeness)


# --- contact log ---------------------------------------------------------------------------
def _contact_months(check_ins, chosen: list[HouseholdRef], period: Period, code):
    rows = []
    for h in chosen:
        mine = [c for c in check_ins if c.household_id == h.id]
        for first in period.months():
            month = [c for c in mine if month_start(c.held_on) == first]
            ratings = [c.needs_met for c in month if c.needs_met is not None]
            resolved = sum(
                1
                for c in mine
                if c.concern_resolved_on is not None and month_start(c.concern_resolved_on) == first
            )
            if not month and not resolved:
                continue
            rows.append(
                ContactMonth(
                    code(h.code),
                    first,
                    len(month),
                    f"{sum(ratings) / len(ratings):.1f}" if ratings else None,
                    sum(1 for c in month if c.concern.strip()),
                    resolved,
                )
            )
    return tuple(rows)


def _goals(store: Store, chosen: list[HouseholdRef], end: date, code) -> tuple[GoalCounts, ...]:
    goals = [g for g in list_goals(store) if g.set_on <= end]
    result = []
    for h in chosen:
        mine = [g for g in goals if g.household_id == h.id]
        count = lambda status, mine=mine: sum(1 for g in mine if g.status is status)  # noqa: E731
        result.append(
            GoalCounts(
                code(h.code),
                len(mine),
                count(GoalStatus.NOT_STARTED),
                count(GoalStatus.PROGRESSING),
                count(GoalStatus.ACHIEVED),
                count(GoalStatus.CHANGED),
            )
        )
    return tuple(result)


def _narrative(store: Store, period: Period, disclosure: Disclosure) -> dict[str, str]:
    from .narratives import narrative

    text = narrative(store, period)
    return {
        "highlights": disclosure.typed_lines(TextSource.NARRATIVE, text.highlights),
        "challenges": disclosure.typed_lines(TextSource.NARRATIVE, text.challenges),
    }
