"""A realistic demo group: for trying the app, screenshots and the performance budgets."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from ... import clock
from ...domain.enums import (
    CheckInKind,
    CheckResult,
    GoalStatus,
    OutcomeArea,
    Phase,
    RentFrequency,
    TaskKind,
    TaskStatus,
    TenancyStatus,
)
from ...domain.periods import add_months
from ...domain.programmes import DEFAULT_PROGRAMME, Programme, get_programme
from ...domain.vetting import vetting_of
from ...domain.vocabulary import HOURS_ACTIVITIES
from ...storage.models import (
    CheckIn,
    CheckInVolunteer,
    Goal,
    GoalReview,
    Household,
    HouseholdMember,
    IndicatorReading,
    Inspection,
    LedgerCategory,
    MoveInItem,
    Property,
    Task,
    Tenancy,
    TrainingRecord,
    VettingCheck,
    Volunteer,
    VolunteerHours,
    VolunteerRole,
)
from ...storage.store import Store
from ..group.groups import NewGroup, build_group
from ..plan.plan import tasks_for
from ..roster.volunteers import vetting_states
from .demo_money import demo_money
from .demo_names import HOUSEHOLDS, LANGUAGES, VOLUNTEER_NAMES


@dataclass(frozen=True)
class DemoSize:
    households: int
    volunteers: int
    months: int
    transactions: int
    tasks_per_household: int


SIZES = {
    "small": DemoSize(
        households=1, volunteers=12, months=12, transactions=300, tasks_per_household=40
    ),
    "large": DemoSize(
        households=4, volunteers=60, months=24, transactions=5_000, tasks_per_household=150
    ),
    "huge": DemoSize(
        households=4, volunteers=60, months=24, transactions=100_000, tasks_per_household=150
    ),
}

# Recurring work that fills out a plan past the templates, as groups really schedule it.
RECURRING = [
    (14, "Fortnightly check-in visit", OutcomeArea.PARTICIPATION, True),
    (30, "Monthly family budget review", OutcomeArea.SELF_SUFFICIENCY, True),
    (30, "Check English class attendance", OutcomeArea.EDUCATION, True),
    (30, "Check school attendance", OutcomeArea.EDUCATION, False),
]


MILESTONES = {"airport_welcome", "enrol_school", "english_classes", "employment"}
MEETINGS = {"Fortnightly check-in visit"}
NOT_APPLICABLE = {
    "research_jobs": "The principal applicant found work through family before arrival."
}
EVIDENCE = [
    "Confirmation letter filed in the group's folder.",
    "Receipt photographed and filed.",
    "Confirmed by email with the provider.",
]
SUMMARIES = [
    "Family settling well; talked through the week's appointments.",
    "Helped with school forms and the bus timetable.",
    "Practised English over tea; the children showed their school work.",
    "Went through the power bill and the family budget together.",
    "Drove to the supermarket and showed where halal food is sold.",
    "Talked about work: CV updated, two applications sent.",
    "Quiet visit; family tired after a busy week, no concerns raised.",
]
CONCERNS = [
    "Landlord slow to fix the heating",
    "Worried about the cost of school uniforms",
    "Bus route to English class changed",
    "Letter from Work and Income not understood",
]
GOALS = [
    (OutcomeArea.SELF_SUFFICIENCY, "Find paid work using their trade", 12),
    (OutcomeArea.EDUCATION, "Reach intermediate English", 12),
    (OutcomeArea.EDUCATION, "Children settled and happy at school", 6),
    (OutcomeArea.PARTICIPATION, "Join a community or faith group", 9),
]
SOCIAL = ["mosque community", "church group", "soccer club", "community garden", "library group"]


def write_demo(
    path: Path | str, size: str = "small", today: date | None = None, seed: int = 7
) -> Path:
    """Create a new demo group file at `path` (refuses to overwrite)."""
    spec = SIZES[size]
    today = today or clock.today()
    rng = random.Random(seed)
    start = add_months(today, -spec.months)
    return build_group(
        path,
        NewGroup(
            name="Kāpiti Welcome Circle (demo)", programme_key=DEFAULT_PROGRAMME, start_date=start
        ),
        actor="demo",
        then=lambda store: _fill(store, get_programme(DEFAULT_PROGRAMME), spec, start, today, rng),
    )


def _fill(
    store: Store, programme: Programme, spec: DemoSize, start: date, today: date, rng: random.Random
) -> None:
    with store.transaction("Fill the demo group") as session:
        volunteers = _volunteers(programme, spec, start, today, rng)
        session.add_all(volunteers)
        households = _households(spec, start, today)
        session.add_all(households)
        session.flush()
        vetted = [v for v in volunteers if _vetted(v, programme, today)]
        for household in households:
            tasks = _tasks(programme, household, spec, today, vetted, volunteers, rng)
            session.add_all(tasks)
            session.add_all(_readings(household, today, rng))
            goals = _goals(household, today)
            session.add_all(goals)
            session.flush()
            visits, reviews = _check_ins(household, today, vetted, goals, rng)
            session.add_all(visits)
            session.flush()
            for visit, goal, status in reviews:
                goal.reviews.append(
                    GoalReview(check_in_id=visit.id, reviewed_on=visit.held_on, status=status)
                )
                goal.status = status
        session.add_all(_hours(volunteers, households, start, today, rng))
        properties = _housing(households, today, rng)
        session.add_all(properties)
        session.flush()
        categories = session.scalars(select(LedgerCategory)).all()
        tenancies = [t for p in properties for t in p.tenancies]
        money = demo_money(categories, households, tenancies, spec.transactions, start, today, rng)
        for rows in money:
            session.add_all(rows)


def _vetted(volunteer: Volunteer, programme: Programme, today: date) -> bool:
    window = programme.warnings.vetting_days  # the demo group's own: it is the programme's
    return vetting_of(
        programme.requirements, vetting_states(volunteer), today, window
    ).may_meet_family


def _volunteers(
    programme: Programme, spec: DemoSize, start: date, today: date, rng: random.Random
) -> list[Volunteer]:
    lead_roles = [key for key, _ in programme.roles if key != "volunteer"]
    people = []
    for index in range(spec.volunteers):
        name = VOLUNTEER_NAMES[index % len(VOLUNTEER_NAMES)]
        if index >= len(VOLUNTEER_NAMES):
            name = f"{name} {index // len(VOLUNTEER_NAMES) + 1}"
        roles = [lead_roles[index]] if index < len(lead_roles) else ["volunteer"]
        if index % 7 == 3:
            roles.append("transport" if "transport" not in roles else "welcome")
        plain = unicodedata.normalize("NFKD", name.split()[0].lower())  # "Björn" -> "bjorn"
        handle = plain.encode("ascii", "ignore").decode() or "volunteer"
        volunteer = Volunteer(
            full_name=name,
            email=f"{handle}.{index}@example.org",
            phone=f"021 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            languages="; ".join(["English", *rng.sample(LANGUAGES[1:], rng.choice([0, 0, 1, 2]))]),
            active=index % 13 != 12,
            roles=[VolunteerRole(role=r) for r in roles],
        )
        volunteer.checks = _checks(programme, index, start, today, rng)
        checked = start + timedelta(days=rng.randint(0, 60))
        volunteer.training = (
            [
                TrainingRecord(
                    course=t.key,
                    completed_on=checked,
                    expires_on=add_months(checked, t.valid_months) if t.valid_months else None,
                )
                for t in programme.training
                if t.required or index % 3 == 0
            ]
            if index % 19 != 18
            else []
        )
        people.append(volunteer)
    return people


def _checks(
    programme: Programme, index: int, start: date, today: date, rng: random.Random
) -> list[VettingCheck]:
    """Most volunteers current; a few expired, expiring soon or never vetted, as in real groups."""
    if index % 17 == 16:
        return []
    checks = []
    for kind in programme.vetting:
        checked = start + timedelta(days=rng.randint(-300, 60))
        expires = add_months(checked, kind.valid_months) if kind.valid_months else None
        if expires and index % 11 == 5:
            expires = today + timedelta(days=rng.randint(1, 28))  # expiring soon
        elif expires and index % 11 == 9:
            expires = today - timedelta(days=rng.randint(1, 60))  # lapsed
        checks.append(
            VettingCheck(
                kind=kind.key,
                result=CheckResult.CLEARED,
                checked_on=checked,
                expires_on=expires,
                reference=f"VR-{10000 + index * 7}",
            )
        )
    return checks


def _households(spec: DemoSize, start: date, today: date) -> list[Household]:
    # Staggered arrivals: the first soon after the group formed, the last still to come.
    arrivals = [
        add_months(start, 3),
        add_months(start, 8),
        add_months(today, -9),
        today + timedelta(days=20),
    ]
    households = []
    for index in range(spec.households):
        family, town, languages, members = HOUSEHOLDS[index % len(HOUSEHOLDS)]
        arrival = arrivals[index] if spec.households > 1 else add_months(start, 2)
        households.append(
            Household(
                code=f"H{index + 1}",
                family_name=family,
                arrival_date=arrival,
                arrival_confirmed=arrival <= today or index == 3,
                town=town,
                languages=languages,
                members=[
                    HouseholdMember(
                        full_name=name,
                        relationship_to_principal=rel,
                        is_principal=rel == "principal",
                        date_of_birth=date(
                            arrival.year - age, 1 + (age * 5) % 12, 1 + (age * 7) % 28
                        ),
                    )
                    for name, rel, age in members
                ],
            )
        )
    return households


def _tasks(programme, household, spec, today, vetted, volunteers, rng) -> list[Task]:
    tasks = tasks_for(list(programme.tasks), household.id, household.arrival_date)
    recurring_dates = []
    for every, title, area, family_facing in RECURRING:
        day = household.arrival_date + timedelta(days=every)
        while day <= household.arrival_date + timedelta(days=730):
            recurring_dates.append((day, title, area, family_facing))
            day += timedelta(days=every)
    recurring_dates.sort(key=lambda item: item[0])
    for day, title, area, family_facing in recurring_dates[: spec.tasks_per_household - len(tasks)]:
        offset = (day - household.arrival_date).days
        tasks.append(
            Task(
                household_id=household.id,
                kind=TaskKind.MEETING if title in MEETINGS else TaskKind.TASK,
                phase=Phase.for_offset(offset),
                outcome_area=area,
                title=title,
                family_facing=family_facing,
                due_on=day,
                status=TaskStatus.OPEN,
                source="Group practice",
            )
        )
    for task in tasks:
        # Volunteers are flushed already, so their ids are known; family-facing work goes only
        # to volunteers whose vetting is current (the vetting rule).
        pool = vetted if task.family_facing else volunteers
        if pool and rng.random() < 0.85:
            task.assignee_id = rng.choice(pool).id
        if task.template_key in NOT_APPLICABLE:
            task.status, task.skip_reason = TaskStatus.NOT_NEEDED, NOT_APPLICABLE[task.template_key]
        elif (
            task.due_on
            and task.due_on < today
            and ((today - task.due_on).days > 40 or rng.random() < 0.6)
        ):  # a group that keeps up: only the last few weeks' tasks can still be open
            task.status = TaskStatus.DONE
            task.completed_on = min(task.due_on - timedelta(days=rng.randint(0, 5)), today)
            if task.family_facing and rng.random() < 0.3:
                task.evidence = rng.choice(EVIDENCE)
        elif task.due_on and 0 <= (task.due_on - today).days <= 10 and rng.random() < 0.4:
            task.status = TaskStatus.IN_PROGRESS
        task.milestone = task.template_key in MILESTONES
    return tasks


def _readings(household: Household, today: date, rng: random.Random) -> list[IndicatorReading]:
    """The household's indicators at 1, 3, 6, 9, 12, 18 and 24 months, moving as families'
    settlement usually does: English up, work found after some months, registrations early."""
    arrival = household.arrival_date
    children = sum(
        1
        for m in household.members
        if m.date_of_birth and 5 <= (arrival - m.date_of_birth).days // 365 <= 17
    )
    job_month = rng.choice([6, 9, 12, 18])
    readings: list[IndicatorReading] = []

    def read(key: str, day: date, value: object) -> None:
        readings.append(
            IndicatorReading(
                household_id=household.id, indicator=key, recorded_on=day, value=str(value)
            )
        )

    levels = ["beginner", "elementary", "intermediate", "upper intermediate"]
    for step, months in enumerate((1, 3, 6, 9, 12, 18, 24)):
        day = add_months(arrival, months)
        if day > today:
            break
        working = months >= job_month
        read("english_level", day, levels[min(step // 2, len(levels) - 1)])
        read("english_hours", day, 8 if months <= 12 else 4)
        read("english_informal_hours", day, min(3 + step * 2, 14))
        if months <= 6 and rng.random() < 0.5:
            read(
                "english_barriers",
                day,
                rng.choice(["childcare", "transport", "childcare; transport"]),
            )
        if children:
            read("children_in_school", day, children)
            read("school_attendance", day, rng.choice([88, 91, 94, 96, 97]))
        read("employment_status", day, "part-time work" if working else "looking for work")
        if working:
            read("employment_hours", day, 20 if months < job_month + 6 else 32)
            read("contract_type", day, "casual" if months < job_month + 6 else "fixed term")
        read("benefits", day, "jobseeker support" if not working else "family tax credit")
        read("bank_account", day, "yes")
        read("tax_number", day, "yes")
        read("driver_licence", day, ["none", "learner", "learner", "restricted"][min(step // 2, 3)])
        read("gp_registered", day, "yes")
        read("dentist_registered", day, "yes" if months >= 3 else "no")
        read("self_reported_health", day, rng.choice(["fair", "good", "good", "very good"]))
        read("housing_moves", day, 0)
        read("social_connection", day, rng.choice(SOCIAL))
        read("volunteering", day, "yes" if months >= 9 else "no")
        read("belonging", day, min(2 + step // 2, 5))
    if add_months(arrival, job_month) <= today:
        read("first_job_on", add_months(arrival, job_month), add_months(arrival, job_month))
    if children:
        read("school_enrolled_on", arrival + timedelta(days=12), arrival + timedelta(days=12))
    return readings


def _goals(household: Household, today: date) -> list[Goal]:
    """The family's goals from the first meeting (week 1)."""
    set_on = household.arrival_date + timedelta(days=7)
    if set_on > today:
        return []
    return [
        Goal(
            household_id=household.id,
            outcome_area=area,
            text=text,
            set_on=set_on,
            target_on=add_months(household.arrival_date, months),
            status=GoalStatus.NOT_STARTED,
        )
        for area, text, months in GOALS
    ]


