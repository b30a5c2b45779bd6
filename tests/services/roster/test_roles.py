"""Roles are the group's own: added, renamed, retired; a role in use is never deleted."""

import contextlib
import sqlite3

import pytest

from sponsor_app.domain.errors import InvalidInput, RuleBroken
from sponsor_app.domain.messages import english
from sponsor_app.services.imports.volunteer_io import import_volunteers
from sponsor_app.services.roster.roles import (
    add_role,
    delete_role,
    list_roles,
    rename_role,
    retire_role,
)
from sponsor_app.services.roster.volunteers import (
    VolunteerInput,
    add_volunteer,
    edit_volunteer,
    list_volunteers,
)
from sponsor_app.storage.store import Store

from ...storage.test_migrations import FIXTURES


def test_a_new_group_starts_with_its_programmes_roles(make_store):
    nz = [r.name for r in list_roles(make_store())]
    assert nz[0] == "Group lead" and "Safeguarding lead" in nz and len(nz) == 10
    uk = [r.key for r in list_roles(make_store(programme="uk-cs"))]
    assert "safeguarding_deputy" in uk


def test_add_rename_retire_and_delete(store):
    mentor = add_role(store, "Youth mentor")
    assert mentor.key == "youth_mentor"
    with pytest.raises(InvalidInput, match="already a role called “Youth mentor”"):
        add_role(store, "youth MENTOR")
    volunteer = add_volunteer(store, VolunteerInput("Kiri", ("youth_mentor",)))
    rename_role(store, mentor.id, "Rangatahi mentor")
    (row,) = list_volunteers(store)
    assert row.roles == ("youth_mentor",) and row.role_labels == "Rangatahi mentor"
    with pytest.raises(RuleBroken, match="held by 1 volunteer: retire it instead"):
        delete_role(store, mentor.id)
    retire_role(store, mentor.id)
    # the holder keeps it and can still be edited; no one new is given it
    edit_volunteer(store, volunteer.id, VolunteerInput("Kiri Walker", ("youth_mentor",)))
    with pytest.raises(InvalidInput, match="“Rangatahi mentor” is retired"):
        add_volunteer(store, VolunteerInput("Ana", ("youth_mentor",)))
    unused = add_role(store, "Driver")
    delete_role(store, unused.id)
    assert [r.name for r in list_roles(store) if r.retired] == ["Rangatahi mentor"]


def test_an_import_creates_the_roles_it_names_only_when_asked(store, tmp_path):
    sheet = tmp_path / "r.csv"
    sheet.write_text("name,roles\nKiri,Kai coordinator; volunteer\n", encoding="utf-8")
    result = import_volunteers(store, sheet, create_missing=True)
    assert tuple(map(english, result.created)) == ("role “Kai coordinator”",)
    (row,) = list_volunteers(store)
    assert row.role_labels == "Volunteer; Kai coordinator"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schema-*.sponsor")))
def test_files_from_before_keep_their_volunteers_roles(tmp_path, fixture):
    path = tmp_path / fixture
    path.write_bytes((FIXTURES / fixture).read_bytes())
    # Closed before the Store opens it: a second connection left to the garbage collector on a
    # WAL-mode file (schema 0001-0003) gave "disk I/O error" now and then during the upgrade.
    with contextlib.closing(sqlite3.connect(path)) as raw:
        before = sorted(raw.execute("SELECT volunteer_id, role FROM volunteer_role").fetchall())
    with Store.open(path) as store:
        names = {r.key: r.name for r in list_roles(store)}
        after = sorted((v.id, key) for v in list_volunteers(store, True) for key in v.roles)
    assert after == before and names["housing"] == "Housing lead"
