"""Every write the application offers, as a function of an open demo store.

Each picks its rows from the file as it is at the time (so they chain in any order) and returns
False when there is nothing for it to act on. The change-set tests run every one of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sponsor_app.domain.enums import (
    CheckInKind,
    CheckResult,
    GoalStatus,
    OutcomeArea,
    Phase,
    RentFrequency,
    TaskStatus,
    TenancyStatus,
    TransactionKind,
)
from sponsor_app.domain.money import Money
from sponsor_app.services.funds import funds, ledger
from sponsor_app.services.households import households, housing
from sponsor_app.services.imports.transaction_io import import_transactions
from sponsor_app.services.imports.volunteer_io import import_volunteers
from sponsor_app.services.plan import checkins, goals, indicators, plan
from sponsor_app.services.plan.indicators import ReadingInput
from sponsor_app.services.roster import hours, vetting
from sponsor_app.services.roster import volunteers as roster
from sponsor_app.storage.store import Store

from .task_helpers import as_input, assign

TODAY = date(2026, 6, 15)
_counter = itertools.count(1)


def _nzd(major: int) -> Money:
    return Money.of_major(major, "NZD")


def _first(rows, predicate=lambda _row: True):
    return next((row for row in rows if predicate(row)), None)


def _household(store: Store):
    return _first(households.list_households(store, include_archived=True))


def _volunteer(store: Store):
    return _first(roster.list_volunteers(store, include_archived=True, today=TODAY))


# --- households --------------------------------------------------------------------------
def add_household(store: Store, _tmp: Path) -> bool:
    code = households.next_household_code(store)
    households.add_household(
        store,
        households.HouseholdInput(code=code, family_name="Haidari", arrival_date=TODAY),
        (households.MemberInput("Farid Haidari", "self", date(1988, 3, 1), True),),
    )
    return True


def edit_household_moving_tasks(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    arrival = (row.arrival_date or TODAY) + timedelta(days=9)
    data = households.HouseholdInput(row.code, row.family_name, arrival, True, "Porirua")
    households.edit_household(store, row.id, data, move_open_tasks=True)
    return True


def _add_undated_household(store: Store, _tmp: Path) -> bool:
    code = households.next_household_code(store)
    households.add_household(store, households.HouseholdInput(code=code))
    return True  # a change set the chain must undo too (None left it out of the model)


def first_arrival_date_sets_task_dates(store: Store, _tmp: Path) -> bool:
    """Undo of this must take the tasks' new dates away again (it once left them dated)."""
    row = _first(households.list_households(store), lambda h: h.arrival_date is None)
    if row is None:
        return False
    dated = households.HouseholdInput(code=row.code, arrival_date=TODAY + timedelta(days=30))
    households.edit_household(store, row.id, dated, move_open_tasks=True)
    return True


first_arrival_date_sets_task_dates.prepare = _add_undated_household


