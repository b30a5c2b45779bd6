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
