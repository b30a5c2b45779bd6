"""Write locks: one Sponsor Desk writes a group file at a time, by whatever path it is reached.

Two OS advisory locks, both released by the OS when the process ends (a crash never leaves a
lock held; a lock file left behind is free for the next one to take):

- the **file's own lock**, in a lock file named by the file's identity (device and inode) in a
  folder every user of this computer shares. It holds whatever path reaches the file (a hard
  link, a symlink, the folder mounted or linked twice) and stays with the file if it is moved.
- **FILE.lock beside the file** (its real path, links resolved), so that another computer using
  the file through a shared folder is refused too, and a person can see the file is in use.

The lock beside the file says who holds it (user, computer, process, since when) and is
owner-only, like the group file it guards. The identity lock files in the shared folder are
readable by every user (another user must be able to take a free one) and so hold nothing: no
name, no path (their names are the file's device and inode numbers).

Neither lock is taken on the database file itself. On macOS and the BSDs flock() and SQLite's
fcntl() locks on one file interfere; on Linux closing any descriptor of a file drops every fcntl
lock the process holds on it (SQLite's included); on Windows byte locks are mandatory. A lock
file apart from the database avoids all three. On Windows the open database cannot be moved or
deleted at all (SQLite opens it without sharing deletion), and the identity folder is under
ProgramData, shared by the computer's users.

`hold(path)` / `is_held(path)` mark a file being written (a backup's `.partial`) so that a clean-up
at start removes only what a dead process left.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import stat
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from .errors import FileLocked, LockInTheWay, ReadOnlyFile, StorageError, from_os_error

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _identity_folder() -> Path:
        base = os.environ.get("PROGRAMDATA") or tempfile.gettempdir()
        return Path(base) / "SponsorDesk" / "locks"

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

    def _identity_folder() -> Path:
        # /tmp itself, not $TMPDIR (per user on macOS): every user of the computer must meet
        # the same lock files.
        return Path("/tmp") / "sponsor-desk-locks"


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def lock_path(path: Path) -> Path:
    """FILE.lock beside the group file's real path."""
    real = Path(path).resolve()
    return real.with_name(real.name + ".lock")


def identity_lock_path(identity: os.stat_result) -> Path:
    return _shared_folder() / f"{identity.st_dev:x}-{identity.st_ino:x}.lock"


def _shared_folder() -> Path:
    """The computer-wide folder for identity locks: world-writable with the sticky bit (as /tmp
    is), so users can take each other's free locks but not delete them. If it cannot be used,
    this user's own data folder still covers this user's links to the file."""
    folder = _identity_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        info = folder.lstat()
        if stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode):
            if sys.platform != "win32" and info.st_uid == os.getuid():
                os.chmod(folder, 0o1777)
            if os.access(folder, os.W_OK | os.X_OK):
                return folder
    except OSError:
        pass
    from ..locations import data_dir, private_folder

    return private_folder(data_dir() / "locks")


def who_am_i() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown user"
    return f"{user} on {socket.gethostname()}"


def _open_lock_file(lock: Path, group_file: Path) -> tuple[int, bool]:
    """The lock file's descriptor and whether we may write it (a free lock left by another user
    can be taken through a read-only descriptor, but not written)."""
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600), True
    except IsADirectoryError:
        raise LockInTheWay(group_file, lock) from None
    except PermissionError:
        try:
            return os.open(lock, os.O_RDONLY | _NOFOLLOW), False
        except FileNotFoundError:
            raise ReadOnlyFile(group_file) from None  # a folder we may not write in
        except OSError as error:
            raise _known(error, group_file, lock) from error
    except OSError as error:
        raise _known(error, group_file, lock) from error


def _known(error: OSError, group_file: Path, lock: Path) -> StorageError:
    if error.errno == errno.ELOOP:
        return LockInTheWay(group_file, lock)
    known = from_os_error(error, group_file)
    if known is None:
        raise error
    return known


_UNKNOWN_HOLDER = "another Sponsor Desk window"


def _holder(lock: Path) -> str:
    try:
        with open(lock, "rb") as handle:
            handle.seek(1)
            info = json.loads(handle.read().strip() or b"{}")
    except (OSError, ValueError):
        info = {}
    if not isinstance(info, dict) or not info:
        return _UNKNOWN_HOLDER
    who = info.get("who")
    since = _since_words(info.get("since"))
    if who is None:  # a shared identity lock: it names no one
        return f"{_UNKNOWN_HOLDER} ({since})" if since else _UNKNOWN_HOLDER
    return f"Sponsor Desk ({who}, {since})" if since else f"Sponsor Desk ({who})"


def _since_words(since) -> str:
    """When the holder opened the file, in this computer's local time ("since 16:54 today",
    "since 24 Nov 2026 at 16:54"), not an ISO stamp in another time zone."""
    try:
        moment = datetime.fromisoformat(str(since)).astimezone()
    except ValueError:
        return ""
    clock_time = moment.strftime("%H:%M")
    if moment.date() == datetime.now().astimezone().date():
        return f"since {clock_time} today"
    return f"since {moment.day} {moment.strftime('%b %Y')} at {clock_time}"


