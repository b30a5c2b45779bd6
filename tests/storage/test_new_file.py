"""`new` builds the file under a temporary name: a kill leaves nothing half made, and two at
once never delete each other's finished file (failure 7). Real processes, real kills."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.files.health import check_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

NEW = """
import sys
from sponsor_app.cli import run
import sponsor_app.services.group.groups, sponsor_app.storage.store  # loaded before "ready"
print("ready", flush=True)
sys.stdin.readline()
sys.exit(run(["new", sys.argv[1], "--name", sys.argv[2]]))
"""


def _start(path: Path, name: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", NEW, str(path), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=60)
    return process.returncode, out + err


def test_kill_during_new_leaves_no_file_or_a_complete_one(tmp_path):
    rng = random.Random(11)
    outcomes = set()
    for round_number in range(12):
        path = tmp_path / f"group-{round_number}.sponsor"
        process = _start(path, "Killed")
        process.stdin.write("go\n")
        process.stdin.flush()
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
        if path.exists():
            report = check_file(path)
            assert report.healthy and report.has_group_profile, round_number
            outcomes.add("complete")
        else:
            assert not list(tmp_path.glob(f"group-{round_number}.sponsor*"))
            outcomes.add("absent")
            assert run(["new", str(path), "--name", "Again"]) == 0  # the name is free
    assert "absent" in outcomes, "no kill landed while the file was being built"
    # What the killed builds left (hidden, beside) goes at the next `new` in that folder.
    assert run(["new", str(tmp_path / "last.sponsor"), "--name", "Last"]) == 0
    assert not list(tmp_path.glob(".*.building*"))


def test_two_new_at_once_never_delete_each_others_file(tmp_path):
    for round_number in range(6):
        path = tmp_path / f"race-{round_number}.sponsor"
        first, second = _start(path, "First"), _start(path, "Second")
        for process in (first, second):
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [_finish(first), _finish(second)]
        codes = sorted(code for code, _ in results)
        assert codes == [0, 1], results
        winner = next(out for code, out in results if code == 0)
        loser = next(out for code, out in results if code == 1)
        assert "already exists" in loser and "Traceback" not in loser
        assert path.exists(), "the finished file was deleted by the other `new`"
        name = "First" if "“First”" in winner else "Second"
        from sponsor_app.services.group.groups import group_info, open_group

        with open_group(path) as store:
            assert group_info(store).name == name
    assert not list(tmp_path.glob(".*.building*"))
