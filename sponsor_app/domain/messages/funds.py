"""The funds: the ledger, categories, budgets, pledges and categorising rules."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Funds(Text):
    WRONG_CURRENCY = "This group keeps its books in {currency}, not {given}."
    AMOUNT_NOT_POSITIVE = "Enter an amount above zero; choose income or expense for the direction."
    CHOOSE_CATEGORY = "Choose a category."
    IS_INCOME_CATEGORY = "“{name}” is an income category."
    IS_EXPENSE_CATEGORY = "“{name}” is an expense category."
    NO_INCOME_CATEGORY = "There is no income category “{name}”."
    NO_EXPENSE_CATEGORY = "There is no expense category “{name}”."
    CATEGORY_NAME_MISSING = "Enter the category's name."
    INCOME_CATEGORY_EXISTS = "There is already an income category “{name}”."
    EXPENSE_CATEGORY_EXISTS = "There is already an expense category “{name}”."
    CATEGORY_CALLED_EXISTS = "There is already a category called “{name}”."
    # budgets
    BUDGET_NEGATIVE = "A budget cannot be negative."
    LAST_MONTH_BEFORE_FIRST = "The last month must not be before the first."
    BUDGET_FOR_SPENDING = "Budgets are set for spending categories."
    # pledges
    DONOR_MISSING = "Enter the donor's name."
    PLEDGE_NOT_POSITIVE = "Enter an amount above zero."
    CHOOSE_FREQUENCY = "Choose how often: {choices}."
    PLEDGE_ENDS_BEFORE_START = "The pledge must end on or after the day it starts."
    # rules that categorise bank lines
    RULE_WORDS_MISSING = "Enter the words to look for, such as Countdown."
    RULE_WORDS_TOO_LONG = "Keep the words to %Ln character(s) or fewer."
    RULE_FIELD = "Look in the counterparty, or in the whole line."
    RULE_EXISTS = "That rule is there already."


@unique
class Amounts(Text):
    """A typed amount the app cannot read (domain/money.parse_minor)."""

    MISSING = "Enter an amount."
    BRACKETS_AND_MINUS = "“{text}” is not an amount: use brackets or a minus sign, not both."
    OTHER_CURRENCY = (
        "“{text}” is in another currency ({mark}); this group keeps its books in {currency}."
    )
    CHECK_THE_COMMAS = "“{text}” is not an amount: check the commas."
    NOT_AN_AMOUNT = "“{text}” is not an amount."
    NO_CENTS = "Amounts in {currency} have no cents."
    TOO_MANY_DECIMALS = "“{text}” has more than %n digit(s) after the decimal point."
    TOO_LARGE = "“{text}” is too large for an amount."
