"""kill -9 of a real process while it applies other laptops' change sets: the file stays
whole, holds none or all of the batch, and the next apply finishes the job, nothing twice."""

from __future__ import annotations

import json
import random
import sqlite3
import time

from sponsor_app.services.households.households import HouseholdInput, add_household
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import versions

from ...forking import Forker
from .conftest import make_laptops
from .memory import dump

APPLY = """
import json
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.records import ChangeRecord


def work(path, batch):
    records = [ChangeRecord.from_value(v) for v in json.load(open(batch))]
    with Store.open(path) as store:
        print("open", flush=True)
        store.apply_records(records)
    print("done", flush=True)
"""


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
    with Forker(APPLY, tmp_path) as forker:
        for _ in range(30):
            path.write_bytes(pristine)
            for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                sidecar.unlink(missing_ok=True)
            applying = forker.start(str(path), str(batch))
            forker.wait_for_line(applying, "open")
            time.sleep(randomness.uniform(0, 0.6))
            forker.kill(applying)
            outcomes.add(_check_after_the_kill(path, records, expected))
    assert 0 in outcomes  # some kills landed before the commit (the case that matters)


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
