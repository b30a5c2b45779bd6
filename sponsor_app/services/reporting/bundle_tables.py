"""The tables of the evaluators' data bundle (schema version 2.0): the evaluation report's
figures and what evaluators asked for beside them, each field typed and described. Rows come
from the same EvaluationData as the PDF, so the bundle is anonymised exactly as the PDF is.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from ...domain.definitions import FIGURES, FLAGS, NATIONAL, TASK_SOURCES
from ...domain.enums import OutcomeArea, Phase, TenancyStatus, VettingStatus
from ...domain.indicator_points import WINDOWS_TEXT, PointStatus, day_band
from ...domain.indicators import Indicator, IndicatorKind, Trend
from ...domain.plurals import counted
from ...domain.programmes import DEFAULT_PROGRAMME, FundsRuleKind, all_programmes
from ...domain.reports import OUTCOME_NAMES, SIZE_BANDS, SMALL_CELL
from ...domain.vetting import may_do_family_facing
from .bundle_schema import CURRENCY, INT, B, D, Field, N, Resource, S, choices_pattern
from .evaluation_data import POINTS, EvaluationData
from .evaluation_extras import CONCERN_BANDS, DATED_RECORDS

NO_HOME = "No home recorded"
BANDS = ("0", *(f"{low}+" if high is None else f"{low}-{high}" for low, high in SIZE_BANDS))
NAMED_ONLY = "Named bundles only (empty when anonymised)"


def _money(amount) -> Decimal:
    return amount.as_decimal()


def _hours(minutes: int) -> Decimal:
    from ...domain.hours import decimal_hours

    return decimal_hours(minutes)


def _count(name: str, description: str, unit: str, **kw) -> Field:
    return Field(name, INT, description, unit=unit, minimum=0, **kw)


HOUSEHOLD = Field(
    "household", S, "Household code (H1, H2...): never a name", required=True, max_length=16
)
AREA = Field(
    "outcome_area",
    S,
    "New Zealand resettlement outcome",
    required=True,
    enum=tuple(OUTCOME_NAMES[a] for a in OutcomeArea),
)
POINT = Field(
    "point",
    S,
    "latest (the last reading by the period's end) or N months after arrival",
    required=True,
    enum=POINTS,
)
WINDOWS = WINDOWS_TEXT


@cache
def shared_indicators() -> tuple[Indicator, ...]:
    """The indicators every programme records (settlement.toml), in their order."""
    return all_programmes()[DEFAULT_PROGRAMME].indicators


def _value_field(i: Indicator) -> Field:
    """An indicator's value typed by its kind: numbers as numbers, yes/no as booleans, choices
    with their allowed values, dates as dates."""
    about = f"{i.label}" + (f" ({i.unit})" if i.unit else "")
    match i.kind:
        case IndicatorKind.NUMBER:
            return Field(i.key, N, about, unit=i.unit, minimum=0, maximum=i.maximum)
        case IndicatorKind.YESNO:
            return Field(i.key, B, about)
        case IndicatorKind.CHOICE:
            return Field(i.key, S, about, enum=i.options)
        case IndicatorKind.CHOICES:
            return Field(
                i.key,
                S,
                about + ": any of the options",
                pattern=choices_pattern(i.options),
                pattern_words="any of: " + ", ".join(i.options) + '; separated by "; "',
            )
        case IndicatorKind.DATE:
            return Field(i.key, D, about)
    return Field(i.key, S, about + ": free text, left out of anonymised bundles")


def _typed(i: Indicator, value: str | None):
    """A stored reading (text) as its kind's value; None when there is none, or when it does
    not read as its kind (a reading an old import put in a number field, which an anonymised
    report gives masked as typed text): a typed column holds only values of its type."""
    if value is None:
        return None
    if i.kind is not IndicatorKind.TEXT:
        try:
            if i.read(value) != value:
                return None
        except ValueError:
            return None
    match i.kind:
        case IndicatorKind.NUMBER:
            return Decimal(value)
        case IndicatorKind.YESNO:
            return value == "yes"
        case IndicatorKind.DATE:
            from datetime import date

            return date.fromisoformat(value)
    return value


# --- rows ------------------------------------------------------------------------------------
def _group_rows(d: EvaluationData):
    m, f = d.meta, d.finances
    extras = d.extras
    yield (
        m.group_uuid, m.group_name, m.programme, m.country, m.currency, m.period.start,
        m.period.end, m.generated_at.isoformat(timespec="seconds"), m.app_version, not m.named,
        len(d.households), f.position.requirement.rule.value, f.funds_rule_note,
        extras.template_version if extras else "", d.volunteers.warning_days,
    )  # fmt: skip


def _figure_rows(d: EvaluationData):
    for f in d.figures:
        if f.value is not None:  # None: withheld (people in 1 or 2 households, anonymised)
            yield (f.key, f.label, Decimal(str(f.value)), f.unit, f.counts, f.definition)


def _household_rows(d: EvaluationData):
    open_at_end = dict(d.open_concerns)
    for h in d.households:
        yield (
            h.code, h.people, h.size_band, h.arrival_date, h.arrival_month, h.days_since_arrival,
            h.months_since_arrival, h.tasks_due, h.tasks_due_done, h.tasks_overdue,
            h.tasks_done_early, h.housing_status, h.check_ins, open_at_end.get(h.code, 0),
        )  # fmt: skip


def _day_and_month(d: EvaluationData, day):
    """A reading's date as the bundle gives it: (the day, named only; its month)."""
    return (day if d.meta.named else None), (day.replace(day=1) if day else None)


