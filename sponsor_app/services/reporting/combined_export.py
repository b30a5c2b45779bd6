"""The evaluator's exact copy of a cross-group summary: CSV tables in a zip with a
datapackage.json (saying the figures are exact, not disclosure-controlled) and the same tables
as one workbook. Every row carries its group, programme, period and currency; totals are a
table of their own, one row per comparable set (same period, same currency), so adding up a
column of the figures never counts a group twice.
"""

from __future__ import annotations

from ...domain.definitions import FIGURES
from ...domain.plurals import counted
from ..imports.workbook import Sheet, workbook
from .bundle import BUNDLE_VERSION, csv_bytes, csv_resource, packed, sha256
from .bundle_schema import INT, B, D, Field, N, Resource, S, codebook
from .combine import CombinedData
from .evaluation_data import POINTS

WORKBOOK = "combined.xlsx"
EXACT = (
    "Exact figures for authorised evaluators: no disclosure control is applied here. The PDF "
    "made with them rounds every count of households or people to a multiple of 3 (random "
    "rounding to base 3); do not publish these tables as they are."
)

GROUP = (
    Field("group_id", S, "The group's identifier (stable across its bundles)", required=True),
    Field("group_name", S, "The group's name", required=True, max_length=200),
    Field("programme", S, "The sponsorship programme", required=True),
    Field("period_start", D, "First day the group's figures cover", required=True),
    Field("period_end", D, "Last day the group's figures cover", required=True),
    Field("currency", S, "ISO 4217 code of the group's amounts", required=True),
)
SET = (
    Field("comparable_set", INT, "Groups with the same period and currency: only they are "
          "totalled together", required=True, minimum=1),
)  # fmt: skip


def _group(data: CombinedData, index: int) -> tuple:
    g = data.groups[index]
    return (g.group_id, g.name, g.programme, g.period_start, g.period_end, g.currency)


def _set_fields() -> tuple[Field, ...]:
    return (
        *SET,
        Field("groups", INT, "How many groups it totals", minimum=2),
        Field("group_ids", S, 'The groups it totals, by id, separated by "; "', max_length=5000),
        Field("period_start", D, "First day of the shared period", required=True),
        Field("period_end", D, "Last day of the shared period", required=True),
        Field("currency", S, "The shared currency", required=True),
    )


def _set(data: CombinedData, s) -> tuple:
    ids = "; ".join(data.groups[i].group_id for i in s.members)
    return (s.number, len(s.members), ids, s.period_start, s.period_end, s.currency)


def _unit(data: CombinedData, unit: str, currency: str) -> str:
    return currency if unit == "currency" else unit


