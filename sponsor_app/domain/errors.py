"""Errors a person can act on, as opposed to bugs."""

from __future__ import annotations

from dataclasses import dataclass


class SponsorDeskError(Exception):
    """Base for every error whose message is meant for the user as it is."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field, said as a sentence."""

    field: str
    message: str


class InvalidInput(SponsorDeskError):
    """Input that breaks a rule; carries every problem found, each tied to its field."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(" ".join(p.message for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> InvalidInput:
        return cls(Problem(field, message))

    def for_field(self, field: str) -> str | None:
        messages = [p.message for p in self.problems if p.field == field]
        return " ".join(messages) if messages else None


class NotFound(SponsorDeskError):
    """A record that was asked for by id does not exist (or no longer does)."""


class RuleBroken(SponsorDeskError):
    """A programme or safety rule forbids the operation (for example the vetting rule)."""