def _check_ins(
    household: Household,
    today: date,
    vetted: list[Volunteer],
    goals: list[Goal],
    rng: random.Random,
) -> tuple[list[CheckIn], list[tuple[CheckIn, Goal, GoalStatus]]]:
    """A visit or call every fortnight, with the family's needs-met rating, now and then a
    concern (most resolved within days), and the goals reviewed every few months."""
    visits, reviews = [], []
    day = household.arrival_date + timedelta(days=1)
    number = 0
    while day <= today:
        number += 1
        concern = rng.random() < 0.15
        resolved = day + timedelta(days=rng.randint(2, 20)) if concern else None
        kind = CheckInKind.CALL if number % 3 == 0 else CheckInKind.VISIT
        if number % 13 == 0:
            kind = CheckInKind.PROGRAMME_REVIEW
        present = rng.sample(vetted, min(len(vetted), rng.choice([1, 1, 2])))
        visit = CheckIn(
            household_id=household.id,
            held_on=day,
            kind=kind,
            summary=rng.choice(SUMMARIES),
            needs_met=rng.choice([3, 4, 4, 4, 5, 5]) if number > 1 else rng.choice([2, 3]),
            concern=rng.choice(CONCERNS) if concern else "",
            concern_resolved_on=resolved
            if resolved and resolved <= today and rng.random() < 0.8
            else None,
            shareable=rng.random() < 0.3,
            present=[CheckInVolunteer(volunteer_id=v.id) for v in present],
        )
        if goals and number % 6 == 0:
            months_in = (day - household.arrival_date).days / 30
            for goal in goals:
                status = (
                    GoalStatus.ACHIEVED
                    if months_in > 14 and goal.outcome_area is not OutcomeArea.SELF_SUFFICIENCY
                    else GoalStatus.PROGRESSING
                )
                reviews.append((visit, goal, status))
        visits.append(visit)
        day += timedelta(days=14)
    return visits, reviews


