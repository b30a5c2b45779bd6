"""Dates as people type them: ISO, the group's own order, or with the month's name."""

from datetime import date

import pytest

from sponsor_app.domain.dates import parse_typed_date, typing_hint


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("22/01/2027", "en_NZ", date(2027, 1, 22)),
        ("22/1/27", "en_NZ", date(2027, 1, 22)),
        ("22.01.2027", "en_GB", date(2027, 1, 22)),
        ("01/22/2027", "en_US", date(2027, 1, 22)),
        ("2027-01-22", "en_US", date(2027, 1, 22)),
        ("22 Jan 2027", "en_NZ", date(2027, 1, 22)),
        ("22 January 2027", "en_GB", date(2027, 1, 22)),
        ("Jan 22, 2027", "en_US", date(2027, 1, 22)),
        ("  22 / 01 / 2027 ", "en_NZ", date(2027, 1, 22)),
    ],
)
def test_typed_dates_are_read(text, locale, expected):
    assert parse_typed_date(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale", "words"),
    [
        ("01/22/2027", "en_NZ", "has no month 22"),  # never silently swapped
        ("31/02/2027", "en_NZ", "31 February 2027 does not exist: February 2027 has 28 days"),
        ("2026-01-05garbage", "en_NZ", "is not a date"),
        ("22/01/207", "en_NZ", "4 digits"),
        ("22 Foo 2027", "en_NZ", "is not a date"),
        ("", "en_NZ", "Enter a date"),
        ("1/1/1850", "en_NZ", "between 1900 and 2100"),
    ],
)
def test_mistakes_are_said(text, locale, words):
    with pytest.raises(ValueError, match=words):
        parse_typed_date(text, locale)


def test_the_hint_follows_the_country():
    assert typing_hint("en_NZ").startswith("d/m/yyyy")
    assert typing_hint("en_US").startswith("m/d/yyyy")