def tables(data: CombinedData) -> list[tuple[Resource, list[tuple]]]:
    totalled = [s for s in data.sets if s.totalled]
    figure_fields = (
        Field("figure", S, "Stable key of the figure", required=True, enum=tuple(FIGURES)),
        Field("label", S, "What it is"),
        Field("value", N, "The figure; money in major units of the currency"),
        Field("unit", S, "households, people, tasks, hours, %, ... or the currency code"),
        Field("counts", S, "households or people: rounded in the PDF, exact here",
              enum=("", "households", "people")),
    )  # fmt: skip
    made: list[tuple[Resource, list[tuple]]] = [
        (
            Resource(
                "groups",
                "The groups combined, from which bundle, and their comparable set.",
                (
                    Field("bundle", S, "The bundle's file name"),
                    Field("bundle_id", S, "The bundle's id (its datapackage.json)", required=True),
                    *GROUP,
                    Field("country", S, "ISO 3166 country code"),
                    Field("households", INT, "Households covered", unit="households", minimum=0),
                    Field("anonymised", B, "Whether the bundle was anonymised"),
                    Field("funds_rule", S, "The programme's funds rule by name"),
                    Field("funds_rule_text", S, "The rule in the programme's words"),
                    *SET,
                ),
            ),
            [
                (
                    g.bundle,
                    g.bundle_id,
                    *_group(data, i),
                    g.country,
                    g.households,
                    g.anonymised,
                    g.funds_rule,
                    g.funds_rule_text,
                    data.set_of(i).number,
                )
                for i, g in enumerate(data.groups)
            ],
        ),
        (
            Resource(
                "figures",
                "Each group's key figures with their definitions (never "
                "totalled here: see totals).",
                (*GROUP, *figure_fields, Field("definition", S, "Exactly what the figure counts")),
            ),
            [
                (
                    *_group(data, i),
                    f.key,
                    f.label,
                    v,
                    _unit(data, f.unit, data.groups[i].currency),
                    f.counts,
                    f.definition,
                )
                for f in data.figures
                for i, v in enumerate(f.values)
                if v is not None
            ],
        ),
        (
            Resource(
                "totals",
                "Figures totalled over each comparable set of two or more groups "
                "(same period and currency); shares recomputed from the summed counts.",
                (*_set_fields(), *figure_fields),
            ),
            [
                (
                    *_set(data, s),
                    f.key,
                    f.label,
                    f.totals[data.sets.index(s)],
                    _unit(data, f.unit, s.currency),
                    f.counts,
                )
                for s in totalled
                for f in data.figures
                if f.totals[data.sets.index(s)] is not None
            ],
        ),
        (
            Resource(
                "indicators",
                "Each household's indicators at each point, with its group: "
                "status, the reading's date and its value.",
                (
                    *GROUP,
                    Field("household", S, "Household code within its group", required=True),
                    Field("indicator", S, "Stable key of the indicator", required=True),
                    Field("kind", S, "number, yesno, choice, choices, date or text"),
                    Field("point", S, "latest or N months after arrival", enum=POINTS),
                    Field("point_on", D, "The day the point falls on (named bundles only)"),
                    Field("status", S, "recorded, not_reached, not_applicable or not_recorded"),
                    Field("recorded_on", D, "Date of the reading (named bundles only)"),
                    Field("recorded_month", D, "First day of the month of the reading"),
                    Field("value", S, "The value (typed in each group's own bundle)"),
                ),
            ),
            [
                (
                    *_group(data, r.group),
                    r.household,
                    r.key,
                    r.kind,
                    r.point,
                    r.point_on,
                    r.status,
                    r.recorded_on,
                    r.recorded_month,
                    _text(r.value),
                )
                for r in data.readings
            ],
        ),
        (
            Resource(
                "indicator_counts",
                "Households by answer (or the average of a number) at "
                "each point, per group and per comparable set (group_id empty).",
                (
                    *SET,
                    Field("group_id", S, "The group, or empty for the set's total"),
                    Field("indicator", S, "Stable key", required=True),
                    Field("answer", S, "The answer counted, or average"),
                    Field("point", S, "N months after arrival", enum=POINTS),
                    Field(
                        "households",
                        INT,
                        "Households with the answer (with a reading, for an average)",
                        unit="households",
                        minimum=0,
                    ),
                    Field("average", N, "Average of a number indicator"),
                ),
            ),
            _answer_rows(data),
        ),
        (
            Resource(
                "national_indicators",
                "New Zealand's national indicators in people, per "
                "group and per comparable set (group_id empty).",
                _people_fields(),
            ),
            _people_rows(data, data.national),
        ),
        (
            Resource(
                "make_up",
                "People by age band at the period's end, per group and per "
                "comparable set (group_id empty).",
                _people_fields(),
            ),
            _people_rows(data, data.make_up),
        ),
    ]
    return made


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _answer_rows(data: CombinedData) -> list[tuple]:
    rows = []
    for a in data.answers:
        for i, count in enumerate(a.households):
            rows.append((data.set_of(i).number, data.groups[i].group_id, a.key, a.answer,
                         a.point, count, a.means[i]))  # fmt: skip
        for s, total, mean in zip(data.sets, a.totals, a.total_means, strict=True):
            if total is not None:
                rows.append((s.number, None, a.key, a.answer, a.point, total, mean))
    return rows


def _people_fields() -> tuple[Field, ...]:
    return (
        *SET,
        Field("group_id", S, "The group, or empty for the set's total"),
        Field("key", S, "The indicator or age band", required=True),
        Field("point", S, "When it is counted"),
        Field("people", INT, "People counted", unit="people", minimum=0),
        Field("of_people", INT, "Out of", unit="people", minimum=0),
    )


def _people_rows(data: CombinedData, counts) -> list[tuple]:
    rows = []
    for c in counts:
        for i, (people, of) in enumerate(zip(c.people, c.of_people, strict=True)):
            if people is not None:
                rows.append((data.set_of(i).number, data.groups[i].group_id, c.key, c.point,
                             people, of))  # fmt: skip
        for s, total in zip(data.sets, c.totals, strict=True):
            if total is not None:
                rows.append((s.number, None, c.key, c.point, *total))
    return rows


def combined_csv_bytes(data: CombinedData) -> bytes:
    """The zip: datapackage.json, the CSV tables and the workbook, all exact."""
    made = tables(data)
    files = {r.path: csv_bytes(r, rows) for r, rows in made}
    book = workbook(
        [
            ("Cross-group summary", counted(len(data.groups), "group")),
            ("Figures", EXACT),
            ("Made", data.generated_at.isoformat(timespec="seconds")),
            ("Bundles", "; ".join(f"{g.bundle} ({g.bundle_id})" for g in data.groups)),
        ],
        [Sheet(r.name, r.fields, rows) for r, rows in made],
        codebook([r for r, _ in made], ""),
        data.generated_at,
    )
    package = {
        "profile": "tabular-data-package",
        "name": "sponsor-desk-combined",
        "sponsor_desk_bundle_version": BUNDLE_VERSION,
        "created": data.generated_at.isoformat(timespec="seconds"),
        "exact": True,
        "disclosure_control": "none",
        "description": EXACT,
        "sources": [
            {"title": g.bundle, "id": g.bundle_id, "group_id": g.group_id} for g in data.groups
        ],
        "resources": [csv_resource(r, files[r.path], "") for r, _ in made]
        + [
            {
                "name": "workbook",
                "path": WORKBOOK,
                "format": "xlsx",
                "bytes": len(book),
                "hash": sha256(book),
                "description": "The same tables as one workbook, with the codebook.",
            }
        ],
    }
    return packed(package, files, (WORKBOOK, book), data.generated_at)
