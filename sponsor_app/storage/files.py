"""Putting finished files in place: never half a file at a name, never over someone else's.

A file is written under a temporary name in the folder it will live in, flushed to the disk,
then renamed into place in one step. The rename that publishes a *new* file never replaces
one that appeared meanwhile (two `new` at once must not delete each other's work).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import GroupFileExists

SIDECARS = ("-wal", "-shm", "-journal")


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database (its write-ahead log, shared memory, journal)."""
    return [Path(f"{path}{suffix}") for suffix in SIDECARS]


def remove_database(path: Path) -> None:
    for part in (path, *sidecars(path)):
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


@contextlib.contextmanager
def removed_on_failure(partial: Path) -> Iterator[Path]:
    """Whatever stops a file being made at `partial` (an error, a cancel), the half-made file
    and its log go; the error goes on to the caller unchanged."""
    try:
        yield partial
    except BaseException:
        with contextlib.suppress(OSError):
            remove_database(partial)
        raise


def temporary_beside(target: Path, kind: str) -> Path:
    """A hidden name in the target's folder for a file being made (`kind`: what it is for)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{kind}")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles for this)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some filesystems (vfat) refuse; the rename stands
            os.fsync(fd)
    finally:
        os.close(fd)


def publish_new(temporary: Path, target: Path) -> None:
    """Rename a finished file to `target`, refusing if something is already there.

    POSIX: a hard link is created (it fails if the name is taken) and the temporary name
    removed. Filesystems without hard links (a FAT USB stick) and Windows refuse a rename onto an
    existing name, or we check just before; the window for a race there is a few microseconds.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise GroupFileExists(target) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if target.exists():
            raise GroupFileExists(target) from None
        os.rename(temporary, target)
    else:
        temporary.unlink()
    fsync_folder(target.parent)


def replace(temporary: Path, target: Path) -> None:
    """Rename a finished file over `target` in one step: a crash leaves the old or the new."""
    os.replace(temporary, target)
    fsync_folder(target.parent)
