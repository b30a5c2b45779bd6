"""A report-ready group: the small demo plus a household and volunteers whose names need more
than ASCII (macrons, Turkish, Vietnamese, Dari in Arabic script, Tigrinya in Ge'ez)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sponsor_app.domain.periods import Period
from sponsor_app.services.households.households import HouseholdInput, MemberInput, add_household
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.models import GroupProfile
from sponsor_app.storage.store import Store

from ..conftest import TODAY, app_environment

GROUP_NAME = "Kāpiti Welcome Trust"
LATIN_NAMES = ("Ngāti Whātua", "Şükrü Öztürk", "Nguyễn Thị Hương")
DARI_NAME = "زهرا حسینی"
TIGRINYA_NAME = "ሰላም ተስፋይ"
MADE_AT = datetime(2026, 6, 15, 9, 30, tzinfo=UTC)
BUNDLE_PERIOD = Period(date(2025, 7, 1), date(2026, 6, 15))


def dress_up(store: Store) -> None:
    """Rename the group and add the people whose names the reports must get right."""
    with store.transaction("Rename the group") as session:
        session.scalars(select(GroupProfile)).one().name = GROUP_NAME
    add_household(
        store,
        HouseholdInput(code="H9", family_name="Öztürk", arrival_date=date(2026, 3, 2), town="Ōtaki"),
        (
            MemberInput("Şükrü Öztürk", "principal", date(1985, 4, 2), True, notes="asthma, asylum appeal"),
            MemberInput(DARI_NAME, "spouse", date(1988, 1, 5)),
            MemberInput(TIGRINYA_NAME, "cousin", date(1999, 7, 9)),
        ),
    )  # fmt: skip
    for name, email in (
        ("Ngāti Whātua", "whatua@example.org"),
        ("Nguyễn Thị Hương", "huong@example.org"),
    ):
        add_volunteer(store, VolunteerInput(name, ("volunteer",), email=email, phone="021 555 0101"), today=TODAY)  # fmt: skip


@pytest.fixture
def report_store(tmp_path: Path, small_demo_bytes) -> Store:
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    store = Store.open(path, actor="tester")
    dress_up(store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def report_bundle_bytes(tmp_path_factory, small_demo_bytes) -> bytes:
    """The report group's evaluation bundle for BUNDLE_PERIOD, made once per run: tests that
    only combine or tamper with it take a copy (`report_bundle`)."""
    from .bundles import make_bundle

    folder = tmp_path_factory.mktemp("report-bundle")
    path = folder / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    with app_environment(folder), Store.open(path, actor="tester") as store:
        dress_up(store)
        return make_bundle(store, folder, "report", BUNDLE_PERIOD).read_bytes()


@pytest.fixture
def report_bundle(report_bundle_bytes, tmp_path):
    """`report_bundle("name")`: a copy of the report group's bundle at tmp_path/name.zip."""

    def copy(name: str) -> Path:
        bundle = tmp_path / f"{name}.zip"
        bundle.write_bytes(report_bundle_bytes)
        return bundle

    return copy
