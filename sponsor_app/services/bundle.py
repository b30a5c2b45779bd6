"""The evaluators' data bundle: the evaluation report's figures as CSV files in a zip, described
by a Frictionless Data Package (`datapackage.json`: every file, column, type and unit, and the
bundle's schema version). It is written from the same EvaluationData as the PDF, so it is
anonymised exactly as the PDF is. Written with csv and json alone; read back by `combine`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import SponsorDeskError
from ..domain.indicators import SNAPSHOT_MONTHS
from ..domain.plurals import counted
from ..domain.reports import OUTCOME_NAMES
from ..domain.vetting import may_do_family_facing
from .evaluation_data import EvaluationData
from .tabular import neutralise, restore

BUNDLE_VERSION = "1.0"
PROFILE = "tabular-data-package"


class BadBundle(SponsorDeskError):
    """A file given as a bundle that is not one this version can read."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, date, boolean
    description: str
    unit: str = ""
    required: bool = False


@dataclass(frozen=True)
class Resource:
    name: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[EvaluationData], Iterable[tuple]]
    primary_key: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _d(day) -> str:
    return day.isoformat() if day else ""


def _or_empty(value):
    return "" if value is None else value


def _money(data: EvaluationData, amount) -> str:
    return amount.plain()


def _currency(data: EvaluationData) -> str:
    return data.meta.currency


def _group_rows(d: EvaluationData):
    m = d.meta
    yield (
        m.group_uuid,
        m.group_name,
        m.programme,
        m.country,
        m.currency,
        _d(m.period.start),
        _d(m.period.end),
        m.generated_at.isoformat(timespec="seconds"),
        m.app_version,
        not m.named,
        len(d.households),
    )


def _indicator_rows(d: EvaluationData):
    info = {i.key: i for i in d.indicator_info}
    for line in d.indicators:
        i = info[line.key]
        base = (line.household_code, line.key, i.label, OUTCOME_NAMES[i.area], i.kind.value, i.unit)
        yield (*base, "latest", line.latest or "", _d(line.latest_on), line.trend or "")
        for months, value in zip(SNAPSHOT_MONTHS, line.at_months, strict=True):
            yield (*base, counted(months, "month"), value or "", "", "")


def _vetting_rows(d: EvaluationData):
    v = d.volunteers
    for label, states in (("overall", v.vetting), *v.by_requirement):
        for state, n in states:
            yield (label, state.value, may_do_family_facing(state), n)


S, INT, N, D, B = "string", "integer", "number", "date", "boolean"
HOUSEHOLD = Field("household", S, "Household code (H1, H2...): never a name", required=True)

