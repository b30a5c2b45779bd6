"""A bundle's fields: each value written as its CSV text and read back typed, and a value that
does not fit its field refused in a few words."""

from datetime import date
from decimal import Decimal

import pytest

from sponsor_app.services.reporting.bundle_schema import (
    CURRENCY,
    BadValue,
    Field,
    Resource,
    choices_pattern,
    codebook,
)

COUNT = Field("households", "integer", "Households", unit="households", required=True, minimum=0)
AMOUNT = Field("amount", "number", "Amount", unit=CURRENCY)
DAY = Field("day", "date", "A day")
HOUSED = Field("housed", "boolean", "Housed")
AREA = Field("area", "string", "Outcome area", enum=("housing", "health"))
LANGUAGES = Field("languages", "string", "Languages", pattern=choices_pattern(["Dari", "Farsi"]))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (COUNT, 3),
        (AMOUNT, Decimal("1250.50")),
        (AMOUNT, Decimal("-4.00")),
        (DAY, date(2026, 2, 28)),
        (HOUSED, True),
        (HOUSED, False),
        (AREA, "health"),
        (LANGUAGES, "Dari; Farsi"),
        (Field("note", "string", "A note"), "=SUM(A1) is not a formula"),
    ],
)
def test_a_value_round_trips_through_its_csv_text(field, value):
    assert field.read(field.text(value)) == value


@pytest.mark.parametrize(
    ("field", "text"),
    [
        (COUNT, ""),  # required
        (COUNT, "-1"),  # below the minimum
        (COUNT, "2.5"),
        (AMOUNT, "12,50"),
        (DAY, "2026-02-30"),
        (DAY, "15/06/2026"),
        (HOUSED, "yes"),
        (AREA, "wealth"),
        (LANGUAGES, "Dari, Farsi"),
        (Field("note", "string", "A note", max_length=5), "too long"),
        (Field("note", "string", "A note"), "bell\x07"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_in_a_few_words(field, text):
    with pytest.raises(BadValue) as refused:
        field.read(text)
    assert str(refused.value) and "\n" not in str(refused.value)


def test_an_empty_optional_cell_is_none_and_a_missing_value_is_empty():
    assert AMOUNT.read("") is None and AMOUNT.text(None) == "" and AREA.text("") == ""


def test_the_descriptor_and_the_codebook_give_the_groups_currency():
    assert AMOUNT.descriptor("NZD")["unit"] == "NZD"
    assert COUNT.descriptor("NZD")["constraints"] == {"required": True, "minimum": 0}
    assert AREA.descriptor("NZD")["constraints"]["enum"] == ["housing", "health"]
    table = Resource("money", "Money", (AMOUNT, COUNT), primary_key=("amount",))
    assert table.path == "money.csv" and table.schema("GBP")["primaryKey"] == ["amount"]
    (amount, count) = codebook([table], "GBP")
    assert (amount.table, amount.field, amount.unit) == ("money", "amount", "GBP")
    assert count.allowed == "0 or more; always given"
