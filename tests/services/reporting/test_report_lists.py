"""The roster, checklist and housing lists: the roster names active volunteers only, with their
hours in the period; an anonymised checklist or housing list gives months, codes and towns, not
days, names or addresses."""

from sponsor_app.domain.enums import TaskStatus
from sponsor_app.services.households.households import list_households
from sponsor_app.services.plan.plan import plan_tasks
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.reporting.report_lists import checklist_data, housing_data, roster_data
from sponsor_app.services.roster.volunteers import list_volunteers

from .conftest import MADE_AT, PERIOD


def test_the_roster_lists_the_active_volunteers_by_name(demo_store):
    data = roster_data(demo_store, PERIOD, generated_at=MADE_AT)
    active = {v.full_name for v in list_volunteers(demo_store, today=PERIOD.end) if v.active}
    assert {p.name for p in data.people} == active and data.meta.named
    assert any(p.minutes > 0 for p in data.people)
    assert all(p.minutes >= 0 for p in data.people)


def test_an_anonymised_checklist_gives_months_not_days(demo_store):
    anonymised = checklist_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT))
    named = checklist_data(demo_store, ReportScope(PERIOD, named=True, generated_at=MADE_AT))
    assert anonymised.households and len(anonymised.households) == len(named.households)
    for block in anonymised.households:
        assert block.arrival_date is None
        lines = [line for _phase, lines in block.phases for line in lines]
        assert lines and all(line.due_on is None for line in lines)
        assert all(line.due_month is None or line.due_month.day == 1 for line in lines)
    assert any(b.arrival_date is not None for b in named.households)


def test_a_checklist_for_one_household_ticks_what_is_done(demo_store):
    household = list_households(demo_store)[0]
    data = checklist_data(
        demo_store,
        ReportScope(PERIOD, named=True, household_ids=(household.id,), generated_at=MADE_AT),
    )
    (block,) = data.households
    assert block.household_code == household.code
    ticked = sum(line.done for _phase, lines in block.phases for line in lines)
    done = sum(t.status is TaskStatus.DONE for t in plan_tasks(demo_store, household.id))
    assert ticked == done > 0


def test_an_anonymised_housing_list_gives_no_address_landlord_or_bond_holder(demo_store):
    named = housing_data(demo_store, ReportScope(PERIOD, named=True, generated_at=MADE_AT))
    anonymised = housing_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT))
    assert named.properties and len(named.properties) == len(anonymised.properties)
    addresses = {p.place for p in named.properties}
    for block in anonymised.properties:
        assert block.place not in addresses and block.landlord == ""
        assert all(t.bond_holder == "" for t in block.tenancies)
        assert all(i.issues == "" for i in block.inspections)
    assert any(p.landlord for p in named.properties)
