"""The vetting rule's facts in the window's words (translated through Qt), with a sign and a
colour so colour is never the only cue. The reports and the command line word the same facts
in domain/vetting.py; both read the one rule's `Standing` and `Vetting`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.enums import VettingStatus
from ..domain.text import isolate
from ..domain.vetting import RequirementKind, Standing, Vetting
from .formatting import short_date
from .widgets.status import status_sign


def _tr(text: str) -> str:
    return QCoreApplication.translate("vetting", text)


def state_name(state: VettingStatus) -> str:
    return {
        VettingStatus.CURRENT: _tr("Current"),
        VettingStatus.EXPIRING: _tr("Expiring"),
        VettingStatus.EXPIRED: _tr("Expired"),
        VettingStatus.PENDING: _tr("Applied, waiting"),
        VettingStatus.NOT_CLEARED: _tr("Not cleared"),
        VettingStatus.MISSING: _tr("Missing"),
    }[state]


def state_text(state: VettingStatus) -> str:
    """ "✖ Expired": the sign and the name."""
    return f"{status_sign(state)} {state_name(state)}"


def standing_text(standing: Standing, locale: str) -> str:
    """One requirement in a sentence: "Police vetting expired 1 Dec 2026"."""
    r, state = standing.requirement, standing.state
    day = lambda d: short_date(d, locale)  # noqa: E731
    label, done = r.label, day(standing.done_on) if standing.done_on else ""
    expires = day(standing.expires_on) if standing.expires_on else ""
    # if/elif, not match: Qt's lupdate does not read strings inside a match statement.
    if state is VettingStatus.MISSING:
        if r.kind is RequirementKind.STATEMENT:
            return _tr("{} not signed").format(label)
        if r.kind is RequirementKind.TRAINING:
            return _tr("{} not completed").format(label)
        return _tr("{} not recorded").format(label)
    if state is VettingStatus.PENDING:
        if done:
            return _tr("{} applied {}, waiting").format(label, done)
        return _tr("{} applied, waiting").format(label)
    if state is VettingStatus.NOT_CLEARED:
        return _tr("{} not cleared").format(label)
    if state is VettingStatus.EXPIRED:
        return _tr("{} expired {}").format(label, expires)
    if state is VettingStatus.EXPIRING:
        return _tr("{} expires {}").format(label, expires)
    if standing.no_expiry:
        months = r.valid_months or 0  # a plain name: lupdate reads no expression as a count
        return QCoreApplication.translate(
            "vetting", "{} has no expiry date (it lasts %n month(s))", "", months
        ).format(label)
    if standing.expires_on:
        return _tr("{} current to {}").format(label, expires)
    if r.kind is RequirementKind.STATEMENT and done:
        return _tr("{} signed {}").format(label, done)
    if r.kind is RequirementKind.TRAINING and done:
        return _tr("{} completed {}").format(label, done)
    return _tr("{} current").format(label)


def badge_text(standing: Standing, locale: str) -> str:
    """A requirement's state and date without its name, for a column headed by the name:
    "✔ to 2 May 2028", "✔ signed 4 Apr 2025", "✖ expired 1 Dec 2026", "○ not signed"."""
    r, state = standing.requirement, standing.state
    sign = status_sign(state)
    day = lambda d: short_date(d, locale)  # noqa: E731
    if state is VettingStatus.MISSING:
        if r.kind is RequirementKind.STATEMENT:
            return f"{sign} " + _tr("not signed")
        if r.kind is RequirementKind.TRAINING:
            return f"{sign} " + _tr("not completed")
        return f"{sign} " + _tr("not recorded")
    if state is VettingStatus.PENDING:
        if standing.done_on:
            return f"{sign} " + _tr("waiting since {}").format(day(standing.done_on))
        return f"{sign} " + _tr("applied, waiting")
    if state is VettingStatus.NOT_CLEARED:
        return f"{sign} " + _tr("not cleared")
    if state is VettingStatus.EXPIRED:
        return f"{sign} " + _tr("expired {}").format(day(standing.expires_on))
    if state is VettingStatus.EXPIRING:
        return f"{sign} " + _tr("expires {}").format(day(standing.expires_on))
    if standing.expires_on:
        return f"{sign} " + _tr("to {}").format(day(standing.expires_on))
    if standing.no_expiry:
        return f"{sign} " + _tr("no expiry date")
    if r.kind is RequirementKind.STATEMENT and standing.done_on:
        return f"{sign} " + _tr("signed {}").format(day(standing.done_on))
    if r.kind is RequirementKind.TRAINING and standing.done_on:
        return f"{sign} " + _tr("completed {}").format(day(standing.done_on))
    return f"{sign} " + _tr("current")


def overall_text(vetting: Vetting, locale: str) -> str:
    """The whole, named after its worst requirement: "✖ Expired: Police vetting, 1 Dec 2026",
    "○ Missing: Child Protection Statement (+1 more)", "✔ Current to 2 May 2028"."""
    worst = vetting.worst
    if worst is None:
        until = vetting.expires_on
        if until is None:
            return state_text(VettingStatus.CURRENT)
        return f"{status_sign(VettingStatus.CURRENT)} " + _tr("Current to {}").format(
            short_date(until, locale)
        )
    text = f"{state_text(worst.state)}: {worst.requirement.label}"
    if worst.on is not None:
        text += f", {short_date(worst.on, locale)}"
    others = sum(1 for s in vetting.standings if s.state is not VettingStatus.CURRENT) - 1
    if others:
        text += QCoreApplication.translate("vetting", " (+%n more)", "", others)
    return text


def needs_text(vetting: Vetting, locale: str) -> str:
    """Everything not plainly current, requirement by requirement."""
    return "; ".join(standing_text(s, locale) for s in vetting.gaps)


def reason_text(name: str, vetting: Vetting, locale: str) -> str:
    """Why the vetting rule keeps someone away from the family: "Aroha Ngata: Police vetting
    expired 3 Mar 2026." (the name isolated, so a right-to-left name keeps its place)."""
    words = "; ".join(standing_text(s, locale) for s in vetting.blocking)
    return _tr("{}: {}.").format(isolate(name), words or _tr("vetting not current"))
