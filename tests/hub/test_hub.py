"""The hub on a real PostgreSQL: set up, a group's login, its records, and what a group's
login may and may not see or do."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from sponsor_app.hub.admin import HubRefusal, add_group, init, status
from sponsor_app.hub.transport import HubTransport
from sponsor_app.storage.sync.codec import unpack
from sponsor_app.storage.sync.seal import Header, open_all, open_snapshot, seal
from sponsor_app.storage.sync.transport import (
    START,
    Channel,
    Kind,
    Sealed,
    SyncCode,
    SyncProblem,
    Transport,
)
from tests.storage.sync.folder_writer import CHANNEL, GROUP, KEYS, record

ROOT = Path(__file__).resolve().parents[2]
A = "00000000-0000-4000-8000-00000000000a"
B = "00000000-0000-4000-8000-00000000000b"
OTHER_GROUP = "00000000-0000-4000-8000-000000000002"


def records(replica: str, seqs, size: int = 40) -> list[Sealed]:
    return [record(replica, seq, size) for seq in seqs]


_opened: list[HubTransport] = []


@pytest.fixture(autouse=True)
def close_laptops():
    yield
    while _opened:
        _opened.pop().close()


def laptop(url: str, channel: Channel = CHANNEL) -> HubTransport:
    transport = HubTransport(url)
    transport.open(channel)
    _opened.append(transport)
    return transport


def refusal(action) -> SyncCode:
    with pytest.raises(SyncProblem) as raised:
        action()
    return raised.value.code


def everything(transport: HubTransport, cursor: str = START, limit: int = 500):
    found = []
    while True:
        pulled = transport.pull(cursor, limit)
        found += pulled.records
        cursor = pulled.cursor
        if not pulled.more:
            return found, cursor


@pytest.fixture
def group_url(hub) -> str:
    return add_group(hub, GROUP, "Riverside Welcome").url


def test_records_travel_through_the_hub_between_laptops(group_url):
    laptop_a, laptop_b = laptop(group_url), laptop(group_url)
    assert isinstance(laptop_a, Transport)
    assert laptop_a.push(records(A, range(1, 11))) == 10
    assert laptop_b.push(records(B, range(1, 4))) == 3
    found, cursor = everything(laptop_b, limit=4)
    opened = {
        (o.header.replica, o.header.seq): unpack(o.plaintext)["seq"]
        for o in open_all(KEYS, GROUP, found)
    }
    assert opened == {**{(A, n): n for n in range(1, 11)}, **{(B, n): n for n in range(1, 4)}}
    assert laptop_b.pull(cursor).records == ()
    assert laptop_a.push(records(A, range(1, 13))) == 2  # a push made again stores no twice
    assert [(r.replica, r.seq) for r in laptop_b.pull(cursor).records] == [(A, 11), (A, 12)]
    assert (laptop_b.highest_seq(A), laptop_b.highest_seq(B), laptop_b.highest_seq(GROUP)) == (
        12,
        3,
        0,
    )


def test_the_groups_url_names_the_same_server_and_reveals_nothing_of_the_group(hub, postgres):
    made = add_group(hub, OTHER_GROUP)
    assert made.role_name.startswith("sdg_") and OTHER_GROUP not in made.url
    parts = conninfo_to_dict(made.url)
    assert (parts["user"], parts["host"], parts["dbname"]) == (
        made.role_name,
        str(postgres.folder),
        conninfo_to_dict(hub)["dbname"],
    )
    assert len(parts["password"]) == 32
    with pytest.raises(HubRefusal, match="already has a login"):
        add_group(hub, OTHER_GROUP)


def test_the_password_never_reaches_the_server(hub, postgres):
    postgres.superuser("ALTER SYSTEM SET log_statement = 'all'", "SELECT pg_reload_conf()")
    try:
        made = add_group(hub, OTHER_GROUP)
    finally:
        postgres.superuser("ALTER SYSTEM RESET log_statement", "SELECT pg_reload_conf()")
    password = made.url.split(":")[2].split("@")[0]
    log = (postgres.folder / "log").read_text(errors="replace")
    assert "CREATE ROLE " + made.role_name in log and "SCRAM-SHA-256$" in log
    assert password not in log


def test_seen_records_and_snapshots(group_url):
    transport = laptop(group_url)
    for seq in (3, 9):
        header = Header(Kind.SEEN, GROUP, KEYS.key_id, A, seq, "0013")
        transport.publish_seen(seal(KEYS, header, b"v%d" % seq))
    (only,) = laptop(group_url).seen()
    assert (only.replica, only.seq) == (A, 9) and open_all(KEYS, GROUP, [only])[
        0
    ].plaintext == b"v9"
    transport.push(records(A, range(1, 6)))
    chunks = [
        seal(KEYS, Header(Kind.SNAPSHOT, GROUP, KEYS.key_id, B, n, "0013", "snap1", 2), b"c%d" % n)
        for n in (1, 2)
    ]
    transport.compact("snap1", chunks, {(A, 2), (A, 3)})
    transport.compact("snap1", chunks, {(A, 2), (A, 3)})  # a second laptop doing the same
    (info,) = transport.snapshots()
    assert (info.snapshot_id, info.chunks) == ("snap1", 2)
    snapshot = open_snapshot(KEYS, GROUP, "snap1", transport.read_snapshot("snap1"))
    assert [o.plaintext for o in snapshot] == [b"c1", b"c2"]
    assert [r.seq for r in everything(transport)[0]] == [1, 4, 5]
    assert transport.push(records(A, range(1, 6))) == 0
    assert transport.highest_seq(A) == 5


# --- refusals ---------------------------------------------------------------------------------
def test_the_wrong_place_or_person_is_named_before_anything_is_written(hub, postgres, group_url):
    other = add_group(hub, OTHER_GROUP).url
    assert refusal(lambda: laptop(other)) is SyncCode.FOREIGN_GROUP
    assert refusal(lambda: laptop(hub)) is SyncCode.ADMIN_URL
    wrong_password = group_url.replace(group_url.split(":")[2].split("@")[0], "X" * 32)
    assert refusal(lambda: laptop(wrong_password)) is SyncCode.AUTH
    assert refusal(lambda: laptop("https://hub.example.org")) is SyncCode.BAD_URL
    plain = postgres.new_database(f"plain_{os.getpid()}")
    assert refusal(lambda: laptop(plain)) is SyncCode.NOT_A_HUB
    laptop(group_url)  # the first laptop names the channel
    moved = Channel(GROUP, KEYS.key_id, "00000000-0000-4000-8000-0000000000ff")
    assert refusal(lambda: laptop(group_url, moved)) is SyncCode.OTHER_GENESIS
    rekeyed = Channel(GROUP, "0badc0de", CHANNEL.genesis)
    assert refusal(lambda: laptop(group_url, rekeyed)) is SyncCode.OTHER_KEY
    with pytest.raises(SyncProblem) as raised:
        laptop(wrong_password)
    assert "X" * 32 not in str(raised.value)
    assert "refused the user or password" in str(raised.value)


def test_a_hub_set_up_by_a_newer_sponsor_desk_is_refused(hub, group_url, postgres):
    database = conninfo_to_dict(hub)["dbname"]
    postgres.superuser(
        "UPDATE sponsor_hub.alembic_version SET version_num = '0002'", database=database
    )
    assert refusal(lambda: laptop(group_url)) is SyncCode.HUB_NEWER
    assert refusal(lambda: init(hub)) is SyncCode.HUB_NEWER


def test_init_twice_changes_nothing(hub, group_url):
    laptop(group_url).push(records(A, [1]))
    assert init(hub) == "0001"
    assert len(everything(laptop(group_url))[0]) == 1


# --- row-level security: one group's login and another group's rows --------------------------
def test_a_groups_login_reaches_only_its_own_groups_rows(hub, group_url):
    theirs = laptop(group_url)
    theirs.push(records(A, range(1, 4)))
    theirs.publish_seen(seal(KEYS, Header(Kind.SEEN, GROUP, KEYS.key_id, A, 3, "0013"), b"v"))
    other_url = add_group(hub, OTHER_GROUP).url
    with psycopg.connect(other_url, autocommit=True) as other:
        for table in ("hub_record", "hub_replica", "hub_snapshot", "hub_removed", "hub_bundle"):
            assert other.execute(f"SELECT count(*) FROM sponsor_hub.{table}").fetchone() == (0,)
        assert other.execute("SELECT group_id::text FROM sponsor_hub.hub_group").fetchall() == [
            (OTHER_GROUP,)
        ]
        assert other.execute("DELETE FROM sponsor_hub.hub_record").rowcount == 0
        assert other.execute("DELETE FROM sponsor_hub.hub_replica").rowcount == 0
        assert (
            other.execute(
                "UPDATE sponsor_hub.hub_group SET next_hub_seq = 99 WHERE group_id = %s", (GROUP,)
            ).rowcount
            == 0
        )
        for statement in (
            "INSERT INTO sponsor_hub.hub_record (group_id, replica_id, seq, hub_seq, body) "
            f"VALUES ('{GROUP}', '{B}', 1, 1000, 'x')",
            "SET row_security = off; SELECT count(*) FROM sponsor_hub.hub_record",
            "UPDATE sponsor_hub.hub_group SET role_name = 'x'",
            "UPDATE sponsor_hub.hub_record SET body = 'x'",  # records are never changed
            "CREATE TABLE public.leak (x int)",
            f"SET ROLE {_role_of(hub, GROUP)}",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                other.execute(statement)
    assert len(everything(laptop(group_url))[0]) == 3  # nothing of theirs changed


def _role_of(hub: str, group: str) -> str:
    with psycopg.connect(hub) as admin:
        return admin.execute(
            "SELECT role_name FROM sponsor_hub.hub_group WHERE group_id = %s", (group,)
        ).fetchone()[0]


def test_the_hub_holds_only_sealed_bytes(hub, group_url):
    secret = "Aroha Ngata-Hēnare"
    header = Header(Kind.CHANGE, GROUP, KEYS.key_id, A, 1, "0013")
    from sponsor_app.storage.sync.codec import pack

    laptop(group_url).push([seal(KEYS, header, pack({"name": secret}))])
    with psycopg.connect(hub) as admin:
        bodies = admin.execute("SELECT body FROM sponsor_hub.hub_record").fetchall()
    assert bodies and all(
        secret.encode() not in bytes(b) and b"Aroha" not in bytes(b) for (b,) in bodies
    )


# --- a push cut off, a hub gone, a reconnect, two laptops at once -----------------------------
@pytest.mark.slow
def test_a_push_killed_mid_upload_is_all_or_nothing(group_url):
    """A real subprocess pushing 2,000 records of 8 kB in one push is killed at a random
    moment, five times: the hub holds either none or all of that push, never a part."""
    rng = random.Random(22)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen_counts = set()
    for round_ in range(5):
        replica = f"00000000-0000-4000-8000-1000000000{round_:02d}"
        command = [sys.executable, "-m", "tests.hub.hub_writer", group_url, replica, "2000", "8000"]
        with subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout.readline().strip() == "pushing"
            time.sleep(rng.uniform(0.0, 0.3))
            child.send_signal(signal.SIGKILL)
        held = laptop(group_url).highest_seq(replica)
        assert held in (0, 2000)
        seen_counts.add(held)
    assert 0 in seen_counts  # at least one kill landed inside the push
    hub_seqs = [int(r.source.rsplit(" ", 1)[1]) for r in everything(laptop(group_url))[0]]
    assert hub_seqs == list(range(1, len(hub_seqs) + 1))  # dense: nothing cut off left a hole


def test_a_connection_dropped_mid_sync_is_named_and_the_next_pull_resumes_from_the_cursor(
    hub, group_url, postgres
):
    laptop(group_url).push(records(A, range(1, 1201)))
    reader = laptop(group_url)
    first = reader.pull(START, limit=500)
    assert len(first.records) == 500 and first.more
    postgres.superuser(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename LIKE 'sdg_%'"
    )
    with pytest.raises(SyncProblem) as raised:
        reader.pull(first.cursor)
    problem = raised.value
    assert problem.code is SyncCode.UNREACHABLE and "nothing was lost" in str(problem)
    reader.close()
    rest, _ = everything(laptop(group_url), first.cursor)
    assert [r.seq for r in (*first.records, *rest)] == list(range(1, 1201))


def test_a_hub_that_stops_is_unreachable_and_a_push_after_its_restart_completes(
    group_url, postgres
):
    transport = laptop(group_url)
    transport.push(records(A, range(1, 3)))
    postgres.stop("immediate")
    try:
        assert refusal(lambda: transport.push(records(A, range(3, 6)))) is SyncCode.UNREACHABLE
        assert refusal(lambda: laptop(group_url)) is SyncCode.UNREACHABLE
    finally:
        postgres.restart()
    assert laptop(group_url).push(records(A, range(1, 6))) == 3
    assert [r.seq for r in everything(laptop(group_url))[0]] == [1, 2, 3, 4, 5]


def test_laptops_pushing_at_the_same_moment_take_turns_and_no_pull_skips_a_record(group_url):
    """Four laptops push 20 times each at once while a fifth pulls with its cursor: every
    record arrives exactly once, and hub_seq is dense and unique."""
    replicas = [f"00000000-0000-4000-8000-2000000000{n:02d}" for n in range(4)]
    errors = []

    def push_all(replica: str) -> None:
        try:
            transport = laptop(group_url)
            for start in range(1, 201, 10):
                transport.push(records(replica, range(start, start + 10)))
            transport.close()
        except Exception as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=push_all, args=(r,)) for r in replicas]
    for thread in threads:
        thread.start()
    reader, cursor, pulled = laptop(group_url), START, []
    while any(t.is_alive() for t in threads):
        page = reader.pull(cursor, limit=37)
        pulled += page.records
        cursor = page.cursor
    for thread in threads:
        thread.join()
    pulled += everything(reader, cursor)[0]
    assert errors == []
    assert sorted((r.replica, r.seq) for r in pulled) == sorted(
        (r, s) for r in replicas for s in range(1, 201)
    )
    hub_seqs = [int(r.source.rsplit(" ", 1)[1]) for r in pulled]
    assert hub_seqs == list(range(1, 801))


def test_status_lists_groups_and_laptops(hub, group_url):
    transport = laptop(group_url)
    transport.push(records(A, range(1, 4)))
    transport.publish_seen(seal(KEYS, Header(Kind.SEEN, GROUP, KEYS.key_id, A, 3, "0013"), b"v"))
    add_group(hub, OTHER_GROUP, "Second group")
    groups, laptops = status(hub)
    by_id = {g.group_id: g for g in groups}
    assert (by_id[GROUP].label, by_id[GROUP].records, by_id[GROUP].laptops) == (
        "Riverside Welcome",
        3,
        1,
    )
    assert by_id[GROUP].bytes > 0 and by_id[GROUP].last_push is not None
    assert (by_id[OTHER_GROUP].records, by_id[OTHER_GROUP].last_push) == (0, None)
    assert [(lt.group_id, lt.replica_id) for lt in laptops] == [(GROUP, A)]


def test_no_name_is_readable_anywhere_on_the_hubs_server(hub, group_url, postgres):
    """Names sealed into records are in no table's dump and in no file of the server's data
    folder (tables, indexes, the write-ahead log), plain, folded or JSON-escaped."""
    from sponsor_app.storage.sync.codec import pack

    names = ["Aroha Ngata-Hēnare", "Siosaia Fifita", "Mohammed Al-Rashid", "Zoë O'Brien"]
    transport = laptop(group_url)
    transport.push(
        [
            seal(KEYS, Header(Kind.CHANGE, GROUP, KEYS.key_id, A, n, "0013"), pack({"who": name}))
            for n, name in enumerate(names, start=1)
        ]
    )
    seen = Header(Kind.SEEN, GROUP, KEYS.key_id, A, 4, "0013")
    transport.publish_seen(seal(KEYS, seen, pack({"laptop": "Aroha's laptop"})))
    postgres.superuser("CHECKPOINT")
    database = conninfo_to_dict(hub)["dbname"]
    dump = subprocess.run(
        ["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
        + [str(postgres.bin / "pg_dump"), "--data-only", "-h", str(postgres.folder), database],
        capture_output=True,
        check=True,
    ).stdout
    assert b"sponsor_hub" in dump or b"hub_record" in dump  # the dump holds the tables
    files = [p.read_bytes() for p in postgres.data.rglob("*") if p.is_file()]
    for name in names:
        forms = {name, name.casefold(), name.encode("ascii", "backslashreplace").decode()}
        for part in name.replace("-", " ").split():
            if len(part) >= 4:  # shorter ones ("Al") occur by chance in any binary file
                forms |= {part, part.casefold()}
        for form in forms:
            needle = form.encode()
            assert needle not in dump, form
            assert not any(needle in data for data in files), form
