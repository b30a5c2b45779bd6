"""How the window writes dates, days and money, in the group's locale (Babel)."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from PySide6.QtCore import QCoreApplication

# One way to write a date for the window and the reports alike: the domain's.
from ..domain.dates import month_label as month_label
from ..domain.dates import short_date as short_date
from ..domain.money import Money


def tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


def timestamp(moment: datetime, locale: str = "en_NZ") -> str:
    return format_datetime(moment, "short", locale=locale)


def money(amount: Money | None, locale: str = "en_NZ") -> str:
    return amount.format(locale) if amount is not None else ""


def days_from_arrival(days: int | None) -> str:
    if days is None:
        return tr("arrival date not set")
    if days == 0:
        return tr("arrives today")
    if days < 0:
        return QCoreApplication.translate("formatting", "arrives in %n day(s)", "", -days)
    return QCoreApplication.translate("formatting", "arrived %n day(s) ago", "", days)


def overdue_by(days: int) -> str:
    if days > 0:
        return QCoreApplication.translate("formatting", "%n day(s) overdue", "", days)
    if days == 0:
        return tr("due today")
    return QCoreApplication.translate("formatting", "due in %n day(s)", "", -days)


def _people(count: int) -> str:
    return QCoreApplication.translate("formatting", "%n person(s)", "", count)


def requirement_basis(requirement) -> str:
    """How a funds requirement was worked out, in words ("3 people at 2,425 each")."""
    from ..domain.programmes import FundsRuleKind

    match requirement.rule:
        case FundsRuleKind.BUDGET:
            return tr("the budget still to spend in the support period")
        case FundsRuleKind.FIXED:
            return tr("a fixed amount")
        case FundsRuleKind.PER_PERSON:
            people = _people(requirement.people)
            return people + tr(" at {:,} each").format(requirement.amount_each)
        case FundsRuleKind.FAMILY_TABLE:
            sizes = ", ".join(str(size) for size in requirement.family_sizes)
            return tr("family sizes {}").format(sizes) if sizes else tr("no households yet")
        case _:
            people = _people(requirement.people)
            return people + tr(", {}% in cash").format(requirement.cash_share_percent)


def lease_ending(days_left: int) -> str:
    """One rule's words for the dashboard and the Housing page alike."""
    if days_left < 0:
        return QCoreApplication.translate("formatting", "ended %n day(s) ago", "", -days_left)
    if days_left == 0:
        return tr("ends today")
    return QCoreApplication.translate("formatting", "ends in %n day(s)", "", days_left)


_locale = "en_NZ"


def use_locale(locale: str) -> None:
    """The open group's locale (set when a file opens): date fields read and write dates in
    its order, money in its format."""
    global _locale
    _locale = locale


def current_locale() -> str:
    return _locale
