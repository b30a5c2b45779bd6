"""One definition for each figure the evaluation gives: its label, unit and what exactly it
counts. The evaluation report prints them in its Definitions section, the data bundle carries
them beside the figures, and combine keeps them: a figure means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indicator_points import WINDOWS_TEXT

CURRENCY = "currency"  # the unit of money figures: the group's currency code replaces it


@dataclass(frozen=True)
class Definition:
    label: str
    unit: str  # households, people, tasks, hours, %, check-ins, concerns, pledges or CURRENCY
    text: str
    counts: str = ""  # "households" or "people": a count of them is disclosure-controlled


# The one vetting rule (domain/vetting.py): each requirement of the programme has its state on
# the day; a volunteer is cleared when every one is current (expiring soon included).
VETTED_TEXT = (
    "Active volunteers cleared to meet the family at the period's end: every requirement of "
    "the programme (police vetting, statements, certificates) current on that day, including "
    "one that expires within the group's warning window. The vetting table's total is the "
    "same count."
)

FIGURES: dict[str, Definition] = {
    "households": Definition(
        "Households",
        "households",
        "Households the report covers (all current households unless some were chosen).",
        "households",
    ),
    "people": Definition(
        "People in those households",
        "people",
        "Current members of those households as recorded in the file. An anonymised report "
        "over fewer than 3 households gives it only as a band (1-2, 3-4, 5+): a total over one "
        "or two households would give a family's size.",
        "people",
    ),
    "tasks_due": Definition(
        "Settlement tasks due by the period's end",
        "tasks",
        "Tasks of those households due on or before the period's last day; tasks marked not "
        "needed are left out.",
    ),
    "tasks_due_done": Definition(
        "Of those, done by the period's end",
        "tasks",
        "Tasks due by the period's end that were completed on or before its last day. Never "
        "more than the tasks due.",
    ),
    "tasks_overdue": Definition(
        "Of those, overdue at the period's end",
        "tasks",
        "Tasks due before the period's last day and not done by then. A task due on the last "
        "day itself is due but not yet overdue, so done and overdue may add up to one or two "
        "less than due.",
    ),
    "tasks_done_early": Definition(
        "Tasks done ahead of their due date",
        "tasks",
        "Tasks completed on or before the period's last day that fall due after it (or have no "
        "due date): done early, so not counted among the tasks due.",
    ),
    "volunteers_active": Definition(
        "Active volunteers at the period's end",
        "people",
        "Volunteers neither marked inactive nor archived at the end of the period's last day, "
        "as the file stood then (its change history undoes later changes). A volunteer "
        "entered in the file after that day counts when their own records (hours, vetting, "
        "training) are dated by then; one with none is not counted (see the plausibility "
        "flags).",
        "people",
    ),
    "volunteers_vetted": Definition(
        "Active volunteers cleared to meet the family", "people", VETTED_TEXT, "people"
    ),
    "volunteers_vetted_share": Definition(
        "Share cleared to meet the family",
        "%",
        "Active volunteers cleared to meet the family as a share of active volunteers, rounded to a "
        "whole per cent.",
    ),
    "volunteer_hours": Definition(
        "Volunteer hours in the period",
        "hours",
        "All volunteers' logged time for days in the period: the whole minutes added up, then "
        "shown as hours to two decimals, half up (10 minutes is 0.17 h). Every hours figure in "
        "the report and the bundle follows this rule.",
    ),
    "opening_balance": Definition(
        "Balance at the period's start",
        CURRENCY,
        "Income less spending of every transaction dated before the period's first day.",
    ),
    "income": Definition(
        "Income in the period", CURRENCY, "Income transactions dated in the period, all categories."
    ),
    "spending": Definition(
        "Spending in the period",
        CURRENCY,
        "Spending transactions dated in the period, all categories.",
    ),
    "closing_balance": Definition(
        "Balance at the period's end",
        CURRENCY,
        "Income less spending of every transaction dated on or before the period's last day.",
    ),
    "budget_to_spend": Definition(
        "Budget still to spend to the end of support",
        CURRENCY,
        "The programme sets no fixed minimum (New Zealand: a budget for up to two years): this "
        "is the group's own budget from the month of the period's end to the end of the "
        "support period. It is a plan, not a requirement.",
    ),
    "funds_held_less_budget": Definition(
        "Funds held less the budget still to spend",
        CURRENCY,
        "Funds held at the period's end less the budget still to spend; negative when the "
        "group still has to raise money to carry out its own budget.",
    ),
    "funds_required": Definition(
        "Funds the programme requires",
        CURRENCY,
        "What the programme's funds rule (named beside it) asks the group to hold for the "
        "households it sponsors.",
    ),
    "funds_held": Definition(
        "Funds held at the period's end",
        CURRENCY,
        "The balance at the period's end, less restricted income where the programme's rule "
        "leaves it out.",
    ),
    "funds_short": Definition(
        "Short of the requirement by",
        CURRENCY,
        "Funds required less funds held, when that is more than zero; otherwise 0.",
    ),
    "cash_required": Definition(
        "Of which the programme requires in cash",
        CURRENCY,
        "The share of the requirement the programme asks to be held in cash.",
    ),
    "pledges_outstanding": Definition(
        "Pledged money outstanding",
        CURRENCY,
        "Pledged amounts due by the period's end and not yet received.",
    ),
    "pledges_behind": Definition(
        "Pledges behind", "pledges", "Pledges with money outstanding at the period's end."
    ),
    "check_ins": Definition(
        "Check-ins held in the period",
        "check-ins",
        "Visits, calls, meetings and programme reviews with the households, held on days in "
        "the period.",
    ),
    "concerns_open": Definition(
        "Concerns open at the period's end",
        "concerns",
        "Concerns the families raised on or before the period's last day and not resolved by then.",
    ),
}

_WINDOWS = WINDOWS_TEXT

# Words the figures and tables use, defined once.
TERMS: tuple[tuple[str, str], ...] = (
    (
        "Period",
        "The days from the period's first to its last, both included. Counts \"at the period's "
        'end" are taken at the end of its last day.',
    ),
    (
        "Indicator at 3, 6, 12 or 24 months",
        "The reading nearest to that many months after the household's arrival, within a "
        f"window around it ({_WINDOWS}); of two equally near, the earlier. Its date is shown. "
        "A reading taken after the period's end is not used.",
    ),
    (
        "Not reached",
        "The household had not arrived, or that point after arrival was after the period's end.",
    ),
    (
        "Not applicable",
        "Nobody in the household was of the ages the indicator is about at that point: school "
        "indicators need a child of school age, work indicators an adult of working age (ages "
        "from members' birth dates; a missing birth date counts as applicable).",
    ),
    (
        "Not recorded",
        "The point was reached and the indicator applied, but no reading fell in its window.",
    ),
    (
        "Completeness",
        "For each indicator and point: households with a reading, out of the households that "
        "had reached the point and to which the indicator applied.",
    ),
    (
        "Hours",
        "Whole minutes added up, shown as hours to two decimals, half up: 10 minutes is 0.17 h.",
    ),
    (
        "Overdue",
        "Due before the period's last day and not done by then.",
    ),
)

# New Zealand's national resettlement indicators, counted in people (the file records the
# readings per household: a person counts when their household's reading says so).
NATIONAL: dict[str, Definition] = {
    "in_work": Definition(
        "Working-age adults in paid work",
        "people",
        "Adults of working age on the point's day in households whose employment status at the "
        "point is part-time work, full-time work or self-employed; out of the working-age "
        "adults in households that had reached the point.",
        "people",
    ),
    "on_benefits": Definition(
        "Working-age adults on benefits",
        "people",
        "Adults of working age on the point's day in households receiving any benefit at the "
        "point; out of the working-age adults in households that had reached the point.",
        "people",
    ),
    "school_within_14_days": Definition(
        "Children enrolled in school within 14 days of arrival",
        "people",
        "Children of school age at arrival in households whose children were enrolled in "
        "school within 14 days of arriving; out of the school-age children in households at "
        "least 14 days past arrival by the period's end.",
        "people",
    ),
    "english_classes": Definition(
        "Adults in English classes",
        "people",
        "Adults in households whose latest formal English class hours per week are more than "
        "0; out of the adults in households that had arrived.",
        "people",
    ),
    "gp_registered": Definition(
        "People registered with a GP",
        "people",
        "Members of households whose latest reading says they are registered with a GP; out of "
        "the members of households that had arrived.",
        "people",
    ),
}

# Plausibility flags: records an evaluator should look at before trusting a figure.
FLAGS: dict[str, Definition] = {
    "task_done_before_arrival": Definition(
        "Tasks done before the household arrived",
        "tasks",
        "Settlement tasks of a phase from arrival day on, marked done on a day before the "
        "household's arrival.",
    ),
    "school_without_school_age_child": Definition(
        "School enrolment with no school-age child",
        "households",
        "Households with a school enrolment recorded while no member was of school age on "
        "that day (by the birth dates recorded).",
    ),
    "volunteer_added_after_period": Definition(
        "Volunteers entered after the period's end",
        "people",
        "Volunteers added to the file after the period's last day (counted as active in it "
        "only when their own records are dated by then).",
    ),
    "changed_after_period": Definition(
        "Records of the period changed after it ended",
        "records",
        "Records dated in the period (transactions, hours, check-ins, indicator readings, "
        "tasks done) that were added, changed or removed after its last day, by the file's "
        "change history: the figures differ from what the file said when the period closed.",
    ),
}

TASK_SOURCES = {
    "programme": "The programme's template, as this version of the app has it",
    "programme_earlier": "A programme task no longer in the current template",
    "group_template": "The group's own template",
    "one_household": "Added to one household only",
}
