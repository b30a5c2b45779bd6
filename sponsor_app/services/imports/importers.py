"""The reader for each kind of import."""

from __future__ import annotations

from .fields import ImportKind
from .passes import Pass


def make(kind: ImportKind, p: Pass, layout: str):
    if kind is ImportKind.VOLUNTEERS:
        from .volunteer_rows import VolunteerRows

        return VolunteerRows(p)
    from .ledger_rows import make as make_ledger

    return make_ledger(kind, p, layout)


def date_locale_for(layout: str, locale: str) -> str:
    """New Zealand's banks write the day first whatever the group's own country."""
    from .banks import LAYOUTS

    found = next((x for x in LAYOUTS if x.name == layout), None)
    if found is None or found.date_order == "ymd":
        return locale
    return "en_NZ" if found.date_order == "dmy" else "en_US"
