"""Temporary files stay in the process's own private folder and go with the process: on a
normal exit, on an error, and (for a killed process) at the next start. A live process's folder
is never taken."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from sponsor_app.services.files.temporary_files import remove_abandoned, temporary_root

WRITE_ONE = (
    "import tempfile\n"
    "from sponsor_app.services.files.temporary_files import use_private_temporary_folder\n"
    "folder = use_private_temporary_folder()\n"
    "handle = tempfile.NamedTemporaryFile(prefix='openpyxl.', delete=False)\n"
    "handle.write(b'the roster'); handle.close()\n"
    "print(handle.name, flush=True)\n"
)


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_a_process_keeps_its_files_in_its_own_folder_and_takes_them_when_it_ends(app_home):
    done = _run(WRITE_ONE)
    left = Path(done.stdout.strip())
    assert done.returncode == 0
    assert (app_home / "data" / "tmp") in left.parents
    assert not left.exists() and not left.parent.exists()


def test_an_error_on_the_way_out_still_takes_them(app_home):
    done = _run(WRITE_ONE + "raise RuntimeError('export failed')\n")
    assert done.returncode != 0 and "export failed" in done.stderr
    left = Path(done.stdout.strip())
    assert not left.parent.exists()


def test_a_failed_exports_leftovers_go_and_nothing_else(app_home):
    done = _run(
        WRITE_ONE
        + "import tempfile\n"
        + "keep = tempfile.NamedTemporaryFile(prefix='mine.', delete=False); keep.close()\n"
        + "from sponsor_app.services.files.temporary_files import remove_temporary_files\n"
        + "remove_temporary_files('openpyxl.')\n"
        + "print(sorted(p.name.split('.')[0] for p in folder.iterdir()))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "['mine']"


def test_a_live_process_keeps_its_folder_and_a_killed_ones_is_removed(app_home):
    holder = subprocess.Popen(
        [sys.executable, "-c", WRITE_ONE + "import sys; sys.stdin.readline()\n"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        left = Path(holder.stdout.readline().strip())
        assert left.read_bytes() == b"the roster"
        assert remove_abandoned(temporary_root()) == []
        assert left.exists()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        assert left.exists()  # a kill runs nothing on the way out
        assert remove_abandoned(temporary_root()) == [left.parent]
        assert not left.parent.exists()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        holder.stdin.close()
        holder.stdout.close()
