"""The cross-group summary (`sponsor-app combine`): the groups, their key figures side by side
with totals only over groups that share a period and a currency, indicators at 3, 6, 12 and 24
months, national indicators and household make-up, and the method. It gets printed and passed
on, so every count of households or people is randomly rounded to base 3
(domain/small_counts.py); the evaluator's CSV keeps the exact figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from .. import __version__
from ..domain.definitions import FIGURES, TERMS
from ..domain.periods import Period
from ..domain.plurals import counted
from ..domain.reports import ReportKind, is_letter_paper
from ..domain.small_counts import random_round
from ..services.reporting.bundle_tables import shared_indicators
from ..services.reporting.combine import CombinedData, CombinedFigure, ComparableSet
from ..services.reporting.evaluation_data import POINTS
from ..services.reporting.report_data import ReportMeta
from .blocks import gap, heading, nothing, para, table, wrap
from .template import ReportDocTemplate
from .words import money_writer, short_date

GROUPS_PER_TABLE = 4
SMALLEST_BASE = 3  # an average or share is shown only over this many households or more
SECTIONS = (
    "Groups",
    "Key figures",
    "Indicators at 3, 6, 12 and 24 months",
    "National indicators and household make-up",
    "Method and definitions",
)
ROUNDING = (
    "Counts of households and of people are randomly rounded to a multiple of 3, the rule "
    "Statistics New Zealand uses for published tables (random rounding to base 3). A count that "
    "is already a multiple of 3 is shown as it is, so a true zero always shows as 0; a count of "
    "1 or 2 shows as 0 or 3, and any other count as the multiple of 3 just below or just above "
    "it, the nearer one two times in three. A published count is never more than 2 from the "
    "true count. Counts in one block (one indicator at one point in one group, or a count and "
    "what it is out of) share one random draw, so a part never prints above its whole. Totals "
    "are rounded from their own exact value, so they may differ from the sum of the rounded "
    "figures beside them, and subtracting published figures from a published total gives no "
    "exact count. The rounding of each count is fixed by the bundles themselves: the same "
    "bundles always give the same table. A share of people is worked out from the rounded "
    "counts printed beside it, and shown only over 3 or more; averages only over 3 or more "
    "households. Money, tasks, hours and check-ins are not "
    "counts of people and are shown exactly. The CSV tables made alongside (--csv) keep every "
    "figure exact, for authorised evaluators only."
)


def meta_of(data: CombinedData) -> ReportMeta:
    countries = {g.country for g in data.groups}
    return ReportMeta(
        kind=ReportKind.COMBINED,
        group_name=counted(len(data.groups), "sponsorship group"),
        group_uuid="",
        programme="; ".join(sorted({g.programme for g in data.groups})),
        country=next(iter(countries)) if len(countries) == 1 else "NZ",
        currency=data.groups[0].currency,
        locale="en_NZ" if not all(is_letter_paper(c) for c in countries) else "en_US",
        period=Period(data.period_start, data.period_end),
        generated_at=data.generated_at,
        app_version=__version__,
        named=not all(g.anonymised for g in data.groups),
        prepared_by="Evaluator",
        household_codes=(),
    )


def difference_lines(data: CombinedData) -> list[str]:
    """One sentence for each way the groups differ that stops totals, and what was done."""
    lines = []
    names = [g.name for g in data.groups]
    if data.periods_differ:
        periods = "; ".join(
            f"{n} {g.period_start.isoformat()} to {g.period_end.isoformat()}"
            for n, g in zip(names, data.groups, strict=True)
        )
        lines.append(f"The groups cover different periods ({periods}).")
    if data.currencies_differ:
        by: dict[str, list[str]] = {}
        for n, g in zip(names, data.groups, strict=True):
            by.setdefault(g.currency, []).append(n)
        money = "; ".join(f"{c}: {', '.join(ns)}" for c, ns in by.items())
        lines.append(f"The groups keep their books in different currencies ({money}).")
    if lines:
        totalled = [s for s in data.sets if s.totalled]
        if totalled:
            lines.append(
                "Totals are given only over groups with the same period and currency: "
                + "; ".join(
                    f"{_set_title(data, s)} ({counted(len(s.members), 'group')})" for s in totalled
                )
                + "; the other groups are shown on their own."
            )
        else:
            lines.append("No two groups share a period and a currency, so nothing is totalled.")
    return lines


def _set_title(data: CombinedData, s: ComparableSet, locale: str = "en_NZ") -> str:
    return (
        f"{short_date(s.period_start, locale)} to {short_date(s.period_end, locale)}, "
        f"amounts in {s.currency}"
    )


class _Rounder:
    """Rounds a count for print: the key says what is counted, the secret whose it is (a
    group's bundle, or the set of bundles a total is made from)."""

    def group(self, data: CombinedData, index: int, key: str, count: int | Decimal | None) -> str:
        if count is None:
            return "–"
        g = data.groups[index]
        return f"{random_round(int(count), g.secret, f'{g.group_id}|{key}'):,}"

    def total(self, s: ComparableSet, key: str, count: int | Decimal | None) -> str:
        if count is None:
            return "–"
        return f"{random_round(int(count), s.secret, f'total|{key}'):,}"


ROUND = _Rounder()


def _applies(key: str) -> str:
    """Whom an indicator is about (every household, school age, working age)."""
    return next((i.applies_to.value for i in shared_indicators() if i.key == key), "household")


def build(data: CombinedData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    meta = meta_of(data)
    doc = ReportDocTemplate(out, meta, invariant=invariant)
    width = doc.width
    story = [
        *_groups(data, width, meta.locale),
        *_figures(data, width, meta.locale),
        *_indicators(data, width),
        *_people(data, width),
        *_method(data, width, meta.locale),
    ]
    doc.build_story(story)


def _section(number: int, note: str = "") -> list:
    """The section's heading, then the note that says how to read it (when it has one)."""
    story = [*heading(f"{number}. {SECTIONS[number - 1]}", f"section-{number}")]
    if note:
        story.append(para(note, "note"))
    return story


def _groups(data: CombinedData, width: float, locale: str) -> list:
    story = _section(
        1,
        "Counts of households and people in this summary are randomly rounded to a "
        "multiple of 3 so that no family or person can be singled out (section 5 says how); "
        "the CSV made alongside keeps the exact figures.",
    )
    story.append(
        table(
            ("Group", "Programme", "Period", "Currency", "Households", "Set"),
            [
                [
                    wrap(g.name),
                    wrap(g.programme),
                    wrap(
                        f"{short_date(g.period_start, locale)} to {short_date(g.period_end, locale)}"
                    ),
                    g.currency,
                    ROUND.group(data, i, "households", g.households),
                    str(data.set_of(i).number),
                ]
                for i, g in enumerate(data.groups)
            ],
            (120, width - 395, 125, 50, 60, 40),
            numeric=(4, 5),
        )
    )
    story.append(
        para(
            "Set: groups with the same period and the same currency form a set; figures are "
            "totalled only within a set of two or more groups.",
            "note",
        )
    )
    for line in difference_lines(data):
        story.append(para(line, "body"))
    return story


def _figure_text(data, f: CombinedFigure, value, currency: str, locale: str, count) -> str:
    if value is None:
        return "–"
    if f.counts in ("households", "people"):
        return count(f.key, value)
    if f.unit == "%":
        return f"{value} %"
    if f.unit == "currency":
        return money_writer(currency, locale).minor(int(Decimal(value) * 100))
    if f.unit == "hours":
        return f"{Decimal(value):,.2f} h"
    return f"{Decimal(value):,}"


def _rounded(secret: bytes, key: str, count) -> int | None:
    return None if count is None else random_round(int(count), secret, key)


def _share(vetted: int | None, active: int | None) -> Decimal | None:
    """The vetted share as printed: from the rounded counts printed beside it (a share of the
    exact counts would let a reader undo their rounding), over 3 or more volunteers."""
    if vetted is None or active is None or active < SMALLEST_BASE:
        return None
    return (Decimal(100) * vetted / active).quantize(Decimal(1))


def _figures(data: CombinedData, width: float, locale: str) -> list:
    story = _section(2, "Each figure is defined once in section 5.")
    by = {f.key: f for f in data.figures}
    vetted, active = by.get("volunteers_vetted"), by.get("volunteers_active")

    def group_share(i: int) -> Decimal | None:
        g = data.groups[i]
        return _share(
            _rounded(g.secret, f"{g.group_id}|volunteers_vetted", vetted.values[i]),
            _rounded(g.secret, f"{g.group_id}|volunteers_active", active.values[i]),
        )

    def total_share(s: ComparableSet, index: int) -> Decimal | None:
        return _share(
            _rounded(s.secret, "total|volunteers_vetted", vetted.totals[index]),
            _rounded(s.secret, "total|volunteers_active", active.totals[index]),
        )

    for s in data.sets:
        story.append(para(_set_heading(data, s, locale), "h2"))
        members = list(s.members)
        index = data.sets.index(s)
        for start in range(0, len(members), GROUPS_PER_TABLE):
            chunk = members[start : start + GROUPS_PER_TABLE]
            last = start + GROUPS_PER_TABLE >= len(members)
            with_total = last and s.totalled
            header = ["Figure", *[data.groups[i].name for i in chunk]] + (
                ["Total"] if with_total else []
            )
            rows = []
            for f in data.figures:
                share = f.key == "volunteers_vetted_share" and vetted and active
                cells = [group_share(i) if share else f.values[i] for i in chunk]
                row = [wrap(f.label)] + [
                    wrap(
                        _figure_text(data, f, v, s.currency, locale,
                                     lambda key, c, i=i: ROUND.group(data, i, key, c)),
                        "cell_right",
                    )
                    for v, i in zip(cells, chunk, strict=True)
                ]  # fmt: skip
                if with_total:
                    total = total_share(s, index) if share else f.totals[index]
                    row.append(
                        wrap(
                            _figure_text(data, f, total, s.currency, locale,
                                         lambda key, c, s=s: ROUND.total(s, key, c)),
                            "cell_right",
                        )
                    )  # fmt: skip
                rows.append(row)
            columns = len(header) - 1
            story.append(
                table(
                    [_short(h) for h in header],
                    rows,
                    (170, *[(width - 170) / columns] * columns),
                    numeric=tuple(range(1, columns + 1)),
                )
            )
            story.append(gap())
    return story


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:59] + "…"


def _set_heading(data: CombinedData, s: ComparableSet, locale: str) -> str:
    if len(data.sets) == 1:
        return f"All groups: {_set_title(data, s, locale)}"
    return f"Set {s.number}: {_set_title(data, s, locale)}"


def _indicators(data: CombinedData, width: float) -> list:
    story = _section(
        3,
        "For each answer, the households that gave it at that point after their arrival "
        "(the reading nearest the point, within its window); for numbers, the average over "
        "the households with a reading, shown where there are 3 or more. 'With a reading' "
        "counts the households recorded out of those the indicator was due for (they had "
        "reached the point and it applied to them). Health indicators are not included: "
        "they are only counted in each group's own report.",
    )
    if not data.answers:
        return [*story, nothing("No bundle had readings at 3, 6, 12 or 24 months after arrival.")]
    coverage = {(c.key, c.point): c for c in data.coverage}
    for s in data.sets:
        members = list(s.members)
        for point in POINTS[1:]:
            mine = [a for a in data.answers if a.point == point]
            if not any(any(a.households[i] for i in members) for a in mine):
                continue
            story.append(para(f"{point} after arrival: {_set_heading(data, s, 'en_NZ')}", "h2"))
            for start in range(0, len(members), GROUPS_PER_TABLE):
                chunk = members[start : start + GROUPS_PER_TABLE]
                with_total = start + GROUPS_PER_TABLE >= len(members) and s.totalled
                story.append(_indicator_table(data, s, mine, coverage, chunk, with_total, width))
                story.append(gap())
    return story


def _indicator_table(data, s, answers, coverage, chunk, with_total, width):
    index = data.sets.index(s)
    rows, seen = [], set()
    for a in answers:
        if not any(a.households[i] for i in chunk) and not (with_total and a.totals[index]):
            continue  # an answer nobody in these groups gave
        if a.key not in seen:
            seen.add(a.key)
            c = coverage[(a.key, a.point)]
            # "k of n": both rounded with the draw of n's population, so k never prints above n
            # (random rounding with one draw is monotone) and the same population prints the
            # same wherever it appears.
            whom = f"due|{_applies(a.key)}|{a.point}"
            cells = [
                _of(
                    ROUND.group(data, i, whom, c.recorded[i]),
                    ROUND.group(data, i, whom, c.expected[i]),
                )
                for i in chunk
            ]
            if with_total:
                recorded, expected = c.totals[index]
                cells.append(_of(ROUND.total(s, whom, recorded), ROUND.total(s, whom, expected)))
            rows.append([wrap(f"{a.label}: with a reading", "cell_bold"), *cells])
        # The answers are parts of "with a reading": the same draw, so no part prints above it.
        key = f"due|{_applies(a.key)}|{a.point}"
        if a.answer == "average":
            cells = [_mean(a.means[i], a.households[i], a.unit) for i in chunk]
            if with_total:
                cells.append(_mean(a.total_means[index], a.totals[index], a.unit))
            rows.append([wrap("    average"), *cells])
        else:
            cells = [ROUND.group(data, i, key, a.households[i]) for i in chunk]
            if with_total:
                cells.append(ROUND.total(s, key, a.totals[index]))
            rows.append([wrap(f"    {a.answer}"), *cells])
    header = ["Indicator and answer", *[_short(data.groups[i].name) for i in chunk]]
    if with_total:
        header.append("Total")
    columns = len(header) - 1
    return table(header, rows, (190, *[(width - 190) / columns] * columns),
                 numeric=tuple(range(1, columns + 1)))  # fmt: skip


def _mean(mean, households, unit: str) -> str:
    if mean is None or households is None or households < SMALLEST_BASE:
        return "–"
    return f"{mean} {unit}".strip()


def _people(data: CombinedData, width: float) -> list:
    story = _section(
        4,
        "New Zealand's national resettlement indicators, counted in people: a person counts "
        "when their household's reading says so (definitions in section 5). Then the "
        "people in the households by age band at each group's period end (their total is "
        "the people figure of section 2). '–' where a group's anonymised bundle gives no "
        "count of people: over fewer than 3 households it would tell a family's make-up.",
    )
    for title, counts in (
        ("National indicators", data.national),
        ("People by age band", data.make_up),
    ):
        if not counts:
            continue
        for s in data.sets:
            members = list(s.members)
            story.append(para(f"{title}: {_set_heading(data, s, 'en_NZ')}", "h2"))
            for start in range(0, len(members), GROUPS_PER_TABLE):
                chunk = members[start : start + GROUPS_PER_TABLE]
                with_total = start + GROUPS_PER_TABLE >= len(members) and s.totalled
                index = data.sets.index(s)
                rows = []
                for c in counts:
                    # "k of n": both with the draw of n's population (see _indicator_table)
                    whom = f"{title}|{POPULATIONS.get(c.key, c.key)}|{c.point}"
                    if counts is data.make_up:
                        whom = f"age band|{c.key}"
                    cells = [
                        _count_of(
                            data, i, whom, c.people[i], c.of_people[i], counts is data.make_up
                        )
                        for i in chunk
                    ]
                    if with_total:
                        total = c.totals[index]
                        if total is None:
                            cells.append("–")
                        elif counts is data.make_up:
                            cells.append(ROUND.total(s, whom, total[0]))
                        else:
                            cells.append(
                                _of(ROUND.total(s, whom, total[0]), ROUND.total(s, whom, total[1]))
                            )
                    label = c.label if c.point in ("period end",) else f"{c.label} ({c.point})"
                    rows.append([wrap(label), *cells])
                header = ["People", *[_short(data.groups[i].name) for i in chunk]]
                if with_total:
                    header.append("Total")
                columns = len(header) - 1
                story.append(table(header, rows, (190, *[(width - 190) / columns] * columns),
                                   numeric=tuple(range(1, columns + 1))))  # fmt: skip
                story.append(gap())
    return story


def _of(part: str, whole: str) -> str:
    return "–" if part == "–" else f"{part} of {whole}"


def _count_of(data, i: int, whom: str, people, of, alone: bool) -> str:
    if alone:
        return ROUND.group(data, i, whom, people)
    return _of(ROUND.group(data, i, whom, people), ROUND.group(data, i, whom, of))


# Whom a national indicator is counted out of: the same people give the same rounded count.
POPULATIONS = {"in_work": "working-age adults", "on_benefits": "working-age adults"}


def _method(data: CombinedData, width: float, locale: str) -> list:
    story = _section(5)
    story.append(para("Disclosure control", "h2"))
    story.append(para(ROUNDING))
    story.append(para("Combining", "h2"))
    story.append(
        para(
            "Every bundle was checked before it was used: its files against the SHA-256 its "
            "datapackage.json gives, every value against its field, and its key figures against "
            "its own detail tables. Each group's period is given once. Figures are totalled only "
            "over groups that share the period and the currency; amounts in different "
            "currencies, or for different periods, are never added together."
        )
    )
    story.append(para("Definitions", "h2"))
    keys = [f.key for f in data.figures]
    story.append(
        table(
            ("Figure or term", "Definition"),
            [
                [wrap(a), wrap(b)]
                for a, b in [(FIGURES[k].label, FIGURES[k].text) for k in keys] + list(TERMS)
            ],
            (150, width - 150),
        )
    )
    story.append(para("Funds rules", "h2"))
    rules = {(g.programme, g.funds_rule, g.funds_rule_text) for g in data.groups}
    story.append(
        table(
            ("Programme", "Funds rule"),
            [[wrap(p), wrap(f"{rule}: {text}")] for p, rule, text in sorted(rules)],
            (150, width - 150),
        )
    )
    story.append(para("Bundles combined", "h2"))
    story.append(
        table(
            ("Bundle", "Bundle id", "Made"),
            [[wrap(g.bundle), wrap(g.bundle_id), wrap(g.made_at)] for g in data.groups],
            (150, 200, width - 350),
        )
    )
    return story