def _indicator_rows(d: EvaluationData):
    for line in d.indicators:
        readings = ((POINTS[0], None), *zip(POINTS[1:], line.points, strict=True))
        for point, reading in readings:
            if reading is None:  # latest
                yield (
                    line.household_code, line.key, point, d.meta.period.end,
                    line.latest_status.value, *_day_and_month(d, line.latest_on), None,
                    line.trend.value if line.trend else None,
                )  # fmt: skip
            else:
                yield (
                    line.household_code, line.key, point, reading.point_on, reading.status.value,
                    *_day_and_month(d, reading.recorded_on), reading.days_from_point, None,
                )  # fmt: skip


def _indicator_value_rows(d: EvaluationData):
    known = shared_indicators()
    by = {(x.household_code, x.key): x for x in d.indicators}
    for h in d.households:
        for index, point in enumerate(POINTS):
            values = []
            for i in known:
                if i.sensitive:
                    continue
                line = by.get((h.code, i.key))
                if line is None:
                    values.append(None)
                    continue
                value = line.latest if index == 0 else line.points[index - 1].value
                values.append(_typed(i, value))
            yield (h.code, point, *values)


def _overdue_rows(d: EvaluationData):
    for t in d.overdue:
        yield (t.household_code, OUTCOME_NAMES[t.area], t.title, t.due_on, t.due_month,
               t.days_overdue, t.months_overdue)  # fmt: skip


def _money_rows(d: EvaluationData):
    f = d.finances
    yield ("balance", "opening", _money(f.opening))
    for c in f.income:
        yield ("income", c.category, _money(c.amount))
    for c in f.spending:
        yield ("spending", c.category, _money(c.amount))
    yield ("balance", "closing", _money(f.closing))


def _vetting_rows(d: EvaluationData):
    return ((status.value, count) for status, count in d.volunteers.vetting)


def _vetting_by_requirement_rows(d: EvaluationData):
    """Overall (each volunteer once, by the requirement that stands worst), then each
    requirement of the programme: the one vetting rule's states."""
    v = d.volunteers
    for label, states in (("overall", v.vetting), *v.by_requirement):
        for state, n in states:
            yield (label, state.value, may_do_family_facing(state), n)


def _housing_rows(d: EvaluationData):
    for h in d.housing:
        yield (
            h.household_code, h.town, h.status, h.lease_start, h.lease_end, _money(h.rent),
            h.frequency, _money(h.group_share), h.inspections, h.move_in_done, h.move_in_total,
        )  # fmt: skip


