"""`sponsor-app combine`: many groups' data bundles in one cross-group summary, honestly.

Every bundle is checked first (bundle_reader.py), then against its own detail tables (its key
figures must add up from them) and against the others (one group's period only once); any
refusal stops the combine, one line per bundle. Figures stay per group, each carrying its
group, programme, period and currency. Totals are made only over groups that share both the
period and the currency (a "comparable set"): pounds are never added to dollars, nor one year
to another. The figures here are exact; the PDF rounds counts of people and households
(domain/small_counts.py) when it lays them out, the CSV keeps them exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ...domain.definitions import FIGURES
from ...domain.errors import InvalidInput, SponsorDeskError
from ...domain.hours import decimal_hours
from ...domain.indicator_points import PointStatus
from ...domain.messages import Listed, Message, Reporting, english
from ...domain.reports import size_band
from ...domain.small_counts import bundle_secret
from .bundle import BadBundle
from .bundle_reader import LoadedBundle, parse_bundle, read_file
from .bundle_tables import shared_indicators
from .disclosure import TextSource, shapes_only
from .evaluation_data import POINTS

COUNTED_KINDS = ("yesno", "choice", "choices")  # shown as households per answer
MEAN_KINDS = ("number",)  # shown as an average over households
CURRENCY_UNIT = "currency"


class BundlesRefused(SponsorDeskError):
    """Bundles combine would not use: one message each (a line each), nothing written."""

    def __init__(self, refusals: Sequence[Message]):
        self.refusals = tuple(refusals)
        self.lines = tuple(english(r) for r in self.refusals)  # the command line's
        super().__init__(Listed(self.refusals, "\n"))


@dataclass(frozen=True)
class GroupColumn:
    bundle: str  # the file's name
    bundle_id: str
    group_id: str
    name: str
    programme: str
    country: str
    currency: str
    period_start: date
    period_end: date
    households: int
    anonymised: bool
    funds_rule: str
    funds_rule_text: str
    made_at: str
    secret: bytes  # the rounding's secret for this group's counts (its bundle's bytes)


@dataclass(frozen=True)
class ComparableSet:
    """Groups with the same period and currency: the only groups whose figures are totalled."""

    number: int  # 1, 2... in the order the groups came
    period_start: date
    period_end: date
    currency: str
    members: tuple[int, ...]  # indices into CombinedData.groups
    secret: bytes  # the rounding's secret for its totals

    @property
    def totalled(self) -> bool:
        return len(self.members) > 1


@dataclass(frozen=True)
class CombinedFigure:
    key: str
    label: str
    unit: str  # households, people, tasks, hours, %, ... or "currency" for money
    counts: str  # households or people: rounded in print
    definition: str
    values: tuple[Decimal | None, ...]  # per group; None when a group has no such figure
    totals: tuple[Decimal | None, ...]  # per comparable set; None where not totalled


@dataclass(frozen=True)
class AnswerCount:
    """Households giving one answer to one indicator at one point, per group and per set."""

    key: str
    label: str
    answer: str  # the answer, or "average" for a number indicator
    point: str
    unit: str
    households: tuple[int, ...]  # per group: with this answer (or with a reading, numbers)
    means: tuple[Decimal | None, ...]  # per group, numbers only
    totals: tuple[int | None, ...]  # per set
    total_means: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Coverage:
    """Of the households an indicator was due for at a point, how many have a reading."""

    key: str
    point: str
    recorded: tuple[int, ...]
    expected: tuple[int, ...]
    totals: tuple[tuple[int, int] | None, ...]  # per set: (recorded, expected)


@dataclass(frozen=True)
class PeopleCount:
    """A count of people out of people (national indicators, age bands), per group and set."""

    key: str
    label: str
    point: str
    people: tuple[int | None, ...]
    of_people: tuple[int | None, ...]
    totals: tuple[tuple[int, int] | None, ...]


@dataclass(frozen=True)
class HouseholdReading:
    """One household's indicator at one point, with its group: the CSV's long table."""

    group: int
    household: str
    key: str
    kind: str
    point: str
    point_on: date | None  # named bundles only
    status: str
    recorded_on: date | None  # named bundles only
    recorded_month: date | None
    value: object


@dataclass(frozen=True)
class CombinedData:
    groups: tuple[GroupColumn, ...]
    sets: tuple[ComparableSet, ...]
    figures: tuple[CombinedFigure, ...]
    answers: tuple[AnswerCount, ...]
    coverage: tuple[Coverage, ...]
    national: tuple[PeopleCount, ...]
    make_up: tuple[PeopleCount, ...]
    readings: tuple[HouseholdReading, ...]
    generated_at: datetime

    @property
    def period_start(self) -> date:
        return min(g.period_start for g in self.groups)

    @property
    def period_end(self) -> date:
        return max(g.period_end for g in self.groups)

    @property
    def periods_differ(self) -> bool:
        return len({(g.period_start, g.period_end) for g in self.groups}) > 1

    @property
    def currencies_differ(self) -> bool:
        return len({g.currency for g in self.groups}) > 1

    def set_of(self, group: int) -> ComparableSet:
        return next(s for s in self.sets if group in s.members)


# --- loading and checking ---------------------------------------------------------------------
def load_bundles(paths: Sequence[Path]) -> list[LoadedBundle]:
    """Read and check every bundle; refuse them all at once, one line each."""
    if not paths:
        raise InvalidInput.single("bundles", Reporting.NO_BUNDLES())
    named = []
    for path in paths:
        try:
            named.append((Path(path).name, read_file(Path(path))))
        except BadBundle as error:
            named.append((Path(path).name, error))
    return checked_bundles(named)


def checked_bundles(named: Sequence[tuple[str, bytes | BadBundle]]) -> list[LoadedBundle]:
    """Bundles given as (name, bytes) (from files, or later from a hub), checked one by one,
    against their own tables, then against each other."""
    refusals, loaded = [], []
    for name, content in named:
        if isinstance(content, BadBundle):
            refusals.append(content.said)
            continue
        try:
            bundle = parse_bundle(name, content)
            cross_check(bundle)
        except BadBundle as error:
            refusals.append(error.said)
            continue
        loaded.append(bundle)
    refusals += _duplicates(loaded)
    if refusals:
        raise BundlesRefused(refusals)
    return loaded


def _duplicates(bundles: list[LoadedBundle]) -> list[Message]:
    seen: dict[tuple, LoadedBundle] = {}
    lines = []
    for b in bundles:
        g = b.group
        key = (g["group_id"], g["period_start"], g["period_end"])
        if key in seen:
            first = seen[key]
            lines.append(
                Reporting.SAME_GROUP_TWICE(
                    first=first.name,
                    second=b.name,
                    group=g["group_name"][:80],
                    start=g["period_start"],
                    end=g["period_end"],
                )
            )
        else:
            seen[key] = b
    return lines


def cross_check(bundle: LoadedBundle) -> None:
    """A bundle's key figures against its own detail tables: an edited figure that no longer
    adds up is refused, whatever its hash says."""
    t = bundle.tables
    figures = {r["figure"]: r["value"] for r in t["figures"]}
    households = t["households"]
    money = t["money"]

    def total(rows, field) -> Decimal:
        return sum((Decimal(r[field] or 0) for r in rows), Decimal(0))

    def money_of(kind: str, category: str | None = None) -> Decimal:
        return total(
            [
                r
                for r in money
                if r["kind"] == kind and (category is None or r["category"] == category)
            ],
            "amount",
        )

    minutes = sum(r["minutes"] or 0 for r in t["volunteer_hours"])
    people, people_from = _people(bundle)
    expected = {
        "households": Decimal(len(households)),
        "people": people,
        "tasks_due": total(households, "tasks_due"),
        "tasks_due_done": total(households, "tasks_due_done"),
        "tasks_overdue": total(households, "tasks_overdue"),
        "tasks_done_early": total(households, "tasks_done_early"),
        "check_ins": total(households, "check_ins"),
        "concerns_open": total(households, "concerns_open"),
        "income": money_of("income"),
        "spending": money_of("spending"),
        "opening_balance": money_of("balance", "opening"),
        "closing_balance": money_of("balance", "closing"),
        "volunteer_hours": decimal_hours(minutes),
        "volunteers_active": total(t["vetting"], "volunteers"),
    }
    checks = [
        ("group.csv households", Decimal(bundle.group["households"]), expected["households"],
         "households.csv"),
    ]  # fmt: skip
    sources = {
        "income": "money.csv",
        "spending": "money.csv",
        "opening_balance": "money.csv",
        "closing_balance": "money.csv",
        "volunteer_hours": "volunteer_hours.csv",
        "volunteers_active": "vetting.csv",
        "people": people_from,
    }
    for key, value in expected.items():
        if key in figures:
            checks.append(
                (f"figures.csv {key}", figures[key], value, sources.get(key, "households.csv"))
            )
    if "closing_balance" in figures and "opening_balance" in figures:
        flow = figures["opening_balance"] + expected["income"] - expected["spending"]
        checks.append(
            ("figures.csv closing_balance", figures["closing_balance"], flow, "money.csv")
        )
    for where, said, total, source in checks:
        if total is None:  # nothing in the bundle to count it from
            continue
        if said is None or Decimal(said) != total:
            raise BadBundle(
                Reporting.FIGURE_CHANGED(
                    name=bundle.name, where=where, said=said, source=source, total=total
                )
            )


def _people(bundle: LoadedBundle) -> tuple[Decimal | None, str]:
    """The people in a bundle's households as its own tables give them: the sum of
    households.csv's people (named), else of make_up.csv's age bands (an anonymised bundle of 3
    or more households); None when neither gives it (1 or 2 households, anonymised: the
    figure is then left out too). Each household's size band must hold its count, and the
    total must lie within what the bands allow."""
    households, make_up = bundle.tables["households"], bundle.tables["make_up"]
    low = high = 0
    for h in households:
        band = h["size_band"]
        if h["people"] is not None and size_band(h["people"]) != band:
            raise BadBundle(
                Reporting.SIZE_BAND_CHANGED(
                    name=bundle.name, household=h["household"], n=int(h["people"]), band=band
                )
            )
        first, _, last = band.partition("-")
        low += int(first.rstrip("+"))
        high = None if high is None or band.endswith("+") else high + int(last or first)
    if all(h["people"] is not None for h in households):
        people, source = sum((Decimal(h["people"]) for h in households), Decimal(0)), None
    elif make_up:
        people = sum((Decimal(r["people"] or 0) for r in make_up), Decimal(0))
        source = "make_up.csv"
    else:
        return None, ""
    if people < low or (high is not None and people > high):
        raise BadBundle(
            Reporting.PEOPLE_OUTSIDE_BANDS(
                name=bundle.name, source=source or "households.csv", n=int(people)
            )
        )
    return people, source or "households.csv"


# --- combining --------------------------------------------------------------------------------
def combine(bundles: list[LoadedBundle], generated_at: datetime | None = None) -> CombinedData:
    groups = tuple(_group(b) for b in bundles)
    sets = _sets(groups)
    return CombinedData(
        groups=groups,
        sets=sets,
        figures=_figures(bundles, sets),
        answers=_answers(bundles, sets),
        coverage=_coverage(bundles, sets),
        national=_national(bundles, sets),
        make_up=_make_up(bundles, sets),
        readings=_readings(bundles),
        generated_at=generated_at or datetime.now().astimezone(),
    )


def _said(source: TextSource, text: str) -> str:
    """Typed text from a bundle as combine writes it: through the one Disclosure too. There is
    no file here, so no names are known (each bundle was masked when it was made): emails,
    phone numbers and street addresses are masked by their shape."""
    return _SHAPES.typed(source, text)


_SHAPES = shapes_only()


def _group(b: LoadedBundle) -> GroupColumn:
    g = b.group
    return GroupColumn(
        bundle=b.name,
        bundle_id=b.id,
        group_id=g["group_id"],
        name=_said(TextSource.GROUP_NAME, g["group_name"]),
        programme=g["programme"],
        country=g["country"] or "",
        currency=g["currency"],
        period_start=g["period_start"],
        period_end=g["period_end"],
        households=g["households"],
        anonymised=g["anonymised"],
        funds_rule=g["funds_rule"],
        funds_rule_text=_said(TextSource.FUNDS_RULE, g["funds_rule_text"] or ""),
        made_at=g["generated_at"],
        secret=bundle_secret(bytes.fromhex(b.content_hash)),
    )


def _sets(groups: tuple[GroupColumn, ...]) -> tuple[ComparableSet, ...]:
    keys: dict[tuple, list[int]] = {}
    for index, g in enumerate(groups):
        keys.setdefault((g.period_start, g.period_end, g.currency), []).append(index)
    return tuple(
        ComparableSet(
            number,
            start,
            end,
            currency,
            tuple(members),
            bundle_secret(*(groups[i].secret for i in members)),
        )
        for number, ((start, end, currency), members) in enumerate(keys.items(), start=1)
    )


def _figures(bundles: list[LoadedBundle], sets) -> tuple[CombinedFigure, ...]:
    by_group = [{r["figure"]: r for r in b.tables["figures"]} for b in bundles]
    keys = [k for k in FIGURES if any(k in g for g in by_group)]
    made = []
    for key in keys:
        definition = FIGURES[key]
        values = tuple(g[key]["value"] if key in g else None for g in by_group)
        totals = tuple(_sum(values, s) if definition.unit != "%" else None for s in sets)
        made.append(
            CombinedFigure(
                key,
                definition.label,
                definition.unit,
                definition.counts,
                definition.text,
                values,
                totals,
            )
        )
    return _with_share(tuple(made), sets)


def _sum(values, comparable: ComparableSet):
    """The total over a comparable set of two or more groups that all have the figure."""
    mine = [values[i] for i in comparable.members]
    if not comparable.totalled or any(v is None for v in mine):
        return None
    return sum(mine, type(mine[0])(0))


def _with_share(figures: tuple[CombinedFigure, ...], sets) -> tuple[CombinedFigure, ...]:
    """The vetted share of each set, from its summed counts (never a sum of shares)."""
    by = {f.key: f for f in figures}
    vetted, active = by.get("volunteers_vetted"), by.get("volunteers_active")
    if not (vetted and active):
        return figures
    shares = tuple(
        (100 * v / a).quantize(Decimal(1)) if v is not None and a else None
        for v, a in zip(vetted.totals, active.totals, strict=True)
    )
    return tuple(
        CombinedFigure(f.key, f.label, f.unit, f.counts, f.definition, f.values, shares)
        if f.key == "volunteers_vetted_share"
        else f
        for f in figures
    )


def _answers(bundles: list[LoadedBundle], sets) -> tuple[AnswerCount, ...]:
    known = [i for i in shared_indicators() if not i.sensitive]
    made = []
    for point in POINTS[1:]:
        values = [[r for r in b.tables["indicator_values"] if r["point"] == point] for b in bundles]
        for indicator in known:
            kind = indicator.kind.value
            per_group = [
                [r[indicator.key] for r in rows if r[indicator.key] is not None] for rows in values
            ]
            if kind in MEAN_KINDS:
                counts = tuple(len(v) for v in per_group)
                means = tuple(_mean(v) for v in per_group)
                totals = tuple(
                    sum(counts[i] for i in s.members) if s.totalled else None for s in sets
                )
                total_means = tuple(
                    _mean([x for i in s.members for x in per_group[i]]) if s.totalled else None
                    for s in sets
                )
                made.append(AnswerCount(indicator.key, indicator.label, "average", point,
                                        indicator.unit, counts, means, totals, total_means))  # fmt: skip
            elif kind in COUNTED_KINDS:
                for answer in _answers_of(indicator):
                    counts = tuple(
                        sum(1 for v in group if _holds(v, answer, kind)) for group in per_group
                    )
                    totals = tuple(
                        sum(counts[i] for i in s.members) if s.totalled else None for s in sets
                    )
                    made.append(AnswerCount(indicator.key, indicator.label, answer, point,
                                            indicator.unit, counts, (None,) * len(counts), totals,
                                            (None,) * len(sets)))  # fmt: skip
    return tuple(made)


def _answers_of(indicator) -> tuple[str, ...]:
    return ("yes", "no") if indicator.kind.value == "yesno" else indicator.options


def _holds(value, answer: str, kind: str) -> bool:
    if kind == "yesno":
        return value is (answer == "yes")
    if kind == "choices":
        return answer in str(value).split("; ")
    return value == answer


def _mean(values) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None


def _coverage(bundles: list[LoadedBundle], sets) -> tuple[Coverage, ...]:
    made = []
    by_group = [
        {(r["indicator"], r["point"]): r for r in b.tables["completeness"]} for b in bundles
    ]
    for indicator in shared_indicators():
        for point in POINTS:
            rows = [g.get((indicator.key, point)) for g in by_group]
            recorded = tuple(r["households_recorded"] if r else 0 for r in rows)
            expected = tuple(r["households_expected"] if r else 0 for r in rows)
            totals = tuple(
                (sum(recorded[i] for i in s.members), sum(expected[i] for i in s.members))
                if s.totalled
                else None
                for s in sets
            )
            made.append(Coverage(indicator.key, point, recorded, expected, totals))
    return tuple(made)


def _national(bundles: list[LoadedBundle], sets) -> tuple[PeopleCount, ...]:
    from ...domain.definitions import NATIONAL

    by_group = [
        {(r["indicator"], r["point"]): r for r in b.tables["national_indicators"]} for b in bundles
    ]
    keys = list(dict.fromkeys(k for g in by_group for k in g))
    made = []
    for key, point in keys:
        rows = [g.get((key, point)) for g in by_group]
        people = tuple(r["people"] if r else None for r in rows)
        of = tuple(r["of_people"] if r else None for r in rows)
        made.append(
            PeopleCount(key, NATIONAL[key].label, point, people, of, _pair_totals(people, of, sets))
        )
    return tuple(made)


def _make_up(bundles: list[LoadedBundle], sets) -> tuple[PeopleCount, ...]:
    by_group = [{r["age_band"]: r["people"] for r in b.tables["make_up"]} for b in bundles]
    bands = list(dict.fromkeys(k for g in by_group for k in g))
    everyone = tuple(sum(g.values()) if g else None for g in by_group)  # empty: withheld
    made = []
    for band in bands:
        people = tuple(g.get(band) for g in by_group)
        made.append(
            PeopleCount(
                band, band, "period end", people, everyone, _pair_totals(people, everyone, sets)
            )
        )
    return tuple(made)


def _pair_totals(people, of, sets):
    return tuple(
        (sum(people[i] for i in s.members), sum(of[i] for i in s.members))
        if s.totalled and all(people[i] is not None and of[i] is not None for i in s.members)
        else None
        for s in sets
    )


def _readings(bundles: list[LoadedBundle]) -> tuple[HouseholdReading, ...]:
    kinds = {i.key: i.kind.value for i in shared_indicators()}
    made = []
    for index, b in enumerate(bundles):
        values = {(r["household"], r["point"]): r for r in b.tables["indicator_values"]}
        for r in b.tables["indicators"]:
            row = values.get((r["household"], r["point"]), {})
            value = row.get(r["indicator"]) if r["status"] == PointStatus.RECORDED else None
            if isinstance(value, str):  # free text (a named bundle) or an option
                value = _said(TextSource.INDICATOR_VALUE, value)
            household = _said(TextSource.HOUSEHOLD_CODE, r["household"])
            made.append(
                HouseholdReading(index, household, r["indicator"], kinds[r["indicator"]],
                                 r["point"], r["point_on"], r["status"], r["recorded_on"],
                                 r["recorded_month"], value)
            )  # fmt: skip
    return tuple(made)
