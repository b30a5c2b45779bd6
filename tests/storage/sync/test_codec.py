"""Segments: each record kept with its seq, and a file cut anywhere or padded is refused."""

from __future__ import annotations

import pytest

from sponsor_app.storage.sync.codec import count_of, pack, records_of, segment, unpack
from sponsor_app.storage.sync.transport import SyncCode, SyncProblem

RECORDS = [(1, b"first"), (2, b""), (40, b"x" * 300)]
WHOLE = segment(RECORDS)


def refusal(data: bytes) -> SyncCode:
    with pytest.raises(SyncProblem) as raised:
        records_of(data, "the segment")
    return raised.value.code


def test_a_segment_gives_back_its_records_with_their_seqs():
    assert records_of(WHOLE, "s") == RECORDS
    assert count_of(WHOLE[:8]) == 3
    assert records_of(segment([]), "s") == []


@pytest.mark.parametrize("length", range(len(WHOLE)))
def test_a_segment_cut_anywhere_is_cut_short(length):
    assert refusal(WHOLE[:length]) is SyncCode.CUT_SHORT


def test_a_segment_with_more_records_than_it_says_is_refused():
    assert refusal(WHOLE + segment([(41, b"y")])[8:]) is SyncCode.TAMPERED


def test_a_later_segment_format_asks_for_a_newer_sponsor_desk_and_junk_is_damaged():
    assert refusal(b"SDS2" + WHOLE[4:]) is SyncCode.NEWER_SCHEMA
    assert refusal(b"PK\x03\x04" + WHOLE[4:]) is SyncCode.TAMPERED
    assert count_of(b"PK\x03\x04\0\0\0\0") is None


def test_packing_is_canonical_and_unpacking_refuses_what_is_not_packed():
    assert pack({"b": 1, "a": "Aroha"}) == pack({"a": "Aroha", "b": 1})
    assert unpack(pack({"a": [1, 2]})) == {"a": [1, 2]}
    with pytest.raises(SyncProblem) as raised:
        unpack(b"not zlib")
    assert raised.value.code is SyncCode.TAMPERED
