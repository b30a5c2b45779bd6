"""Today's date for the whole app: the real one, unless SPONSOR_DESK_TODAY fixes it.

Tests fix it (they never depend on the real date), as do screenshots and anyone reproducing
what a group saw on a given day. Everything that needs "today" asks here, so the dashboard,
the services and the command line always agree on it.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

TODAY_VARIABLE = "SPONSOR_DESK_TODAY"


def today() -> date:
    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass  # a mistyped override is ignored rather than stopping the app
    return date.today()


def now() -> datetime:
    """The current moment in UTC. When SPONSOR_DESK_TODAY fixes the day, the moment is moved to
    that day (the time of day stays real, so moments still come in order): backups are stamped
    with it, and a test of their rotation never depends on the real date."""
    moment = datetime.now(UTC)
    if not os.environ.get(TODAY_VARIABLE):
        return moment
    fixed = today()
    return moment.replace(year=fixed.year, month=fixed.month, day=fixed.day)
