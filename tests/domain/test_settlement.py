from datetime import date

import pytest

from sponsor_app.domain.enums import Phase
from sponsor_app.domain.programmes import get_programme
from sponsor_app.domain.settlement import (
    days_from_arrival,
    due_within,
    is_overdue,
    plan_for_arrival,
    shift_due_date,
)


def test_plan_dates_every_task_from_arrival():
    arrival = date(2026, 3, 1)
    plan = plan_for_arrival(get_programme("nz-cors"), arrival)
    by_key = {p.template.key: p.due_on for p in plan}
    assert by_key["airport_welcome"] == arrival
    assert by_key["assign_roles"] == date(2025, 12, 7)  # 84 days before
    assert by_key["english_classes"] == date(2026, 3, 31)
    assert by_key["nz_sponsorship_ends"] == date(2028, 2, 29)  # 730 days, across a leap day


def test_shift_keeps_the_distance_from_arrival():
    assert shift_due_date(date(2026, 3, 15), date(2026, 3, 1), date(2026, 4, 10)) == date(
        2026, 4, 24
    )
    assert shift_due_date(date(2026, 3, 15), date(2026, 3, 1), date(2026, 2, 1)) == date(
        2026, 2, 15
    )


def test_days_and_windows():
    today = date(2026, 5, 10)
    assert days_from_arrival(date(2026, 5, 20), today) == -10
    assert days_from_arrival(date(2026, 5, 10), today) == 0
    assert is_overdue(date(2026, 5, 9), today) and not is_overdue(today, today)
    assert due_within(date(2026, 5, 24), today, 14) and not due_within(date(2026, 5, 25), today, 14)


def test_phase_for_offset_boundaries():
    assert Phase.for_offset(-1) is Phase.PRE_ARRIVAL
    assert Phase.for_offset(0) is Phase.ARRIVAL_DAY
    assert Phase.for_offset(14) is Phase.WEEKS_1_2
    assert Phase.for_offset(15) is Phase.MONTH_1
    assert Phase.for_offset(366) is Phase.MONTH_24
    assert Phase.for_offset(-400) is Phase.PRE_ARRIVAL


# --- the task rules at their date boundaries (one fixed day, never the real one) ----------
from datetime import timedelta  # noqa: E402

from sponsor_app.domain.enums import OutcomeArea, TaskStatus  # noqa: E402
from sponsor_app.domain.settlement import (  # noqa: E402
    TaskFilter,
    progress_by,
    task_due_this_week,
    task_overdue,
)

DAY = date(2026, 6, 15)  # a Monday


@pytest.mark.parametrize(
    ("offset", "status", "overdue", "this_week"),
    [
        (-1, TaskStatus.OPEN, True, False),
        (-1, TaskStatus.IN_PROGRESS, True, False),
        (-1, TaskStatus.DONE, False, False),
        (-1, TaskStatus.NOT_NEEDED, False, False),
        (0, TaskStatus.OPEN, False, True),
        (6, TaskStatus.OPEN, False, True),
        (7, TaskStatus.OPEN, False, False),
    ],
)
def test_overdue_and_due_this_week_boundaries(offset, status, overdue, this_week):
    due = DAY + timedelta(days=offset)
    assert task_overdue(status, due, DAY) is overdue
    assert task_due_this_week(status, due, DAY) is this_week


class _Task:
    def __init__(self, status, due, area=OutcomeArea.HOUSING, phase=Phase.MONTH_1, who=None):
        self.status, self.due_on, self.outcome_area, self.phase = status, due, area, phase
        self.assignee_id, self.household_id, self.title = who, 1, "Enrol the children"
        self.completed_on = None


def test_filters_combine_and_due_within_includes_overdue():
    late = _Task(TaskStatus.OPEN, DAY - timedelta(days=3), who=5)
    soon = _Task(TaskStatus.OPEN, DAY + timedelta(days=10))
    far = _Task(TaskStatus.OPEN, DAY + timedelta(days=40))
    within = TaskFilter(due_within_days=14)
    assert [within.matches(t, DAY) for t in (late, soon, far)] == [True, True, False]
    mine_overdue = TaskFilter(assignee_id=5, overdue=True)
    assert [mine_overdue.matches(t, DAY) for t in (late, soon)] == [True, False]
    assert TaskFilter(text="ENROL").matches(late, DAY)
    assert not TaskFilter(area=OutcomeArea.HEALTH).matches(late, DAY)


def test_progress_leaves_not_applicable_tasks_out():
    tasks = [
        _Task(TaskStatus.DONE, None),
        _Task(TaskStatus.OPEN, None),
        _Task(TaskStatus.NOT_NEEDED, None),
        _Task(TaskStatus.DONE, None, phase=Phase.WEEKS_1_2),
    ]
    by_phase = progress_by(tasks, lambda t: t.phase, DAY)
    assert (by_phase[Phase.MONTH_1].done, by_phase[Phase.MONTH_1].total) == (1, 2)
    assert by_phase[Phase.WEEKS_1_2].share == 1.0
