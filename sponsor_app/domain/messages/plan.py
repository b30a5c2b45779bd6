"""The settlement plan: tasks and the template, check-ins, goals, indicators, calendars."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Plan(Text):
    # tasks
    SKIP_REASON_MISSING = "Say why this task does not apply."
    DONE_IN_FUTURE = "A task cannot be done on a future date."
    PHASE_DAYS = "{phase} runs from day {low} to day {high} after arrival."
    # what a task's row shows when nobody typed evidence (worded when shown, never stored)
    RECORDED_AS_CHECK_IN = "Recorded as a check-in."
    GROUP_TEMPLATE_SOURCE = "The group's own template"
    # the vetting rule
    TASK_NEEDS_VETTING = (
        "“{task}” is family-facing, so only a volunteer with current vetting can take it. {reason}"
    )
    CHECK_IN_NEEDS_VETTING = (
        "A visit or meeting is family-facing, and vetting was not current on the day for "
        "{count} of those who went. {reasons}"
    )
    VETTING_REASON = "{name}: {gaps}."
    VETTING_NOT_CURRENT = "vetting not current"
    # check-ins
    CHECK_IN_IN_FUTURE = "A check-in is recorded once it has happened."
    NEEDS_MET_RANGE = "Rate from 1 (not met) to 5 (fully met)."
    CONCERN_MISSING = "Say what the concern was before resolving it."
    CONCERN_RESOLVED_BEFORE = "A concern is resolved on or after the day it was raised."
    DAY_NOT_COME = "That day has not come yet."
    MEETING_NOT_IN_PLAN = "That meeting is not in this household's plan."
    GOAL_NOT_THIS_HOUSEHOLDS = "A goal reviewed is not this household's."
    CHECK_IN_NOT_ACTIVE = (
        "Only active volunteers are recorded at a new check-in; no longer active: {names}."
    )
    GOAL_ALREADY_ACHIEVED = "A goal already achieved is not reviewed again: {goals}"
    # goals
    GOAL_TEXT_MISSING = "Write the goal as the family put it."
    TARGET_BEFORE_SET = "The target date comes after the goal is set."
    REVIEW_BEFORE_SET = "A review comes after the goal was set."
    # indicators
    NO_INDICATOR = "There is no indicator “{key}”."
    READING_IN_FUTURE = "Readings are recorded once they are known."
    # a volunteer's calendar, found by name
    VOLUNTEER_MISSING = "Give the volunteer's name or email."
    NO_VOLUNTEER_NUMBER = "No volunteer has the number #{number}."
    NO_VOLUNTEER_CALLED = "No volunteer is called “{name}”."
    FITS_MANY = (
        "“{name}” fits %Ln volunteer(s) ({people}); give the email or the number (such as "
        "#{example}) instead."
    )
    PERSON_LISTED = "#{id} {name} <{email}>"
    NO_EMAIL = "no email"
    AND_MORE = "and {more} more"
