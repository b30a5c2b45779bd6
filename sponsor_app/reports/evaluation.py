"""The pilot evaluation report: ten sections (REPORTS.md), laid out from EvaluationData."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak

from ..domain.enums import OutcomeArea, Phase, VettingStatus
from ..domain.indicator_points import WINDOWS_TEXT, PointReading, PointStatus
from ..domain.indicators import SNAPSHOT_MONTHS, IndicatorKind
from ..domain.plurals import counted
from ..domain.reports import OUTCOME_NAMES, OUTCOME_ORDER
from ..domain.text import isolate
from ..domain.vetting import may_do_family_facing
from ..services.reporting.evaluation_data import EvaluationData
from . import accessible, charts, fonts, styles
from .accessible import Heading
from .blocks import (
    cell,
    chart,
    gap,
    heading,
    key_values,
    labelled,
    nothing,
    para,
    table,
    table_or_nothing,
    wrap,
)
from .evaluation_sections import (
    codebook_appendix,
    contact,
    finances,
    housing,
    method,
    narrative,
)
from .template import ReportDocTemplate
from .text import is_complex
from .words import (
    SHORT_STATE_NAMES,
    STATE_NAMES,
    TREND_WORDS,
    VETTING_WORDS,
    arrival_text,
    long_date,
    money_writer,
    month_label,
    percent_text,
    period_label,
    short_date,
    timestamp,
)

SECTIONS = (
    "Cover",
    "Summary",
    "Settlement plan progress",
    "Household indicators",
    "Volunteers",
    "Housing",
    "Finances",
    "Contact log",
    "Method and completeness",
    "Narrative and sign-off",
    "Codebook of the data bundle (appendix)",
)


def section(number: int) -> list:
    return heading(f"{number}. {SECTIONS[number - 1]}", f"section-{number}")


def build(data: EvaluationData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    doc = ReportDocTemplate(out, data.meta, invariant=invariant)
    doc.build_story(story(data, doc.width))


def html(data: EvaluationData) -> str:
    """The accessible HTML version: written from the same story as the PDF."""
    width = ReportDocTemplate(io.BytesIO(), data.meta).width
    return accessible.html(story(data, width), data.meta)


def story(data: EvaluationData, width: float) -> list:
    return [
        *cover(data),
        PageBreak(),
        *summary(data, width),
        *plan(data, width),
        *indicators(data, width),
        *volunteers(data, width),
        *housing(data, width),
        *finances(data, width),
        *contact(data, width),
        *method(data, width),
        *narrative(data, width),
        *codebook_appendix(data, width),
    ]


# --- 1 ---------------------------------------------------------------------------------------
def cover(data: EvaluationData) -> list:
    meta = data.meta
    codes = ", ".join(meta.household_codes) or "none"
    if meta.named:
        privacy = (
            "Named: this report contains personal information (names of family members and "
            "volunteers, addresses, donors). Keep it confidential."
        )
    else:
        privacy = (
            "Anonymised: households appear by code and volunteers by number; no names, dates of "
            "birth, street addresses, donors, payees or references, and no health or immigration "
            "details. Text the group typed (task titles, activities, notes marked shareable, the "
            "narrative) has every name the group's records hold replaced by a code or role. "
            "Arrival is given as its month, household size as a band, and a place as its town "
            "(a suburb only in a large city)."
        )
    title = heading(meta.title, "section-1")[0]
    title.style = title.style.clone("cover-title", fontSize=24, leading=30, spaceAfter=14)
    title.bookmark = ("1. Cover", 0, "section-1")
    title.accessible = Heading(meta.title, 1)
    lines = [
        ("Group", meta.group_name),
        ("Programme", meta.programme),
        ("Reporting period", period_label(meta.period, meta.locale)),
        ("Households", codes),
        ("Prepared by", meta.prepared_by),
        ("Generated", timestamp(meta.generated_at, meta.locale)),
        ("Application", f"Sponsor Desk {meta.app_version}"),
    ]
    return [
        gap(60),
        title,
        key_values(lines, (120, 300)),
        gap(18),
        para(privacy, "body"),
    ]


# --- 2 ---------------------------------------------------------------------------------------
def figure_text(figure, meta) -> str:
    if figure.value is None:
        return figure.band
    if figure.unit == meta.currency:
        return money_writer(meta.currency, meta.locale).minor(_minor(figure.value, meta))
    if figure.unit == "%":
        return percent_text(figure.value)
    if figure.unit == "hours":  # already to two decimals (domain/hours.py: one rule)
        return f"{Decimal(figure.value):,} h"
    return f"{figure.value:,}" if isinstance(figure.value, int) else str(figure.value)


def _minor(value: str, meta) -> int:
    from decimal import Decimal

    from ..domain.money import minor_digits

    return int(Decimal(value).scaleb(minor_digits(meta.currency)))


def since_arrival_text(count: int | None, unit: str) -> str:
    """Days (named) or months (anonymised) since arrival; a future arrival counts down."""
    if count is None:
        return "arrival date not set"
    if count < 0:
        return f"arrives in {counted(-count, unit)}"
    return f"{count:,}"


def summary(data: EvaluationData, width: float) -> list:
    meta = data.meta
    story = [*section(2), para(f"Figures for {period_label(meta.period, meta.locale)}.", "note")]
    story.append(key_values([(f.label, figure_text(f, meta)) for f in data.figures], (300, 120)))
    story += [gap(10), para("Households", "h2")]
    if not data.households:
        return [*story, nothing("No households were chosen for this report.")]
    named = meta.named
    rows = [
        [
            cell(h.code),
            arrival_text(h.arrival_date, h.arrival_month, meta.locale),
            since_arrival_text(h.days_since_arrival, "day")
            if named
            else since_arrival_text(h.months_since_arrival, "month"),
            str(h.people) if named else h.size_band,
            f"{h.tasks_due:,}",
            f"{h.tasks_due_done:,}",
            f"{h.tasks_overdue:,}",
            f"{h.tasks_done_early:,}",
            h.housing_status,
            f"{h.check_ins:,}",
        ]
        for h in data.households
    ]
    story.append(
        table(
            ("Household", "Arrived", "Days since arrival" if named else "Months since arrival", "People", "Tasks due", "Of those done", "Overdue", "Done early", "Housing", "Check-ins"),
            rows,
            (48, 56, 50, 38, 36, 42, 42, 38, 66, 50),
            numeric=(2, 3, 4, 5, 6, 7, 9),
        )
    )  # fmt: skip
    since = "Days" if named else "Months"
    story.append(
        para(
            f"{since} since arrival and tasks are counted at the period's end. Tasks due: due on "
            "or before its last day; of those, done by then, and overdue (due before the last day "
            "and not done). Done early: done by the period's end though due after it. Each "
            "figure is defined in section 9."
            + (
                ""
                if named
                else " Arrival is given as its month and the number of people as a band "
                "(1-2, 3-4, 5+), so that no family can be picked out."
            ),
            "note",
        )
    )
    if meta.named:
        story.append(para("Household members", "h2"))
        for h in data.households:
            family = f"{h.code}: {isolate(h.family_name)} family" if h.family_name else h.code
            members = "; ".join(h.members) or "no members recorded"
            story.append(labelled(family, members))
    return story


# --- 3 ---------------------------------------------------------------------------------------
def plan(data: EvaluationData, width: float) -> list:
    meta = data.meta
    story = [*section(3)]
    if not data.progress:
        return [*story, nothing("The chosen households have no settlement tasks yet.")]
    phases = [p for p in Phase if any(x.phase is p for x in data.progress)]
    by = {(x.area, x.phase): x for x in data.progress}
    rows, area_done, area_total = [], [], []
    for area in OUTCOME_ORDER:
        cells = [by.get((area, p)) for p in phases]
        done = sum(c.done for c in cells if c)
        total = sum(c.total for c in cells if c)
        area_done.append(done)
        area_total.append(total)
        rows.append(
            [wrap(OUTCOME_NAMES[area])]
            + [f"{c.done}/{c.total}" if c else "–" for c in cells]
            + [f"{done}/{total}"]
        )
    totals = [
        "All areas",
        *[f"{sum(by[(a, p)].done for a in OutcomeArea if (a, p) in by)}/{sum(by[(a, p)].total for a in OutcomeArea if (a, p) in by)}" for p in phases],
        f"{sum(area_done)}/{sum(area_total)}",
    ]  # fmt: skip
    rows.append(totals)
    first = 104
    rest = (width - first) / (len(phases) + 1)
    story.append(para("Tasks done out of tasks that apply, by outcome area and phase.", "note"))
    story.append(
        table(
            (
                "Outcome area",
                *[
                    p.label.replace("-", "-\n", 1) if p is Phase.PRE_ARRIVAL else p.label
                    for p in phases
                ],
                "Total",
            ),
            rows,
            (first, *[rest] * (len(phases) + 1)),
            numeric=tuple(range(1, len(phases) + 2)),
            bold_rows=(len(rows) - 1,),
        )
    )
    done, total = data.group_progress
    if total:
        story.append(
            para(
                f"The group's own tasks (roles, vetting, funds, policies, the plan) are not the "
                f"family's progress and are left out above: {done:,} of {counted(total, 'task')} "
                "done.",
                "note",
            )
        )
    story += chart(
        charts.progress_bars(
            [OUTCOME_NAMES[a] for a in OUTCOME_ORDER],
            area_done,
            area_total,
            width,
            f"Tasks done by {long_date(meta.period.end, meta.locale)}, households "
            f"{', '.join(meta.household_codes)}.",
        )
    )
    story.append(para("Overdue tasks", "h2"))
    named = meta.named
    story.append(
        table_or_nothing(
            "No task was overdue at the period's end.",
            (
                "Household",
                "Task",
                "Outcome area",
                "Due",
                "Days overdue" if named else "Months overdue",
                "Assigned to",
            ),
            [
                [
                    cell(t.household_code),
                    wrap(t.title),
                    wrap(OUTCOME_NAMES[t.area]),
                    short_date(t.due_on, meta.locale)
                    if named
                    else month_label(t.due_month, meta.locale),
                    f"{t.days_overdue:,}" if named else f"{t.months_overdue:,}",
                    wrap(t.who or "nobody"),
                ]
                for t in data.overdue
            ],
            (58, 150, 95, 60, 48, width - 411),
            numeric=(4,),
        )
    )
    story.append(para("Milestones completed in the period", "h2"))
    story.append(
        table_or_nothing(
            "No milestone task was completed in this period.",
            ("Household", "Milestone", "Completed"),
            [
                [
                    cell(m.household_code),
                    wrap(m.title),
                    short_date(m.completed_on, meta.locale)
                    if named
                    else month_label(m.completed_month, meta.locale),
                ]
                for m in data.milestones
            ],
            (60, width - 150, 90),
        )
    )
    return story


# --- 4 ---------------------------------------------------------------------------------------
def _value(value: str | None, unit: str) -> str:
    if value is None:
        return "–"
    return percent_text(value) if unit == "%" else value


POINT_WORDS = {
    PointStatus.NOT_REACHED: "not yet",
    PointStatus.NOT_APPLICABLE: "n/a",
    PointStatus.NOT_RECORDED: "none",
}


def reading_text(value: str | None, kind: IndicatorKind, unit: str, locale: str) -> str:
    """A stored reading as the report prints it: a date indicator's value as a date."""
    if value is not None and kind is IndicatorKind.DATE:
        try:
            return short_date(date.fromisoformat(value), locale)
        except ValueError:
            return value
    return _value(value, unit)


