"""A write lock beside the group file, so a second process cannot open it for writing.

The lock is an OS advisory lock on FILE.lock (released by the OS if the process dies, so a crash
never leaves a stale lock); the file's text says who holds it, for the message.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from .errors import FileLocked

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def who_am_i() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown user"
    return f"{user} on {socket.gethostname()}"


class WriteLock:
    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self, group_file: Path) -> None:
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise FileLocked(group_file, self._holder())
            if self._still_linked(fd):
                break
            # The holder removed the file as we locked it: our lock guards nothing, so retry.
            _unlock(fd)
            os.close(fd)
        else:  # pragma: no cover - needs a pathological race
            raise FileLocked(group_file, "another Sponsor Desk window")
        since = datetime.now().isoformat(timespec="minutes")
        holder = {"who": who_am_i(), "pid": os.getpid(), "since": since}
        os.ftruncate(fd, 0)
        # Windows locks byte 0 only, so the description starts one byte in where others can read.
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b" " + json.dumps(holder).encode())
        os.fsync(fd)
        self._fd = fd

    def _still_linked(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

    def _holder(self) -> str:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(1)
                info = json.loads(handle.read().strip() or b"{}")
        except (OSError, ValueError):
            info = {}
        if not info:
            return "another Sponsor Desk window"
        who, pid, since = info.get("who", "someone"), info.get("pid"), info.get("since")
        return f"Sponsor Desk by {who} (process {pid}, since {since})"

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Unlink while still holding the lock; a process that opened the old file retries.
        # (Windows cannot remove an open file; an empty lock file left behind is harmless.)
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
