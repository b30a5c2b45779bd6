"""Ledger categories, transactions, budgets and pledges. Amounts are integer minor units."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import TransactionKind
from ...domain.text import fold
from .base import ArchivableMixin, Base, IdMixin, code, enum_column, part_of


class LedgerCategory(IdMixin, ArchivableMixin, Base):
    __tablename__ = "ledger_category"
    __table_args__ = (
        UniqueConstraint("kind", "name", name="kind_name"),
        UniqueConstraint("purpose", name="one_per_purpose"),
    )

    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[TransactionKind] = mapped_column(enum_column(TransactionKind, "category_kind"))
    # What the app relies on this category for (CategoryPurpose: rent, pledge payments...), so
    # that finding it never depends on its name, which the group may change (schema 0006).
    purpose: Mapped[str | None] = mapped_column(String(32), info=code("a category's purpose"))


class LedgerTransaction(IdMixin, Base):
    __tablename__ = "ledger_transaction"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_ledger_transaction_date_id", "occurred_on", "id"),
        # Covers search-as-you-type in date order: the scan reads this index alone (0004),
        # three times quicker than visiting each row at 100,000 transactions.
        Index(
            "ix_ledger_transaction_search",
            "occurred_on",
            "id",
            "search_text",
            "category_id",
            "kind",
            "amount_minor",
        ),
    )

    occurred_on: Mapped[date]
    kind: Mapped[TransactionKind] = mapped_column(enum_column(TransactionKind, "transaction_kind"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # always positive; kind gives the sign
    category_id: Mapped[int] = mapped_column(
        ForeignKey("ledger_category.id", ondelete="RESTRICT"), index=True
    )
    counterparty: Mapped[str] = mapped_column(default="")
    method: Mapped[str] = mapped_column(String(40), default="")
    reference: Mapped[str] = mapped_column(String(80), default="")
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL")
    )
    restricted: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # Counterparty, reference, note and method, folded in Python as imports match names (case
    # and diacritics aside: "kapiti" finds "Kāpiti"), kept by a mapper event below: one LIKE on
    # one column keeps search-as-you-type quick (0003; folded since 0010).
    # Internal: the folded words the ledger search reads (never typed, never exported).
    search_text: Mapped[str] = mapped_column(
        Text, default="", server_default="", info={"internal": True, "derived": True}
    )
    # The bank's own name for the statement line this transaction stands for (an OFX FITID, a
    # statement line's fingerprint), so a statement imported twice adds nothing (schema 0009).
    statement_ref: Mapped[str | None] = mapped_column(String(120), index=True)

    category: Mapped[LedgerCategory] = relationship()


def search_text_for(counterparty: str, reference: str, note: str, method: str) -> str:
    """What the ledger's search looks in: each field folded (domain/text.fold), so a search,
    folded the same way, ignores case and diacritics, macrons included."""
    return "\x1f".join(fold(part or "") for part in (counterparty, reference, note, method))


@event.listens_for(LedgerTransaction, "before_insert")
@event.listens_for(LedgerTransaction, "before_update")
def _keep_search_text(_mapper, _connection, row: LedgerTransaction) -> None:
    row.search_text = search_text_for(row.counterparty, row.reference, row.note, row.method)


class CategoryRule(IdMixin, Base):
    """ "Counterparty contains Countdown: Food". Bank statement lines are categorised by the
    longest pattern that matches; the preview learns new rules from the user's choices."""

    __tablename__ = "category_rule"
    __table_args__ = (
        UniqueConstraint("field", "pattern", "category_id", name="one_rule"),
        CheckConstraint("field IN ('counterparty', 'any')", name="rule_field"),
    )

    pattern: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(20), default="counterparty")
    category_id: Mapped[int] = part_of("ledger_category")


class ImportMapping(IdMixin, Base):
    """How one kind of file's columns and values were matched, kept for the next file with the
    same columns (and, for a bank, by its name). In the group file, not the app's settings: the
    command line and every laptop that opens the file use the same mapping."""

    __tablename__ = "import_mapping"
    __table_args__ = (UniqueConstraint("kind", "signature", name="one_per_columns"),)

    kind: Mapped[str] = mapped_column(String(20))  # volunteers, transactions, bank
    name: Mapped[str] = mapped_column(String(80), default="")
    # Internal (never typed): the file's header row, folded, its cells joined by U+001F.
    signature: Mapped[str] = mapped_column(Text, info={"internal": True})
    settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON: columns and values


class Budget(IdMixin, Base):
    __tablename__ = "budget"
    __table_args__ = (
        UniqueConstraint("category_id", "month", name="category_month"),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
    )

    category_id: Mapped[int] = part_of("ledger_category", index=False)
    month: Mapped[date]  # always the first day of the month
    amount_minor: Mapped[int] = mapped_column(BigInteger)


class Pledge(IdMixin, Base):
    __tablename__ = "pledge"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("end_on IS NULL OR end_on >= start_on", name="end_after_start"),
    )

    donor: Mapped[str]
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    frequency: Mapped[str] = mapped_column(
        String(20), info=code("once, weekly, fortnightly or monthly")
    )
    start_on: Mapped[date]
    end_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