def archive_household(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    households.archive_household(store, row.id, not row.archived)
    return True


def delete_household(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    households.delete_household(store, row.id)
    return True


def add_member(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    households.add_member(store, row.id, households.MemberInput(f"Child {next(_counter)}"))
    return True


def edit_member(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    member = row and _first(households.list_members(store, row.id, include_archived=True))
    if not member:
        return False
    data = households.MemberInput(
        member.full_name + " Jr", "son", date(2015, 5, 5), member.is_principal
    )
    households.edit_member(store, member.id, data)
    return True


def archive_member(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    member = row and _first(households.list_members(store, row.id, include_archived=True))
    if not member:
        return False
    households.archive_member(store, member.id, not member.archived)
    return True


# --- tasks -------------------------------------------------------------------------------
def _open_task(store: Store, family_facing: bool | None = None):
    from sqlalchemy import select

    from sponsor_app.storage.models import Task

    with store.read() as session:
        query = select(Task.id).where(Task.status == TaskStatus.OPEN).order_by(Task.id)
        if family_facing is not None:
            query = query.where(Task.family_facing.is_(family_facing))
        return session.scalar(query.limit(1))


def complete_task(store: Store, _tmp: Path) -> bool:
    task_id = _open_task(store)
    if task_id is None:
        return False
    done = replace(as_input(plan.plan_task(store, task_id)), status=TaskStatus.DONE)
    plan.edit_task(store, task_id, done, TODAY)  # Done chosen in the task form
    return True


def assign_task(store: Store, _tmp: Path) -> bool:
    task_id = _open_task(store, family_facing=False)
    if task_id is None:
        return False
    current = plan.plan_task(store, task_id).assignee_id
    volunteer = _first(
        roster.list_volunteers(store, today=TODAY), lambda v: v.id != current and v.active
    )
    if volunteer is None:
        return False
    assign(store, task_id, volunteer.id, TODAY)
    return True


def _plan_task(store: Store, predicate=lambda t: True):
    from sponsor_app.services.plan.plan import plan_tasks

    return _first(plan_tasks(store), predicate)


def add_custom_task(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    data = plan.TaskInput(
        f"Bike for the eldest {next(_counter)}", Phase.MONTH_1, OutcomeArea.PARTICIPATION
    )
    plan.add_custom_task(store, row.id, data, TODAY)
    return True


def edit_plan_task(store: Store, _tmp: Path) -> bool:
    task = _plan_task(store, lambda t: t.status.is_open)
    if task is None:
        return False
    data = plan.TaskInput(
        task.title + " (checked)",
        task.phase,
        task.outcome_area,
        task.due_on,
        task.family_facing,
        task.guidance,
        TaskStatus.IN_PROGRESS,
        assignee_id=task.assignee_id,
        evidence="Letter on file",
    )
    plan.edit_task(store, task.id, data, TODAY)
    return True


def skip_task(store: Store, _tmp: Path) -> bool:
    task = _plan_task(store, lambda t: t.status.is_open)
    if task is None:
        return False
    plan.skip_task(store, task.id, "Does not apply to this family")
    return True


def toggle_done_with_space(store: Store, _tmp: Path) -> bool:
    task = _plan_task(store)
    if task is None:
        return False
    plan.toggle_done(store, task.id, TODAY)
    return True


def add_template_task_and_reapply(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    data = plan.TemplateInput(
        f"Visit the marae {next(_counter)}", Phase.MONTHS_2_3, 45, OutcomeArea.PARTICIPATION
    )
    plan.add_template_task(store, data)
    return True


def reapply_template(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    plan.reapply_template(store, row.id)
    return True


reapply_template.prepare = add_template_task_and_reapply


def record_check_in(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    volunteer = _volunteer(store)
    if row is None or volunteer is None:
        return False
    # a goal already achieved is not reviewed again (the check-in rule refuses it)
    goal = _first([g for g in goals.list_goals(store, row.id) if g.status != GoalStatus.ACHIEVED])
    updates = (checkins.GoalUpdate(goal.id, GoalStatus.ACHIEVED),) if goal else ()
    meeting = _first(checkins.meetings_due(store, row.id))
    data = checkins.CheckInInput(
        row.id,
        TODAY,
        CheckInKind.VISIT,
        "Talked about school",
        4,
        "Heater broken",
        volunteer_ids=(volunteer.id,),
        meeting_task_id=meeting[0] if meeting else None,
        goal_updates=updates,
    )
    checkins.record_check_in(store, data, TODAY)
    return True


def edit_check_in(store: Store, _tmp: Path) -> bool:
    visit = _first(checkins.list_check_ins(store))
    if visit is None:
        return False
    data = checkins.CheckInInput(
        visit.household_id,
        visit.held_on,
        CheckInKind.CALL,
        "Corrected summary",
        5,
        visit.concern,
        visit.concern_resolved_on,
        not visit.shareable,
        (),
    )
    checkins.edit_check_in(store, visit.id, data, TODAY)
    return True


def delete_check_in(store: Store, _tmp: Path) -> bool:
    visit = _first(checkins.list_check_ins(store))
    if visit is None:
        return False
    checkins.delete_check_in(store, visit.id)
    return True


def add_goal(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    data = goals.GoalInput(row.id, OutcomeArea.EDUCATION, "Pass the learner licence", TODAY)
    goals.add_goal(store, data)
    return True


def review_goal(store: Store, _tmp: Path) -> bool:
    goal = _first(goals.list_goals(store))
    if goal is None:
        return False
    goals.review_goal(store, goal.id, GoalStatus.CHANGED, TODAY, "Now wants to study first")
    return True


def delete_goal(store: Store, _tmp: Path) -> bool:
    goal = _first(goals.list_goals(store))
    if goal is None:
        return False
    goals.delete_goal(store, goal.id)
    return True


def record_reading(store: Store, _tmp: Path) -> bool:
    row = _household(store)
    if row is None:
        return False
    indicators.record_reading(
        store, row.id, ReadingInput("english_level", TODAY, "Intermediate"), today=TODAY
    )
    return True


def delete_reading(store: Store, _tmp: Path) -> bool:
    reading = _first(indicators.readings(store))
    if reading is None:
        return False
    indicators.delete_reading(store, reading.id)
    return True


# --- volunteers --------------------------------------------------------------------------
def add_volunteer(store: Store, _tmp: Path) -> bool:
    n = next(_counter)
    check = roster.CheckInput(
        "police_vetting", CheckResult.CLEARED, date(2026, 1, 10), date(2029, 1, 10)
    )
    data = roster.VolunteerInput(
        f"Ayşe Yılmaz {n}", ("welcome", "transport"), f"ayse{n}@example.org", vetting=check
    )
    roster.add_volunteer(store, data, today=TODAY)
    return True


def edit_volunteer(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    if row is None:
        return False
    data = roster.VolunteerInput(row.full_name, ("housing",), row.email, "021 555 0101")
    roster.edit_volunteer(store, row.id, data, today=TODAY)
    return True


def archive_volunteer(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    if row is None:
        return False
    roster.archive_volunteer(store, row.id, not row.archived)
    return True


def add_check(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    if row is None:
        return False
    data = roster.CheckInput("child_protection_statement", CheckResult.CLEARED, date(2026, 2, 1))
    vetting.add_check(store, row.id, data, today=TODAY)
    return True


def edit_check(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    checks = row and vetting.list_checks(store, row.id, today=TODAY)
    # A check (not a signed statement, which is never "waiting") sent again.
    check = checks and _first([c for c in checks if c.kind == "police_vetting"])
    if not check:
        return False
    data = roster.CheckInput(check.kind, CheckResult.PENDING, None, None, "re-checking")
    vetting.edit_check(store, check.id, data, today=TODAY)
    return True


def delete_check(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    check = row and _first(vetting.list_checks(store, row.id, today=TODAY))
    if not check:
        return False
    vetting.delete_check(store, check.id)
    return True


def add_training(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    if row is None:
        return False
    data = vetting.TrainingInput("host_coaching", date(2026, 3, 1))
    vetting.add_training(store, row.id, data, today=TODAY)
    return True


def _training_record(store: Store):
    for row in roster.list_volunteers(store, include_archived=True, today=TODAY):
        record = _first(vetting.list_training(store, row.id, today=TODAY))
        if record is not None:
            return record
    return None


def edit_training(store: Store, _tmp: Path) -> bool:
    record = _training_record(store)
    if not record:
        return False
    data = vetting.TrainingInput(record.course, record.completed_on, None, "CERT-77")
    vetting.edit_training(store, record.id, data, today=TODAY)
    return True


def delete_training(store: Store, _tmp: Path) -> bool:
    record = _training_record(store)
    if not record:
        return False
    vetting.delete_training(store, record.id)
    return True


def log_hours(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    if row is None:
        return False
    activity = f"Driving {next(_counter)}"
    hours.log_hours(store, hours.HoursInput(row.id, TODAY, 90, activity), today=TODAY)
    return True


def delete_hours(store: Store, _tmp: Path) -> bool:
    row = _volunteer(store)
    entry = row and _first(hours.list_hours(store, row.id))
    if not entry:
        return False
    hours.delete_hours(store, entry.id)
    return True


# --- the ledger and funds ----------------------------------------------------------------
def _category(store: Store, kind: TransactionKind):
    return _first(ledger.list_categories(store, kind), lambda c: not c.archived)


def record_transaction(store: Store, _tmp: Path) -> bool:
    category = _category(store, TransactionKind.EXPENSE)
    data = ledger.TransactionInput(
        TODAY, TransactionKind.EXPENSE, _nzd(45), category.id, "Pak'nSave"
    )
    ledger.record_transaction(store, data)
    return True


def _transaction_id(store: Store) -> int | None:
    from sqlalchemy import select

    from sponsor_app.storage.models import LedgerTransaction

    with store.read() as session:
        return session.scalar(select(LedgerTransaction.id).order_by(LedgerTransaction.id.desc()))


def edit_transaction(store: Store, _tmp: Path) -> bool:
    transaction_id = _transaction_id(store)
    if transaction_id is None:
        return False
    data = ledger.transaction_input(store, transaction_id)
    ledger.edit_transaction(
        store, transaction_id, ledger.TransactionInput(**{**data.__dict__, "note": "checked"})
    )
    return True


def delete_transaction(store: Store, _tmp: Path) -> bool:
    transaction_id = _transaction_id(store)
    if transaction_id is None:
        return False
    ledger.delete_transaction(store, transaction_id)
    return True


def add_category(store: Store, _tmp: Path) -> bool:
    ledger.add_category(store, f"Koha {next(_counter)}", TransactionKind.INCOME)
    return True


def rename_category(store: Store, _tmp: Path) -> bool:
    category = _category(store, TransactionKind.EXPENSE)
    ledger.rename_category(store, category.id, f"{category.name} {next(_counter)}")
    return True


def archive_category(store: Store, _tmp: Path) -> bool:
    category = _first(ledger.list_categories(store, TransactionKind.EXPENSE))
    ledger.archive_category(store, category.id, not category.archived)
    return True


def set_budget_for_months(store: Store, _tmp: Path) -> bool:
    category = _category(store, TransactionKind.EXPENSE)
    funds.set_budget(store, category.id, date(2026, 7, 1), _nzd(300), last_month=date(2026, 12, 1))
    return True


def add_pledge(store: Store, _tmp: Path) -> bool:
    data = funds.PledgeInput("Rotary Club of Kāpiti", _nzd(50), "monthly", date(2026, 1, 1))
    funds.add_pledge(store, data)
    return True


def edit_pledge(store: Store, _tmp: Path) -> bool:
    pledge = _first(funds.list_pledges(store, today=TODAY))
    if pledge is None:
        return False
    data = funds.PledgeInput(pledge.donor, _nzd(75), "monthly", pledge.start_on, None, "raised")
    funds.edit_pledge(store, pledge.id, data)
    return True


def delete_pledge(store: Store, _tmp: Path) -> bool:
    pledge = _first(funds.list_pledges(store, today=TODAY))
    if pledge is None:
        return False
    funds.delete_pledge(store, pledge.id)
    return True


# --- housing -----------------------------------------------------------------------------
def add_property(store: Store, _tmp: Path) -> bool:
    data = housing.PropertyInput(f"{next(_counter)} Kōwhai Street", "Paraparaumu", "House", 3)
    housing.add_property(store, data)
    return True


def edit_property(store: Store, _tmp: Path) -> bool:
    prop = _first(housing.list_properties(store, include_archived=True))
    if prop is None:
        return False
    data = housing.PropertyInput(prop.address, prop.town, prop.kind, prop.bedrooms + 1)
    housing.edit_property(store, prop.id, data)
    return True


def archive_property(store: Store, _tmp: Path) -> bool:
    prop = _first(housing.list_properties(store, include_archived=True))
    if prop is None:
        return False
    housing.archive_property(store, prop.id, not prop.archived)
    return True


def add_tenancy(store: Store, _tmp: Path) -> bool:
    """A tenancy still being searched for: no dates yet, so it overlaps no lease."""
    prop = _first(housing.list_properties(store, include_archived=True))
    if prop is None:
        return False
    data = housing.TenancyInput(
        prop.id, TenancyStatus.SEARCHING, _nzd(520), RentFrequency.WEEKLY, _nzd(200)
    )
    housing.add_tenancy(store, data)
    return True


def _tenancy(store: Store):
    return _first(housing.list_tenancies(store))


def edit_tenancy(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    if tenancy is None:
        return False
    data = housing.TenancyInput(
        tenancy.property_id,
        TenancyStatus.ENDED,
        tenancy.rent,
        tenancy.rent_frequency,
        tenancy.group_share,
        tenancy.household_id,
        tenancy.lease_start,
        tenancy.lease_end,
        tenancy.bond,
        tenancy.bond_holder,
    )
    housing.edit_tenancy(store, tenancy.id, data)
    return True


def add_inspection(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    if tenancy is None:
        return False
    data = housing.InspectionInput(
        tenancy.id, TODAY, "routine", "issues found", "Mould in bathroom"
    )
    housing.add_inspection(store, data)
    return True


def delete_inspection(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    inspection = tenancy and _first(housing.list_inspections(store, tenancy.id))
    if not inspection:
        return False
    housing.delete_inspection(store, inspection.id)
    return True


def tick_move_in_item(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    item = tenancy and _first(housing.list_move_in(store, tenancy.id))
    if not item:
        return False
    housing.set_move_in_done(store, item.id, not item.done)
    return True


def add_move_in_item(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    if tenancy is None:
        return False
    housing.add_move_in_item(store, tenancy.id, f"Smoke alarm test {next(_counter)}")
    return True


def remove_move_in_item(store: Store, _tmp: Path) -> bool:
    tenancy = _tenancy(store)
    item = tenancy and _first(housing.list_move_in(store, tenancy.id))
    if not item:
        return False
    housing.remove_move_in_item(store, item.id)
    return True


# --- imports -----------------------------------------------------------------------------
def import_volunteer_sheet(store: Store, tmp: Path) -> bool:
    n = next(_counter)
    source = tmp / f"roster-{n}.csv"
    first = _volunteer(store)
    lines = ["name,email,roles,vetting_status,vetting_checked_on,vetting_expires_on,active"]
    lines.append(f"Nguyễn Thị Hương {n},huong{n}@example.org,Welcome and orientation lead,,,,yes")
    if first is not None and first.email:  # and one update of an existing person
        lines.append(f"{first.full_name},{first.email},Transport lead,,,,yes")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_volunteers(store, source)
    return True


def import_transaction_sheet(store: Store, tmp: Path) -> bool:
    source = tmp / f"ledger-{next(_counter)}.csv"
    rows = ["date,kind,amount,category,counterparty,method,reference,household,note"]
    for n in range(25):
        rows.append(f"2026-05-{n % 28 + 1:02d},income,{n + 10}.50,Donations,Donor {n},bank,R{n},,")
    rows.append("2026-05-30,expense,80,Brand new category,Warehouse,card,,,")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_transactions(store, source, create_categories=True)
    return True


def save_report_narrative(store: Store, _tmp: Path) -> bool:
    from sponsor_app.services.reporting.narratives import Narrative, save_narrative
    from sponsor_app.services.reporting.report_data import default_period

    n = next(_counter)
    save_narrative(store, default_period(store, TODAY), Narrative(f"Highlight {n}", "Ngāti Whātua"))
    return True


WRITES: dict[str, Callable[[Store, Path], bool]] = {
    name: function
    for name, function in dict(globals()).items()
    if callable(function)
    and not name.startswith("_")
    and getattr(function, "__module__", "") == __name__
    and name not in {"WRITES"}
}
