"""`sponsor-app combine`: many groups' data bundles in one cross-group summary.

Exact figures here (the CSV keeps them); the PDF suppresses small counts when it lays them out.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain.errors import InvalidInput
from ..domain.indicators import SNAPSHOT_MONTHS
from ..domain.plurals import counted
from .bundle import BUNDLE_VERSION, LoadedBundle, read_bundle
from .disclosure import TextSource, shapes_only
from .tabular import neutralise

POINTS = tuple(counted(m, "month") for m in SNAPSHOT_MONTHS)
COUNTED_KINDS = ("yesno", "choice", "choices")  # shown as households per answer
MEAN_KINDS = ("number",)  # shown as an average over households


@dataclass(frozen=True)
class GroupColumn:
    group_id: str
    name: str
    programme: str
    country: str
    currency: str
    period_start: date
    period_end: date
    households: int
    anonymised: bool


@dataclass(frozen=True)
class CombinedFigure:
    key: str
    label: str
    unit: str
    counts: str  # households or people: small values are suppressed in print
    values: tuple[Decimal | None, ...]  # one per group, None when a group lacks it
    total: Decimal | None  # None when it cannot be added up (shares, mixed currencies)


@dataclass(frozen=True)
class CombinedIndicator:
    key: str
    label: str
    answer: str  # the answer counted, or "average" for numbers
    unit: str
    households: tuple[int, ...]  # per point: households with this answer (or with a reading)
    means: tuple[Decimal | None, ...]  # per point, numbers only


@dataclass(frozen=True)
class CombinedData:
    groups: tuple[GroupColumn, ...]
    figures: tuple[CombinedFigure, ...]
    indicators: tuple[CombinedIndicator, ...]
    generated_at: datetime

    @property
    def period_start(self) -> date:
        return min(g.period_start for g in self.groups)

    @property
    def period_end(self) -> date:
        return max(g.period_end for g in self.groups)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text not in ("", None) else None
    except InvalidOperation:
        return None


def load_bundles(paths: list[Path]) -> list[LoadedBundle]:
    if not paths:
        raise InvalidInput.single("bundles", "Name at least one bundle to combine.")
    return [read_bundle(Path(p)) for p in paths]


def combine(bundles: list[LoadedBundle], generated_at: datetime | None = None) -> CombinedData:
    # The text combine writes passes the one Disclosure too: no file, so no names are known
    # (each bundle was masked when it was made); emails, phones and addresses by their shape.
    said = shapes_only().typed
    groups = tuple(
        GroupColumn(
            b.group["group_id"],
            said(TextSource.GROUP_NAME, b.group["group_name"]),
            b.group["programme"],
            b.group["country"],
            b.group["currency"],
            date.fromisoformat(b.group["period_start"]),
            date.fromisoformat(b.group["period_end"]),
            int(b.group["households"]),
            b.group["anonymised"] == "true",
        )
        for b in bundles
    )
    return CombinedData(
        groups,
        _figures(bundles, groups, said),
        _indicators(bundles, said),
        generated_at or datetime.now().astimezone(),
    )


def _figures(bundles: list[LoadedBundle], groups, said) -> tuple[CombinedFigure, ...]:
    order: dict[str, dict[str, str]] = {}
    for b in bundles:
        for row in b.tables["figures"]:
            order.setdefault(row["figure"], row)
    one_currency = len({g.currency for g in groups}) == 1
    by_group = [{r["figure"]: _number(r["value"]) for r in b.tables["figures"]} for b in bundles]
    result = []
    for key, row in order.items():
        values = tuple(values.get(key) for values in by_group)
        present = [v for v in values if v is not None]
        total: Decimal | None = sum(present, Decimal(0)) if present else None
        if row["unit"] == "%":
            total = None
        elif (
            row["unit"] not in ("households", "people", "tasks", "hours", "check-ins")
            and not one_currency
        ):
            total = None  # amounts in different currencies do not add up
        label = said(TextSource.FIGURE_LABEL, row["label"])
        result.append(CombinedFigure(key, label, row["unit"], row["counts"], values, total))
    return _with_share(tuple(result))


def _with_share(figures: tuple[CombinedFigure, ...]) -> tuple[CombinedFigure, ...]:
    """The vetted share of all groups together, from the summed counts."""
    by = {f.key: f for f in figures}
    vetted, active = by.get("volunteers_vetted"), by.get("volunteers_active")
    if not (vetted and active and active.total):
        return figures
    share = (100 * vetted.total / active.total).quantize(Decimal(1))
    return tuple(
        CombinedFigure(f.key, f.label, f.unit, f.counts, f.values, share)
        if f.key == "volunteers_vetted_share"
        else f
        for f in figures
    )


def _indicators(bundles: list[LoadedBundle], said) -> tuple[CombinedIndicator, ...]:
    rows = [r for b in bundles for r in b.tables["indicators"] if r["point"] in POINTS]
    keys: dict[str, dict[str, str]] = {}
    for row in rows:
        keys.setdefault(row["indicator"], row)
    result = []
    for key, first in keys.items():
        mine = [r for r in rows if r["indicator"] == key and r["value"] != ""]
        kind = first["kind"]
        label = said(TextSource.INDICATOR_LABEL, first["label"])
        if kind in MEAN_KINDS:
            counts, means = [], []
            for point in POINTS:
                values = [
                    v for r in mine if r["point"] == point if (v := _number(r["value"])) is not None
                ]
                counts.append(len(values))
                means.append(
                    (sum(values) / len(values)).quantize(Decimal("0.1")) if values else None
                )
            result.append(
                CombinedIndicator(key, label, "average", first["unit"], tuple(counts), tuple(means))
            )
        elif kind in COUNTED_KINDS:
            answers = sorted({r["value"] for r in mine})
            for answer in answers:
                counts = tuple(
                    sum(1 for r in mine if r["point"] == point and r["value"] == answer)
                    for point in POINTS
                )
                answer_said = said(TextSource.INDICATOR_VALUE, answer)
                result.append(
                    CombinedIndicator(
                        key, label, answer_said, first["unit"], counts, (None,) * len(POINTS)
                    )
                )
    return tuple(result)  # fmt: skip


# --- the evaluator's CSV (exact figures) ------------------------------------------------------
def combined_csv_bytes(data: CombinedData) -> bytes:
    """A zip of figures.csv and indicators.csv (long format, exact, with totals as group
    "all") and a datapackage.json describing them."""
    figures = io.StringIO()
    writer = _Inert(csv.writer(figures, lineterminator="\n"))
    writer.writerow(["group_id", "group_name", "figure", "label", "unit", "counts", "value"])
    for f in data.figures:
        for group, value in zip(data.groups, f.values, strict=True):
            writer.writerow(
                [
                    group.group_id,
                    group.name,
                    f.key,
                    f.label,
                    f.unit,
                    f.counts,
                    "" if value is None else value,
                ]
            )
        writer.writerow(
            [
                "all",
                "All groups",
                f.key,
                f.label,
                f.unit,
                f.counts,
                "" if f.total is None else f.total,
            ]
        )
    indicators = io.StringIO()
    writer = _Inert(csv.writer(indicators, lineterminator="\n"))
    writer.writerow(["indicator", "label", "answer", "unit", "point", "households", "mean"])
    for i in data.indicators:
        for point, count, mean in zip(POINTS, i.households, i.means, strict=True):
            writer.writerow(
                [i.key, i.label, i.answer, i.unit, point, count, "" if mean is None else mean]
            )
    descriptor = {
        "profile": "tabular-data-package",
        "name": "sponsor-desk-combined",
        "sponsor_desk_bundle_version": BUNDLE_VERSION,
        "created": data.generated_at.isoformat(timespec="seconds"),
        "groups": [g.name for g in data.groups],
        "resources": [
            _resource("figures", "Each group's key figures and their total (group_id all).", [
                ("group_id", "string"), ("group_name", "string"), ("figure", "string"),
                ("label", "string"), ("unit", "string"), ("counts", "string"), ("value", "number"),
            ]),
            _resource("indicators", "Households by answer (or the average of numbers) at 3, 6, 12 and 24 months after arrival, all groups together.", [
                ("indicator", "string"), ("label", "string"), ("answer", "string"), ("unit", "string"),
                ("point", "string"), ("households", "integer"), ("mean", "number"),
            ]),
        ],
    }  # fmt: skip
    out = io.BytesIO()
    stamp = data.generated_at.timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            ("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False)),
            ("figures.csv", figures.getvalue()),
            ("indicators.csv", indicators.getvalue()),
        ):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return out.getvalue()


class _Inert:
    """A CSV writer that neutralises text (a group's name could start a formula in the
    evaluator's spreadsheet); numbers, in the number columns, are written as they are."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row) -> None:
        self._writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])


def _resource(name: str, description: str, fields: list[tuple[str, str]]) -> dict:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "encoding": "utf-8",
        "description": description,
        "schema": {"fields": [{"name": n, "type": t} for n, t in fields], "missingValues": [""]},
    }
