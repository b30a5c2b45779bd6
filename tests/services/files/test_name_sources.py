"""What the file knows of people, read for the one name finder: every name, email and phone
number it holds is found in typed text, and said as its code or role."""

import pytest

from sponsor_app.domain.name_finder import KnownKind
from sponsor_app.domain.reports import volunteer_label
from sponsor_app.services.files.name_sources import (
    A_FAMILY_MEMBER,
    anonymising_finder,
    contact_kind,
    finder_keeping_one,
    household_values,
    place_words,
)
from sponsor_app.services.households.households import (
    HouseholdInput,
    MemberInput,
    add_household,
    add_member,
)

NOTE = "Aroha Ngata (aroha@example.org, 021 555 0199) drove Yasmin Haidari to Porirua."


@pytest.fixture
def people(store, make_volunteer):
    aroha = make_volunteer(full_name="Aroha Ngata", email="aroha@example.org", phone="021 555 0199")
    tamati = make_volunteer(full_name="Tamati Whaanga", email="tamati@example.org")
    household = add_household(store, HouseholdInput("H1", family_name="Haidari", town="Porirua"))
    add_member(store, household.id, MemberInput("Yasmin Haidari", is_principal=True))
    other = add_household(store, HouseholdInput("H2", family_name="Okonkwo"))
    return aroha, tamati, household, other


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("landlord@example.org", KnownKind.EMAIL),
        ("+64 21 555 0199", KnownKind.PHONE),
        ("Harbour Property Ltd", KnownKind.NAME),
        ("Flat 12", KnownKind.NAME),  # two digits are not a phone number
    ],
)
def test_a_contact_is_an_email_a_phone_number_or_a_name(typed, kind):
    assert contact_kind(typed) is kind


def test_the_anonymising_finder_masks_every_person_the_file_knows(store, people):
    aroha, _tamati, _household, _other = people
    with store.read() as session:
        finder = anonymising_finder(session, volunteer_label)
    masked = finder.mask(NOTE)
    for personal in ("Aroha", "Ngata", "aroha@example.org", "555 0199", "Yasmin", "Haidari"):
        assert personal not in masked, masked
    assert volunteer_label(aroha.id) in masked
    assert "Porirua" in masked  # a town is a place, not a person


def test_a_volunteers_own_details_are_kept_and_everyone_elses_masked(store, people):
    aroha, tamati, _household, _other = people
    text = "Aroha Ngata swapped with Tamati Whaanga."
    with store.read() as session:
        mine = finder_keeping_one(session, aroha.id, volunteer_label)
    masked = mine.mask(text)
    assert masked.startswith("Aroha Ngata swapped with ")
    assert "Tamati" not in masked and volunteer_label(tamati.id) in masked


def test_household_values_are_limited_to_the_households_asked_for(store, people):
    _aroha, _tamati, household, other = people
    with store.read() as session:
        only_h1 = list(household_values(session, [household.id]))
        everyone = list(household_values(session, code_label=lambda code: f"household {code}"))
    assert {k.text for _id, k in only_h1} == {"Haidari", "Yasmin Haidari"}
    said = {k.text: k.label for _id, k in everyone}
    assert said == {
        "Haidari": "household H1",
        "Okonkwo": "household H2",
        "Yasmin Haidari": A_FAMILY_MEMBER,
    }
    assert other.id in {household_id for household_id, _k in everyone}


def test_place_words_are_the_towns_and_the_groups_name(store, people):
    with store.read() as session:
        places = place_words(session)
    assert "Porirua" in places and "Riverside Welcome Group" in places
    assert "" not in places