def _still_linked(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


class _OneLock:
    """One lock file: taken with a non-blocking flock, described by its holder's text (unless
    it is `shared` by the computer's users: then it says nothing and others may read it)."""

    def __init__(self, path: Path, shared: bool = False):
        self.path = path
        self.shared = shared
        self.fd: int | None = None

    def take(self, group_file: Path, description: bytes) -> None:
        for _attempt in range(5):
            fd, writable = _open_lock_file(self.path, group_file)
            if not _try_lock(fd):
                os.close(fd)
                raise FileLocked(group_file, _holder(self.path))
            if not self._still_linked(fd):
                # The holder removed the file as we locked it: our lock guards nothing; retry.
                _unlock(fd)
                os.close(fd)
                continue
            if not writable and self._replace_stale(fd):
                continue  # a free lock another user left: replaced by one of our own
            self.fd = fd
            if writable:
                self._describe(
                    fd, self._anonymous(description) if self.shared else description, group_file
                )
            return
        raise FileLocked(group_file, "another Sponsor Desk window")  # pragma: no cover

    def _replace_stale(self, fd: int) -> bool:
        try:
            self.path.unlink()
        except OSError:
            return False  # not ours to remove (a shared folder): hold it as it is
        _unlock(fd)
        os.close(fd)
        return True

    @staticmethod
    def _anonymous(description: bytes) -> bytes:
        """What a shared lock may say: the process and since when, never who."""
        info = json.loads(description)
        return json.dumps({"pid": info["pid"], "since": info["since"]}).encode()

    def _describe(self, fd: int, description: bytes, group_file: Path) -> None:
        try:
            if self.shared and sys.platform != "win32" and os.fstat(fd).st_uid == os.geteuid():
                os.fchmod(fd, 0o644)  # others may take it when it is free; it holds nothing
            os.ftruncate(fd, 0)
            # Windows locks byte 0 only, so the text starts one byte in where others can read.
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, b" " + description)  # no fsync: only live processes read it
        except OSError as error:
            self.release()
            raise _known(error, group_file, self.path) from error

    def _still_linked(self, fd: int) -> bool:
        return _still_linked(fd, self.path)

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        # Unlink while still holding the lock; a process that opened the old file retries.
        # (Windows cannot remove an open file; an empty lock file left behind is harmless.)
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)


class WriteLock:
    """The write lock of one group file: its identity lock, then the lock beside it."""

    def __init__(self, path: Path):
        self.group_file = Path(path)
        self.path = lock_path(self.group_file)
        self._locks: list[_OneLock] = []

    def acquire(self, group_file: Path | None = None) -> os.stat_result:
        """Take both locks or neither; returns the file's identity as it was locked."""
        group_file = Path(group_file or self.group_file)
        try:
            identity = os.stat(group_file)
        except OSError as error:
            known = from_os_error(error, group_file)
            if known is None:
                raise
            raise known from error
        since = datetime.now().astimezone().isoformat(timespec="minutes")
        description = json.dumps({"who": who_am_i(), "pid": os.getpid(), "since": since}).encode()
        taken: list[_OneLock] = []
        try:
            for path, shared in ((identity_lock_path(identity), True), (self.path, False)):
                lock = _OneLock(path, shared)
                lock.take(group_file, description)
                taken.append(lock)
        except FileLocked as refused:
            for lock in reversed(taken):
                lock.release()
            # The holder's own words are beside the file (the shared identity lock may be a
            # free one another user left, which its next holder could not rewrite).
            if self.path.exists() and _holder(self.path) != _UNKNOWN_HOLDER:
                raise FileLocked(group_file, _holder(self.path)) from refused
            raise
        except BaseException:
            for lock in reversed(taken):
                lock.release()
            raise
        self._locks = taken
        return identity

    def release(self) -> None:
        locks, self._locks = self._locks, []
        for lock in reversed(locks):
            lock.release()

    @property
    def held(self) -> bool:
        return bool(self._locks)


# --- files being written ---------------------------------------------------------------------
def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def hold(path: Path) -> int:
    """Mark `path` as being written by this process (a lock on a marker beside it); give the
    descriptor back to `let_go` when done. Locking a marker rather than the file keeps our lock
    apart from SQLite's own locks on it."""
    marker = _marker(path)
    for _attempt in range(5):
        fd = os.open(marker, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        if _try_lock(fd) and _still_linked(fd, marker):
            return fd
        os.close(fd)  # a clean-up was removing it at that moment: make a fresh one
        time.sleep(0.01 * (_attempt + 1))
    raise FileLocked(path, "another Sponsor Desk window")  # pragma: no cover


def let_go(path: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        _marker(path).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        _unlock(fd)
    os.close(fd)


def remove_if_abandoned(path: Path, remove=None) -> bool:
    """Delete `path` (with `remove(path)` if given) and its marker, unless a live process is
    still writing it."""
    marker = _marker(path)
    try:
        fd = os.open(marker, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False
        with contextlib.suppress(OSError):
            (remove or (lambda p: p.unlink(missing_ok=True)))(path)
        with contextlib.suppress(OSError):
            marker.unlink(missing_ok=True)
        _unlock(fd)
        return True
    finally:
        os.close(fd)
