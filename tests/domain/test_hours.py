import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.hours import format_minutes, parse_hours


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2", 120),
        ("1.5", 90),
        ("1,5", 90),
        ("1:30", 90),
        ("90m", 90),
        ("0.25", 15),
        ("24", 1440),
        ("3h", 180),
    ],
)
def test_parse_hours(text, minutes):
    assert parse_hours(text) == minutes


@pytest.mark.parametrize("text", ["", "0", "25", "-1", "abc", "1.01", "nan", "1:75"])
def test_bad_hours(text):
    with pytest.raises(InvalidInput):
        parse_hours(text)


def test_format_minutes():
    assert [format_minutes(m) for m in (120, 90, 95, 15)] == ["2 h", "1.5 h", "1:35 h", "0:15 h"]
