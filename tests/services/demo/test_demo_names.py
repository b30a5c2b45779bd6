"""The demo's names: many cultures, letters beyond ASCII, no one twice, every household led by
one principal."""

from sponsor_app.domain.text import fold
from sponsor_app.services.demo.demo_names import (
    DONORS,
    HOUSEHOLDS,
    LANGUAGES,
    PAYEES,
    VOLUNTEER_NAMES,
)


def test_no_volunteer_or_family_member_appears_twice():
    members = [name for _f, _t, _l, people in HOUSEHOLDS for name, _r, _a in people]
    everyone = VOLUNTEER_NAMES + members
    assert len({fold(n) for n in everyone}) == len(everyone)


def test_the_names_test_letters_beyond_ascii():
    assert sum(not n.isascii() for n in VOLUNTEER_NAMES) >= 5
    assert any(not n.isascii() for n in DONORS)


def test_each_household_has_one_principal_a_town_and_its_languages():
    assert len({family for family, *_ in HOUSEHOLDS}) == len(HOUSEHOLDS)
    for family, town, languages, people in HOUSEHOLDS:
        principals = [name for name, relationship, _age in people if relationship == "principal"]
        assert len(principals) == 1, family
        assert town and languages
        assert all(0 <= age < 110 for _n, _r, age in people)


def test_languages_and_payees_are_lists_without_blanks():
    assert LANGUAGES and all(language.strip() for language in LANGUAGES)
    assert all(payees and all(p.strip() for p in payees) for payees in PAYEES.values())