def lines_cell(text: str, width: float):
    """A cell of a line or two: plain text when each line fits its column (a Paragraph per
    cell costs a report of 400 of them a tenth of a second), else a wrapping paragraph."""
    if not is_complex(text) and all(
        stringWidth(line, fonts.REGULAR, styles.FONT_SIZE) <= width - 8 for line in text.split("\n")
    ):
        return text
    return wrap(text)


def point_text(
    reading: PointReading, kind: IndicatorKind, unit: str, locale: str, named: bool = True
) -> str:
    """A point's reading and, on the next line, its date (its month when anonymised); or why
    there is none."""
    if reading.status is not PointStatus.RECORDED:
        return POINT_WORDS[reading.status]
    value = reading_text(reading.value, kind, unit, locale)
    day = reading.recorded_on
    return f"{value}\n{arrival_text(day if named else None, day, locale)}"


def indicators(data: EvaluationData, width: float) -> list:
    meta = data.meta
    story = [*section(4)]
    windows = WINDOWS_TEXT
    story.append(
        para(
            "The latest reading of each indicator and its trend against the reading before, and "
            "the reading that stands for 3, 6, 12 and 24 months after arrival: the one nearest "
            f"that day within a window around it ({windows}), with its "
            f"{'date' if meta.named else 'month'}. Where there is "
            "none: 'not yet' (the point came after the period's end, or the household had not "
            "arrived), 'n/a' (nobody in the household was of the ages the indicator is about) "
            "or 'none' (no reading in the window). Indicators are grouped under New Zealand's "
            "five resettlement outcomes.",
            "note",
        )
    )
    info = {i.key: i for i in data.indicator_info}
    if not data.households:
        return [*story, nothing("No households were chosen for this report.")]
    for household in data.households:
        lines = [x for x in data.indicators if x.household_code == household.code]
        story.append(para(f"Household {household.code}", "h2"))
        if not any(x.latest for x in lines):
            story.append(nothing("No indicator has been recorded for this household yet."))
            continue
        rows, area_rows = [], []
        point_width = (width - 242) / 4
        for area in OUTCOME_ORDER:
            mine = [x for x in lines if info[x.key].area is area]
            if not mine:
                continue
            area_rows.append(len(rows))
            rows.append([wrap(OUTCOME_NAMES[area], "cell_bold"), "", "", "", "", "", ""])
            for x in mine:
                unit, kind = info[x.key].unit, info[x.key].kind
                rows.append(
                    [
                        wrap(info[x.key].label),
                        wrap(reading_text(x.latest, kind, unit, meta.locale) if x.latest is not None
                             else POINT_WORDS.get(x.latest_status, "–")),
                        TREND_WORDS[x.trend] if x.trend else "–",
                        *[lines_cell(point_text(p, kind, unit, meta.locale, meta.named),
                                     point_width)
                          for p in x.points],
                    ]
                )  # fmt: skip
        made = table(
            ("Indicator", "Latest", "Trend", *[counted(m, "month") for m in SNAPSHOT_MONTHS]),
            rows,
            (118, 72, 52, *[(width - 242) / 4] * 4),
        )
        for row in area_rows:
            made.setStyle(
                [
                    ("SPAN", (0, row + 1), (-1, row + 1)),
                    ("BACKGROUND", (0, row + 1), (-1, row + 1), "#ececec"),
                ]
            )
        story.append(made)  # fmt: skip
    story.append(para("Health indicators, counted across households", "h2"))
    if data.sensitive or data.sensitive_withheld:
        story.append(
            para(
                "Health readings are never shown per household: only how many households gave "
                "each answer at their latest reading"
                + ("." if data.meta.named else ", and only where 3 or more households answered."),
                "note",
            )
        )
        rows = [[wrap(info[s.key].label), s.value, f"{s.households:,}"] for s in data.sensitive]
        rows += [
            [wrap(info[key].label), "fewer than 3 households", "–"]
            for key in data.sensitive_withheld
        ]
        story.append(
            table(("Indicator", "Latest answer", "Households"), rows, (200, 140, 80), numeric=(2,))
        )
    else:
        story.append(nothing("No health indicator has been recorded."))
    return story


