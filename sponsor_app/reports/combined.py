"""The cross-group summary (`sponsor-app combine`): groups side by side, totals, and indicators
at 3, 6, 12 and 24 months. It gets printed and passed on, so a cell counting fewer than 3
households or people shows "<3" (the evaluator's CSV keeps the exact figure)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from .. import __version__
from ..domain.periods import Period
from ..domain.plurals import counted
from ..domain.reports import ReportKind, is_letter_paper, suppressed
from ..services.combine import POINTS, CombinedData
from ..services.report_data import ReportMeta
from .blocks import cell, heading, nothing, para, table, wrap
from .template import ReportDocTemplate
from .words import money_writer, percent_text, short_date

GROUPS_PER_TABLE = 4


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


def _figure_text(figure, value: Decimal | None, currency: str, locale: str) -> str:
    if value is None:
        return "–"
    if figure.counts in ("households", "people"):
        return suppressed(int(value))
    if figure.unit == "%":
        return percent_text(value)
    if len(figure.unit) == 3 and figure.unit.isupper():
        return money_writer(figure.unit, locale).minor(int(value * 100))
    if figure.unit == "hours":
        return f"{value:,} h"
    return f"{value:,}"


def build(data: CombinedData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    meta = meta_of(data)
    doc = ReportDocTemplate(out, meta, invariant=invariant)
    width, locale = doc.width, meta.locale
    story = [*heading("1. Groups", "section-1")]
    story.append(
        para(
            'Counts of fewer than 3 households or people are shown as "<3" so that no family or '
            "person can be singled out; the CSV made alongside keeps the exact figures.",
            "note",
        )
    )
    story.append(
        table(
            ("Group", "Programme", "Period", "Households", "Anonymised"),
            [
                [
                    wrap(g.name),
                    wrap(g.programme),
                    wrap(
                        f"{short_date(g.period_start, locale)} to {short_date(g.period_end, locale)}"
                    ),
                    suppressed(g.households),
                    "yes" if g.anonymised else "no: confidential",
                ]
                for g in data.groups
            ],
            (110, width - 380, 130, 65, 75),
            numeric=(3,),
        )
    )
    story += heading("2. Key figures side by side", "section-2")
    currencies = {g.currency for g in data.groups}
    if len(currencies) > 1:
        story.append(
            para(
                "The groups keep their books in different currencies: amounts are not totalled.",
                "note",
            )
        )
    for start in range(0, len(data.groups), GROUPS_PER_TABLE):
        chunk = list(range(start, min(start + GROUPS_PER_TABLE, len(data.groups))))
        last = start + GROUPS_PER_TABLE >= len(data.groups)
        header = ["Figure", *[data.groups[i].name for i in chunk]] + (
            ["All groups"] if last else []
        )
        rows = []
        for f in data.figures:
            row = [wrap(f.label)]
            row += [_figure_text(f, f.values[i], data.groups[i].currency, locale) for i in chunk]
            if last:
                row.append(_figure_text(f, f.total, meta.currency, locale))
            rows.append(row)
        columns = len(header) - 1
        story.append(
            table(
                header,
                rows,
                (170, *[(width - 170) / columns] * columns),
                numeric=tuple(range(1, columns + 1)),
            )
        )
    story += heading("3. Indicators at 3, 6, 12 and 24 months", "section-3")
    story.append(
        para(
            "All groups' households together: for each answer, how many households gave it at "
            "that point after their arrival; for numbers, the average and how many households it "
            "is taken over. Health indicators are not included (they are only counted in each "
            "group's own report).",
            "note",
        )
    )
    if not data.indicators:
        story.append(nothing("No bundle had readings at 3, 6, 12 or 24 months after arrival."))
    else:
        rows = []
        for i in data.indicators:
            if i.answer == "average":
                cells = [
                    suppressed(n, f"{mean} (n={n})" if mean is not None else "–")
                    for n, mean in zip(i.households, i.means, strict=True)
                ]
            else:
                cells = [suppressed(n) for n in i.households]
            rows.append([wrap(i.label), cell(i.answer), *cells])
        story.append(
            table(
                ("Indicator", "Answer", *POINTS),
                rows,
                (150, 100, *[(width - 250) / 4] * 4),
                numeric=(2, 3, 4, 5),
            )
        )
    doc.build_story(story)
