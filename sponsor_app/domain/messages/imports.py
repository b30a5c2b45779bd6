"""Imports: the file read (a CSV, a workbook, a bank statement), its columns, each row."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Imports(Text):
    # the file itself
    ENCODING_UNCLEAR = (
        "{name}, line {line}: byte 0x{byte:02X} is not UTF-8, though the rest of the file is. "
        "Correct that line and save the file again as CSV UTF-8, or choose to read the whole "
        "file as Windows-1252 (--encoding cp1252), where the file's other accented letters then "
        "read wrongly. Nothing was imported."
    )
    EMPTY = "{name} is empty."
    EMPTY_SHEET = "{name} (sheet “{sheet}”) is empty."
    TOO_MANY_COLUMNS = "The header row has %Ln column(s); Sponsor Desk reads at most {most:,}."
    SAVE_AS_XLSX = "{name}: save it as .xlsx or .csv first (File ▸ Save As in the spreadsheet)."
    CHOOSE_CSV_OR_XLSX = "{name}: choose a .csv or .xlsx file."
    SOURCE_MISSING = "{path} does not exist."
    SOURCE_UNREADABLE = "{path} cannot be read: {why}."
    SOURCE_IS_FOLDER = "{path} is a folder: choose a .csv or .xlsx file in it."
    SOURCE_NOT_REGULAR = (
        "{path} is not a regular file (a pipe or a device): choose a .csv or .xlsx file."
    )
    SOURCE_NOT_ALLOWED = "{path} cannot be read ({why}): check who may open it."
    NOT_TEXT = "{name} is not a text file Sponsor Desk can read."
    WRONG_ENCODING = (
        "{name}, line {line}: the text is not in the file's own encoding ({encoding}); save the "
        "file again as CSV UTF-8."
    )
    CELL_TOO_LONG = (
        "{name}, line {line}: a cell is longer than {kib:,} KiB (or a quote opened there is "
        "never closed). Nothing was imported."
    )
    QUOTE_NOT_CLOSED = (
        '{name}, line {line}: a quote (") opens a cell there and is never closed, so every '
        "line after it would run into that one cell. Close the quote, or remove it. Nothing "
        "was imported."
    )
    TEXT_AFTER_QUOTE = (
        '{name}, line {line}: a quote (") closes a cell but more text follows it in the same '
        'cell. Write "" for a quote inside a quoted cell. Nothing was imported.'
    )
    CSV_PROBLEM = "{name}, line {line}: {why}. Nothing was imported."
    # workbooks and bank statements
    NOT_XLSX = (
        "{name} is not an .xlsx workbook (or it is protected with a password: save a copy "
        "without one)."
    )
    XLSX_BOMB = (
        "{name} would unpack to {megabytes:,.0f} MB from {kilobytes:,.0f} KB: it is not an "
        "ordinary workbook, so Sponsor Desk does not open it."
    )
    XLSX_TOO_BIG = (
        "{name} would unpack to {megabytes:,.0f} MB; Sponsor Desk reads workbooks up to {most} "
        "MB. Save the sheet as CSV instead."
    )
    NOT_A_WORKBOOK = "{name} is not a workbook Sponsor Desk can read ({why})."
    BEYOND_LAST_COLUMN = (
        "Sheet “{sheet}”, line {line}: a value beyond column {most}; Sponsor Desk reads at most "
        "%Ln column(s)."
    )
    NO_SHEETS = "{name} has no sheet with rows in it."
    NO_SUCH_SHEET = "{name} has no sheet “{sheet}”; its sheets are: {sheets}."
    OFX_TOO_BIG = "{name} is larger than {most} MB: not a bank statement Sponsor Desk can read."
    NOT_OFX = "{name} is not an OFX statement Sponsor Desk can read ({why})."
    OFX_OTHER_CURRENCY = (
        "{name} is a statement in {found}; this group keeps its books in {currency}."
    )
    # exports
    EXPORT_CSV_OR_XLSX = "{name}: export to a .csv or .xlsx file."
    OWN_FOLDER_FULL = (
        "Sponsor Desk's own folder {folder} is full, so the workbook could not be put together: "
        "free some space on that disk, then try again. Nothing was written."
    )
    OWN_FOLDER_UNWRITABLE = (
        "Sponsor Desk's own folder {folder} could not be written ({why}). Nothing was written."
    )
    # the columns
    NO_COLUMN_CALLED = "{name} has no column “{column}”; its columns are: {columns}."
    NO_COLUMN_FOR = (
        "{name} has no column for {fields} (its columns: {columns}); name one with --map "
        "column:HEADER=FIELD."
    )
    NO_COLUMN_FOR_READ_AS = (
        "{name} has no column for {fields} (its columns: {columns}, read as {encoding} with "
        "cells separated by {separator}); name one with --map column:HEADER=FIELD."
    )
    NONE = "none"
    SEPARATED_BY_COMMAS = "commas"
    SEPARATED_BY_SEMICOLONS = "semicolons"
    SEPARATED_BY_TABS = "tabs"
    SEPARATED_BY_BARS = "bars (|)"
    COLUMN_TWICE = (
        "{name} has more than one column called “{column}”: rename or remove all but one, so it "
        "is clear which to read."
    )
    FIELD_MATCHED_TWICE = "more than one column is matched to “{field}”: ignore all but one."
    # the whole import
    NOTHING_IMPORTED = "Nothing was imported from {name}: %Ln problem(s).\n{lines}"
    PROBLEM_LINE = "  {where}: {what}"
    PROBLEM_LINE_PLAIN = "  {what}"
    AND_MORE = "  and {more:,} more"
    IMPORT_CANCELLED = "The import of {name} was cancelled; nothing was changed."
    # a row that cannot be imported as it is (its reasons, one after another)
    ROW_NOTE = "{reasons}"
    ROW_PROBLEM = "{reasons}."
    CELLS_BEYOND_HEADER = (
        "it has %Ln cell(s) but the header has {columns} (“{extra}” has no column); check the "
        "quotes and commas on this line"
    )
    COLUMN_COUNT = "%Ln column(s)"
    FORMULA_NO_VALUE = (
        "{column} is a formula ({formula}) with no value saved in the file: open it in Excel or "
        "LibreOffice and save it again, so the values are stored"
    )
    CONTROL_IN_CELL = (
        "{column} holds a control character ({character}) that a spreadsheet cannot hold"
    )
    FIELD_SAYS = "{field}: {why}"
    FIELD_EMPTY = "{field} is empty"
    FIELD_TOO_LONG = "{field} is longer than %Ln character(s)"
    # where the rows with a value are
    ON_LINE = "line {lines}"
    ON_LINES = "lines {lines}"
    ON_LINES_MORE = "lines {lines} and {more:,} more"
    # transactions and bank lines
    AMOUNT_NOT_ABOVE_ZERO = "amount must be above zero (the kind says which way it goes)"
    AMOUNT_ZERO = "amount is zero"
    IN_AND_OUT = "both money in and money out are filled in: keep one"
    NOT_INCOME_CATEGORY = "“{name}” is not an income category of this group"
    NOT_EXPENSE_CATEGORY = "“{name}” is not an expense category of this group"
    NO_HOUSEHOLD = "there is no household {code}"
    IN_THE_LEDGER = "already in the ledger (same date, amount, kind and reference)"
    LIKELY_IN_THE_LEDGER = "probably already in the ledger (same date, amount and counterparty)"
    FROM_A_STATEMENT = "already imported from a statement"
    ENTERED_BY_HAND = "entered by hand before (transaction {id})"
    CHOSEN_BY_YOU = "your choice"
    CHOSEN_BY_RULE = "rule: contains “{pattern}”"
    NO_RULE = "no rule"
    NO_RULE_NO_OTHER_INCOME = (
        "no rule categorises “{counterparty}” and the group has no other income category to put "
        "it in; choose a category for it"
    )
    NO_RULE_NO_OTHER_SPENDING = (
        "no rule categorises “{counterparty}” and the group has no other spending category to "
        "put it in; choose a category for it"
    )
    UNKNOWN_INCOME_CATEGORY = (
        "“{text}” is not an income category of this group ({lines}); map it with --map "
        "categories:{text}=NAME or create it with --create-missing. The income categories are: "
        "{known}."
    )
    UNKNOWN_EXPENSE_CATEGORY = (
        "“{text}” is not an expense category of this group ({lines}); map it with --map "
        "categories:{text}=NAME or create it with --create-missing. The expense categories "
        "are: {known}."
    )
    UNKNOWN_HOUSEHOLD = (
        "there is no household “{text}” ({lines}); map it with --map households:{text}=CODE or "
        "create it with --create-missing. The households are: {known}."
    )
    UNKNOWN_KIND = (
        "“{text}” is not income or expense ({lines}); map it with --map kinds:{text}=income or "
        "=expense."
    )
    CREATED_INCOME_CATEGORY = "category “{name}” (income)"
    CREATED_EXPENSE_CATEGORY = "category “{name}” (expense)"
    CREATED_HOUSEHOLD = "household {code}"
    CREATED_ROLE = "role “{name}”"
    # volunteers
    SAME_NAME = (
        "%Ln volunteer(s) are called {name}: add their email to this row (or keep the id column "
        "of the app's own export) to say which one"
    )
    ALREADY_ABOUT = "line {line} is already about {name}: one row per person"
    SAME_PERSON = "the same person as line {line}"
    SAME_PERSON_NO_EMAIL = (
        "the same person as line {line} (two rows for {name} and no email: if they are two "
        "people, give one an email)"
    )
    NOT_A_ROLE = "“{name}” is not one of the group's roles"
    ROLE_RETIRED = "the role “{name}” is retired: map it to another role"
    EMAIL_TAKEN = "the email {email} belongs to {name} already"
    EMAIL_TWICE = "the email {email} is on line {line} too"
    NO_ROLE = "no role: a new volunteer needs at least one (a roles column)"
    # the volunteer form's own checks, as one reason among a row's
    ROW_CHECK_EXPIRY_ORDER = "the expiry date must be after the check date"
    ROW_CHECK_DATE_MISSING = "enter the date the check cleared"
    ROW_STATEMENT_EXPIRY_ORDER = "the expiry date must be after the date it was signed"
    ROW_STATEMENT_DATE_MISSING = "enter the date it was signed"
    ROW_TRAINING_EXPIRY_ORDER = "the expiry date must be after the completion date"
    ROW_TRAINING_DATE_MISSING = "enter the date it was completed"
    ROW_STATEMENT_ONLY_SIGNED = "a statement is signed or not: record it once it is signed"
    ROW_TRAINING_ONLY_COMPLETED = "a course is recorded once it is completed"
    UNKNOWN_ROLE = (
        "“{text}” is not one of the group's roles ({lines}); map it with --map roles:{text}=ROLE "
        "or create it with --create-missing. The roles are: {known}."
    )
    UNKNOWN_STATUS = (
        "“{text}” is not a vetting status Sponsor Desk knows ({lines}); map it with --map "
        "statuses:{text}=current (or pending, expired, not cleared, missing)."
    )
    FILLED_EXPIRY = (
        "%Ln row(s) with {check} cleared and no expiry: each is given the programme's {months} "
        "from its check date, as the volunteer form does"
    )
    MONTHS = "%Ln month(s)"
    PEOPLE = "%Ln person(s)"
    ONE_LACKS = (
        "{lacking:,} of {people} has no {requirement} recorded: the roster will show it as "
        "missing until it is added on the Volunteers page"
    )
    MANY_LACK = (
        "{lacking:,} of {people} have no {requirement} recorded: the roster will show it as "
        "missing until it is added on the Volunteers page"
    )
    SHEET_DISAGREES = (
        "line {line} ({name}): the sheet says {stated}, but {dates}, so the roster shows {shown}"
    )
    EXPIRES_ON = "it expires on {day}"
    NO_EXPIRY = "it has no expiry date"


@unique
class Cells(Text):
    """A cell of someone's spreadsheet the app cannot read (domain/words.py)."""

    NOT_YES_OR_NO = "“{text}” is not yes or no"
    NOT_A_DATE = "“{text}” is not a date (write 2026-03-01)"
    DATE_OUT_OF_RANGE = "“{text}” is not a date between 1900 and 2100"
