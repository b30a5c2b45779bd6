"""Issue 19 item 11: every count goes through one plural-aware path ("1 payment", "2 payments"):
`domain/plurals.py` for the command line, the services and the PDFs, Qt's %n with the
translation file for the window. This reads every string literal in the package, and the
window's message catalogue, and fails on a number put beside a plural noun by hand ("{} rows",
f"{n:,} payments have no reference")."""

from __future__ import annotations

import io
import re
import tokenize
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sponsor_app.domain.plurals import counted, noun, plural

PACKAGE = Path(__file__).resolve().parents[1] / "sponsor_app"
CATALOGUE = sorted((PACKAGE / "resources" / "translations").glob("*.ts"))

# The nouns the app counts (a number next to one of these is a count).
NOUNS = [
    "adults",
    "amounts",
    "backups",
    "categories",
    "cells",
    "changes",
    "characters",
    "check-ins",
    "children",
    "columns",
    "concerns",
    "copies",
    "days",
    "digits",
    "entries",
    "errors",
    "files",
    "goals",
    "groups",
    "hours",
    "households",
    "indicators",
    "items",
    "lines",
    "members",
    "months",
    "payments",
    "people",
    "pledges",
    "problems",
    "properties",
    "readings",
    "records",
    "rows",
    "rules",
    "seconds",
    "tasks",
    "tenancies",
    "transactions",
    "tries",
    "volunteers",
    "weeks",
    "years",
]
# A placeholder, then perhaps one word ("new", "active"), then a plural noun.
# ("{encoding} with cells" is no count: the word between may not be a preposition.)
BY_HAND = re.compile(
    r"(?:\{[^{}]*\}|%L?\d)\s+(?:(?!(?:with|of|and|or|in|by|for|to|from)\b)[a-z]+\s+)?("
    + "|".join(NOUNS)
    + r")\b"
)


def _literals(path: Path):
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING:
            yield token.start[0], token.string


def hand_made_counts() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in _literals(path):
            for match in BY_HAND.finditer(text):
                found.append(f"{path.relative_to(PACKAGE)}:{line}: …{match.group(0)}…")
    for catalogue in CATALOGUE:
        for message in ET.parse(catalogue).getroot().iter("message"):
            source = message.findtext("source") or ""
            if BY_HAND.search(source):
                found.append(f"{catalogue.name}: “{source}”")
    return found


def test_no_count_is_put_beside_a_plural_noun_by_hand():
    assert hand_made_counts() == []


def test_the_scan_finds_what_it_should():
    """The scan is not blind: the issue's own examples are caught."""
    for example in (
        '"{} payments have no reference"',
        'f"{len(missing):,} payments have no reference"',
        '"{} new rules will categorise these counterparties next time"',
        '"%n wrong tries. {} Try again in {} seconds."',
    ):
        assert BY_HAND.search(example), example
    assert not BY_HAND.search('"%n payment(s) have no reference"')


@pytest.mark.parametrize(
    ("number", "one", "said"),
    [
        (0, "payment", "0 payments"),
        (1, "payment", "1 payment"),
        (2, "new rule", "2 new rules"),
        (1234, "person", "1,234 people"),
        (3, "category", "3 categories"),
    ],
)
def test_counted(number, one, said):
    assert counted(number, one) == said


def test_nouns_and_verbs_agree():
    assert (noun(1, "has"), noun(2, "has"), plural("match")) == ("has", "have", "matches")


# Messages whose count has no noun to agree with: the same words for one and for many.
NO_NOUN = {
    '<a href="week">%n due this week</a>',
    " (+%n more)",
    "And %n more.",
}


@pytest.mark.parametrize("catalogue", CATALOGUE, ids=lambda p: p.name)
def test_every_counted_message_has_its_own_singular(catalogue):
    """ "%n other categories" had one form for one and many: "1 other categories"."""
    same = [
        message.findtext("source")
        for message in ET.parse(catalogue).getroot().iter("message")
        if message.get("numerus") == "yes"
        and len({f.text for f in message.iter("numerusform")}) < 2
        and message.findtext("source") not in NO_NOUN
    ]
    assert same == []
