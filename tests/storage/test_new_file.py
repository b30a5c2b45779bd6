"""`new` builds the file under a temporary name: a kill leaves nothing half made, and two at
once never delete each other's finished file (failure 7). Real processes, real kills."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.files.health import check_file

from ..forking import Forker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

NEW = """
from sponsor_app.cli import run
import sponsor_app.services.group.groups, sponsor_app.storage.store  # loaded before the fork


def work(path, name):
    return run(["new", path, "--name", name])
"""


def test_kill_during_new_leaves_no_file_or_a_complete_one(tmp_path):
    rng = random.Random(11)
    outcomes = set()
    with Forker(NEW, tmp_path / "outputs") as forker:
        for round_number in range(12):
            path = tmp_path / f"group-{round_number}.sponsor"
            building = forker.start(str(path), "Killed")
            time.sleep(rng.uniform(0.0, 0.25))
            forker.kill(building)
            outcomes.add(_after_the_kill(path, round_number))
    assert "absent" in outcomes, "no kill landed while the file was being built"
    # What the killed builds left (hidden, beside) goes at the next `new` in that folder.
    assert run(["new", str(tmp_path / "last.sponsor"), "--name", "Last"]) == 0
    assert not list(tmp_path.glob(".*.building*"))


def _after_the_kill(path: Path, round_number: int) -> str:
    """A complete file or none at all (and then the name is free for the next `new`)."""
    if path.exists():
        report = check_file(path)
        assert report.healthy and report.has_group_profile, round_number
        return "complete"
    assert not list(path.parent.glob(f"{path.name}*"))
    assert run(["new", str(path), "--name", "Again"]) == 0  # the name is free
    return "absent"


def test_two_new_at_once_never_delete_each_others_file(tmp_path):
    from sponsor_app.services.group.groups import group_info, open_group

    with Forker(NEW, tmp_path / "outputs") as forker:
        for round_number in range(6):
            path = tmp_path / f"race-{round_number}.sponsor"
            both = [forker.start(str(path), "First"), forker.start(str(path), "Second")]
            results = [(forker.wait(pid), forker.output(pid)) for pid in both]
            codes = sorted(code for code, _ in results)
            assert codes == [0, 1], results
            winner = next(out for code, out in results if code == 0)
            loser = next(out for code, out in results if code == 1)
            assert "already exists" in loser and "Traceback" not in loser
            assert path.exists(), "the finished file was deleted by the other `new`"
            name = "First" if "“First”" in winner else "Second"
            with open_group(path) as store:
                assert group_info(store).name == name
    assert not list(tmp_path.glob(".*.building*"))
