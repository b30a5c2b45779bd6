"""A message: a code from the catalogue and the values it needs; the English every edge shares.

See the package docstring (domain/messages/__init__.py) for the design."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import PurePath
from string import Formatter

# The count of a message, written as Qt writes it: %n, or %Ln for "1,234".
COUNT = re.compile(r"%L?n")
COUNT_PARAM = "n"
# Plurals "(s)" cannot spell: the template says person(s), English says people.
IRREGULAR = {
    "person(s)": ("person", "people"),
    "category(ies)": ("category", "categories"),
    "copy(ies)": ("copy", "copies"),
    "entry(ies)": ("entry", "entries"),
    "property(ies)": ("property", "properties"),
    "tenancy(ies)": ("tenancy", "tenancies"),
    "was/were": ("was", "were"),
    "has/have": ("has", "have"),
    "is/are": ("is", "are"),
}


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural English of a template with a count: "%n file(s)" gives
    ("%n file", "%n files"). The window's translation file is made from the same forms
    (tools/update_translations.py), so the window and the command line count alike."""
    one, many = source, source
    for marked, (singular, plural) in IRREGULAR.items():
        one, many = one.replace(marked, singular), many.replace(marked, plural)
    return re.sub(r"\((e?s)\)", "", one), re.sub(r"\((e?s)\)", r"\1", many)


def template_fields(template: str) -> frozenset[str]:
    """The values a template needs, by name: its {fields}, and `n` for a %n count."""
    names = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    if COUNT.search(template):
        names.add(COUNT_PARAM)
    return frozenset(names)


class Text(Enum):
    """An area's codes. Each member's name is the code and its value the English template;
    calling a member makes a Message with the values the template names, and nothing else:
    `Funds.CATEGORY_GONE(id=4)`."""

    def __call__(self, **params: object) -> Message:
        return Message(self, params)

    @property
    def template(self) -> str:
        return self.value

    @property
    def context(self) -> str:
        """Where the window's translation file keeps it (Qt's context): the area's name."""
        return type(self).__name__

    @property
    def key(self) -> str:
        """The code as text, for logs and tests: "Funds.CATEGORY_GONE"."""
        return f"{self.context}.{self.name}"


class Listed(tuple):
    """Values listed in a sentence with another separator than a comma: "; " where the items
    hold commas themselves, " " for sentences one after another. A plain tuple or list is
    listed with commas."""

    separator: str

    def __new__(cls, items, separator: str = "; "):
        listed = super().__new__(cls, items)
        listed.separator = separator
        return listed


def _frozen(value: object) -> object:
    if isinstance(value, Listed):
        return Listed((_frozen(v) for v in value), value.separator)
    return tuple(_frozen(v) for v in value) if isinstance(value, list | tuple) else value


@dataclass(frozen=True)
class Message:
    """What a service says, before anyone words it: a code and its values. `str()` of it is
    the English (the command line's and the reports' words)."""

    code: Text
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self):
        wanted, given = template_fields(self.code.template), set(self.params)
        if wanted != given:  # a bug: the sentence would lose a value or show a brace
            raise TypeError(f"{self.code.key} takes {sorted(wanted)}, was given {sorted(given)}")
        object.__setattr__(self, "params", {k: _frozen(v) for k, v in self.params.items()})

    @property
    def count(self) -> int | None:
        return self.params.get(COUNT_PARAM) if COUNT.search(self.code.template) else None

    def __str__(self) -> str:
        return english(self)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))


Wording = Callable[[Message], str]


def fill(text: str, message: Message, word: Wording, name: Callable[[str], str] = str) -> str:
    """`text` (the message's template, translated or not, its count already written) with the
    message's values put in: a nested message worded by `word` (the same edge), a list
    joined with commas (a Listed one with its own separator), a date as ISO, a path as written, text through `name` (the window
    isolates a name so a right-to-left one keeps its place), numbers as they come (the
    template may say how: {megabytes:,.0f})."""

    def value(item: object) -> object:
        if isinstance(item, Message):
            return word(item)
        if isinstance(item, tuple):
            return getattr(item, "separator", ", ").join(str(value(i)) for i in item)
        if isinstance(item, date):
            return item.isoformat()
        if isinstance(item, str | PurePath):
            return name(str(item))
        return item

    return text.format(**{k: value(v) for k, v in message.params.items()})


def english(said: Message | str | BaseException | object) -> str:
    """The plain English of a message, an error or a sentence already made: the command
    line's words and the reports'. The window has its own (ui/words.py), from the same
    templates through Qt's translation."""
    if not isinstance(said, Message):
        return str(said)
    text = said.code.template
    n = said.count
    if n is not None:
        one, many = english_forms(text)
        text = (one if n == 1 else many).replace("%Ln", f"{n:,}").replace("%n", str(n))
    return fill(text, said, english)
