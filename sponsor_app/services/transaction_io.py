"""Import and export the ledger as CSV or XLSX: all or nothing, every bad row named."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.enums import TransactionKind
from ..domain.errors import InvalidInput, Problem, SponsorDeskError
from ..domain.money import Money
from ..storage.models import GroupProfile, Household, LedgerCategory, LedgerTransaction
from ..storage.store import Store
from .tabular import read_rows, write_rows
from .volunteer_io import ImportRejected, parse_day

COLUMNS = (
    "date",
    "kind",
    "amount",
    "category",
    "counterparty",
    "method",
    "reference",
    "household",
    "note",
    "restricted",  # yes/no, after the nine; optional on import, kept on a round trip
)
YES, NO = {"yes", "y", "true", "1", "restricted"}, {"no", "n", "false", "0", ""}
REQUIRED = ("date", "kind", "amount", "category")


class UnknownCategories(SponsorDeskError):
    """The file names categories the group does not have; the UI may offer to create them."""

    def __init__(self, names: list[tuple[TransactionKind, str]], known: list[str]):
        self.names = names
        listed = ", ".join(f"{name} ({kind.label.lower()})" for kind, name in names)
        super().__init__(
            f"Unknown categories: {listed}. Add them first or use one of: {', '.join(known)}. Nothing was imported."
        )


@dataclass(frozen=True)
class TransactionsImported:
    added: int
    categories_created: tuple[str, ...]


@dataclass(frozen=True)
class _Parsed:
    line: int
    day: date
    kind: TransactionKind
    amount_minor: int
    category: str
    counterparty: str
    method: str
    reference: str
    household: str
    note: str
    restricted: bool = False


def _parse(row, currency: str, locale: str) -> _Parsed:
    v = row.values
    problems = []
    try:
        day = parse_day(v.get("date", ""), locale)
        if day is None:
            problems.append("date is empty")
    except ValueError as error:
        day = None
        problems.append(f"date {error}")
    kind_text = v.get("kind", "").strip().lower()
    kind = None
    if kind_text in ("income", "expense"):
        kind = TransactionKind(kind_text)
    else:
        problems.append(f"kind must be income or expense, not “{v.get('kind', '')}”")
    amount = 0
    try:
        amount = Money.parse(v.get("amount", ""), currency, locale).minor
        if amount <= 0:
            problems.append("amount must be above zero (the kind says which way it goes)")
    except InvalidInput as error:
        problems.append(str(error).rstrip("."))
    if not v.get("category", "").strip():
        problems.append("category is empty")
    restricted_text = v.get("restricted", "").strip().lower()
    if restricted_text not in YES | NO:
        problems.append(f"restricted must be yes or no, not “{v.get('restricted')}”")
    if problems:
        raise ValueError("; ".join(problems))
    return _Parsed(
        row.line,
        day,
        kind,
        amount,
        v["category"].strip(),
        v.get("counterparty", ""),
        v.get("method", ""),
        v.get("reference", ""),
        v.get("household", "").strip(),
        v.get("note", ""),
        restricted_text in YES,
    )


def import_transactions(
    store: Store, source: Path | str, create_categories: bool = False
) -> TransactionsImported:
    """Add every row as a transaction in one transaction; any bad row and nothing changes.

    Unknown category names raise UnknownCategories unless `create_categories` is set (the
    window asks first; the command line never creates them).
    """
    source = Path(source)
    rows = read_rows(source, COLUMNS, REQUIRED)
    with store.transaction(f"Import transactions from {source.name}") as session:
        profile = session.scalars(select(GroupProfile)).one()
        parsed, problems = [], []
        for row in rows:
            try:
                parsed.append(_parse(row, profile.currency, profile.locale))
            except ValueError as error:
                problems.append(Problem(f"line {row.line}", f"{error}."))
        households = {
            code.lower(): hid for hid, code in session.execute(select(Household.id, Household.code))
        }
        for item in parsed:
            if item.household and item.household.lower() not in households:
                problems.append(
                    Problem(f"line {item.line}", f"there is no household {item.household}.")
                )
        if problems:
            raise ImportRejected(source, problems)
        categories = {
            (c.kind, c.name.casefold()): c for c in session.scalars(select(LedgerCategory))
        }
        missing = sorted(
            {
                (p.kind, p.category)
                for p in parsed
                if (p.kind, p.category.casefold()) not in categories
            },
            key=lambda pair: (pair[0].value, pair[1].casefold()),
        )
        created = []
        if missing and not create_categories:
            known = sorted({c.name for c in categories.values()}, key=str.casefold)
            raise UnknownCategories(missing, known)
        for kind, name in missing:
            if (kind, name.casefold()) not in categories:
                category = LedgerCategory(name=name, kind=kind)
                session.add(category)
                categories[(kind, name.casefold())] = category
                created.append(name)
        session.flush()
        session.add_all(
            LedgerTransaction(
                occurred_on=p.day,
                kind=p.kind,
                amount_minor=p.amount_minor,
                category_id=categories[(p.kind, p.category.casefold())].id,
                counterparty=p.counterparty.strip(),
                method=p.method.strip(),
                reference=p.reference.strip(),
                household_id=households.get(p.household.lower()) if p.household else None,
                note=p.note,
                restricted=p.restricted,
            )
            for p in parsed
        )
    return TransactionsImported(len(parsed), tuple(created))


def export_transactions(store: Store, target: Path | str) -> Path:
    """The whole ledger in date order, with the columns the import reads."""
    t = LedgerTransaction
    with store.read() as session:
        currency = session.scalar(select(GroupProfile.currency))
        rows = session.execute(
            select(
                t.occurred_on,
                t.kind,
                t.amount_minor,
                LedgerCategory.name,
                t.counterparty,
                t.method,
                t.reference,
                Household.code,
                t.note,
                t.restricted,
            )
            .join(LedgerCategory, LedgerCategory.id == t.category_id)
            .outerjoin(Household, Household.id == t.household_id)
            .order_by(t.occurred_on, t.id)
        ).all()
    return write_rows(
        Path(target),
        COLUMNS,
        (
            [
                r[0].isoformat(),
                r[1].value,
                Money(r[2], currency).plain(),
                r[3],
                r[4],
                r[5],
                r[6],
                r[7] or "",
                r[8],
                "yes" if r[9] else "no",
            ]
            for r in rows
        ),
    )
