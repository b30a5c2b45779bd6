"""What each kind of import reads: its fields, the names people give their columns, and
which fields hold values the group keeps a list of (roles, categories, households...)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ...domain.messages import ImportFields, Message, english
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
    label: ImportFields | str  # a field's heading (a field only named by its key: in words)
    names: tuple[str, ...] = ()  # header names that mean this field, besides key and label
    vocabulary: Vocabulary | None = None

    @property
    def said(self) -> Message | str:
        """The heading, for the edge to word (the window translates it)."""
        return self.label() if isinstance(self.label, ImportFields) else self.label

    def matches(self, header: str) -> bool:
        """By the key, the English heading (the app's own exports write it) or a synonym."""
        wanted = header_key(header)
        heading = english(self.said)
        return wanted in {header_key(n) for n in (self.key, heading, *self.names)}


IGNORE = ""  # a column matched to no field

VOLUNTEER_FIELDS = (
    Field(
        "name",
        ImportFields.NAME,
        ("full name", "volunteer", "volunteer name", "person", "full_name"),
    ),
    Field(
        "first_name", ImportFields.FIRST_NAME, ("given name", "first", "forename", "given names")
    ),
    Field("last_name", ImportFields.LAST_NAME, ("surname", "family name", "last")),
    Field("email", ImportFields.EMAIL, ("e-mail", "email address", "e-mail address", "mail")),
    Field(
        "phone",
        ImportFields.PHONE,
        ("mobile", "cell", "phone number", "telephone", "mobile number"),
    ),
    Field("roles", ImportFields.ROLES, ("role", "position", "positions", "job"), Vocabulary.ROLES),
    Field("languages", ImportFields.LANGUAGES, ("language", "languages spoken", "speaks")),
    Field(
        "vetting_status",
        ImportFields.VETTING_STATUS,
        ("vetting", "police vetting", "police check", "dbs", "background check", "check status"),
        Vocabulary.STATUS,
    ),
    Field(
        "vetting_checked_on",
        ImportFields.VETTING_CHECKED_ON,
        ("vetted on", "vetting date", "date vetted", "cleared on", "checked on", "check date"),
    ),
    Field(
        "vetting_expires_on",
        ImportFields.VETTING_EXPIRES_ON,
        ("expires", "expiry", "expires on", "vetting expiry", "expiry date", "renewal due"),
    ),
    Field("active", ImportFields.ACTIVE, ("is active", "current volunteer", "active volunteer")),
    Field("id", ImportFields.SPONSOR_DESK_ID, ("volunteer id",)),
)

TRANSACTION_FIELDS = (
    Field("date", ImportFields.DATE, ("transaction date", "day", "when", "date paid", "paid on")),
    Field(
        "kind",
        ImportFields.KIND,
        ("type", "income/expense", "in/out", "direction"),
        Vocabulary.KIND,
    ),
    Field("amount", ImportFields.AMOUNT, ("value", "sum", "total", "amount nzd", "nzd", "$")),
    Field(
        "credit",
        ImportFields.MONEY_IN,
        ("credit", "deposit", "deposits", "paid in", "received", "in"),
    ),
    Field(
        "debit",
        ImportFields.MONEY_OUT,
        ("debit", "withdrawal", "withdrawals", "paid out", "spent", "out"),
    ),
    Field(
        "category",
        ImportFields.CATEGORY,
        ("account", "budget line", "budget", "fund"),
        Vocabulary.CATEGORY,
    ),
    Field(
        "counterparty",
        ImportFields.COUNTERPARTY,
        ("payee", "payer", "from/to", "who", "donor", "supplier", "other party", "name"),
    ),
    Field("method", ImportFields.METHOD, ("payment method", "paid by", "how", "how paid")),
    Field(
        "reference",
        ImportFields.REFERENCE,
        ("ref", "receipt", "receipt number", "invoice", "invoice no"),
    ),
    Field("household", ImportFields.HOUSEHOLD, ("family", "household code"), Vocabulary.HOUSEHOLD),
    Field(
        "note",
        ImportFields.NOTE,
        ("notes", "memo", "description", "comment", "comments", "details"),
    ),
    Field("restricted", ImportFields.RESTRICTED, ("ring-fenced", "ringfenced", "ring fenced")),
)

BANK_FIELDS = (
    Field(
        "date",
        ImportFields.DATE,
        ("transaction date", "date of transaction", "posted", "posting date"),
    ),
    Field("amount", ImportFields.AMOUNT, ("transaction amount", "amount nzd", "value")),
    Field(
        "credit",
        ImportFields.MONEY_IN,
        ("credit", "amount (credit)", "deposit", "deposits", "paid in"),
    ),
    Field(
        "debit",
        ImportFields.MONEY_OUT,
        ("debit", "amount (debit)", "withdrawal", "withdrawals", "paid out"),
    ),
    Field(
        "counterparty",
        ImportFields.PAYEE,
        ("counterparty", "other party", "details", "name", "op name", "description"),
        Vocabulary.COUNTERPARTY,
    ),
    Field("particulars", ImportFields.PARTICULARS, ("tp part", "op part")),
    Field("code", ImportFields.CODE, ("analysis code", "tp code", "op code")),
    Field(
        "reference", ImportFields.REFERENCE, ("ref", "tp ref", "op ref", "cheque number", "serial")
    ),
    Field(
        "type", ImportFields.TYPE, ("tran type", "transaction type", "source code (payment type)")
    ),
    Field("memo", ImportFields.MEMO, ("memo/description", "narrative", "notes")),
    Field("unique_id", ImportFields.BANKS_ID, ("unique id", "fitid", "transaction id", "id")),
    Field("account", ImportFields.ACCOUNT, ("account number", "this party account")),
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


def missing_fields(kind: ImportKind, columns: tuple[str, ...]) -> list[Message]:
    """What a file must have, for the fields it lacks."""
    have = set(columns)
    missing = []
    if kind is ImportKind.VOLUNTEERS:
        if "name" not in have and not {"first_name", "last_name"} <= have:
            missing.append(ImportFields.NEEDS_NAME())
    else:
        if "date" not in have:
            missing.append(ImportFields.NEEDS_DATE())
        if "amount" not in have and not ({"credit", "debit"} & have):
            missing.append(ImportFields.NEEDS_AMOUNT())
        if kind is ImportKind.TRANSACTIONS and "category" not in have:
            missing.append(ImportFields.NEEDS_CATEGORY())
    return missing
