"""Disclosure control for combined publications: Statistics New Zealand's random rounding to
base 3 (RR3), applied to every count of people or households, totals included.

Why rounding rather than suppression: a cross-group summary is mostly small counts (a group
sponsors one to four households), spread over several linked tables (households per group,
households per answer, the totals of each). Suppression would blank most cells and still need
an audit of every table against every other; rounding treats each count on its own:

- a multiple of 3 (0 included: a true zero always prints 0) is published as it is;
- any other count goes to one of the two multiples of 3 around it, the nearer one with
  probability 2/3 and the farther with 1/3, so the published figure is never more than 2 away
  and is right on average;
- a total is rounded from its own exact value, independently of its rounded parts, so
  subtracting published parts from a published total recovers nothing exact.

The "random" draw is fixed for a count: it comes from a keyed hash of what is counted (the
cell's key) and a secret only the holder of the exact figures has (the bundles' own bytes).
The same count in two tables of one publication, or in two runs over the same bundles, is
therefore rounded the same way: repeating a publication does not let anyone average the
rounding away, and someone holding only the PDF cannot recompute the draws.
"""

from __future__ import annotations

import hashlib

BASE = 3
_DRAW_BITS = 64


def draw(secret: bytes, key: str) -> int:
    """A number in [0, 2**64) fixed by the secret and the cell's key, uniform over keys."""
    digest = hashlib.sha256(secret + b"\x00" + key.encode("utf-8")).digest()
    return int.from_bytes(digest[: _DRAW_BITS // 8], "big")


def random_round(count: int, secret: bytes, key: str) -> int:
    """`count` randomly rounded to a multiple of 3: up with probability (count mod 3) / 3,
    down otherwise (Statistics NZ's RR3). Zero and multiples of 3 stay as they are."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"random rounding takes a whole count, not {count!r}")
    if count < 0:
        raise ValueError(f"a count cannot be negative ({count})")
    rest = count % BASE
    if rest == 0:
        return count
    # Integer comparison, no floats: up when draw / 2**64 < rest / 3.
    up = draw(secret, key) * BASE < rest << _DRAW_BITS
    return count - rest + (BASE if up else 0)


def bundle_secret(*contents: bytes) -> bytes:
    """The secret of a publication: a hash over the exact inputs (their bytes, in any order),
    which only someone holding all of them can compute."""
    hashes = sorted(hashlib.sha256(content).digest() for content in contents)
    return hashlib.sha256(b"sponsor-desk-rr3\x00" + b"".join(hashes)).digest()
