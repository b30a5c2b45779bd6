"""Mappings remembered for the next file with the same columns, or by a bank's name.

Kept in the group file (table import_mapping) rather than in the app's settings: the command
line and every laptop that opens the group's file then read the next statement the same way,
and undoing an import takes back what it remembered. A mapping is written only when it
changed, so importing the same kind of file again leaves no trace in the history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.text import fold
from ...domain.words import header_key
from ...storage.models import ImportMapping
from .fields import ImportKind, Vocabulary
from .model import CREATE, LEAVE_OUT


@dataclass(frozen=True)
class SavedMapping:
    name: str
    columns: tuple[str, ...]
    values: dict[str, dict[str, str]]


def signature(header: tuple[str, ...]) -> str:
    return "\x1f".join(header_key(h) for h in header)


def _by_name(session: Session, kind: ImportKind, name: str) -> ImportMapping | None:
    wanted = fold(name)
    return next(
        (
            m
            for m in session.scalars(select(ImportMapping).where(ImportMapping.kind == kind.value))
            if m.name and fold(m.name) == wanted
        ),
        None,
    )


def _by_signature(session: Session, kind: ImportKind, header) -> ImportMapping | None:
    return session.scalar(
        select(ImportMapping).where(
            ImportMapping.kind == kind.value, ImportMapping.signature == signature(header)
        )
    )


def load_mapping(
    session: Session, kind: ImportKind, header: tuple[str, ...], name: str | None
) -> SavedMapping | None:
    row = _by_name(session, kind, name) if name else _by_signature(session, kind, header)
    if row is None:
        return None
    try:
        data = json.loads(row.settings)
        columns = tuple(str(c) for c in data.get("columns", ()))
        values = {
            str(v): {str(k): str(t) for k, t in m.items()}
            for v, m in data.get("values", {}).items()
        }
    except (ValueError, AttributeError):
        return None  # a damaged mapping is ignored, never a reason to refuse a file
    return SavedMapping(row.name, columns, values)


def save_mapping(
    session: Session,
    kind: ImportKind,
    header: tuple[str, ...],
    columns: tuple[str, ...],
    values: dict[str, dict[str, str]],
    name: str | None,
) -> None:
    kept = {
        vocabulary: {k: t for k, t in chosen.items() if t not in (CREATE, LEAVE_OUT)}
        for vocabulary, chosen in values.items()
        if vocabulary != Vocabulary.COUNTERPARTY.value  # those become rules instead
    }
    settings = json.dumps(
        {"columns": list(columns), "values": {v: m for v, m in kept.items() if m}},
        sort_keys=True,
        ensure_ascii=False,
    )
    clean_name = " ".join((name or "").split())[:80]
    named = _by_name(session, kind, clean_name) if clean_name else None
    same_columns = _by_signature(session, kind, header)
    row = named or same_columns
    if named is not None and same_columns is not None and same_columns is not named:
        session.delete(same_columns)  # the named mapping now stands for these columns
        session.flush()
    if row is None:
        session.add(
            ImportMapping(
                kind=kind.value, name=clean_name, signature=signature(header), settings=settings
            )
        )
        return
    row.signature = signature(header)
    row.settings = settings
    if clean_name:
        row.name = clean_name