RESOURCES: tuple[Resource, ...] = (
    Resource(
        "group",
        "The group, the period the figures cover, and whether they are anonymised.",
        (
            Field("group_id", S, "The group file's identifier (stable across reports)", required=True),
            Field("group_name", S, "The group's name"),
            Field("programme", S, "The sponsorship programme"),
            Field("country", S, "ISO 3166 country code"),
            Field("currency", S, "ISO 4217 code of every amount in the bundle"),
            Field("period_start", D, "First day covered", required=True),
            Field("period_end", D, "Last day covered", required=True),
            Field("generated_at", S, "When the bundle was made (ISO 8601, with offset)"),
            Field("app_version", S, "Sponsor Desk version"),
            Field("anonymised", B, "True unless a named report was asked for"),
            Field("households", INT, "Households covered", unit="households"),
        ),
        _group_rows,
    ),
    Resource(
        "figures",
        "The key figures of the summary section; `counts` says whether a figure counts "
        "households or people (a combined summary prints fewer than 3 as <3).",
        (
            Field("figure", S, "Stable key of the figure", required=True),
            Field("label", S, "What it is, in words"),
            Field("value", N, "The figure; money in major units of the currency", required=True),
            Field("unit", S, "households, people, tasks, hours, %, check-ins or a currency code"),
            Field("counts", S, "households, people, or empty"),
        ),
        lambda d: (
            (f.key, f.label, f.value, f.unit, f.counts) for f in d.figures if f.value is not None
        ),
        ("figure",),
    ),
    Resource(
        "households",
        "Each household by code, counted at the period's end. An anonymised bundle gives the "
        "size as a band and the arrival as its month only (people, arrival_date and "
        "days_since_arrival are then empty).",
        (
            HOUSEHOLD,
            Field("people", INT, "Members (named bundles only)", unit="people"),
            Field("size_band", S, "Members as a band: 1-2, 3-4 or 5+"),
            Field("arrival_date", D, "Arrival in the country (named bundles only)"),
            Field("arrival_month", D, "First day of the month of arrival"),
            Field("days_since_arrival", INT, "At the period's end; negative before arrival (named bundles only)", unit="days"),
            Field("months_since_arrival", INT, "Calendar months from the month of arrival to the period's end", unit="months"),
            Field("tasks_done", INT, "Settlement tasks done", unit="tasks"),
            Field("tasks_due", INT, "Tasks due by the period's end", unit="tasks"),
            Field("tasks_overdue", INT, "Due before the end and not done by then", unit="tasks"),
            Field("housing_status", S, "Tenancy status"),
            Field("check_ins", INT, "Check-ins held in the period", unit="check-ins"),
        ),
        lambda d: (
            (h.code, _or_empty(h.people), h.size_band, _d(h.arrival_date),
             _d(h.arrival_month),
             _or_empty(h.days_since_arrival), _or_empty(h.months_since_arrival),
             h.tasks_done, h.tasks_due, h.tasks_overdue, h.housing_status, h.check_ins)
            for h in d.households
        ),
        ("household",),
    ),
    Resource(
        "tasks_by_area",
        "Settlement tasks done out of those that apply, by outcome area and phase.",
        (
            Field("outcome_area", S, "New Zealand resettlement outcome", required=True),
            Field("phase", S, "Phase of the settlement plan", required=True),
            Field("done", INT, "Tasks done by the period's end", unit="tasks"),
            Field("total", INT, "Tasks that apply", unit="tasks"),
        ),
        lambda d: ((OUTCOME_NAMES[p.area], p.phase.label, p.done, p.total) for p in d.progress),
        ("outcome_area", "phase"),
    ),
    Resource(
        "indicators",
        "Each household's indicators: the latest reading and the value at 3, 6, 12 and 24 "
        "months after arrival. Health indicators are not here (see indicator_counts).",
        (
            HOUSEHOLD,
            Field("indicator", S, "Stable key of the indicator", required=True),
            Field("label", S, "What it records"),
            Field("outcome_area", S, "New Zealand resettlement outcome"),
            Field("kind", S, "number, yesno, choice, choices, date or text"),
            Field("unit", S, "Unit of a numeric value"),
            Field("point", S, "latest, or N months after arrival", required=True),
            Field("value", S, "The reading as recorded; empty when none"),
            Field("recorded_on", D, "Date of the latest reading"),
            Field("trend", S, "up, down, same, changed or first (latest only)"),
        ),
        _indicator_rows,
        ("household", "indicator", "point"),
    ),
    Resource(
        "indicator_counts",
        "Health indicators, counted across households only: households by latest answer. An "
        "anonymised bundle leaves out an indicator fewer than 3 households answered.",
        (
            Field("indicator", S, "Stable key of the indicator", required=True),
            Field("value", S, "The answer", required=True),
            Field("households", INT, "Households whose latest answer it is", unit="households"),
        ),
        lambda d: ((s.key, s.value, s.households) for s in d.sensitive),
        ("indicator", "value"),
    ),
    Resource(
        "volunteer_hours",
        "Volunteer hours logged each month of the period.",
        (
            Field("month", D, "First day of the month", required=True),
            Field("hours", N, "Hours logged", unit="hours"),
        ),
        lambda d: ((_d(m), round(minutes / 60, 2)) for m, minutes in d.volunteers.by_month),
        ("month",),
    ),
    Resource(
        "volunteer_roles",
        "Active volunteers by role (a volunteer may hold several).",
        (
            Field("role", S, "Role", required=True),
            Field("volunteers", INT, "Active volunteers holding it", unit="people"),
        ),
        lambda d: d.volunteers.by_role,
        ("role",),
    ),
    Resource(
        "volunteer_vetting",
        "Active volunteers by vetting state on the period's last day, by the one vetting rule: "
        "for each requirement of the programme, and overall (each volunteer once, by the "
        "requirement that stands worst). Cleared to meet the family = current or expiring.",
        (
            Field("requirement", S, "A requirement's name, or “overall”", required=True),
            Field("state", S, "not_cleared, expired, missing, pending, expiring or current", required=True),
            Field("meets_family", B, "Whether this state lets a volunteer meet the family"),
            Field("volunteers", INT, "Active volunteers in this state", unit="people"),
        ),
        _vetting_rows,
        ("requirement", "state"),
    ),
    Resource(
        "money",
        "Income and spending by category in the period, and the balances.",
        (
            Field("kind", S, "income, spending, or balance", required=True),
            Field("category", S, "Category (opening or closing for balances)", required=True),
            Field("amount", N, "Major units of the group's currency", unit="currency"),
        ),
        lambda d: (
            [("balance", "opening", d.finances.opening.plain())]
            + [("income", c.category, c.amount.plain()) for c in d.finances.income]
            + [("spending", c.category, c.amount.plain()) for c in d.finances.spending]
            + [("balance", "closing", d.finances.closing.plain())]
        ),
        ("kind", "category"),
    ),
    Resource(
        "month_end_balances",
        "The balance at each month's end.",
        (
            Field("month_end", D, "Last day of the month (or of the period)", required=True),
            Field("balance", N, "Major units of the group's currency", unit="currency"),
        ),
        lambda d: ((_d(m.month_end), m.balance.plain()) for m in d.finances.month_end),
        ("month_end",),
    ),
    Resource(
        "contact",
        "Check-ins per month per household, the family's average needs-met rating (1 to 5) and "
        "concerns raised and resolved.",
        (
            HOUSEHOLD,
            Field("month", D, "First day of the month", required=True),
            Field("check_ins", INT, "Check-ins held", unit="check-ins"),
            Field("needs_met_average", N, "Average rating; empty when not asked"),
            Field("concerns_raised", INT, "Concerns raised", unit="concerns"),
            Field("concerns_resolved", INT, "Concerns resolved", unit="concerns"),
        ),
        lambda d: (
            (c.household_code, _d(c.month), c.check_ins, c.needs_met_average or "",
             c.concerns_raised, c.concerns_resolved)
            for c in d.contact
        ),
        ("household", "month"),
    ),
    Resource(
        "goals",
        "The families' goals by status.",
        (
            HOUSEHOLD,
            Field("set", INT, "Goals set", unit="goals"),
            Field("not_started", INT, "Not started", unit="goals"),
            Field("progressing", INT, "Progressing", unit="goals"),
            Field("achieved", INT, "Achieved", unit="goals"),
            Field("changed", INT, "Changed", unit="goals"),
        ),
        lambda d: (
            (g.household_code, g.set, g.not_started, g.progressing, g.achieved, g.changed)
            for g in d.goals
        ),
        ("household",),
    ),
    Resource(
        "completeness",
        "For each indicator, the last reading and how many households have none.",
        (
            Field("indicator", S, "Stable key of the indicator", required=True),
            Field("last_reading_on", D, "Last reading of any household"),
            Field("households_without", INT, "Households with no reading", unit="households"),
            Field("households", INT, "Households covered", unit="households"),
        ),
        lambda d: (
            (c.key, _d(c.last_reading_on), c.households_without, c.households)
            for c in d.completeness
        ),
        ("indicator",),
    ),
)  # fmt: skip


