"""Indicators: what a typed value becomes, what is refused, and the trend between readings."""

import pytest

from sponsor_app.domain.indicators import Trend, trend
from sponsor_app.domain.programmes import get_programme

PROGRAMME = get_programme("nz-cors")


def ind(key):
    return PROGRAMME.indicator(key)


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("english_hours", " 8 ", "8"),
        ("english_hours", "7.50", "7.5"),
        ("school_attendance", "100", "100"),
        ("gp_registered", "Y", "yes"),
        ("gp_registered", "✓", "yes"),
        ("dentist_registered", "false", "no"),
        ("english_level", "INTERMEDIATE", "intermediate"),
        ("english_barriers", "transport, Childcare", "childcare; transport"),
        ("first_job_on", "2026-03-01", "2026-03-01"),
        ("social_connection", "  soccer   club ", "soccer club"),
    ],
)
def test_values_are_read_by_kind(key, typed, stored):
    assert ind(key).read(typed) == stored


@pytest.mark.parametrize(
    ("key", "typed", "words"),
    [
        ("english_hours", "eight", "Enter a number"),
        ("english_hours", "-2", "0 or more"),
        ("school_attendance", "101", "at most 100"),
        ("gp_registered", "maybe", "yes or no"),
        ("english_level", "fluent-ish", "Choose one of"),
        ("first_job_on", "1/3/2026x", "Enter a date"),
        ("social_connection", "   ", "Enter a value"),
    ],
)
def test_bad_values_say_what_is_wrong(key, typed, words):
    with pytest.raises(ValueError, match=words):
        ind(key).read(typed)


@pytest.mark.parametrize(
    ("key", "values", "expected"),
    [
        ("english_hours", ["4"], Trend.FIRST),
        ("english_hours", ["4", "6"], Trend.UP),
        ("english_hours", ["6", "4"], Trend.DOWN),
        ("english_hours", ["6", "6"], Trend.SAME),
        ("english_level", ["beginner", "intermediate"], Trend.UP),  # an ordered scale
        ("employment_status", ["looking for work", "studying"], Trend.CHANGED),  # categories
        ("gp_registered", ["no", "yes"], Trend.UP),
        ("social_connection", ["church group", "soccer club"], Trend.CHANGED),
    ],
)
def test_trend_compares_the_last_two_readings(key, values, expected):
    assert trend(ind(key), values) is expected


def test_every_indicator_the_issue_names_is_there():
    keys = {i.key for i in PROGRAMME.indicators}
    assert {
        "english_level",
        "english_hours",
        "english_informal_hours",
        "english_barriers",
        "children_in_school",
        "school_enrolled_on",
        "school_attendance",
        "employment_status",
        "employment_hours",
        "contract_type",
        "first_job_on",
        "benefits",
        "gp_registered",
        "dentist_registered",
        "bank_account",
        "tax_number",
        "driver_licence",
        "housing_moves",
        "housing_move_reason",
        "social_connection",
        "volunteering",
        "belonging",
    } <= keys
    assert ind("self_reported_health").sensitive
