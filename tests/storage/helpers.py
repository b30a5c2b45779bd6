"""Helpers for tests that need a second process holding or writing a group file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HOLD_OPEN = """
import sys
from sponsor_app.storage.store import Store
store = Store.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
store.close()
"""


def hold_open(path: Path) -> subprocess.Popen:
    """Another process that keeps `path` open until its stdin is closed."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert process.stdout.readline().strip() == "open"
    return process


def release(process: subprocess.Popen) -> None:
    process.stdin.close()
    process.wait(timeout=30)
    process.stdout.close()
