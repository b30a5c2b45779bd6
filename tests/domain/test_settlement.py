from datetime import date

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
