"""Which payments count toward which pledge.

A pledge names its donor as the ledger names a counterparty; a payment counts toward it when
its counterparty is the same name, case and diacritics aside ("Rotary Club of Kapiti" pays
the pledge of "Rotary Club of Kāpiti"), and it falls in the pledge's dates. Each payment
counts once: where a donor has more than one pledge open on that day, it goes to the pledge
of the same amount, else to one still owed, else to the earliest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .enums import RentFrequency
from .rent import payment_dates
from .text import fold


@dataclass(frozen=True)
class PledgeTerms:
    id: int
    donor: str
    amount_minor: int
    frequency: str  # once, weekly, fortnightly, monthly
    start_on: date
    end_on: date | None


@dataclass(frozen=True)
class Payment:
    occurred_on: date
    amount_minor: int
    counterparty: str


def payments_due(pledge: PledgeTerms, today: date) -> int:
    """How many payments the pledge promised by `today`."""
    if pledge.start_on > today:
        return 0
    if pledge.frequency == "once":
        return 1
    end = min(pledge.end_on or today, today)
    return len(payment_dates(pledge.start_on, end, RentFrequency(pledge.frequency)))


def received_by_pledge(
    pledges: list[PledgeTerms], payments: list[Payment], today: date
) -> dict[int, int]:
    """Minor units received toward each pledge (by id), each payment counted once."""
    by_donor: dict[str, list[PledgeTerms]] = defaultdict(list)
    for pledge in sorted(pledges, key=lambda p: (p.start_on, p.id)):
        by_donor[fold(pledge.donor)].append(pledge)
    received = dict.fromkeys((p.id for p in pledges), 0)
    for payment in sorted(payments, key=lambda p: p.occurred_on):
        if payment.occurred_on > today:
            continue
        open_then = [
            p
            for p in by_donor.get(fold(payment.counterparty), ())
            if p.start_on <= payment.occurred_on <= (p.end_on or today)
        ]
        if open_then:
            chosen = min(open_then, key=lambda p, paid=payment: _preference(p, paid, received))
            received[chosen.id] += payment.amount_minor  # min() keeps the earliest of equals
    return received


def _preference(pledge: PledgeTerms, payment: Payment, received: dict[int, int]) -> tuple:
    """Lower is better: the pledge of the same amount, then one still owed on that day."""
    owed = received[pledge.id] < pledge.amount_minor * payments_due(pledge, payment.occurred_on)
    return (pledge.amount_minor != payment.amount_minor, not owed)
