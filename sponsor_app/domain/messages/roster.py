"""The roster: volunteers, their vetting checks and training, roles, hours."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Roster(Text):
    CHOOSE_A_ROLE = "Choose at least one role."
    # a check, a signed statement or a course, by what sort of requirement it is
    CHECK_EXPIRY_ORDER = "The expiry date must be after the check date."
    CHECK_DATE_MISSING = "Enter the date the check cleared."
    STATEMENT_EXPIRY_ORDER = "The expiry date must be after the date it was signed."
    STATEMENT_DATE_MISSING = "Enter the date it was signed."
    TRAINING_EXPIRY_ORDER = "The expiry date must be after the completion date."
    TRAINING_DATE_MISSING = "Enter the date it was completed."
    STATEMENT_ONLY_SIGNED = "A statement is signed or not: record it once it is signed."
    TRAINING_ONLY_COMPLETED = "A course is recorded once it is completed."
    CHOOSE_COURSE = "Choose the course."
    CHOOSE_CHECK_KIND = "Choose a check this programme uses: {choices}."
    # roles
    ROLE_NAME_MISSING = "Enter the role's name."
    ROLE_NAME_TOO_LONG = "A role's name is at most %Ln character(s) long."
    ROLE_NAME_TAKEN = "There is already a role called “{name}”."
    ROLE_IN_USE = (
        "“{role}” is held by %Ln volunteer(s): retire it instead, so they keep it and no one "
        "new is given it."
    )
    NO_ROLE = "There is no role “{key}”."
    ROLE_RETIRED = "“{role}” is retired: choose another role."
    # hours
    ACTIVITY_MISSING = "Say what the time was spent on."
    HOURS_RANGE = "Hours for one day must be more than 0 and at most 24."
    HOURS_IN_FUTURE = "Hours can only be logged for today or earlier."
    HOURS_LOGGED = "These hours are already logged for that day; edit that entry instead."
