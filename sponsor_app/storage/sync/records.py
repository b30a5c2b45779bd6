"""A change set as it travels between copies of the group file: a `ChangeRecord`.

What travels is exactly what the audit triggers recorded (storage/audit.py): for each row the
change set touched, its stored values before and after (None: it did not exist / it was
removed). `to_value` gives plain JSON values for the wire (storage/sync/codec.py packs and
seal.py seals them); `from_value` reads them back and refuses anything malformed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowImage:
    table: str
    key: tuple  # the primary key's values, as audit_entry.row_key holds them
    before: dict | None
    after: dict | None

    @property
    def row_key(self) -> str:
        return key_text(self.key)


def key_text(key) -> str:
    """A key as audit_entry.row_key and the sync tables write it (SQLite's json_array)."""
    import json

    return json.dumps(list(key), separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class ChangeRecord:
    """One change set of the laptop `replica`, its `seq`-th there."""

    replica: str
    seq: int
    hlc: int
    deps: dict[str, int]  # the version vector it was made on: what its laptop had seen
    schema: str  # the schema revision of the laptop that made it
    kind: str  # ChangeKind: edit, revert, access, erasure
    actor: str
    description: str
    at: str  # when, as the change set stores it
    laptop: str = ""
    images: tuple[RowImage, ...] = field(default=())

    def covers(self, replica: str, seq: int) -> bool:
        """Had the laptop seen write (replica, seq) when it made this change set?"""
        return seq == 0 or self.deps.get(replica, 0) >= seq

    def to_value(self) -> dict:
        return {
            "f": 1,
            "replica": self.replica,
            "seq": self.seq,
            "hlc": self.hlc,
            "deps": dict(self.deps),
            "schema": self.schema,
            "kind": self.kind,
            "actor": self.actor,
            "description": self.description,
            "at": self.at,
            "laptop": self.laptop,
            "images": [[i.table, list(i.key), i.before, i.after] for i in self.images],
        }

    @classmethod
    def from_value(cls, value: object) -> ChangeRecord:
        """Raises ValueError for anything that is not a record this format describes."""
        try:
            if not isinstance(value, dict) or value.get("f") != 1:
                raise ValueError("not a change record")
            images = tuple(
                RowImage(str(table), tuple(key), _row(before), _row(after))
                for table, key, before, after in value["images"]
            )
            deps = {str(r): int(s) for r, s in dict(value["deps"]).items()}
            record = cls(
                replica=str(value["replica"]),
                seq=int(value["seq"]),
                hlc=int(value["hlc"]),
                deps=deps,
                schema=str(value["schema"]),
                kind=str(value["kind"]),
                actor=str(value["actor"]),
                description=str(value["description"]),
                at=str(value["at"]),
                laptop=str(value.get("laptop", "")),
                images=images,
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a change record: {error}") from None
        if record.seq < 1 or record.hlc < 0:
            raise ValueError("not a change record: bad numbering")
        return record


def _row(values) -> dict | None:
    if values is None:
        return None
    if not isinstance(values, dict):
        raise ValueError("a row image is not an object")
    return dict(values)


@dataclass
class ApplyReport:
    """What one `apply` did: records applied, skipped as already seen, left waiting (an
    earlier record of their laptop, or one they depend on, has not arrived; or they come from
    a newer Sponsor Desk), and the conflicts they opened."""

    applied: list[tuple[str, int]] = field(default_factory=list)
    already_seen: int = 0
    waiting: list[tuple[str, int]] = field(default_factory=list)
    newer: list[tuple[str, int]] = field(default_factory=list)
    conflicts: int = 0
    change_set_ids: list[int] = field(default_factory=list)