def _hours(volunteers, households, start, today, rng) -> list[VolunteerHours]:
    activities = list(HOURS_ACTIVITIES)
    entries = []
    seen = set()
    for volunteer in volunteers:
        if not volunteer.active:
            continue
        day = start + timedelta(days=rng.randint(0, 20))
        while day <= today:
            activity = rng.choice(activities)
            household = rng.choice(households)
            key = (volunteer.id, day, activity, household.id)
            if key not in seen:
                seen.add(key)
                entries.append(
                    VolunteerHours(
                        volunteer_id=volunteer.id,
                        worked_on=day,
                        minutes=rng.choice([30, 60, 90, 120, 180]),
                        activity=activity,
                        household_id=household.id,
                    )
                )
            day += timedelta(days=rng.randint(10, 25))
    return entries


def _housing(households, today, rng) -> list[Property]:
    streets = ["12 Kōwhai Street", "4/88 Tui Crescent", "7 Pōhutukawa Grove", "221 Rata Road"]
    suburbs = ["Stoke", "Gonville", "Highfield", "Hokowhitu"]
    properties = []
    for index, household in enumerate(households):
        lease_start = household.arrival_date - timedelta(days=14)
        lease_end = add_months(lease_start, 12)
        occupied = household.arrival_date <= today
        tenancy = Tenancy(
            household_id=household.id,
            status=TenancyStatus.OCCUPIED if occupied else TenancyStatus.SECURED,
            lease_start=lease_start,
            lease_end=today + timedelta(days=45)
            if index == 0
            else max(lease_end, add_months(today, 6)),
            rent_minor=rng.choice([52000, 55000, 58000, 61000]),
            rent_frequency=RentFrequency.WEEKLY,
            group_share_minor=0,
            bond_minor=rng.choice([208000, 220000]),
            bond_holder="Tenancy Services",
        )
        tenancy.group_share_minor = tenancy.rent_minor // 2
        tenancy.inspections = [
            Inspection(
                inspected_on=lease_start - timedelta(days=7),
                kind="pre-arrival",
                result="pass",
                next_due=add_months(lease_start, 3),
            ),
        ]
        visit = add_months(lease_start, 3)
        while visit <= today:  # quarterly routine inspections, the next one still to come
            tenancy.inspections.append(
                Inspection(
                    inspected_on=visit, kind="routine", result="pass", next_due=add_months(visit, 3)
                )
            )
            visit = add_months(visit, 3)
        tenancy.move_in_items = [
            MoveInItem(label=label, position=n, done=occupied or n < 5)
            for n, label in enumerate(
                [
                    "Beds and bedding",
                    "Kitchen items",
                    "Heating",
                    "Power connected",
                    "Water connected",
                    "Internet",
                    "Smoke alarms",
                    "Keys",
                    "Food pack",
                ]
            )
        ]
        properties.append(
            Property(
                address=streets[index % 4],
                town=f"{suburbs[index % 4]}, {household.town}",
                kind="House",
                bedrooms=3 + index % 2,
                landlord="Private landlord",
                landlord_contact="via property manager",
                tenancies=[tenancy],
            )
        )
    return properties
