"""Errors a person can act on, as opposed to bugs. Each carries what went wrong as a code with
its values (a Message from domain/messages), which each edge words in its own language;
`str(error)` is the English the command line prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .messages import Message, Text, english


class SponsorDeskError(Exception):
    """Base for every error meant for the user. Raised with a Message (a code and values);
    a plain sentence is still taken from code that has not moved to codes yet (the storage
    errors), and is then shown as it is."""

    def __init__(self, said: Message | str = ""):
        self.said = said if isinstance(said, Message) else None
        super().__init__(english(said))

    @property
    def code(self) -> Text | None:
        return self.said.code if self.said is not None else None

    @property
    def params(self) -> Mapping[str, object]:
        return self.said.params if self.said is not None else {}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: the field, and a Message saying what (`message` is its
    English)."""

    field: str
    said: Message | str

    @property
    def message(self) -> str:
        return english(self.said)

    @property
    def code(self) -> Text | None:
        return self.said.code if isinstance(self.said, Message) else None

    @property
    def params(self) -> Mapping[str, object]:
        return self.said.params if isinstance(self.said, Message) else {}


class InvalidInput(SponsorDeskError):
    """Input that breaks a rule; carries every problem found, each tied to its field."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.said = self.problems[0].said if len(self.problems) == 1 else None
        if not isinstance(self.said, Message):
            self.said = None
        Exception.__init__(self, " ".join(p.message for p in self.problems))

    @classmethod
    def single(cls, field: str, said: Message | str) -> InvalidInput:
        return cls(Problem(field, said))

    def for_field(self, field: str) -> str | None:
        messages = [p.message for p in self.problems if p.field == field]
        return " ".join(messages) if messages else None


class NotFound(SponsorDeskError):
    """A record that was asked for by id does not exist (or no longer does)."""


class RuleBroken(SponsorDeskError):
    """A programme or safety rule forbids the operation (for example the vetting rule)."""
