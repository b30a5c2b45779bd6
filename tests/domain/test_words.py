"""Reading what people type: dates in the group's locale, strictly."""

import pytest

from sponsor_app.domain.words import parse_day


@pytest.mark.parametrize(
    ("text", "locale"),
    [("02/13/2026", "en_NZ"), ("5/6/7", "en_NZ"), ("1/2/0026", "en_CA"), ("31/12/1850", "en_NZ")],
)
def test_dates_are_read_strictly(text, locale):
    with pytest.raises(ValueError):
        parse_day(text, locale)
