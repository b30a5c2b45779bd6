"""The shape of a data bundle's tables: fields with a type, a unit, a description and their
constraints (required, allowed values, a range, a length). One description serves four ends:
the bundle's datapackage.json (Frictionless Table Schema), the codebook (a sheet of the workbook
and an appendix of the evaluation report), the CSV and XLSX writers, and the reader that checks
every value of a bundle before combine uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ...domain.messages import Message, Reporting, english
from ..imports.tabular import neutralise, restore

S, INT, N, D, B = "string", "integer", "number", "date", "boolean"
CURRENCY = "currency"  # a field's unit: the group's currency code in the datapackage
LONGEST_TEXT = 500  # characters: longer text in a bundle is refused (a report cannot lay it out)
# Plain decimals only: no exponent, NaN or Infinity, at most 15 digits before the point.
_INTEGER = re.compile(r"-?\d{1,15}")
_NUMBER = re.compile(r"-?\d{1,15}(\.\d{1,6})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadValue(ValueError):
    """A value that does not fit its field: the message says why, in a few words."""

    def __init__(self, said: Message):
        super().__init__(english(said))
        self.said = said


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, date, boolean
    description: str
    unit: str = ""  # households, people, days, hours... or CURRENCY
    required: bool = False
    enum: tuple[str, ...] = ()  # allowed values of a string
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = LONGEST_TEXT
    pattern: str = ""  # a regular expression the whole string matches
    pattern_words: str = ""  # the pattern in words, for the codebook

    def descriptor(self, currency: str) -> dict:
        """The field as Frictionless Table Schema describes it."""
        made: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == D:
            made["format"] = "default"  # ISO 8601, YYYY-MM-DD
        if self.unit:
            made["unit"] = currency if self.unit == CURRENCY else self.unit
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.type == S:
            constraints["maxLength"] = self.max_length
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            made["constraints"] = constraints
        return made

    def allowed(self) -> str:
        """The constraints in words, for the codebook."""
        parts = []
        if self.enum:
            parts.append("one of: " + ", ".join(v or "(empty)" for v in self.enum))
        if self.pattern:
            parts.append('any of the listed options, separated by "; "')
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum} to {self.maximum}")
        elif self.minimum is not None:
            parts.append(f"{self.minimum} or more")
        if self.required:
            parts.append("always given")
        return "; ".join(parts)

    # --- writing ---------------------------------------------------------------------------
    def text(self, value) -> str:
        """The value as the CSV holds it ("" when missing). Text a group typed could start a
        formula in a spreadsheet: string fields are neutralised; typed fields hold no text."""
        if value is None or value == "":
            return ""
        if self.type == B:
            return "true" if value else "false"
        if self.type == D:
            return value.isoformat()
        if self.type == S:
            return neutralise(str(value))
        return f"{value:f}" if isinstance(value, Decimal) else str(value)

    # --- reading ---------------------------------------------------------------------------
    def read(self, text: str):
        """The typed value of a CSV cell (None when empty); BadValue when it does not fit."""
        if text == "":
            if self.required:
                raise BadValue(Reporting.VALUE_MISSING())
            return None
        match self.type:
            case "integer":
                if not _INTEGER.fullmatch(text):
                    raise BadValue(Reporting.NOT_WHOLE_NUMBER(value=_shown(text)))
                value = int(text)
            case "number":
                if not _NUMBER.fullmatch(text):
                    raise BadValue(Reporting.NOT_DECIMAL(value=_shown(text)))
                value = Decimal(text)
            case "date":
                try:
                    if not _DATE.fullmatch(text):
                        raise ValueError
                    return date.fromisoformat(text)
                except ValueError:
                    raise BadValue(Reporting.NOT_DATE(value=_shown(text))) from None
            case "boolean":
                if text not in ("true", "false"):
                    raise BadValue(Reporting.NOT_TRUE_FALSE(value=_shown(text)))
                return text == "true"
            case _:
                return self._string(restore(text))
        if self.minimum is not None and value < self.minimum:
            raise BadValue(Reporting.BELOW(value=value, minimum=self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise BadValue(Reporting.ABOVE(value=value, maximum=self.maximum))
        return value

    def _string(self, text: str) -> str:
        if len(text) > self.max_length:
            raise BadValue(Reporting.TOO_LONG(n=len(text), most=self.max_length))
        if _CONTROL.search(text):
            raise BadValue(Reporting.CONTROL_CHARACTER())
        if self.enum and text not in self.enum:
            raise BadValue(Reporting.NOT_ALLOWED(value=_shown(text)))
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise BadValue(Reporting.NOT_ALLOWED_LIST(value=_shown(text)))
        return text


def _shown(text: str) -> str:
    """A value put in a refusal (the template quotes it): its first 40 characters."""
    return f"{text[:40]}…" if len(text) > 40 else text


def choices_pattern(options: Iterable[str]) -> str:
    """Any of the options, "; "-separated, as a several-choices indicator stores them."""
    one = "(" + "|".join(re.escape(o) for o in options) + ")"
    return f"{one}(; {one})*"


@dataclass(frozen=True)
class Resource:
    """One table of the bundle: its CSV file, what it holds, its fields and its rows."""

    name: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[..., Iterable[tuple]] = lambda data: ()
    primary_key: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self, currency: str) -> dict:
        made: dict = {
            "fields": [f.descriptor(currency) for f in self.fields],
            "missingValues": [""],
        }
        if self.primary_key:
            made["primaryKey"] = list(self.primary_key)
        return made


@dataclass(frozen=True)
class CodebookLine:
    table: str
    field: str
    type: str
    unit: str
    description: str
    allowed: str


def codebook(resources: Iterable[Resource], currency: str) -> tuple[CodebookLine, ...]:
    """Every field of every table: the codebook the workbook and the report print."""
    return tuple(
        CodebookLine(
            r.name,
            f.name,
            f.type,
            currency if f.unit == CURRENCY else f.unit,
            f.description,
            f.allowed(),
        )
        for r in resources
        for f in r.fields
    )
