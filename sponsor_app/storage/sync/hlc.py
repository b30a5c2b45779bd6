"""The hybrid logical clock of change sets (as Actual Budget's): one int64, ms << 16 | counter.

It follows the wall clock while the wall clock moves forward, never goes back, and after a
record from another laptop is applied it is past that record's clock, so a change made after
seeing another is always later by the clock too. Ties are broken by replica id (versions.py).
"""

from __future__ import annotations

COUNTER_BITS = 16
_COUNTER = (1 << COUNTER_BITS) - 1


def pack(ms: int, counter: int) -> int:
    return ms << COUNTER_BITS | counter


def wall_ms(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def send(last: int, now_ms: int) -> int:
    """The stamp of a local change made at `now_ms`, after `last`."""
    ms = max(wall_ms(last), now_ms)
    counter = (last & _COUNTER) + 1 if ms == wall_ms(last) else 0
    if counter > _COUNTER:  # 65,536 changes in one millisecond: borrow the next one
        ms, counter = ms + 1, 0
    return pack(ms, counter)


def receive(last: int, remote: int, now_ms: int) -> int:
    """The clock after applying a record stamped `remote`: past both it and `last`."""
    return send(max(last, remote), now_ms)
