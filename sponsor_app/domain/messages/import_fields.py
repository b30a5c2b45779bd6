"""What an import reads, as the window names it: each field's heading in the preview and in a
sentence about a file's columns. A file's own headers are data and are matched in English too
(services/imports/fields.py)."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class ImportFields(Text):
    NAME = "Name"
    FIRST_NAME = "First name"
    LAST_NAME = "Last name"
    EMAIL = "Email"
    PHONE = "Phone"
    ROLES = "Roles"
    LANGUAGES = "Languages"
    VETTING_STATUS = "Vetting status"
    VETTING_CHECKED_ON = "Vetting checked on"
    VETTING_EXPIRES_ON = "Vetting expires on"
    ACTIVE = "Active"
    SPONSOR_DESK_ID = "Sponsor Desk id"
    DATE = "Date"
    KIND = "Kind"
    AMOUNT = "Amount"
    MONEY_IN = "Money in"
    MONEY_OUT = "Money out"
    CATEGORY = "Category"
    COUNTERPARTY = "Counterparty"
    METHOD = "Method"
    REFERENCE = "Reference"
    HOUSEHOLD = "Household"
    NOTE = "Note"
    RESTRICTED = "Restricted"
    PAYEE = "Payee"
    PARTICULARS = "Particulars"
    CODE = "Code"
    TYPE = "Type"
    MEMO = "Memo"
    BANKS_ID = "Bank's id"
    ACCOUNT = "Account"
    # what a file must have, for the fields it lacks ("has no column for date, amount")
    NEEDS_NAME = "name"
    NEEDS_DATE = "date"
    NEEDS_AMOUNT = "amount (or money in and money out)"
    NEEDS_CATEGORY = "category"
    NEEDS_ONE_COLUMN = "one column only as “{field}”"
