"""kill -9 of a real process while it applies other laptops' change sets: the file stays
whole, holds none or all of the batch, and the next apply finishes the job, nothing twice."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import versions

from .conftest import make_laptops
from .memory import dump

# One process imports the app once and forks a fresh process per round, which the test kills:
# each killed process is as real as one started from scratch, without 30 imports of the app
# (two minutes of the suite).
APPLIER = """
import json, os, sys
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.records import ChangeRecord
records = [ChangeRecord.from_value(v) for v in json.load(open(sys.argv[2]))]
for _ in sys.stdin:
    child = os.fork()
    if child == 0:
        with Store.open(sys.argv[1]) as store:
            print("open", flush=True)
            store.apply_records(records)
        print("done", flush=True)
        os._exit(0)
    print("pid", child, flush=True)
    os.waitpid(child, 0)
    print("ended", flush=True)
"""


def _read_until(stream, wanted: set[str]) -> dict[str, str]:
    """Lines of the applier and its child (in either order) until each word in `wanted` has
    begun one: {word: the rest of its line}."""
    seen: dict[str, str] = {}
    while not wanted <= seen.keys():
        line = stream.readline()
        assert line, f"the applier stopped before {wanted - seen.keys()}: {seen}"
        word, _, rest = line.strip().partition(" ")
        seen[word] = rest
    return seen


def test_a_killed_apply_leaves_the_file_whole_and_the_next_one_finishes(tmp_path):
    a, b, reference = make_laptops(tmp_path)
    for number in range(60):
        add_household(a, HouseholdInput(f"H{number}", family_name="Haddad", town="Nelson"))
    with a.read() as session:
        me = versions.vector(session.connection())
        records = [
            r
            for origin in me
            for r in versions.records_of(session.connection(), origin)
            if r.seq > 1
        ]
    a.close()
    batch = tmp_path / "records.json"
    batch.write_text(json.dumps([r.to_value() for r in records]))
    reference.apply_records(records)
    expected = dump(reference)
    reference.close()
    path = b.path
    b.close()
    pristine = path.read_bytes()
    randomness = random.Random(22)
    outcomes = set()
    applier = subprocess.Popen(
        [sys.executable, "-c", APPLIER, str(path), str(batch)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        for _ in range(30):
            _kill_one_apply(applier, path, pristine, randomness)
            outcomes.add(_check_after_the_kill(path, records, expected))
    finally:
        applier.stdin.close()
        applier.wait(timeout=30)
        applier.stdout.close()
    assert 0 in outcomes  # some kills landed before the commit (the case that matters)


def _kill_one_apply(applier, path, pristine: bytes, randomness) -> None:
    """Put the file back as it was, start an apply in a fresh process, kill -9 it at a random
    moment after it opened the file."""
    path.write_bytes(pristine)
    for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        sidecar.unlink(missing_ok=True)
    applier.stdin.write("go\n")
    applier.stdin.flush()
    seen = _read_until(applier.stdout, {"pid", "open"})
    time.sleep(randomness.uniform(0, 0.6))
    with contextlib.suppress(ProcessLookupError):  # it may have finished already
        os.kill(int(seen["pid"]), signal.SIGKILL)
    _read_until(applier.stdout, {"ended"})


def _check_after_the_kill(path, records, expected) -> int:
    """The file is whole and holds all of the batch or none, never a record twice; the next
    apply finishes the job. Returns how many records the killed apply left."""
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    applied = raw.execute("SELECT count(*) FROM change_set WHERE native = 0").fetchone()[0]
    duplicates = raw.execute(
        "SELECT count(*) FROM (SELECT 1 FROM change_set WHERE origin_replica IS NOT NULL "
        "GROUP BY origin_replica, origin_seq HAVING count(*) > 1)"
    ).fetchone()[0]
    raw.close()
    assert applied in (0, len(records))  # all of the batch or none of it
    assert duplicates == 0
    with Store.open(path) as store:
        report = store.apply_records(records)
        assert len(report.applied) + report.already_seen == len(records)
        assert dump(store) == expected
    return applied