def _turnover_rows(d: EvaluationData):
    t = d.extras.turnover
    yield (t.active_at_start, t.active_at_end, t.joined, t.left)


def _national_rows(d: EvaluationData):
    for n in d.extras.national:
        made = NATIONAL[n.key]
        yield (n.key, made.label, n.point, n.people, n.of_people, n.households_recorded,
               n.households, made.text)  # fmt: skip


def _flag_rows(d: EvaluationData):
    for f in d.extras.flags:
        yield (f.key, f.table, f.count, FLAGS[f.key].label, FLAGS[f.key].text)


# --- the tables ------------------------------------------------------------------------------
def _resources() -> tuple[Resource, ...]:
    indicators = shared_indicators()
    indicator_keys = tuple(i.key for i in indicators)
    concern_bands = (
        *(day_band(low, high) for low, high in CONCERN_BANDS),
        "open at the period's end",
    )
    return (
        Resource("group", "The group, the period the figures cover, whether they are anonymised, "
                 "the programme's funds rule and the settlement template's version.", (
            Field("group_id", S, "The group file's identifier (stable across reports)", required=True,
                  pattern="[0-9a-f-]{36}", pattern_words="a UUID"),
            Field("group_name", S, "The group's name", required=True, max_length=200),
            Field("programme", S, "The sponsorship programme", required=True),
            Field("country", S, "ISO 3166 country code", pattern="[A-Z]{2}",
                  pattern_words="two capital letters"),
            Field("currency", S, "ISO 4217 code of every amount in the bundle", required=True,
                  pattern="[A-Z]{3}", pattern_words="three capital letters"),
            Field("period_start", D, "First day covered", required=True),
            Field("period_end", D, "Last day covered", required=True),
            Field("generated_at", S, "When the bundle was made (ISO 8601, with offset)", required=True),
            Field("app_version", S, "Sponsor Desk version", max_length=40),
            Field("anonymised", B, "True unless a named report was asked for", required=True),
            _count("households", "Households covered", "households", required=True),
            Field("funds_rule", S, "The programme's funds rule, by name: budget (no fixed minimum, "
                  "New Zealand), fixed (UK), family_table (Canada), per_refugee_cash_share (US), "
                  "per_person", required=True, enum=tuple(k.value for k in FundsRuleKind)),
            Field("funds_rule_text", S, "The funds rule in the programme's words"),
            Field("template_version", S, "The settlement template: programme, digest of its "
                  "tasks, app version"),
            Field("vetting_warning_days", INT, "Days before expiry that vetting counts as "
                  "expiring soon", unit="days", minimum=0),
        ), _group_rows),
        Resource("figures", "The key figures of the summary, each with its one definition; "
                 "`counts` marks counts of households or people (a combined publication rounds "
                 "them). An anonymised bundle of 1 or 2 households leaves out `people` (the "
                 "households' size bands stand for it).", (
            Field("figure", S, "Stable key of the figure", required=True, enum=tuple(FIGURES)),
            Field("label", S, "What it is, in words"),
            Field("value", N, "The figure; money in major units of the currency", required=True),
            Field("unit", S, "households, people, tasks, hours, %, check-ins, concerns, pledges "
                  "or the currency code"),
            Field("counts", S, "households, people, or empty", enum=("", "households", "people")),
            Field("definition", S, "Exactly what the figure counts"),
        ), _figure_rows, ("figure",)),
        Resource("households", "Each household by code, at the period's end. Tasks due are "
                 "those due by its last day; done and overdue are parts of them. An anonymised "
                 "bundle gives the size as a band and the arrival as its month only (people, "
                 "arrival_date and days_since_arrival are then empty).", (
            HOUSEHOLD,
            _count("people", f"Members. {NAMED_ONLY}: see size_band", "people"),
            Field("size_band", S, "Members as a band (what an anonymised bundle gives)",
                  unit="people", required=True, enum=BANDS),
            Field("arrival_date", D, f"Arrival in the country. {NAMED_ONLY}: see arrival_month"),
            Field("arrival_month", D, "First day of the month of arrival"),
            Field("days_since_arrival", INT, "At the period's end; negative before arrival. "
                  f"{NAMED_ONLY}", unit="days"),
            Field("months_since_arrival", INT, "Calendar months from the month of arrival to the "
                  "month of the period's end; negative before arrival", unit="months"),
            Field("tasks_due", INT, FIGURES["tasks_due"].text, unit="tasks", minimum=0),
            Field("tasks_due_done", INT, FIGURES["tasks_due_done"].text, unit="tasks", minimum=0),
            Field("tasks_overdue", INT, FIGURES["tasks_overdue"].text, unit="tasks", minimum=0),
            Field("tasks_done_early", INT, FIGURES["tasks_done_early"].text, unit="tasks", minimum=0),
            Field("housing_status", S, "Tenancy status",
                  enum=(*(s.label for s in TenancyStatus), NO_HOME)),
            Field("check_ins", INT, "Check-ins held in the period", unit="check-ins", minimum=0),
            Field("concerns_open", INT, FIGURES["concerns_open"].text, unit="concerns", minimum=0),
        ), _household_rows, ("household",)),
        Resource("tasks_by_area", "Settlement tasks done by the period's end out of those that "
                 "apply, by outcome area and phase.", (
            AREA,
            Field("phase", S, "Phase of the settlement plan", required=True,
                  enum=tuple(p.label for p in Phase)),
            Field("done", INT, "Tasks done by the period's end", unit="tasks", minimum=0),
            Field("total", INT, "Tasks that apply (not marked not needed)", unit="tasks", minimum=0),
        ), lambda d: ((OUTCOME_NAMES[p.area], p.phase.label, p.done, p.total) for p in d.progress),
           ("outcome_area", "phase")),
        Resource("overdue_tasks", "Tasks overdue at the period's end, by outcome area and how "
                 "long overdue: days in a named bundle, months in an anonymised one (a task due "
                 "a set number of days after arrival would give the day of arrival away).", (
            HOUSEHOLD, AREA,
            Field("task", S, "The task; a title the group typed has every name masked when "
                  "anonymised"),
            Field("due_on", D, f"Due date. {NAMED_ONLY}"),
            Field("due_month", D, "First day of the month it was due", required=True),
            Field("days_overdue", INT, f"Days from the due date to the period's end. {NAMED_ONLY}",
                  unit="days", minimum=1),
            Field("months_overdue", INT, "Calendar months from the month it was due to the month "
                  "of the period's end", unit="months", required=True, minimum=0),
        ), _overdue_rows),
        Resource("milestones", "Milestone tasks completed in the period (the month only when "
                 "anonymised).", (
            HOUSEHOLD,
            Field("milestone", S, "The milestone task; a title the group typed has every name "
                  "masked when anonymised"),
            Field("completed_on", D, f"Completed. {NAMED_ONLY}"),
            Field("completed_month", D, "First day of the month it was completed", required=True),
        ), lambda d: ((m.household_code, m.title, m.completed_on, m.completed_month)
                      for m in d.milestones)),
        Resource("indicators", "Each household's indicators at each point: the reading's date "
                 f"and status. A point takes the reading nearest to it within {WINDOWS}. "
                 "Values are in indicator_values; health readings are only counted "
                 "(indicator_counts). An anonymised bundle dates readings by their month and "
                 "leaves out the day a point falls on (arrival plus N months).", (
            HOUSEHOLD,
            Field("indicator", S, "Stable key of the indicator", required=True, enum=indicator_keys),
            POINT,
            Field("point_on", D, "The day the point falls on (the period's end for latest). At 3 "
                  "to 24 months, named bundles only: arrival plus N months gives the day of "
                  "arrival (an anonymised bundle gives its month in households.csv)"),
            Field("status", S, "recorded; not_reached (not arrived, or the point after the "
                  "period's end); not_applicable (nobody of the ages it is about); "
                  "not_recorded (no reading in the window)", required=True,
                  enum=tuple(s.value for s in PointStatus)),
            Field("recorded_on", D, f"Date of the reading that stands for the point. {NAMED_ONLY}"),
            Field("recorded_month", D, "First day of the month of that reading"),
            Field("days_from_point", INT, "Days from the point to the reading (negative: before). "
                  f"{NAMED_ONLY}", unit="days"),
            Field("trend", S, "Latest only: against the reading before",
                  enum=tuple(t.value for t in Trend)),
        ), _indicator_rows, ("household", "indicator", "point")),
        Resource("indicator_values", "The value of each indicator at each point, one column per "
                 "indicator, typed by its kind (numbers, true/false, one of the options, dates); "
                 "empty where the status in indicators is not recorded.", (
            HOUSEHOLD, POINT,
            *(_value_field(i) for i in indicators if not i.sensitive),
        ), _indicator_value_rows, ("household", "point")),
        Resource("indicator_counts", "Health indicators, counted across households only: "
                 "households by latest answer. An anonymised bundle leaves out an indicator "
                 f"fewer than {counted(SMALL_CELL, 'household')} answered.", (
            Field("indicator", S, "Stable key of the indicator", required=True, enum=indicator_keys),
            Field("value", S, "The answer", required=True),
            _count("households", "Households whose latest answer it is", "households"),
        ), lambda d: ((s.key, s.value, s.households) for s in d.sensitive), ("indicator", "value")),
        Resource("completeness", "For each indicator and point, the households a reading was due "
                 "for (reached the point, indicator applies) and how many have one.", (
            Field("indicator", S, "Stable key of the indicator", required=True, enum=indicator_keys),
            POINT,
            Field("last_reading_on", D, "Last reading of any household by the period's end. "
                  f"{NAMED_ONLY}"),
            Field("last_reading_month", D, "First day of the month of that reading"),
            Field("households_expected", INT, "Households that reached the point and to which the "
                  "indicator applied", unit="households", minimum=0),
            Field("households_recorded", INT, "Of those, with a reading", unit="households", minimum=0),
            Field("households_not_reached", INT, "Households that had not reached the point",
                  unit="households", minimum=0),
            Field("households_not_applicable", INT, "Households with nobody the indicator is about",
                  unit="households", minimum=0),
        ), lambda d: ((c.key, c.point, *_day_and_month(d, c.last_reading_on), c.expected,
                       c.recorded, c.not_reached, c.not_applicable) for c in d.completeness),
           ("indicator", "point")),
        Resource("volunteer_roles", "Volunteers active at the period's end by role (a volunteer "
                 "may hold several).", (
            Field("role", S, "Role", required=True),
            _count("volunteers", "Active volunteers holding it", "people"),
        ), lambda d: d.volunteers.by_role, ("role",)),
        Resource("vetting", "Volunteers active at the period's end by vetting status on that day "
                 "(expiring: within the group's warning window, see group.csv).", (
            Field("status", S, "Vetting status", required=True,
                  enum=tuple(s.value for s in VettingStatus)),
            _count("volunteers", "Active volunteers", "people"),
        ), _vetting_rows, ("status",)),
        Resource("volunteer_vetting", "Volunteers active at the period's end by vetting state "
                 "on that day, by the one vetting rule: for each requirement of the programme, "
                 "and overall (each volunteer once, by the requirement that stands worst). "
                 "Cleared to meet the family = every requirement current or expiring.", (
            Field("requirement", S, "A requirement's name, or “overall”", required=True),
            Field("state", S, "Vetting state", required=True,
                  enum=tuple(s.value for s in VettingStatus)),
            Field("meets_family", B, "Whether this state lets a volunteer meet the family"),
            _count("volunteers", "Active volunteers in this state", "people"),
        ), _vetting_by_requirement_rows, ("requirement", "state")),
        Resource("training", "Volunteers active at the period's end with each course current "
                 "on that day.", (
            Field("course", S, "Training course", required=True),
            _count("volunteers", "Active volunteers", "people"),
        ), lambda d: d.volunteers.training, ("course",)),
        Resource("volunteer_hours", "Volunteer hours logged each month of the period.", (
            Field("month", D, "First day of the month", required=True),
            Field("minutes", INT, "Whole minutes logged", unit="minutes", minimum=0),
            Field("hours", N, "The same as hours, two decimals, half up", unit="hours", minimum=0),
        ), lambda d: ((m, minutes, _hours(minutes)) for m, minutes in d.volunteers.by_month),
           ("month",)),
        Resource("hours_by_activity", "Volunteer hours in the period by activity (the activity "
                 "as logged; when anonymised, with every name masked, and activities that read "
                 "alike then counted as one).", (
            Field("activity", S, "Activity", required=True),
            Field("minutes", INT, "Whole minutes logged", unit="minutes", minimum=0),
            Field("hours", N, "The same as hours, two decimals, half up", unit="hours", minimum=0),
        ), lambda d: ((a, m, _hours(m)) for a, m in d.volunteers.by_activity), ("activity",)),
        Resource("volunteer_turnover", "Volunteers active at the period's start and end (as the "
                 "file stood then), who joined and who left.", (
            Field("active_at_start", INT, "Active at the start of the first day", unit="people", minimum=0),
            Field("active_at_end", INT, FIGURES["volunteers_active"].text, unit="people", minimum=0),
            Field("joined", INT, "Active at the end, not at the start", unit="people", minimum=0),
            Field("left", INT, "Active at the start, not at the end", unit="people", minimum=0),
        ), _turnover_rows),
        Resource("housing", "Each household's current (or latest) tenancy.", (
            HOUSEHOLD,
            Field("town", S, "Town, never a street address; when anonymised, a suburb only in "
                  "a town the programme lists as large enough"),
            Field("status", S, "Tenancy status", enum=tuple(s.label for s in TenancyStatus)),
            Field("lease_start", D, "Lease start"),
            Field("lease_end", D, "Lease end; empty when open"),
            Field("rent", N, "Rent each period of rent", unit=CURRENCY, minimum=0),
            Field("rent_frequency", S, "How often rent is due"),
            Field("group_share", N, "What the group pays of it", unit=CURRENCY, minimum=0),
            Field("inspections", INT, "Inspections done in the period", unit="inspections", minimum=0),
            Field("move_in_done", INT, "Move-in checklist items done", unit="items", minimum=0),
            Field("move_in_total", INT, "Move-in checklist items", unit="items", minimum=0),
        ), _housing_rows, ("household",)),
        Resource("money", "Income and spending by category in the period, and the balances.", (
            Field("kind", S, "income, spending, or balance", required=True,
                  enum=("income", "spending", "balance")),
            Field("category", S, "Category (opening or closing for balances)", required=True),
            Field("amount", N, "Major units of the group's currency", unit=CURRENCY, required=True),
        ), _money_rows, ("kind", "category")),
        Resource("budget", "Budget against actual spending by category in the period.", (
            Field("category", S, "Spending category", required=True),
            Field("budget", N, "Budget set for the period's months", unit=CURRENCY, minimum=0),
            Field("actual", N, "Spent in the period", unit=CURRENCY),
            Field("left", N, "Budget less actual (over budget: negative)", unit=CURRENCY),
        ), lambda d: ((b.category, _money(b.budget), _money(b.actual), _money(b.difference))
                      for b in d.finances.budget), ("category",)),
        Resource("month_end_balances", "The balance at each month's end.", (
            Field("month_end", D, "Last day of the month (or of the period)", required=True),
            Field("balance", N, "Major units of the group's currency", unit=CURRENCY, required=True),
        ), lambda d: ((m.month_end, _money(m.balance)) for m in d.finances.month_end),
           ("month_end",)),
        Resource("contact", "Check-ins per month per household, the family's average needs-met "
                 "rating (1 to 5) and concerns raised and resolved.", (
            HOUSEHOLD,
            Field("month", D, "First day of the month", required=True),
            Field("check_ins", INT, "Check-ins held", unit="check-ins", minimum=0),
            Field("needs_met_average", N, "Average rating; empty when not asked", minimum=1, maximum=5),
            Field("concerns_raised", INT, "Concerns raised", unit="concerns", minimum=0),
            Field("concerns_resolved", INT, "Concerns resolved", unit="concerns", minimum=0),
        ), lambda d: ((c.household_code, c.month, c.check_ins,
                       Decimal(c.needs_met_average) if c.needs_met_average else None,
                       c.concerns_raised, c.concerns_resolved) for c in d.contact),
           ("household", "month")),
        Resource("concerns_by_days", "Concerns resolved in the period by days from raising to "
                 "resolving, and those open at its end.", (
            Field("band", S, "Days to resolve", required=True, enum=concern_bands),
            Field("concerns", INT, "Concerns", unit="concerns", minimum=0),
        ), lambda d: d.extras.concern_days, ("band",)),
        Resource("goals", "The families' goals by status.", (
            HOUSEHOLD,
            Field("set", INT, "Goals set", unit="goals", minimum=0),
            Field("not_started", INT, "Not started", unit="goals", minimum=0),
            Field("progressing", INT, "Progressing", unit="goals", minimum=0),
            Field("achieved", INT, "Achieved", unit="goals", minimum=0),
            Field("changed", INT, "Changed", unit="goals", minimum=0),
        ), lambda d: ((g.household_code, g.set, g.not_started, g.progressing, g.achieved,
                       g.changed) for g in d.goals), ("household",)),
        Resource("make_up", "People in the households by age band at the period's end (ages from "
                 "birth dates; the bands follow the programme's school and working ages), all "
                 "households together, never per household (that would give a family's exact "
                 f"size). An anonymised bundle of fewer than {counted(SMALL_CELL, 'household')} "
                 "leaves this "
                 "table empty.", (
            Field("age_band", S, "Age band in years", required=True),
            _count("people", "Members", "people"),
        ), lambda d: ((b.band, b.people) for b in d.extras.make_up), ("age_band",)),
        Resource("national_indicators", "New Zealand's national resettlement indicators, "
                 "counted in people. An anonymised bundle gives people and of_people only where "
                 f"{SMALL_CELL} or more households had reached the point (over fewer they would "
                 "tell a family's make-up).", (
            Field("indicator", S, "Stable key", required=True, enum=tuple(NATIONAL)),
            Field("label", S, "What it counts"),
            Field("point", S, "6 months, 24 months, arrival or latest", required=True,
                  enum=("6 months", "24 months", "arrival", "latest")),
            Field("people", INT, "People it counts", unit="people", minimum=0),
            Field("of_people", INT, "Out of", unit="people", minimum=0),
            Field("households_recorded", INT, "Households with the reading it rests on",
                  unit="households", minimum=0),
            Field("households", INT, "Households that had reached the point", unit="households",
                  minimum=0),
            Field("definition", S, "Exactly what it counts"),
        ), _national_rows, ("indicator", "point")),
        Resource("task_sources", "Settlement tasks by where they came from: the programme's "
                 "template apart from the group's own.", (
            Field("source", S, "; ".join(f"{k}: {v}" for k, v in TASK_SOURCES.items()),
                  required=True, enum=tuple(TASK_SOURCES)),
            Field("tasks", INT, "Tasks that apply", unit="tasks", minimum=0),
            Field("due", INT, "Due by the period's end", unit="tasks", minimum=0),
            Field("due_done", INT, "Of those, done by then", unit="tasks", minimum=0),
            Field("overdue", INT, "Overdue at the period's end", unit="tasks", minimum=0),
        ), lambda d: ((s.source, s.tasks, s.due, s.due_done, s.overdue)
                      for s in d.extras.task_sources), ("source",)),
        Resource("plausibility", "Flags an evaluator should look at before trusting a figure.", (
            Field("flag", S, "Stable key", required=True, enum=tuple(FLAGS)),
            Field("record", S, "The kind of record", required=True,
                  enum=("task", "household", "volunteer", *DATED_RECORDS)),
            Field("count", INT, "How many", minimum=0),
            Field("label", S, "The flag in words"),
            Field("definition", S, "Exactly what it counts"),
        ), _flag_rows, ("flag", "record")),
    )  # fmt: skip


@cache
def resources() -> tuple[Resource, ...]:
    return _resources()
