"""The hybrid logical clock: it only goes forward, and past every record it has seen."""

from hypothesis import given
from hypothesis import strategies as st

from sponsor_app.storage.sync import hlc


def test_it_follows_the_wall_clock():
    assert hlc.send(0, 1000) == hlc.pack(1000, 0)
    assert hlc.send(hlc.pack(1000, 0), 1000) == hlc.pack(1000, 1)
    assert hlc.send(hlc.pack(1000, 7), 2000) == hlc.pack(2000, 0)


def test_a_clock_that_went_back_still_moves_forward():
    assert hlc.send(hlc.pack(5000, 3), 1000) == hlc.pack(5000, 4)


def test_a_full_counter_borrows_the_next_millisecond():
    assert hlc.send(hlc.pack(1000, 65535), 1000) == hlc.pack(1001, 0)


@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 10**13), st.integers(0, 2**60)),
        min_size=1,
        max_size=50,
    )
)
def test_every_stamp_is_later_than_what_came_before(events):
    last = 0
    for received, now_ms, remote in events:
        stamp = hlc.receive(last, remote, now_ms) if received else hlc.send(last, now_ms)
        assert stamp > last
        if received:
            assert stamp > remote
        last = stamp
