from datetime import date

import pytest

from sponsor_app.domain.enums import OutcomeArea, Phase
from sponsor_app.domain.money import Money
from sponsor_app.domain.programmes import (
    FundsRuleKind,
    UnknownProgramme,
    all_programmes,
    get_programme,
)


def test_four_programmes_ship_with_nz_first():
    assert list(all_programmes()) == ["nz-cors", "ca-g5", "uk-cs", "us-wc"]


@pytest.mark.parametrize(
    ("sizes", "cad"),
    [
        ([1], 16_500),
        ([2], 24_800),
        ([3], 26_700),
        ([4], 28_700),
        ([5], 32_300),
        ([6], 35_500),
        ([7], 38_200),
        ([8], 40_900),
        ([4, 1], 45_200),
    ],
)
def test_canada_cost_table(sizes, cad):
    rule = get_programme("ca-g5").funds_rule
    assert rule.kind is FundsRuleKind.FAMILY_TABLE
    assert rule.requirement(sizes, "CAD").required == Money.of_major(cad, "CAD")


def test_us_per_refugee_with_cash_share():
    requirement = get_programme("us-wc").funds_rule.requirement([1], "USD")
    assert requirement.required == Money.of_major(2425, "USD")
    assert requirement.cash_required == Money.of_major(1455, "USD")
    assert get_programme("us-wc").funds_rule.requirement([3, 2], "USD").required == Money.of_major(
        12125, "USD"
    )


def test_uk_fixed_amount_whatever_the_family():
    rule = get_programme("uk-cs").funds_rule
    assert rule.requirement([9], "GBP").required == Money.of_major(9000, "GBP")
    assert get_programme("uk-cs").arrival_cash_per_person == 200


def test_nz_requirement_is_the_groups_budget():
    rule = get_programme("nz-cors").funds_rule
    assert rule.kind is FundsRuleKind.BUDGET
    assert rule.requirement([5], "NZD").required == Money.zero("NZD")
    assert rule.requirement([5], "NZD", Money(1234, "NZD")).required == Money(1234, "NZD")


def test_per_person_rule():
    from sponsor_app.domain.programmes import FundsRule

    rule = FundsRule(FundsRuleKind.PER_PERSON, amount=500)
    assert rule.requirement([2, 3], "NZD").required == Money.of_major(2500, "NZD")


@pytest.mark.parametrize("key", ["nz-cors", "uk-cs", "ca-g5", "us-wc"])
def test_templates_are_complete_and_in_their_phase(key):
    programme = get_programme(key)
    assert programme.tasks, "every programme has settlement tasks"
    assert {t.outcome_area for t in programme.tasks} == set(OutcomeArea)
    for task in programme.tasks:
        low, high = task.phase.offsets
        assert low <= task.offset_days <= high, task.key
        assert task.title and task.guidance and task.source
    assert programme.required_check_kinds
    assert len({t.key for t in programme.tasks}) == len(programme.tasks)
    assert programme.indicators


def test_programme_specific_tasks_are_filtered():
    uk = {t.key for t in get_programme("uk-cs").tasks}
    nz = {t.key for t in get_programme("nz-cors").tasks}
    assert "arrival_cash" in uk and "arrival_cash" not in nz
    assert "child_protection" in nz and "child_protection" not in uk
    assert "airport_welcome" in uk and "airport_welcome" in nz


def test_due_date_from_arrival():
    school = next(t for t in get_programme("uk-cs").tasks if t.key == "enrol_school")
    assert school.phase is Phase.WEEKS_1_2
    assert school.due_on(date(2025, 12, 20)) == date(2026, 1, 3)


def test_unknown_programme_names_the_known_ones():
    with pytest.raises(UnknownProgramme, match="nz-cors, ca-g5, uk-cs, us-wc"):
        get_programme("fr-xx")


# The programme meeting schedule as DOMAIN.md gives it: (programme, days after arrival allowed).
MEETINGS = {
    "us-wc": [(7, 7), (35, 49), (63, 77)],  # week 1, about week 6, about week 10
    "nz-cors": [(55, 65), (80, 100)],  # the day-60 review; evaluation interviews at ~3 months
    "uk-cs": [(55, 65)],  # the day-60 review
    "ca-g5": [(120, 183)],  # the monitoring call 4 to 6 months after arrival
}


@pytest.mark.parametrize(("key", "windows"), sorted(MEETINGS.items()))
def test_each_programmes_meetings_appear_as_meeting_tasks(key, windows):
    from sponsor_app.domain.enums import TaskKind

    meetings = sorted(t.offset_days for t in get_programme(key).tasks if t.kind is TaskKind.MEETING)
    assert len(meetings) == len(windows)
    for offset, (low, high) in zip(meetings, windows, strict=True):
        assert low <= offset <= high, (key, offset)


@pytest.mark.parametrize("key", ["nz-cors", "uk-cs", "ca-g5", "us-wc"])
def test_indicator_snapshots_at_3_6_12_and_24_months(key):
    from sponsor_app.domain.enums import TaskKind

    snapshots = {
        t.snapshot_months: t.offset_days
        for t in get_programme(key).tasks
        if t.kind is TaskKind.SNAPSHOT
    }
    assert snapshots == {3: 90, 6: 180, 12: 365, 24: 730}


def test_programme_rules_from_domain_md_are_in_the_templates():
    uk = {t.key: t for t in get_programme("uk-cs").tasks}
    assert uk["enrol_school"].offset_days <= 14  # within 2 weeks (UK rule)
    assert uk["english_classes"].offset_days <= 30  # within a month
    assert uk["exit_strategy"].offset_days <= 182  # ready by month 6
    assert uk["arrival_cash"].offset_days == 0 and uk["arrival_cash"].family_facing
    ca = {t.key: t for t in get_programme("ca-g5").tasks}
    assert {"startup_cash", "residence_papers", "health_card"} <= set(ca)
    assert ca["ca_support_ends"].offset_days == 365
    nz = {t.key: t for t in get_programme("nz-cors").tasks}
    assert nz["nz_sponsorship_ends"].offset_days == 730
    assert all(t.phase is Phase.PRE_ARRIVAL for t in nz.values() if t.offset_days < 0)


@pytest.mark.parametrize("key", ["nz-cors", "uk-cs", "ca-g5", "us-wc"])
def test_every_task_sits_in_the_phase_its_day_falls_in(key):
    """Issue 19 item 9: "Record the 6-month indicators" sat under "Month 12" while "Months
    4-6" was empty."""
    from sponsor_app.domain.enums import Phase

    for task in get_programme(key).tasks:
        assert Phase.for_offset(task.offset_days) is task.phase, task.key
    six = next(t for t in get_programme(key).tasks if t.key == "snapshot_6m")
    assert six.phase is Phase.MONTHS_4_6


def test_the_groups_own_tasks_are_marked():
    from sponsor_app.domain.programmes import group_task_keys
    from sponsor_app.domain.settlement import area_of, is_group_task

    assert {"raise_funds", "assign_roles", "vet_volunteers"} <= group_task_keys()
    assert "find_housing" not in group_task_keys()  # the family's home: their progress

    class Task:
        template_key = "raise_funds"
        outcome_area = None

    assert is_group_task(Task()) and area_of(Task()).label == "The group's own tasks"
