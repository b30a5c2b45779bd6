"""A record asked for that is not there (deleted meanwhile, or never was): every area's."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Records(Text):
    CATEGORY_GONE = "Category {id} no longer exists."
    CHECK_IN_GONE = "Check-in {id} no longer exists."
    CHECKLIST_ITEM_GONE = "Checklist item {id} no longer exists."
    GOAL_GONE = "Goal {id} no longer exists."
    HOURS_GONE = "Hours entry {id} no longer exists."
    HOUSEHOLD_GONE = "Household {id} no longer exists."
    INSPECTION_GONE = "Inspection {id} no longer exists."
    MEMBER_GONE = "Household member {id} no longer exists."
    PLEDGE_GONE = "Pledge {id} no longer exists."
    PROPERTY_GONE = "Property {id} no longer exists."
    READING_GONE = "Reading {id} no longer exists."
    ROLE_GONE = "Role {id} no longer exists."
    RULE_GONE = "Rule {id} no longer exists."
    TASK_GONE = "Task {id} no longer exists."
    TEMPLATE_TASK_GONE = "Template task {id} no longer exists."
    TENANCY_GONE = "Tenancy {id} no longer exists."
    TRAINING_GONE = "Training record {id} no longer exists."
    TRANSACTION_GONE = "Transaction {id} no longer exists."
    VETTING_CHECK_GONE = "Vetting check {id} no longer exists."
    VOLUNTEER_GONE = "Volunteer {id} no longer exists."
    # Chosen in a form, gone by the time it was saved.
    THAT_HOUSEHOLD_GONE = "That household no longer exists."
    A_VOLUNTEER_GONE = "A volunteer chosen no longer exists."


@unique
class Fields(Text):
    """What a typed field holds that no record may (domain/validation.py, hours, periods)."""

    CONTROL_CHARACTER = (
        "This holds a control character ({found}) that cannot be stored; it may have come with "
        "pasted text: type it again, or remove it."
    )
    NOT_AN_EMAIL = "“{text}” is not an email address (it needs a name@place.domain shape)."
    NOT_A_PHONE = "“{text}” is not a phone number (7 to 15 digits, + and spaces allowed)."
    HOUSEHOLD_CODE_MISSING = "Enter a household code such as H1."
    HOUSEHOLD_CODE_SHAPE = "A household code is up to 16 letters, digits or dashes (such as H1)."
    HOURS_MISSING = "Enter the hours, such as 1.5 or 1:30."
    NOT_WHOLE_MINUTES = "“{text}” is not a whole number of minutes."
    NOT_HOURS = "“{text}” is not a number of hours (try 1.5 or 1:30)."
    PERIOD_ENDS_BEFORE_START = "The period must end on or after the day it starts."
