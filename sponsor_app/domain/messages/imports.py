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
