"""Small real filesystems for tests: a tmpfs of a given size, filled or made read-only.

Mounting needs root (or CAP_SYS_ADMIN); where the test cannot mount, it is skipped with the
reason. Each mount is undone when the test ends, whatever happened.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` KiB mounted at `folder`."""
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount(8) to make a small filesystem")
    folder.mkdir(parents=True, exist_ok=True)
    done = _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_read_only(folder: Path) -> None:
    done = _mount("-o", "remount,ro", str(folder))
    assert done.returncode == 0, done.stderr


def fill(folder: Path, leave_bytes: int = 0) -> Path:
    """Fill the filesystem at `folder` until `leave_bytes` (rounded to its blocks) are free."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with open(filler, "ab") as handle, contextlib.suppress(OSError):
        handle.write(b"\0" * max(0, free - leave_bytes))
        handle.flush()
        os.fsync(handle.fileno())
    return filler


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free
