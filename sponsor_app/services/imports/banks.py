"""The CSV exports of New Zealand's banks, recognised by their header rows.

No bank publishes its layout as a specification. Each one here was taken from exports as
people have published them in open-source budgeting tools' parsers and test files (see
docs/bank-layouts.md for where each came from); a bank that changes its export, or any other
bank, is read through the column mapping instead and remembered under the name given to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.words import header_key


@dataclass(frozen=True)
class BankLayout:
    key: str
    name: str
    header: tuple[str, ...]  # exactly as the bank writes it
    columns: dict[str, str]  # bank's column -> field
    date_order: str = "dmy"  # how the bank writes dates when they are not ISO
    debits_positive: bool = False  # a credit card export: spending is a positive amount

    def matches(self, cells: tuple[str, ...]) -> bool:
        found = [header_key(c) for c in cells if c.strip()]
        return found == [header_key(c) for c in self.header]

    def fields(self, header: tuple[str, ...]) -> tuple[str, ...]:
        lookup = {header_key(k): v for k, v in self.columns.items()}
        return tuple(lookup.get(header_key(h), "") for h in header)


LAYOUTS = (
    BankLayout(
        "anz",
        "ANZ",
        (
            "Type",
            "Details",
            "Particulars",
            "Code",
            "Reference",
            "Amount",
            "Date",
            "ForeignCurrencyAmount",
            "ConversionCharge",
        ),
        {
            "Type": "type",
            "Details": "counterparty",
            "Particulars": "particulars",
            "Code": "code",
            "Reference": "reference",
            "Amount": "amount",
            "Date": "date",
        },
    ),
    BankLayout(
        "asb",
        "ASB",
        ("Date", "Unique Id", "Tran Type", "Cheque Number", "Payee", "Memo", "Amount"),
        {
            "Date": "date",
            "Unique Id": "unique_id",
            "Tran Type": "type",
            "Cheque Number": "reference",
            "Payee": "counterparty",
            "Memo": "memo",
            "Amount": "amount",
        },
        date_order="ymd",
    ),
    BankLayout(
        "asb_card",
        "ASB credit card",
        (
            "Date Processed",
            "Date of Transaction",
            "Unique Id",
            "Tran Type",
            "Reference",
            "Description",
            "Amount",
        ),
        {
            "Date of Transaction": "date",
            "Unique Id": "unique_id",
            "Tran Type": "type",
            "Reference": "reference",
            "Description": "counterparty",
            "Amount": "amount",
        },
        date_order="ymd",
        debits_positive=True,
    ),
    BankLayout(
        "bnz",
        "BNZ",
        (
            "Date",
            "Amount",
            "Payee",
            "Particulars",
            "Code",
            "Reference",
            "Tran Type",
            "This Party Account",
            "Other Party Account",
            "Serial",
            "Transaction Code",
            "Batch Number",
            "Originating Bank/Branch",
            "Processed Date",
        ),
        {
            "Date": "date",
            "Amount": "amount",
            "Payee": "counterparty",
            "Particulars": "particulars",
            "Code": "code",
            "Reference": "reference",
            "Tran Type": "type",
            "This Party Account": "account",
        },
    ),
    BankLayout(
        "kiwibank",
        "Kiwibank",
        (
            "Account number",
            "Date",
            "Memo/Description",
            "Source Code (payment type)",
            "TP ref",
            "TP part",
            "TP code",
            "OP ref",
            "OP part",
            "OP code",
            "OP name",
            "OP Bank Account Number",
            "Amount (credit)",
            "Amount (debit)",
            "Amount",
            "Balance",
        ),
        {
            "Account number": "account",
            "Date": "date",
            "Memo/Description": "memo",
            "Source Code (payment type)": "type",
            "OP ref": "reference",
            "OP part": "particulars",
            "OP code": "code",
            "OP name": "counterparty",
            "Amount": "amount",
        },
    ),
    BankLayout(
        "westpac",
        "Westpac",
        (
            "Date",
            "Amount",
            "Other Party",
            "Description",
            "Reference",
            "Particulars",
            "Analysis Code",
        ),
        {
            "Date": "date",
            "Amount": "amount",
            "Other Party": "counterparty",
            "Description": "memo",
            "Reference": "reference",
            "Particulars": "particulars",
            "Analysis Code": "code",
        },
    ),
    BankLayout(
        "ofx",
        "OFX statement",
        ("Date", "Amount", "Payee", "Memo", "Type", "Reference", "Unique Id", "Account"),
        {
            "Date": "date",
            "Amount": "amount",
            "Payee": "counterparty",
            "Memo": "memo",
            "Type": "type",
            "Reference": "reference",
            "Unique Id": "unique_id",
            "Account": "account",
        },
        date_order="ymd",
    ),
)


def layout_for(cells: tuple[str, ...]) -> BankLayout | None:
    return next((layout for layout in LAYOUTS if layout.matches(cells)), None)


def layout_named(key: str) -> BankLayout | None:
    return next((layout for layout in LAYOUTS if layout.key == key), None)
