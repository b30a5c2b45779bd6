from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.money import Money


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("1,234.50", 123450),
        ("$12", 1200),
        ("-5", -500),
        ("45.5", 4550),
        ("1200", 120000),
        (" 0.07 ", 7),
        ("NZ$1,000", 100000),
        ("(20)", -2000),
        ("-$3.10", -310),
        ("NZD 15", 1500),
    ],
)
def test_parse_what_people_type(text, minor):
    assert Money.parse(text, "NZD") == Money(minor, "NZD")


@pytest.mark.parametrize(
    "text", ["12.345", "abc", "NaN", "nan", "", "1,23.00", "1.2.3", "12e3", "inf", "--5"]
)
def test_parse_rejects_with_a_sentence(text):
    with pytest.raises(InvalidInput) as caught:
        Money.parse(text, "NZD")
    assert caught.value.problems[0].field == "amount"
    assert caught.value.problems[0].message.endswith(".")


def test_parse_uses_the_locale_marks():
    assert Money.parse("1.234,50 €", "EUR", locale="de_DE") == Money(123450, "EUR")
    assert Money.parse("12,5", "EUR", locale="de_DE") == Money(1250, "EUR")


def test_currency_without_minor_units():
    assert Money.parse("1,500", "JPY", locale="ja_JP") == Money(1500, "JPY")
    with pytest.raises(InvalidInput, match="no cents"):
        Money.parse("15.5", "JPY", locale="ja_JP")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(1.5, "NZD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.of_major(1.5, "NZD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100, "NZD") * 1.5  # type: ignore[operator]


def test_mixing_currencies_is_an_error():
    with pytest.raises(ValueError, match="NZD with GBP"):
        Money(1, "NZD") + Money(1, "GBP")


def test_format_through_babel():
    assert Money(123450, "NZD").format("en_NZ") == "$1,234.50"
    assert Money(-500, "GBP").format("en_GB") == "-£5.00"
    assert Money(123450, "EUR").format("de_DE") == "1.234,50\xa0€"


def test_percent_rounds_half_up_in_minor_units():
    assert Money.of_major(2425, "USD").percent(60) == Money.of_major(1455, "USD")
    assert Money(5, "USD").percent(50) == Money(3, "USD")
    assert Money(-5, "USD").percent(50) == Money(-3, "USD")


amounts = st.integers(min_value=-(10**12), max_value=10**12)


@given(amounts, amounts, amounts)
def test_addition_is_exact_and_associative(a, b, c):
    x, y, z = (Money(v, "NZD") for v in (a, b, c))
    assert (x + y) + z == x + (y + z) == Money(a + b + c, "NZD")
    assert x - x == Money.zero("NZD")
    assert x.__neg__().__neg__() == x


@given(amounts)
def test_format_then_parse_round_trips(minor):
    money = Money(minor, "NZD")
    assert Money.parse(money.format("en_NZ"), "NZD") == money
    assert Money.parse(money.plain(), "NZD") == money
    assert money.as_decimal() == Decimal(minor) / 100


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_grouped_amounts(whole, cents):
    text = f"{whole:,}.{cents:02d}"
    assert Money.parse(text, "NZD").minor == whole * 100 + cents


def test_an_absurd_amount_is_refused_not_a_crash():
    with pytest.raises(InvalidInput, match="too large"):
        Money.parse("99999999999999999999", "NZD")
    assert Money.parse("9,999,999,999,999.99", "NZD").minor == 999_999_999_999_999
