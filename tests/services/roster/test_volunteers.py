from datetime import date

import pytest

from sponsor_app.domain.enums import CheckResult, VettingStatus
from sponsor_app.domain.errors import InvalidInput, NotFound
from sponsor_app.services.files.history import revert
from sponsor_app.services.roster.volunteers import (
    CheckInput,
    VolunteerInput,
    add_volunteer,
    archive_volunteer,
    edit_volunteer,
    list_volunteers,
)
from sponsor_app.storage.models import TrainingRecord, VettingCheck

from ...conftest import TODAY


def test_add_and_list(store, make_volunteer):
    added = make_volunteer(
        full_name="Wiremu Tāwhiri",
        roles=("housing", "transport"),
        email="Wiremu@Example.org ",
        languages=("te reo Māori", "English"),
    )
    assert added.email == "wiremu@example.org"
    assert added.roles == ("housing", "transport")
    assert added.vetting_status is VettingStatus.MISSING
    (listed,) = list_volunteers(store, today=TODAY)
    assert listed == added


def test_every_problem_is_reported_and_nothing_saved(store):
    with pytest.raises(InvalidInput) as caught:
        add_volunteer(store, VolunteerInput(full_name="", roles=(), email="nope", phone="12"))
    assert {p.field for p in caught.value.problems} == {"full_name", "roles", "email", "phone"}
    assert list_volunteers(store) == []


def test_edit_replaces_roles_and_keeps_id(store, make_volunteer):
    added = make_volunteer(roles=("finance",))
    edited = edit_volunteer(
        store,
        added.id,
        VolunteerInput(full_name="Mere Pōtae", roles=("safeguarding",)),
        today=TODAY,
    )
    assert (edited.id, edited.full_name, edited.roles) == (
        added.id,
        "Mere Pōtae",
        ("safeguarding",),
    )


def test_archive_hides_but_keeps(store, make_volunteer):
    added = make_volunteer()
    archive_volunteer(store, added.id)
    assert list_volunteers(store) == []
    (kept,) = list_volunteers(store, include_archived=True)
    assert kept.archived and not kept.active
    with pytest.raises(NotFound):
        archive_volunteer(store, 999)


def test_status_uses_the_programmes_required_checks(store, make_volunteer):
    added = make_volunteer()
    with store.transaction() as session:
        session.add_all(
            [
                VettingCheck(
                    volunteer_id=added.id,
                    kind="police_vetting",
                    result=CheckResult.CLEARED,
                    checked_on=date(2025, 1, 1),
                    expires_on=date(2026, 7, 1),
                ),
                VettingCheck(
                    volunteer_id=added.id,
                    kind="child_protection_statement",
                    result=CheckResult.CLEARED,
                    checked_on=date(2025, 1, 1),
                ),
            ]
        )
    (missing,) = list_volunteers(store, today=TODAY)
    assert missing.vetting_status is VettingStatus.MISSING  # the course is required too
    assert [g.requirement.key for g in missing.gaps] == [
        "police_vetting",  # expiring
        "child_protection_elearning",
    ]
    with store.transaction() as session:
        session.add(
            TrainingRecord(
                volunteer_id=added.id,
                course="child_protection_elearning",
                completed_on=date(2025, 2, 1),
                expires_on=date(2028, 2, 1),
            )
        )
    (row,) = list_volunteers(store, today=TODAY)
    assert row.vetting_status is VettingStatus.EXPIRING
    assert row.vetting_expires_on == date(2026, 7, 1)
    (later,) = list_volunteers(store, today=date(2026, 7, 2))
    assert later.vetting_status is VettingStatus.EXPIRED


def test_undo_of_an_edit_that_recorded_the_first_check_removes_it(store):
    volunteer = add_volunteer(store, VolunteerInput("Li Wei", ("welcome",)))
    with store.recording() as recorded:
        edit_volunteer(
            store,
            volunteer.id,
            VolunteerInput(
                "Li Wei",
                ("welcome",),
                vetting=CheckInput(
                    "police_vetting", CheckResult.CLEARED, date(2025, 1, 1), date(2028, 1, 1)
                ),
            ),
        )
    assert list_volunteers(store)[0].main_check is not None
    revert(store, recorded[0].change_set_id)
    (row,) = list_volunteers(store)
    assert row.main_check is None
