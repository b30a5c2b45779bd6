"""Bytes on the wire: canonical JSON, compressed records, and segments of sealed records.

A segment (a folder's `.sdseg` file, a snapshot's `.sdsnap`, a seen record's `.sdseen`) is
    "SDS1" | u32 count | count x (u64 seq | u32 length | sealed record)
The seq is where the record is filed (the sealed header must agree). The count catches a file
cut at a record boundary; every length is checked against what is left, so a file cut anywhere
else is found too. Nothing here authenticates: `seal.py` does.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Sequence

from .transport import SyncCode, SyncProblem

SEGMENT_MAGIC = b"SDS1"
_COUNT = struct.Struct(">I")
_SEQ = struct.Struct(">Q")
# A record, once opened and decompressed, is never larger than this: a compression bomb (only a
# group member could seal one) is refused rather than allowed to fill the memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024


def canonical(value: object) -> bytes:
    """JSON with sorted keys and no spaces: the same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def pack(value: object) -> bytes:
    """A record's contents as it is sealed: canonical JSON, compressed."""
    return zlib.compress(canonical(value), 6)


def unpack(data: bytes, where: str = "a record") -> object:
    """The value `pack` made. Only ever called on authenticated bytes; a record that still does
    not decompress or parse was sealed by a broken program, and is refused as damaged."""
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(data, MAX_RECORD_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("too large or incomplete")
        return json.loads(text.decode("utf-8"))
    except (zlib.error, ValueError, UnicodeDecodeError):
        raise SyncProblem(SyncCode.TAMPERED, where) from None


def segment(records: Sequence[tuple[int, bytes]]) -> bytes:
    """A segment of (seq, sealed record) pairs."""
    parts = [SEGMENT_MAGIC, _COUNT.pack(len(records))]
    for seq, body in records:
        parts += [_SEQ.pack(seq), _COUNT.pack(len(body)), body]
    return b"".join(parts)


def count_of(head: bytes) -> int | None:
    """How many records a segment says it holds, from its first 8 bytes (None: not one)."""
    if len(head) < 8 or head[:4] != SEGMENT_MAGIC:
        return None
    return _COUNT.unpack_from(head, 4)[0]


def records_of(data: bytes, where: str) -> list[tuple[int, bytes]]:
    """The sealed records of a segment, or SyncProblem: cut_short when it ends early (or says it
    holds more than it does), newer_schema for a later segment format, tampered otherwise."""
    if len(data) < len(SEGMENT_MAGIC) + _COUNT.size:
        if SEGMENT_MAGIC.startswith(data[: len(SEGMENT_MAGIC)]):
            raise SyncProblem(SyncCode.CUT_SHORT, where)
        raise SyncProblem(SyncCode.TAMPERED, where)
    magic = data[:4]
    if magic != SEGMENT_MAGIC:
        newer = magic[:3] == SEGMENT_MAGIC[:3] and magic[3:].isdigit() and magic[3:] > b"1"
        raise SyncProblem(SyncCode.NEWER_SCHEMA if newer else SyncCode.TAMPERED, where)
    (count,) = _COUNT.unpack_from(data, 4)
    offset = 8
    found = []
    while offset < len(data):
        if offset + _SEQ.size + _COUNT.size > len(data):
            raise SyncProblem(SyncCode.CUT_SHORT, where)
        (seq,) = _SEQ.unpack_from(data, offset)
        (length,) = _COUNT.unpack_from(data, offset + _SEQ.size)
        offset += _SEQ.size + _COUNT.size
        if offset + length > len(data):
            raise SyncProblem(SyncCode.CUT_SHORT, where)
        found.append((seq, data[offset : offset + length]))
        offset += length
    if len(found) < count:
        raise SyncProblem(SyncCode.CUT_SHORT, where)
    if len(found) > count:
        raise SyncProblem(SyncCode.TAMPERED, where)
    return found