# --- 5 ---------------------------------------------------------------------------------------
def vetting_tables(v, width: float) -> list:
    """Vetting on the period's last day, by the one vetting rule: each volunteer once, by the
    worst of their requirements, with the total cleared to meet the family (the summary's
    figure, by the same definition); then each requirement's own states."""
    names = {
        **STATE_NAMES,
        VettingStatus.EXPIRING: f"Expiring within {counted(v.warning_days, 'day')}",
    }
    rows = [
        [names[state], "yes" if may_do_family_facing(state) else "no", f"{n:,}"]
        for state, n in v.vetting
    ]
    story = [
        para(
            "Cleared to meet the family means every requirement of the programme is current on "
            f"the period's last day (expiring within {counted(v.warning_days, 'day')} included). Each "
            "volunteer is counted once, by the requirement that stands worst.",
            "note",
        ),
        table(
            ("Vetting (worst requirement)", "Meets the family", "Volunteers"),
            [*rows, ["Cleared to meet the family", "", f"{v.cleared:,}"]],
            (width / 2 - 60, 90, 60),
            numeric=(2,),
            bold_rows=(len(rows),),
        ),
    ]
    if v.by_requirement:
        shown = [state for state, _ in v.vetting]
        first = width - 6 * 52
        story += [
            gap(),
            table(
                ("Requirement", *(SHORT_STATE_NAMES[s] for s in shown)),
                [
                    [wrap(label), *(f"{n:,}" for _, n in states)]
                    for label, states in v.by_requirement
                ],
                (first, *([52] * len(shown))),
                numeric=tuple(range(1, len(shown) + 1)),
            ),
        ]
    return story


