"""Sections 6 to 10 of the evaluation report: housing, finances, contact log, method and the
narrative with its sign-off lines."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Table

from ..domain.definitions import TERMS
from ..domain.indicator_points import WINDOWS_TEXT, point_label
from ..domain.indicators import SNAPSHOT_MONTHS
from ..domain.plurals import counted
from ..domain.programmes import FundsRuleKind
from ..services.reporting.evaluation_data import POINTS, EvaluationData
from . import charts, fonts, styles
from .accessible import Lines
from .blocks import (
    cell,
    chart,
    gap,
    heading,
    key_values,
    nothing,
    para,
    table,
    table_or_nothing,
    wrap,
)
from .finances import budget_table
from .words import (
    arrival_text,
    long_date,
    money_writer,
    month_label,
    period_label,
    short_date,
)


def _section(number: int, title: str) -> list:
    return heading(f"{number}. {title}", f"section-{number}")


# --- 6 ---------------------------------------------------------------------------------------
def housing(data: EvaluationData, width: float) -> list:
    meta = data.meta
    money = money_writer(meta.currency, meta.locale)
    story = [*_section(6, "Housing")]
    if not data.housing:
        return [*story, nothing("No tenancy is recorded for the chosen households.")]
    named = meta.named
    header = ["Household", "Address" if named else "Town or suburb", "Status", "Lease", "Rent", "Group pays", "Inspec-\ntions", "Move-\nin"]  # fmt: skip
    rows = []
    for h in data.housing:
        place = f"{h.address}, {h.town}" if named and h.address else h.town
        lease = f"{short_date(h.lease_start, meta.locale)} to {short_date(h.lease_end, meta.locale) or 'open'}"
        rows.append(
            [
                cell(h.household_code),
                wrap(place),
                h.status,
                wrap(lease),
                wrap(f"{money(h.rent)} {h.frequency}", "cell_right"),
                money(h.group_share),
                f"{h.inspections:,}",
                f"{h.move_in_done}/{h.move_in_total}",
            ]
        )
    story.append(
        table(header, rows, (58, width - 430, 55, 95, 72, 60, 50, 40), numeric=(4, 5, 6, 7))
    )
    story.append(
        para(
            "Inspections: done in the period. Move-in: items of the move-in checklist done. "
            + ("" if named else "Addresses are shown only as town or suburb."),
            "note",
        )
    )
    return story


# --- 7 ---------------------------------------------------------------------------------------
def finances(data: EvaluationData, width: float) -> list:
    meta, f = data.meta, data.finances
    money = money_writer(meta.currency, meta.locale)
    story = [*_section(7, "Finances")]
    story.append(
        key_values(
            [
                (
                    f"Opening balance ({long_date(meta.period.start, meta.locale)})",
                    money(f.opening),
                ),
                ("Income in the period", money(f.total_income)),
                ("Spending in the period", money(f.total_spending)),
                (f"Closing balance ({long_date(meta.period.end, meta.locale)})", money(f.closing)),
            ],
            (300, 120),
        )
    )
    half = (width - 12) / 2
    for title, lines, empty in (
        ("Income by category", f.income, "No income was recorded in this period."),
        ("Spending by category", f.spending, "No spending was recorded in this period."),
    ):
        story.append(para(title, "h2"))
        if lines:
            total = sum(c.amount.minor for c in lines)
            story.append(
                table(
                    ("Category", "Amount"),
                    [[wrap(c.category), money(c.amount)] for c in lines]
                    + [["Total", money.minor(total)]],
                    (half, 100),
                    numeric=(1,),
                    bold_rows=(len(lines),),
                )
            )
        else:
            story.append(nothing(empty))
    if f.income:
        story.append(
            para(
                "Income is shown by category only: no donor is named in this report."
                if not meta.named
                else "Income by category; pledges below name their donors.",
                "note",
            )
        )
    if f.spending:
        story += chart(
            charts.category_bars(
                [c.category for c in f.spending],
                [c.amount.minor / 100 for c in f.spending],
                width,
                "Spending by category",
                meta.currency,
                f"Spending {period_label(meta.period, meta.locale)}.",
                _axis_money(meta),
            )
        )
    story.append(para("Budget against actual", "h2"))
    if f.budget:
        story.append(budget_table(f.budget, money, width))
    else:
        story.append(nothing("No budget was set for this period."))
    story.append(para("Pledges", "h2"))
    if f.pledges_behind:
        story.append(
            para(
                f"{counted(f.pledges_behind, 'pledge')} "
                f"{'is' if f.pledges_behind == 1 else 'are'} behind, "
                f"{money(f.pledges_outstanding)} outstanding in all at the period's end.",
            )
        )
        if meta.named and f.pledges:
            story.append(
                table(
                    ("Donor", "Outstanding"),
                    [[wrap(p.donor), money(p.outstanding)] for p in f.pledges],
                    (half, 100),
                    numeric=(1,),
                )
            )
    else:
        story.append(nothing("No pledge was behind at the period's end."))
    story.append(para("Programme funds rule", "h2"))
    for text in funds_rule_words(f, money, meta.locale):
        story.append(para(text))
    position = f.position
    if position.restricted_left_out:
        story.append(
            para(
                f"Restricted income not counted by the programme's rule: "
                f"{money(position.restricted_left_out)}.",
                "note",
            )
        )
    if f.month_end:
        story += chart(
            charts.balance_line(
                [month_label(m.month_end.replace(day=1), meta.locale) for m in f.month_end],
                [m.balance.minor / 100 for m in f.month_end],
                width,
                f"Balance at the end of each month, {period_label(meta.period, meta.locale)}.",
                meta.currency,
                _axis_money(meta),
            )
        )
    return story


RULE_NAMES = {
    FundsRuleKind.BUDGET: "no fixed minimum: the group's own budget",
    FundsRuleKind.FIXED: "a fixed sum for the group",
    FundsRuleKind.PER_PERSON: "an amount for each person sponsored",
    FundsRuleKind.FAMILY_TABLE: "a cost table by family size",
    FundsRuleKind.PER_REFUGEE_CASH_SHARE: "an amount per refugee, part of it in cash",
}


def funds_rule_words(f, money, locale: str) -> list[str]:
    """The programme's funds rule by name, what it gives for this group, and the verdict. New
    Zealand sets no minimum, so its figure is called what it is: the budget still to spend."""
    position, rule = f.position, f.position.requirement
    own_words = f" In the programme's words: {f.funds_rule_note}" if f.funds_rule_note else ""
    lines = [f"The programme's rule: {RULE_NAMES[rule.rule]}.{own_words}"]
    held, required = money(position.held), money(rule.required)
    if rule.rule is FundsRuleKind.BUDGET:
        difference = position.held - rule.required
        lines.append(
            f"There is no requirement to meet. The figure to compare is the group's own budget "
            f"still to spend, from the month of the period's end to the end of support: "
            f"{required}. The group held {held}: "
            + (
                f"{money(difference)} more than that budget."
                if difference.minor >= 0
                else f"{money(-difference)} less than that budget, still to be raised for the "
                "group's own plan."
            )
        )
        return lines
    match rule.rule:
        case FundsRuleKind.FAMILY_TABLE:
            sizes = ", ".join(str(n) for n in rule.family_sizes) or "none recorded"
            basis = f"for family sizes {sizes}, the table gives {required}"
        case FundsRuleKind.PER_PERSON | FundsRuleKind.PER_REFUGEE_CASH_SHARE:
            each = money.minor(rule.amount_each * 10**money.digits)
            basis = f"{each} for each of {counted(rule.people, 'person')}: {required}"
            if rule.cash_required is not None:
                basis += (
                    f", of which at least {rule.cash_share_percent}% "
                    f"({money(rule.cash_required)}) in cash"
                )
        case _:
            basis = f"{required} for the group"
    verdict = (
        f"Met: the group held {held}, {money(position.surplus)} more than required."
        if position.met
        else f"Not met: the group held {held}, {money(position.shortfall)} short."
    )
    lines.append(f"Required at the period's end: {basis}. {verdict}")
    return lines


def _axis_money(meta):
    money = money_writer(meta.currency, meta.locale)

    def text(value: float) -> str:
        return money.minor(round(value) * 100)[:-3] if money.digits == 2 else f"{value:,.0f}"

    return text


# --- 8 ---------------------------------------------------------------------------------------
def contact(data: EvaluationData, width: float) -> list:
    meta = data.meta
    story = [*_section(8, "Contact log")]
    codes = [h.code for h in data.households]
    if not data.contact:
        story.append(nothing("No check-in was recorded in this period."))
    else:
        months = sorted({c.month for c in data.contact})
        by = {(c.household_code, c.month): c for c in data.contact}
        each = min(70, (width - 80) / max(1, len(codes)))
        for title, note, value in (
            ("Check-ins per month", "Visits, calls, meetings and programme reviews held.",
             lambda c: f"{c.check_ins:,}" if c else "0"),
            ("The family's needs-met rating", "Average of the ratings given that month, from 1 "
             "(not met) to 5 (fully met); – where the family was not asked.",
             lambda c: c.needs_met_average or "–" if c else "–"),
        ):  # fmt: skip
            story.append(para(title, "h2"))
            story.append(para(note, "note"))
            story.append(
                table(
                    ("Month", *codes),
                    [
                        [month_label(m, meta.locale), *[value(by.get((code, m))) for code in codes]]
                        for m in months
                    ],
                    (80, *[each] * len(codes)),
                    numeric=tuple(range(1, len(codes) + 1)),
                )
            )
    story.append(para("Concerns raised and resolved", "h2"))
    open_at_end = dict(data.open_concerns)
    rows = []
    for code in codes:
        mine = [c for c in data.contact if c.household_code == code]
        rows.append(
            [
                cell(code),
                f"{sum(c.concerns_raised for c in mine):,}",
                f"{sum(c.concerns_resolved for c in mine):,}",
                f"{open_at_end.get(code, 0):,}",
            ]
        )
    if rows:
        story.append(
            table(
                ("Household", "Raised in the period", "Resolved in the period", "Open at its end"),
                rows,
                (80, 110, 120, 110),
                numeric=(1, 2, 3),
            )
        )
        story.append(
            para(
                "The words of each concern stay in the group's records: only counts appear here.",
                "note",
            )
        )
    story.append(para("The family's goals", "h2"))
    if any(g.set for g in data.goals):
        story.append(
            table(
                ("Household", "Goals set", "Not started", "Progressing", "Achieved", "Changed"),
                [
                    [
                        cell(g.household_code),
                        g.set,
                        g.not_started,
                        g.progressing,
                        g.achieved,
                        g.changed,
                    ]
                    for g in data.goals
                ],
                (80, 70, 70, 75, 70, 70),
                numeric=(1, 2, 3, 4, 5),
            )
        )
    else:
        story.append(nothing("No goals have been recorded for the chosen households."))
    story.append(para("Notes the group marked shareable", "h2"))
    story.append(
        table_or_nothing(
            "No check-in note in this period was marked shareable.",
            ("Date", "Household", "Summary"),
            [
                [short_date(n.held_on, meta.locale), cell(n.household_code), wrap(n.summary)]
                for n in data.shared_notes
            ],
            (70, 60, width - 130),
        )
    )
    return story


# --- 9 ---------------------------------------------------------------------------------------
def method(data: EvaluationData, width: float) -> list:
    meta = data.meta
    info = {i.key: i for i in data.indicator_info}
    story = [*_section(9, "Method and completeness")]
    windows = WINDOWS_TEXT
    points = ", ".join(str(m) for m in SNAPSHOT_MONTHS[:-1])  # a list: "3, 6, 12 or 24 months"
    points += f" or {point_label(SNAPSHOT_MONTHS[-1])}"
    for text in (
        "Every figure comes from the group's own records, read at one moment from its Sponsor Desk "
        "file. Money is kept in whole cents; nothing is estimated. Each figure has one definition, "
        "given below and carried in the data bundle.",
        f"An indicator at {points} is the reading nearest to that many months after "
        f"the household's arrival within a window around it ({windows}). Trends compare the "
        "latest reading with the one before it.",
        "Completeness, for each indicator and point: the households with a reading out of those "
        "it was due for, that is the households that had reached the point by the period's end "
        "and to which the indicator applied (school indicators to households with a child of "
        "school age, work indicators to those with an adult of working age, by members' birth "
        "dates). '–' where it was due for none. An indicator few households have is weak "
        "evidence.",
    ):
        story.append(para(text))
    by = {(c.key, c.point): c for c in data.completeness}
    rows = []
    for key in dict.fromkeys(c.key for c in data.completeness):
        first = by[(key, POINTS[0])]
        cells = []
        for point in POINTS:
            c = by[(key, point)]
            cells.append(f"{c.recorded} of {c.expected}" if c.expected else "–")
        rows.append(
            [
                wrap(info[key].label),
                arrival_text(
                    first.last_reading_on if meta.named else None,
                    first.last_reading_on,
                    meta.locale,
                    "never",
                ),
                *cells,
            ]
        )
    story.append(
        table(
            ("Indicator", "Last reading", "Latest", *[point_label(m) for m in SNAPSHOT_MONTHS]),
            rows,
            (width - 365, 65, 60, 60, 60, 60, 60),
            numeric=(2, 3, 4, 5, 6),
        )
    )
    story += definitions(data, width)
    return story


def definitions(data: EvaluationData, width: float) -> list:
    """Each figure's one definition (the bundle's figures.csv carries the same words)."""
    story = [para("Definitions", "h2")]
    story.append(
        table(
            ("Figure or term", "Definition"),
            [[wrap(f.label), wrap(f.definition)] for f in data.figures]
            + [[wrap(term), wrap(text)] for term, text in TERMS],
            (150, width - 150),
        )
    )
    return story


def codebook_appendix(data: EvaluationData, width: float) -> list:
    """Every field of the data bundle: type, unit, meaning and allowed values."""
    from ..services.reporting.bundle import codebook_of
    from ..services.reporting.bundle_tables import resources

    story = [PageBreak(), *_section(11, "Codebook of the data bundle (appendix)")]
    story.append(
        para(
            "The data bundle made beside this report (a zip of CSV files with a datapackage.json, "
            "and the same tables as a workbook) holds these tables and fields. Money is in major "
            f"units of {data.meta.currency}; dates are YYYY-MM-DD.",
            "note",
        )
    )
    lines = codebook_of(data)
    for resource in resources():
        rows = [
            [line.field, line.type, line.unit,
             wrap(line.description + (f" ({line.allowed})" if line.allowed else ""))]
            for line in lines
            if line.table == resource.name
        ]  # fmt: skip
        story.append(CondPageBreak(90))  # a table's name never alone at the foot of a page
        story.append(para(resource.path, "h2"))
        story.append(para(resource.description, "note"))
        story.append(table(("Field", "Type", "Unit", "Meaning"), rows, (122, 46, 60, width - 228)))
    return story


# --- 10 --------------------------------------------------------------------------------------
def narrative(data: EvaluationData, width: float) -> list:
    story = [*_section(10, "Narrative and sign-off")]
    for title, text, empty in (
        ("Highlights", data.highlights, "No highlights were written for this period."),
        ("Challenges", data.challenges, "No challenges were written for this period."),
    ):
        story.append(para(title, "h2"))
        if text.strip():
            story += [para(paragraph) for paragraph in text.strip().split("\n\n")]
        else:
            story.append(nothing(empty))
    story.append(gap(16))
    line = "_" * 38
    signatures = Table(
        [
            ["Name", line, "Role", line],
            ["Signature", line, "Date", line],
            ["", "", "", ""],
            ["Name", line, "Role", line],
            ["Signature", line, "Date", line],
        ],
        colWidths=(60, (width - 120) / 2, 50, (width - 120) / 2),
        rowHeights=26,
        hAlign="LEFT",
    )
    signatures.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), styles.FONT_SIZE),
            ("TEXTCOLOR", (0, 0), (-1, -1), styles.INK),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
    )
    signatures.accessible = Lines(
        "Two people sign for the group on the printed report: name, role, signature and date."
    )
    story.append(KeepTogether([para("Signed for the group", "h2"), signatures]))  # fmt: skip
    return story
