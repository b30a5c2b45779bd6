"""Settlement indicators: readings, the latest value, the trend and the value at a point."""

from datetime import timedelta

import pytest

from sponsor_app.domain.errors import InvalidInput
from sponsor_app.domain.indicator_points import PointStatus, at_point
from sponsor_app.domain.indicators import Trend
from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.services.plan import indicators
from sponsor_app.services.plan.indicators import ReadingInput

from ...conftest import TODAY

ARRIVAL = TODAY - timedelta(days=100)


@pytest.fixture
def household(store):
    return add_household(
        store, HouseholdInput(code="H1", family_name="Haidari", arrival_date=ARRIVAL)
    )


def test_indicator_readings_latest_trend_and_the_value_at_3_months(store, household):
    for days, hours in ((20, "4"), (50, "6"), (95, "8")):
        day = ARRIVAL + timedelta(days=days)
        indicators.record_reading(
            store, household.id, ReadingInput("english_hours", day, hours), today=TODAY
        )
    with pytest.raises(InvalidInput, match="Enter a number"):
        indicators.record_reading(
            store, household.id, ReadingInput("english_hours", TODAY, "lots"), today=TODAY
        )
    with pytest.raises(InvalidInput, match="once they are known"):
        indicators.record_reading(
            store,
            household.id,
            ReadingInput("english_hours", TODAY + timedelta(days=1), "2"),
            today=TODAY,
        )
    summary = {s.indicator.key: s for s in indicators.latest_indicators(store, household.id)}
    hours = summary["english_hours"]
    assert (hours.latest.value, hours.trend, hours.readings) == ("8", Trend.UP, 3)
    assert summary["gp_registered"].latest is None and summary["gp_registered"].trend is None
    series = [r for r in indicators.readings(store, household.id) if r.indicator == "english_hours"]
    # the reading nearest 3 months (day 95, five days after it), not the last one before it
    assert at_point(series, ARRIVAL, 3, TODAY, True).value == "8"
    assert at_point(series, ARRIVAL, 6, TODAY, True).status is PointStatus.NOT_REACHED
