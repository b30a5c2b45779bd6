"""What each kind of import reads: its fields, the names people give their columns, and
which fields hold values the group keeps a list of (roles, categories, households...)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ...domain.words import header_key


class ImportKind(StrEnum):
    VOLUNTEERS = "volunteers"
    TRANSACTIONS = "transactions"
    BANK = "bank"


class Vocabulary(StrEnum):
    """Fields whose values must be one of a list the app or the group keeps."""

    ROLES = "roles"
    STATUS = "vetting_status"
    CATEGORY = "category"
    HOUSEHOLD = "household"
    KIND = "kind"
    COUNTERPARTY = "counterparty"  # a bank line's category, chosen by counterparty

    @property
    def creatable(self) -> bool:
        return self in (Vocabulary.ROLES, Vocabulary.CATEGORY, Vocabulary.HOUSEHOLD)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    names: tuple[str, ...] = ()  # header names that mean this field, besides key and label
    vocabulary: Vocabulary | None = None

    def matches(self, header: str) -> bool:
        wanted = header_key(header)
        return wanted in {header_key(n) for n in (self.key, self.label, *self.names)}


IGNORE = ""  # a column matched to no field

VOLUNTEER_FIELDS = (
    Field("name", "Name", ("full name", "volunteer", "volunteer name", "person", "full_name")),
    Field("first_name", "First name", ("given name", "first", "forename", "given names")),
    Field("last_name", "Last name", ("surname", "family name", "last")),
    Field("email", "Email", ("e-mail", "email address", "e-mail address", "mail")),
    Field("phone", "Phone", ("mobile", "cell", "phone number", "telephone", "mobile number")),
    Field("roles", "Roles", ("role", "position", "positions", "job"), Vocabulary.ROLES),
    Field("languages", "Languages", ("language", "languages spoken", "speaks")),
    Field(
        "vetting_status",
        "Vetting status",
        ("vetting", "police vetting", "police check", "dbs", "background check", "check status"),
        Vocabulary.STATUS,
    ),
    Field(
        "vetting_checked_on",
        "Vetting checked on",
        ("vetted on", "vetting date", "date vetted", "cleared on", "checked on", "check date"),
    ),
    Field(
        "vetting_expires_on",
        "Vetting expires on",
        ("expires", "expiry", "expires on", "vetting expiry", "expiry date", "renewal due"),
    ),
    Field("active", "Active", ("is active", "current volunteer", "active volunteer")),
    Field("id", "Sponsor Desk id", ("volunteer id",)),
)

TRANSACTION_FIELDS = (
    Field("date", "Date", ("transaction date", "day", "when", "date paid", "paid on")),
    Field("kind", "Kind", ("type", "income/expense", "in/out", "direction"), Vocabulary.KIND),
    Field("amount", "Amount", ("value", "sum", "total", "amount nzd", "nzd", "$")),
    Field("credit", "Money in", ("credit", "deposit", "deposits", "paid in", "received", "in")),
    Field("debit", "Money out", ("debit", "withdrawal", "withdrawals", "paid out", "spent", "out")),
    Field(
        "category", "Category", ("account", "budget line", "budget", "fund"), Vocabulary.CATEGORY
    ),
    Field(
        "counterparty",
        "Counterparty",
        ("payee", "payer", "from/to", "who", "donor", "supplier", "other party", "name"),
    ),
    Field("method", "Method", ("payment method", "paid by", "how", "how paid")),
    Field("reference", "Reference", ("ref", "receipt", "receipt number", "invoice", "invoice no")),
    Field("household", "Household", ("family", "household code"), Vocabulary.HOUSEHOLD),
    Field("note", "Note", ("notes", "memo", "description", "comment", "comments", "details")),
    Field("restricted", "Restricted", ("ring-fenced", "ringfenced", "ring fenced")),
)

BANK_FIELDS = (
    Field("date", "Date", ("transaction date", "date of transaction", "posted", "posting date")),
    Field("amount", "Amount", ("transaction amount", "amount nzd", "value")),
    Field("credit", "Money in", ("credit", "amount (credit)", "deposit", "deposits", "paid in")),
    Field(
        "debit", "Money out", ("debit", "amount (debit)", "withdrawal", "withdrawals", "paid out")
    ),
    Field(
        "counterparty",
        "Payee",
        ("counterparty", "other party", "details", "name", "op name", "description"),
        Vocabulary.COUNTERPARTY,
    ),
    Field("particulars", "Particulars", ("tp part", "op part")),
    Field("code", "Code", ("analysis code", "tp code", "op code")),
    Field("reference", "Reference", ("ref", "tp ref", "op ref", "cheque number", "serial")),
    Field("type", "Type", ("tran type", "transaction type", "source code (payment type)")),
    Field("memo", "Memo", ("memo/description", "narrative", "notes")),
    Field("unique_id", "Bank's id", ("unique id", "fitid", "transaction id", "id")),
    Field("account", "Account", ("account number", "this party account")),
)

FIELDS = {
    ImportKind.VOLUNTEERS: VOLUNTEER_FIELDS,
    ImportKind.TRANSACTIONS: TRANSACTION_FIELDS,
    ImportKind.BANK: BANK_FIELDS,
}


def field_of(kind: ImportKind, key: str) -> Field:
    """The field of this kind, or of a ledger row (a bank line is shown as the transaction it
    becomes: its kind, category and note)."""
    found = next((f for f in FIELDS[kind] if f.key == key), None)
    if found is None:
        found = next((f for f in TRANSACTION_FIELDS if f.key == key), None)
    return found or Field(key, key.replace("_", " ").capitalize())


def match_columns(kind: ImportKind, header: tuple[str, ...]) -> tuple[str, ...]:
    """Each column's field by its name or a synonym; the first of two columns with the same
    field wins and the other is ignored (the preview shows it, the command line refuses)."""
    taken: set[str] = set()
    matched = []
    for name in header:
        field = next((f for f in FIELDS[kind] if f.matches(name)), None)
        if field is None or field.key in taken:
            matched.append(IGNORE)
        else:
            taken.add(field.key)
            matched.append(field.key)
    return tuple(matched)


def missing_fields(kind: ImportKind, columns: tuple[str, ...]) -> list[str]:
    """What a file must have, in words, for the fields it lacks."""
    have = set(columns)
    missing = []
    if kind is ImportKind.VOLUNTEERS:
        if "name" not in have and not {"first_name", "last_name"} <= have:
            missing.append("name")
    else:
        if "date" not in have:
            missing.append("date")
        if "amount" not in have and not ({"credit", "debit"} & have):
            missing.append("amount (or money in and money out)")
        if kind is ImportKind.TRANSACTIONS and "category" not in have:
            missing.append("category")
    return missing
