"""The app's own words: what it offers people to choose (task titles, categories, indicators,
roles, courses, activities, payment methods). An anonymised report passes these unchanged;
anything else in the same places was typed by someone and may hold a name (see
services/reporting/disclosure.py)."""

from __future__ import annotations

from functools import cache

from .programmes import Programme, default_move_in_items
from .text import fold

# What the hours form offers (the field stays editable: anything else typed there is the
# group's own words).
HOURS_ACTIVITIES = (
    "Transport",
    "English practice",
    "Home visit",
    "Paperwork",
    "Fundraising",
    "Meeting",
)
# What the transaction form offers for the method.
PAYMENT_METHODS = ("bank transfer", "card", "cash", "cheque", "online")
# Inspections are one of these kinds and results (the housing service refuses others).
INSPECTION_KINDS = ("pre-arrival", "routine", "healthy homes", "exit")
INSPECTION_RESULTS = ("pass", "issues found", "fail")


@cache
def programme_words(programme: Programme) -> frozenset[str]:
    """Every word the programme's data gives a group to start with, folded (case and accents
    aside: "RENT" typed over "Rent" says nothing new)."""
    words: list[str] = [
        *(t.title for t in programme.tasks),
        *programme.income_categories,
        *programme.expense_categories,
        *(name for _, name in programme.category_purposes),
        *(name for _, name in programme.roles),
        *(c.label for c in (*programme.vetting, *programme.training)),
        *(i.label for i in programme.indicators),
        *(option for i in programme.indicators for option in i.options),
        *default_move_in_items(),
        *HOURS_ACTIVITIES,
        *PAYMENT_METHODS,
        *INSPECTION_KINDS,
        *INSPECTION_RESULTS,
    ]
    return frozenset(fold(w) for w in words)