def descriptor(data: EvaluationData) -> dict:
    """The datapackage.json of a bundle."""
    meta = data.meta
    return {
        "profile": PROFILE,
        "name": "sponsor-desk-evaluation",
        "title": f"{meta.title}: figures of {meta.group_name}",
        "version": BUNDLE_VERSION,
        "sponsor_desk_bundle_version": BUNDLE_VERSION,
        "created": meta.generated_at.isoformat(timespec="seconds"),
        "anonymised": not meta.named,
        "resources": [
            {
                "name": r.name,
                "path": r.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": r.description,
                "schema": {
                    "fields": [_field(f, meta.currency) for f in r.fields],
                    **({"primaryKey": list(r.primary_key)} if r.primary_key else {}),
                    "missingValues": [""],
                },
            }
            for r in RESOURCES
        ],
    }


def _field(f: Field, currency: str) -> dict:
    made = {"name": f.name, "type": f.type, "description": f.description}
    if f.unit:
        made["unit"] = currency if f.unit == "currency" else f.unit
    if f.required:
        made["constraints"] = {"required": True}
    return made


def _csv(resource: Resource, data: EvaluationData) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([f.name for f in resource.fields])
    # Text a group typed (its name, its roles) could start a formula in the evaluator's
    # spreadsheet: string fields are neutralised; typed fields hold no text to quote.
    text_fields = [f.type == "string" for f in resource.fields]
    for row in resource.rows(data):
        writer.writerow(
            [
                "true" if v is True
                else "false" if v is False
                else neutralise(v) if is_text and isinstance(v, str)
                else v
                for v, is_text in zip(row, text_fields, strict=True)
            ]
        )  # fmt: skip
    return text.getvalue().encode("utf-8")


