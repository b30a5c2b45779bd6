"""Programme rules and settlement task templates, read from the TOML files in resources/."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from importlib import resources

from .alerts import WarningWindows
from .enums import OutcomeArea, Phase, TaskKind
from .errors import SponsorDeskError
from .indicator_points import AgeRange, Ages
from .indicators import Indicator
from .indicators import from_toml as indicator_from_toml
from .messages import Message
from .money import Money
from .reports import PlaceRule
from .vetting import Requirement, RequirementKind

DEFAULT_PROGRAMME = "nz-cors"


class FundsRuleKind(StrEnum):
    BUDGET = "budget"  # no fixed minimum: the group's own budget for the support period
    FIXED = "fixed"  # one amount for the group (UK GBP 9,000)
    PER_PERSON = "per_person"  # an amount for each person sponsored
    FAMILY_TABLE = "family_table"  # a table by family size (Canada)
    PER_REFUGEE_CASH_SHARE = "per_refugee_cash_share"  # per person, part of it in cash (US)


@dataclass(frozen=True)
class FundsRequirement:
    """What a group must hold, and the facts it was worked out from (the window and the
    reports word them: "3 people at 2,425 each", "family sizes 4, 2")."""

    required: Money
    cash_required: Money | None
    rule: FundsRuleKind
    people: int = 0
    family_sizes: tuple[int, ...] = ()
    amount_each: int = 0  # major units per person, for the per-person rules
    cash_share_percent: int = 0


@dataclass(frozen=True)
class FundsRule:
    kind: FundsRuleKind
    amount: int = 0  # major units, as the programme states it
    table: tuple[int, ...] = ()  # major units for family sizes 1, 2, 3...
    extra_person: int = 0
    cash_share_percent: int = 0
    counts_restricted: bool = True
    note: str = ""

    def requirement(
        self, family_sizes: list[int], currency: str, budget_total: Money | None = None
    ) -> FundsRequirement:
        """What the group must hold for households of these sizes."""
        people = sum(family_sizes)
        major = Money.of_major
        facts = {"rule": self.kind, "people": people, "family_sizes": tuple(family_sizes)}
        match self.kind:
            case FundsRuleKind.BUDGET:
                # the budget still to spend in the support period (the service works it out)
                return FundsRequirement(budget_total or Money.zero(currency), None, **facts)
            case FundsRuleKind.FIXED:
                return FundsRequirement(major(self.amount, currency), None, **facts)
            case FundsRuleKind.PER_PERSON:
                required = major(self.amount * people, currency)
                return FundsRequirement(required, None, amount_each=self.amount, **facts)
            case FundsRuleKind.FAMILY_TABLE:
                total = sum(self.for_family_size(size) for size in family_sizes if size > 0)
                return FundsRequirement(major(total, currency), None, **facts)
            case FundsRuleKind.PER_REFUGEE_CASH_SHARE:
                required = major(self.amount * people, currency)
                cash = required.percent(self.cash_share_percent)
                return FundsRequirement(
                    required,
                    cash,
                    amount_each=self.amount,
                    cash_share_percent=self.cash_share_percent,
                    **facts,
                )
        raise AssertionError(self.kind)  # pragma: no cover

    def for_family_size(self, size: int) -> int:
        """Table amount in major units; sizes past the table add `extra_person` each."""
        if size <= len(self.table):
            return self.table[size - 1]
        return self.table[-1] + (size - len(self.table)) * self.extra_person


@dataclass(frozen=True)
class CheckKind:
    """A vetting check, signed statement or training course a programme names."""

    key: str
    label: str
    required: bool
    valid_months: int | None = None
    one_member: bool = False
    kind: RequirementKind = RequirementKind.CHECK
    short_label: str = ""  # a column's heading on the roster ("Police vetting")

    @property
    def requirement(self) -> Requirement:
        return Requirement(
            self.key, self.label, self.kind, self.valid_months, self.short_label or self.label
        )


@dataclass(frozen=True)
class TaskTemplate:
    key: str
    phase: Phase
    offset_days: int
    outcome_area: OutcomeArea
    title: str
    guidance: str
    family_facing: bool
    source: str | Message  # the programme's reference (data), or words for the group's own
    kind: TaskKind = TaskKind.TASK
    snapshot_months: int | None = None  # a snapshot task: the indicators at this many months
    group_template_id: int | None = None  # one of the group's own templates, not the programme's
    group_task: bool = False  # the group's own work (raise funds), not the family's progress

    def due_on(self, arrival: date) -> date:
        return arrival + timedelta(days=self.offset_days)


@dataclass(frozen=True)
class Programme:
    key: str
    name: str
    short_name: str
    country: str
    currency: str
    locale: str
    support_months: int
    housing_months: int
    plan_name: str
    source: str
    # The law that says personal details are kept no longer than needed, as a person names it.
    privacy_law: str
    funds_rule: FundsRule
    vetting: tuple[CheckKind, ...]
    training: tuple[CheckKind, ...]
    income_categories: tuple[str, ...]
    expense_categories: tuple[str, ...]
    tasks: tuple[TaskTemplate, ...]
    indicators: tuple[Indicator, ...]
    arrival_cash_per_person: int = 0
    warnings: WarningWindows = field(default_factory=WarningWindows)
    # Stable purposes of some categories (rent, pledge_payments...) and their starting names:
    # the app finds a category by its purpose, so a group may rename it freely.
    category_purposes: tuple[tuple[str, str], ...] = ()
    # The roles a new group starts with, (key, name), in the order they are listed.
    roles: tuple[tuple[str, str], ...] = ()
    # School age and working age, for whom an indicator is about and household make-up.
    ages: Ages = field(default_factory=Ages)
    # Where anonymised reports may name a suburb (its TOML file's [places]).
    places: PlaceRule = field(default_factory=PlaceRule)

    def purpose_of(self, category_name: str) -> str | None:
        wanted = category_name.strip().casefold()
        return next((p for p, name in self.category_purposes if name.casefold() == wanted), None)

    @property
    def required_check_kinds(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.vetting if c.required)

    @property
    def vetting_requirements(self) -> tuple[CheckKind, ...]:
        """What every volunteer needs before meeting the family: the required checks, then the
        required training (a course one member takes for the group is not asked of each)."""
        return tuple(c for c in (*self.vetting, *self.training) if c.required and not c.one_member)

    @property
    def required_kinds(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.vetting_requirements)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        """What the vetting rule judges every volunteer against."""
        return tuple(c.requirement for c in self.vetting_requirements)

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)

    def check_kind(self, key: str) -> CheckKind | None:
        return next((c for c in (*self.vetting, *self.training) if c.key == key), None)


class UnknownProgramme(SponsorDeskError):
    pass


def _read_toml(*parts: str) -> dict:
    node = resources.files("sponsor_app.resources")
    for part in parts:
        node = node / part
    return tomllib.loads(node.read_text(encoding="utf-8"))


@cache
def _shared() -> dict:
    return _read_toml("settlement.toml")


def _build(data: dict) -> Programme:
    key = data["key"]
    shared = _shared()
    tasks = tuple(
        sorted(
            (
                TaskTemplate(
                    key=t["key"],
                    phase=Phase(t["phase"]),
                    offset_days=int(t["offset_days"]),
                    outcome_area=OutcomeArea(t["outcome_area"]),
                    title=t["title"],
                    guidance=t["guidance"],
                    family_facing=bool(t["family_facing"]),
                    source=t["source"],
                    kind=TaskKind(t.get("kind", "task")),
                    snapshot_months=t.get("snapshot_months"),
                    group_task=bool(t.get("group_task", False)),
                )
                for t in shared["tasks"] + data.get("tasks", [])
                if "all" in t["programmes"] or key in t["programmes"]
            ),
            key=lambda t: (t.offset_days, t.key),
        )
    )
    rule = data["funds_rule"]
    return Programme(
        key=key,
        name=data["name"],
        short_name=data["short_name"],
        country=data["country"],
        currency=data["currency"],
        locale=data["locale"],
        support_months=int(data["support_months"]),
        housing_months=int(data["housing_months"]),
        plan_name=data["plan_name"],
        source=data["source"],
        privacy_law=data["privacy_law"],
        arrival_cash_per_person=int(data.get("arrival_cash_per_person", 0)),
        funds_rule=FundsRule(
            kind=FundsRuleKind(rule["kind"]),
            amount=int(rule.get("amount", 0)),
            table=tuple(int(x) for x in rule.get("table", ())),
            extra_person=int(rule.get("extra_person", 0)),
            cash_share_percent=int(rule.get("cash_share_percent", 0)),
            counts_restricted=bool(rule.get("counts_restricted", True)),
            note=rule.get("note", ""),
        ),
        vetting=tuple(_check_kind(c, RequirementKind.CHECK) for c in data.get("vetting", [])),
        training=tuple(_check_kind(c, RequirementKind.TRAINING) for c in data.get("training", [])),
        income_categories=tuple(data["categories"]["income"]),
        expense_categories=tuple(data["categories"]["expense"]),
        tasks=tasks,
        indicators=tuple(indicator_from_toml(i) for i in shared["indicators"]),
        warnings=WarningWindows(**data.get("warnings", {})),
        category_purposes=tuple(data["categories"].get("purposes", {}).items()),
        roles=tuple((r["key"], r["label"]) for r in shared["roles"] + data.get("roles", [])),
        ages=_ages(data.get("ages", shared["ages"])),
        places=_places(data.get("places", {})),
    )


def _places(data: dict) -> PlaceRule:
    return PlaceRule(
        suburbs_from=int(data.get("suburbs_from_population", PlaceRule.suburbs_from)),
        populations=tuple((town, int(n)) for town, n in data.get("towns", {}).items()),
    )


def _ages(item: dict) -> Ages:
    return Ages(AgeRange(*item["school"]), AgeRange(*item["working"]))


def _check_kind(c: dict, default: RequirementKind) -> CheckKind:
    return CheckKind(
        key=c["key"],
        label=c["label"],
        required=bool(c.get("required", False)),
        valid_months=c.get("valid_months"),
        one_member=bool(c.get("one_member", False)),
        kind=RequirementKind(c.get("kind", default)),
        short_label=c.get("short_label", ""),
    )


@cache
def all_programmes() -> dict[str, Programme]:
    """Every programme shipped in resources/programmes, by key, the default first."""
    folder = resources.files("sponsor_app.resources") / "programmes"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            programme = _build(tomllib.loads(entry.read_text(encoding="utf-8")))
            found[programme.key] = programme
    ordered = {DEFAULT_PROGRAMME: found.pop(DEFAULT_PROGRAMME)}
    ordered.update(found)
    return ordered


def get_programme(key: str) -> Programme:
    try:
        return all_programmes()[key]
    except KeyError:
        known = ", ".join(all_programmes())
        raise UnknownProgramme(f"Unknown programme “{key}”; choose one of: {known}.") from None


@cache
def group_task_keys() -> frozenset[str]:
    """Template keys of the group's own tasks, in every programme (settlement.toml marks
    them `group_task`): a task made from one counts as the group's work."""
    return frozenset(t.key for p in all_programmes().values() for t in p.tasks if t.group_task)


def default_move_in_items() -> tuple[str, ...]:
    """The checklist a new tenancy starts with (settlement.toml, [move_in])."""
    return tuple(_shared()["move_in"]["items"])
