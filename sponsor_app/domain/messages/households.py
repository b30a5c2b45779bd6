"""Households, their members, and housing: properties, tenancies, inspections, the checklist."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Households(Text):
    NO_HOUSEHOLD_CODE = "There is no household {code}; the codes are: {codes}."
    NONE_YET = "none yet"
    CODE_TAKEN = "There is already a household {code}."
    MEMBER_NAME_MISSING = "Enter the person's name."
    ONE_PRINCIPAL = (
        "A household has one principal applicant: make another member the principal instead."
    )
    # housing
    BEDROOMS_NEGATIVE = "Bedrooms cannot be negative."
    AMOUNTS_IN = "Amounts are in {currency}."
    AMOUNTS_NEGATIVE = "Amounts cannot be negative."
    SHARE_ABOVE_RENT = "The group's share cannot be more than the rent."
    LEASE_ENDS_BEFORE_START = "The lease must end on or after the day it starts."
    LEASE_START_NEEDED = "A secured or occupied tenancy needs its lease start date."
    TENANCY_OVERLAPS = "This property already has a tenancy from {start} to {end}."
    NO_END_DATE = "no end date"
    CHOOSE_INSPECTION_KIND = "Choose the kind of inspection: {choices}."
    CHOOSE_INSPECTION_RESULT = "Choose the result: {choices}."
    NEXT_INSPECTION_AFTER = "The next inspection must be after this one."
    ISSUES_MISSING = "Say what the issues were."
    CHECKLIST_ITEM_MISSING = "Say what needs doing."