def bundle_bytes(data: EvaluationData) -> bytes:
    """The bundle as the bytes of a zip: datapackage.json and one CSV per resource."""
    out = io.BytesIO()
    stamp = data.meta.generated_at.timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in [
            (
                "datapackage.json",
                json.dumps(descriptor(data), indent=2, ensure_ascii=False).encode(),
            ),
            *[(r.path, _csv(r, data)) for r in RESOURCES],
        ]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


# --- reading -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadedBundle:
    path: Path
    descriptor: dict
    tables: dict[str, list[dict[str, str]]]  # resource name -> rows (column -> text)

    @property
    def group(self) -> dict[str, str]:
        return self.tables["group"][0]


def read_bundle(path: Path) -> LoadedBundle:
    """Open a bundle and check it: a zip, this schema version, every file its descriptor names
    with the columns it describes. One sentence says what is wrong."""
    name = Path(path).name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BadBundle(f"{name} does not exist.") from None
    except (zipfile.BadZipFile, OSError):
        raise BadBundle(f"{name} is not a data bundle (not a zip file).") from None
    with archive:
        try:
            descriptor = json.loads(archive.read("datapackage.json").decode("utf-8"))
        except KeyError:
            raise BadBundle(
                f"{name} has no datapackage.json: it is not a Sponsor Desk bundle."
            ) from None
        except (ValueError, UnicodeDecodeError) as error:
            raise BadBundle(f"{name}: datapackage.json is not valid JSON ({error}).") from None
        if not isinstance(descriptor, dict):
            raise BadBundle(f"{name}: datapackage.json does not describe a data package.")
        version = descriptor.get("sponsor_desk_bundle_version")
        if version != BUNDLE_VERSION:
            raise BadBundle(
                f"{name} is a bundle of schema version {version or 'unknown'}; this version of "
                f"Sponsor Desk combines version {BUNDLE_VERSION} only: make the bundle again "
                "with the same version as the others."
            )
        tables = {}
        for resource in descriptor.get("resources", []):
            rname, rpath = resource.get("name"), resource.get("path")
            try:
                text = archive.read(rpath).decode("utf-8")
            except KeyError:
                raise BadBundle(
                    f"{name} is missing {rpath}, which its datapackage.json names."
                ) from None
            fields = resource.get("schema", {}).get("fields", [])
            texts = {f["name"] for f in fields if f.get("type") == "string"}
            rows = [  # the text _csv neutralised, as it was
                {k: restore(v) if k in texts and isinstance(v, str) else v for k, v in row.items()}
                for row in csv.DictReader(io.StringIO(text))
            ]
            wanted = [f["name"] for f in fields]
            header = next(csv.reader(io.StringIO(text)), [])
            if header != wanted:
                raise BadBundle(f"{name}: the columns of {rpath} differ from its datapackage.json.")
            tables[rname] = rows
    missing = [r.name for r in RESOURCES if r.name not in tables]
    if missing:
        raise BadBundle(
            f"{name} lacks the {', '.join(missing)} table(s) of a version {BUNDLE_VERSION} bundle."
        )
    if len(tables["group"]) != 1:
        raise BadBundle(f"{name}: group.csv should hold exactly one group.")
    return LoadedBundle(Path(path), descriptor, tables)
