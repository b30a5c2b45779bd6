"""Counts in words: the one plural-aware path for the command line, the services' notes and the
PDFs ("1 payment", "2 payments", "1,234 people"). The window says the same through Qt's %n
and its translation file (ui/translations.py), never by adding an "s" by hand.

A test (tests/test_plurals.py) reads every string in the package and the window's message
catalogue and fails on a number put next to a plural noun any other way.
"""

from __future__ import annotations

# Plurals adding "s" cannot spell.
IRREGULAR = {
    "person": "people",
    "child": "children",
    "entry": "entries",
    "category": "categories",
    "property": "properties",
    "tenancy": "tenancies",
    "copy": "copies",
    "try": "tries",
    "was": "were",
    "has": "have",
    "is": "are",
}


def plural(singular: str) -> str:
    """The English plural of a noun (the last word of a phrase): "payment" -> "payments",
    "new rule" -> "new rules", "person" -> "people"."""
    head, _, last = singular.rpartition(" ")
    many = IRREGULAR.get(last)
    if many is None:
        many = last + ("es" if last.endswith(("s", "x", "ch", "sh")) else "s")
    return f"{head} {many}" if head else many


def noun(number: int, singular: str, many: str | None = None) -> str:
    """The noun that goes with `number`: "payment" for 1, "payments" otherwise."""
    return singular if number == 1 else (many or plural(singular))


def counted(number: int, singular: str, many: str | None = None) -> str:
    """ "1 payment", "0 payments", "1,234 new rules"."""
    return f"{number:,} {noun(number, singular, many)}"
