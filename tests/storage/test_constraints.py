"""The database itself refuses impossible rows, whatever code writes them."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from sponsor_app.domain.enums import (
    CheckResult,
    RentFrequency,
    TenancyStatus,
    TransactionKind,
)
from sponsor_app.storage.models import (
    GroupProfile,
    Household,
    LedgerCategory,
    LedgerTransaction,
    Property,
    Tenancy,
    VettingCheck,
    Volunteer,
    VolunteerHours,
    VolunteerRole,
)


def _insert(store, *rows):
    with store.transaction() as session:
        session.add_all(rows)


def test_negative_or_zero_amounts_are_refused(store):
    with pytest.raises(IntegrityError, match="amount_positive"):
        _insert(
            store,
            LedgerTransaction(
                occurred_on=date(2025, 1, 1),
                kind=TransactionKind.INCOME,
                amount_minor=0,
                category_id=1,
            ),
        )


def test_transaction_needs_an_existing_category(store):
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        _insert(
            store,
            LedgerTransaction(
                occurred_on=date(2025, 1, 1),
                kind=TransactionKind.INCOME,
                amount_minor=100,
                category_id=999,
            ),
        )


def test_category_in_use_cannot_be_deleted(store):
    _insert(
        store,
        LedgerTransaction(
            occurred_on=date(2025, 1, 1),
            kind=TransactionKind.INCOME,
            amount_minor=100,
            category_id=1,
        ),
    )
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.delete(session.get(LedgerCategory, 1))


def test_only_one_group_profile(store):
    with pytest.raises(IntegrityError):
        _insert(
            store,
            GroupProfile(
                id=2,
                uuid="x",
                name="Other",
                programme_key="nz-cors",
                currency="NZD",
                locale="en_NZ",
                start_date=date(2025, 1, 1),
            ),
        )


def test_household_codes_are_unique(store):
    _insert(store, Household(code="H1"))
    with pytest.raises(IntegrityError, match="UNIQUE"):
        _insert(store, Household(code="H1"))


def test_lease_cannot_end_before_it_starts(store):
    with pytest.raises(IntegrityError, match="end_after_start"):
        _insert(
            store,
            Property(
                address="1 Rata St",
                tenancies=[
                    Tenancy(
                        status=TenancyStatus.SECURED,
                        rent_frequency=RentFrequency.WEEKLY,
                        lease_start=date(2025, 5, 1),
                        lease_end=date(2025, 4, 30),
                    )
                ],
            ),
        )


def test_group_share_cannot_exceed_the_rent(store):
    with pytest.raises(IntegrityError, match="rent_shares"):
        _insert(
            store,
            Property(
                address="1 Rata St",
                tenancies=[
                    Tenancy(
                        status=TenancyStatus.SECURED,
                        rent_frequency=RentFrequency.WEEKLY,
                        rent_minor=50000,
                        group_share_minor=50001,
                    )
                ],
            ),
        )


def test_vetting_expiry_after_check_date(store):
    with pytest.raises(IntegrityError, match="expiry_after_check"):
        _insert(
            store,
            Volunteer(
                full_name="A",
                checks=[
                    VettingCheck(
                        kind="police_vetting",
                        result=CheckResult.CLEARED,
                        checked_on=date(2025, 5, 1),
                        expires_on=date(2025, 5, 1),
                    )
                ],
            ),
        )


def test_hours_within_one_day(store):
    _insert(store, Volunteer(full_name="A"))
    with pytest.raises(IntegrityError, match="minutes_in_a_day"):
        _insert(
            store,
            VolunteerHours(volunteer_id=1, worked_on=date(2025, 1, 1), minutes=1441, activity="x"),
        )


def test_a_role_must_be_one_of_the_groups(store):
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        _insert(store, Volunteer(full_name="A", roles=[VolunteerRole(role="astronaut")]))
    # Raw SQL: the foreign key to the group's roles refuses it in the file itself.
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), store.transaction() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO volunteer (id, full_name, phone, languages, active, notes) "
            "VALUES (50, 'B', '', '', 1, '')"
        )
        connection.exec_driver_sql(
            "INSERT INTO volunteer_role (volunteer_id, role) VALUES (50, 'astronaut')"
        )
    _insert(store, Volunteer(full_name="C", roles=[VolunteerRole(role="housing")]))


def test_deleting_a_volunteer_removes_their_roles_but_not_history_rows(store):
    _insert(store, Volunteer(full_name="A", roles=[VolunteerRole(role="finance")]))
    with store.transaction() as session:
        session.delete(session.get(Volunteer, 1))
    with store.read() as session:
        assert session.query(VolunteerRole).count() == 0
