"""Sealing: a record opens only with its group's key, unchanged, where it was filed."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sponsor_app.storage.sync.codec import pack, unpack
from sponsor_app.storage.sync.seal import (
    Header,
    Keys,
    new_group_key,
    open_all,
    open_sealed,
    open_snapshot,
    seal,
)
from sponsor_app.storage.sync.transport import Kind, Sealed, SyncCode, SyncProblem

GROUP = str(uuid.UUID(int=1))
OTHER_GROUP = str(uuid.UUID(int=2))
REPLICA = str(uuid.UUID(int=3))
KEYS = Keys(bytes(range(32)))


def header(seq: int = 1, kind: Kind = Kind.CHANGE, keys: Keys = KEYS, group: str = GROUP):
    return Header(kind, group, keys.key_id, REPLICA, seq, "0013")


def sealed(seq: int = 1, text: str = "Aroha Ngata paid 120.00", **kw) -> Sealed:
    return seal(KEYS, header(seq, **kw), pack({"description": text}))


def refusal(record: Sealed, keys: Keys = KEYS, group: str = GROUP) -> SyncCode:
    with pytest.raises(SyncProblem) as raised:
        open_sealed(keys, group, record)
    return raised.value.code


def test_a_record_opens_to_what_was_sealed_and_hides_it():
    record = sealed(7, "Ngāti Whātua: Aroha paid")
    assert b"Aroha" not in record.body and "Whātua".encode() not in record.body
    opened = open_sealed(KEYS, GROUP, record)
    assert unpack(opened.plaintext) == {"description": "Ngāti Whātua: Aroha paid"}
    assert opened.header == header(7)


def test_two_seals_of_the_same_record_differ_by_their_random_nonce():
    assert sealed().body != sealed().body


def test_the_key_id_is_public_and_names_the_key_not_the_group():
    key = new_group_key()
    assert Keys(key).key_id == Keys(key).key_id and len(Keys(key).key_id) == 8
    assert Keys(key).key_id != Keys(new_group_key()).key_id
    assert key.hex() not in repr(Keys(key))


def test_a_record_of_another_group_is_named_so():
    theirs = Keys(new_group_key())
    record = seal(theirs, header(keys=theirs, group=OTHER_GROUP), b"x")
    assert refusal(record) is SyncCode.FOREIGN_GROUP


def test_a_record_of_this_group_under_another_key_is_named_so():
    old = Keys(new_group_key())
    assert refusal(seal(old, header(keys=old), b"x")) is SyncCode.OTHER_KEY


def test_a_genuine_record_filed_under_another_replica_seq_or_kind_is_misplaced():
    record = sealed(5)
    for moved in (
        Sealed(str(uuid.uuid4()), 5, Kind.CHANGE, record.body),
        Sealed(REPLICA, 6, Kind.CHANGE, record.body),
        Sealed(REPLICA, 5, Kind.SEEN, record.body),
    ):
        assert refusal(moved) is SyncCode.MISPLACED


def test_a_later_sealing_format_asks_for_a_newer_sponsor_desk():
    record = sealed()
    newer = Sealed(REPLICA, 1, Kind.CHANGE, b"SDR2" + record.body[4:])
    assert refusal(newer) is SyncCode.NEWER_SCHEMA


def test_one_bad_record_and_open_all_returns_nothing():
    good = [sealed(n) for n in (1, 2, 3)]
    bad = Sealed(REPLICA, 2, Kind.CHANGE, good[1].body[:-1] + bytes([good[1].body[-1] ^ 1]))
    with pytest.raises(SyncProblem):
        open_all(KEYS, GROUP, [good[0], bad, good[2]])
    assert [o.header.seq for o in open_all(KEYS, GROUP, good)] == [1, 2, 3]


def test_a_snapshot_opens_only_whole_and_in_order():
    def chunk(n: int, of: int = 3, snapshot: str = "abc") -> Sealed:
        h = Header(Kind.SNAPSHOT, GROUP, KEYS.key_id, REPLICA, n, "0013", snapshot, of)
        return seal(KEYS, h, b"part %d" % n)

    chunks = [chunk(1), chunk(2), chunk(3)]
    assert [o.plaintext for o in open_snapshot(KEYS, GROUP, "abc", chunks)] == [
        b"part 1",
        b"part 2",
        b"part 3",
    ]
    for wrong, code in (
        (chunks[:2], SyncCode.CUT_SHORT),
        ([chunks[0], chunks[2]], SyncCode.CUT_SHORT),
        ([chunks[1], chunks[0], chunks[2]], SyncCode.CUT_SHORT),
        ([chunk(1, snapshot="other"), chunks[1], chunks[2]], SyncCode.MISPLACED),
    ):
        with pytest.raises(SyncProblem) as raised:
            open_snapshot(KEYS, GROUP, "abc", wrong)
        assert raised.value.code is code


# --- fuzzing: whatever the bytes, a SyncProblem and never anything else -----------------------
RECORD = sealed(42, "Te Rangi Hēnare, 021 555 0199")
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.data())
def test_every_flipped_bit_is_refused_and_nothing_else_is_raised(data):
    """A flip in a length field reads as a record cut short (nothing can tell an edited
    length from a truncation); anywhere else the tag refuses it."""
    body = bytearray(RECORD.body)
    places = data.draw(st.sets(st.integers(0, len(body) - 1), min_size=1, max_size=3))
    for at in places:
        body[at] ^= 1 << data.draw(st.integers(0, 7))
    code = refusal(Sealed(REPLICA, 42, Kind.CHANGE, bytes(body)))
    if min(places) >= len(RECORD.body) - 16:  # in the tag
        assert code is SyncCode.TAMPERED


@pytest.mark.parametrize("length", range(len(RECORD.body)))
def test_a_record_cut_at_any_offset_is_cut_short(length):
    assert refusal(Sealed(REPLICA, 42, Kind.CHANGE, RECORD.body[:length])) is SyncCode.CUT_SHORT


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_are_refused(junk):
    with pytest.raises(SyncProblem):
        open_sealed(KEYS, GROUP, Sealed(REPLICA, 1, Kind.CHANGE, junk))


@FUZZ
@given(st.binary(min_size=1, max_size=64), st.integers(0, 10_000))
def test_bytes_added_or_spliced_in_are_refused(extra, at):
    at = at % len(RECORD.body)
    for body in (RECORD.body + extra, RECORD.body[:at] + extra + RECORD.body[at:]):
        with pytest.raises(SyncProblem):
            open_sealed(KEYS, GROUP, Sealed(REPLICA, 42, Kind.CHANGE, body))
