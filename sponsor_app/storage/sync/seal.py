"""Sealing records before they leave the laptop: AES-256-GCM under a key only the group holds.

    "SDR1" | u16 n | header (n bytes of canonical JSON) | nonce (12) | u32 m | ciphertext+tag (m)

The header names the record (kind, group, key id, replica, seq, schema; a snapshot chunk also
its snapshot and chunk count) and is authenticated as associated data with the magic, so a
record cannot be moved to another replica, number, kind or group without failing to open. The
nonce is random (96 bits, from the operating system): a group seals far fewer than 2^32
records, where random nonces stay safe.

Opening checks everything before it returns anything: the length fields (a record cut short),
the tag (edited, or sealed with another key), then that the header agrees with where the record
was kept. Every refusal is a SyncProblem; nothing else escapes, whatever the bytes.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .codec import canonical
from .transport import Kind, Sealed, SyncCode, SyncProblem

MAGIC = b"SDR1"
GROUP_KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")
_SEAL_INFO = b"Sponsor Desk sync 1"
_KEY_ID_INFO = b"Sponsor Desk key id"


def new_group_key() -> bytes:
    """32 random bytes: the key a group's copies share (kept inside the group file)."""
    return os.urandom(GROUP_KEY_BYTES)


def _derive(group_key: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(group_key)


class Keys:
    """What sealing needs from the group key: the AES key and the key's public id (8 hex
    characters, written in the clear so that a record of another key is named as such)."""

    def __init__(self, group_key: bytes):
        if len(group_key) != GROUP_KEY_BYTES:
            raise ValueError("a group key is 32 bytes")
        self._aead = AESGCM(_derive(group_key, _SEAL_INFO, 32))
        self.key_id = _derive(group_key, _KEY_ID_INFO, 4).hex()

    def __repr__(self) -> str:  # never the key itself, in a log or a traceback
        return f"Keys(key_id={self.key_id!r})"


@dataclass(frozen=True)
class Header:
    kind: Kind
    group: str
    key_id: str
    replica: str
    seq: int
    schema: str  # the group file's schema revision the record was written under ("0013")
    snapshot: str | None = None  # snapshot chunks: the snapshot's id
    of: int | None = None  # snapshot chunks: how many chunks it has

    def as_json(self) -> dict[str, object]:
        fields: dict[str, object] = {
            "f": self.kind.value,
            "group": self.group,
            "key": self.key_id,
            "replica": self.replica,
            "seq": self.seq,
            "schema": self.schema,
        }
        if self.snapshot is not None:
            fields |= {"snap": self.snapshot, "of": self.of}
        return fields


@dataclass(frozen=True)
class Opened:
    header: Header
    plaintext: bytes


def seal(keys: Keys, header: Header, plaintext: bytes) -> Sealed:
    if header.key_id != keys.key_id:
        raise ValueError("the header names another key than the one sealing")
    if (header.kind is Kind.SNAPSHOT) != (header.snapshot is not None):
        raise ValueError("snapshot chunks, and only they, name their snapshot")
    header_bytes = canonical(header.as_json())
    prefix = MAGIC + _U16.pack(len(header_bytes)) + header_bytes
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = keys._aead.encrypt(nonce, plaintext, prefix)
    body = prefix + nonce + _U32.pack(len(ciphertext)) + ciphertext
    return Sealed(header.replica, header.seq, header.kind, body)


def open_sealed(keys: Keys, group: str, record: Sealed) -> Opened:
    """The record's header and plaintext, or SyncProblem: cut_short, tampered, newer_schema (a
    later sealing format), foreign_group, other_key, or misplaced (a genuine record kept under
    another replica, number or kind than its own)."""
    where = record.source or f"the record {record.replica}/{record.seq}"
    prefix, header_bytes, nonce, ciphertext = _split(record.body, where)
    fields = _header_fields(header_bytes)
    try:
        plaintext = keys._aead.decrypt(nonce, ciphertext, prefix)
    except InvalidTag:
        raise SyncProblem(_why_not(fields, keys, group), where) from None
    header = _header(fields, where)
    if header.group != group:
        raise SyncProblem(SyncCode.FOREIGN_GROUP, where)
    if (header.kind, header.replica, header.seq) != (record.kind, record.replica, record.seq):
        raise SyncProblem(SyncCode.MISPLACED, where)
    return Opened(header, plaintext)


def open_all(keys: Keys, group: str, records: Sequence[Sealed]) -> list[Opened]:
    """Every record opened, or the first refusal: nothing is returned until all authenticate."""
    return [open_sealed(keys, group, record) for record in records]


def open_snapshot(
    keys: Keys, group: str, snapshot_id: str, chunks: Sequence[Sealed]
) -> list[Opened]:
    """A snapshot's chunks, each of this snapshot, numbered 1..n with none missing."""
    where = f"the snapshot {snapshot_id}"
    opened = open_all(keys, group, chunks)
    for number, chunk in enumerate(opened, start=1):
        header = chunk.header
        if header.kind is not Kind.SNAPSHOT or header.snapshot != snapshot_id:
            raise SyncProblem(SyncCode.MISPLACED, where)
        if header.seq != number:
            raise SyncProblem(
                SyncCode.CUT_SHORT if header.seq > number else SyncCode.MISPLACED, where
            )
    if not opened or opened[0].header.of != len(opened):
        raise SyncProblem(SyncCode.CUT_SHORT, where)
    return opened


def _split(body: bytes, where: str) -> tuple[bytes, bytes, bytes, bytes]:
    if len(body) < len(MAGIC) + _U16.size:
        if MAGIC.startswith(body[: len(MAGIC)]):
            raise SyncProblem(SyncCode.CUT_SHORT, where)
        raise SyncProblem(SyncCode.TAMPERED, where)
    magic = body[: len(MAGIC)]
    if magic != MAGIC:
        newer = magic[:3] == MAGIC[:3] and magic[3:].isdigit() and magic[3:] > MAGIC[3:]
        raise SyncProblem(SyncCode.NEWER_SCHEMA if newer else SyncCode.TAMPERED, where)
    (header_length,) = _U16.unpack_from(body, len(MAGIC))
    start = len(MAGIC) + _U16.size
    nonce_at = start + header_length
    length_at = nonce_at + NONCE_BYTES
    data_at = length_at + _U32.size
    if len(body) < data_at:
        raise SyncProblem(SyncCode.CUT_SHORT, where)
    (length,) = _U32.unpack_from(body, length_at)
    if len(body) < data_at + length:
        raise SyncProblem(SyncCode.CUT_SHORT, where)
    if len(body) > data_at + length or length < TAG_BYTES:
        raise SyncProblem(SyncCode.TAMPERED, where)
    return (
        body[:nonce_at],
        body[start:nonce_at],
        body[nonce_at:length_at],
        body[data_at:],
    )


def _header_fields(header_bytes: bytes) -> dict:
    """The header as written, or {} when it is not even JSON (then only the tag can speak)."""
    try:
        fields = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return fields if isinstance(fields, dict) else {}


def _why_not(fields: dict, keys: Keys, group: str) -> SyncCode:
    """Why a record did not authenticate, from its (unauthenticated) header: a record of
    another group names another group and key; one of this group's earlier key, only another
    key; anything else was edited. A guess to word the refusal, never a reason to accept."""
    other_group = fields.get("group") != group
    other_key = fields.get("key") != keys.key_id
    if other_group and other_key and _looks_like_ids(fields):
        return SyncCode.FOREIGN_GROUP
    if other_key and not other_group and _looks_like_ids(fields):
        return SyncCode.OTHER_KEY
    return SyncCode.TAMPERED


def _looks_like_ids(fields: dict) -> bool:
    key = fields.get("key")
    group = fields.get("group")
    return (
        isinstance(key, str)
        and len(key) == 8
        and all(c in "0123456789abcdef" for c in key)
        and isinstance(group, str)
        and len(group) == 36
    )


def _header(fields: dict, where: str) -> Header:
    """The authenticated header; one this version cannot read was written by a newer one."""
    try:
        kind = Kind(fields["f"])
        header = Header(
            kind=kind,
            group=_text(fields["group"]),
            key_id=_text(fields["key"]),
            replica=_text(fields["replica"]),
            seq=_number(fields["seq"]),
            schema=_text(fields["schema"]),
            snapshot=_text(fields["snap"]) if kind is Kind.SNAPSHOT else None,
            of=_number(fields["of"]) if kind is Kind.SNAPSHOT else None,
        )
    except (KeyError, ValueError, TypeError):
        raise SyncProblem(SyncCode.NEWER_SCHEMA, where) from None
    return header


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("not a count")
    return value


def sealed_by(body: bytes) -> str:
    """The replica a record's header names, unauthenticated ("" when there is none): to file a
    snapshot chunk read back from where only its number was kept. Opening it checks the name."""
    if body[: len(MAGIC)] != MAGIC or len(body) < len(MAGIC) + _U16.size:
        return ""
    (length,) = _U16.unpack_from(body, len(MAGIC))
    start = len(MAGIC) + _U16.size
    replica = _header_fields(body[start : start + length]).get("replica")
    return replica if isinstance(replica, str) else ""
