"""Disclosure: who a report names, and how."""

from __future__ import annotations

from sponsor_app.services.reporting.disclosure import read_disclosure


def test_names_only_when_named(store, make_volunteer):
    person = make_volunteer(full_name="Ngāti Whātua", roles=("finance",))
    assert read_disclosure(store, named=True).volunteer(person.id) == "Ngāti Whātua"
    assert read_disclosure(store, named=False).volunteer(person.id) == f"Volunteer {person.id}"
