"""Which automatic backups to keep: the last ten, and the newest of each of the last 12 months.

A pure rule over the moments the backups were taken, so that a test can walk a simulated year
of dates through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

RECENT = 10
MONTHS = 12


def months_back(now: datetime, count: int = MONTHS) -> set[tuple[int, int]]:
    """(year, month) of `now`'s month and the `count - 1` before it."""
    year, month = now.year, now.month
    found = set()
    for _ in range(count):
        found.add((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


def to_keep(moments: Iterable[datetime], now: datetime) -> set[datetime]:
    """The moments whose backups stay: the RECENT newest, plus the newest one of each of the
    last MONTHS calendar months (counting the current one)."""
    newest_first = sorted(set(moments), reverse=True)
    keep = set(newest_first[:RECENT])
    wanted = months_back(now)
    seen: set[tuple[int, int]] = set()
    for moment in newest_first:
        month = (moment.year, moment.month)
        if month in wanted and month not in seen:
            seen.add(month)
            keep.add(moment)
    return keep