def volunteers(data: EvaluationData, width: float) -> list:
    meta, v = data.meta, data.volunteers
    story = [*section(5)]
    if not v.active:
        return [*story, nothing("The group has no active volunteers.")]
    story.append(para(f"{counted(v.active, 'active volunteer')} at the period's end.", "body"))
    half = (width - 12) / 2
    story.append(
        table(("Role", "Volunteers"), [[wrap(r), f"{n:,}"] for r, n in v.by_role], (half - 60, 60), numeric=(1,))
    )  # fmt: skip
    story.append(gap())
    story += vetting_tables(v, width)
    story.append(gap())
    if v.training:
        story.append(
            table(
                ("Training (current at the period's end)", "Volunteers"),
                [[wrap(c), f"{n:,}"] for c, n in v.training],
                (half - 60, 60),
                numeric=(1,),
            )
        )
    story.append(gap(8))
    if v.total_minutes:
        story.append(
            charts.month_bars(
                [month_label(m, meta.locale) for m, _ in v.by_month],
                [round(minutes / 60, 1) for _, minutes in v.by_month],
                width,
                "Volunteer hours by month",
                "hours",
                f"Hours logged each month, {period_label(meta.period, meta.locale)}.",
            )
        )
        story.append(para("Hours by activity", "h2"))
        from .words import hours

        story.append(
            table(
                ("Activity", "Hours"),
                [[wrap(a), hours(m)] for a, m in v.by_activity]
                + [["All activities", hours(v.total_minutes)]],
                (half - 60, 60),
                numeric=(1,),
                bold_rows=(len(v.by_activity),),
            )
        )
    else:
        story.append(nothing("No volunteer hours were logged in this period."))
    story.append(para("Each volunteer", "h2"))
    from .words import hours

    story.append(
        table(
            ("Volunteer", "Roles", "Vetting", "Hours in the period"),
            [
                [wrap(p.label), wrap(p.roles), VETTING_WORDS[p.vetting], hours(p.minutes)]
                for p in v.people
            ],
            (130, width - 320, 90, 100),
            numeric=(3,),
        )
    )
    return story
