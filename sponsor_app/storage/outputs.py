"""The one rule for every file Sponsor Desk writes that a person named: a report, a bundle, an
export, a calendar, an import's list of errors, a subject-access folder, a combined summary.

Whatever the command or the Save dialog, the file written is never:

- a file the same command reads (the group file, an import's source, a bundle being combined),
  compared by identity (device and inode), so a link, a hard link or another spelling of the
  path is caught as surely as the name itself;
- a group file or a backup of one (anything whose header says it is a Sponsor Desk file,
  anything in the app's backups folder, a `.sponsor` file, a path the app knows held a group),
  nor what lies beside a group file (its log, its lock, its key file);
- a file that exists, unless the person said so (`--force`, or yes to the window's question);
- anything but an ordinary file or a new name in a folder that exists.

It is written under a temporary name in the same folder, flushed, and renamed into place in one
step, so a crash, a full disk or a kill leaves the old file or the new one, never half of one.
A new name is never taken from a file that appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from ..domain.errors import InvalidInput, Problem
from ..domain.messages import Message, Outputs
from ..locations import GROUP_FILE_SUFFIX, backup_dir
from . import files
from .errors import GroupFileExists, from_os_error
from .schema import APPLICATION_ID, SQLITE_MAGIC

# What SQLite and the app keep beside a group file, by the suffix added to its name.
BESIDE_GROUP_FILE = ("-wal", "-shm", "-journal", ".lock", "-key")


class OutputRefused(InvalidInput):
    """A file that must not be written where it was asked for; nothing was written. Tied to
    the field "out" (a form shows it under the file's name)."""

    def __init__(self, target: Path, why: Message):
        self.target = Path(target)
        self.why = why
        super().__init__(Problem("out", Outputs.NOTHING_WRITTEN(why=why)))


def check_output(
    target: Path | str,
    *,
    inputs: Iterable[Path | str | None] = (),
    force: bool = False,
    what: str = "file",
) -> Path:
    """Where `target` is to be written (links followed), or OutputRefused saying why not.

    `inputs`: every file the command reads (missing ones and None are skipped). `force`: the
    person agreed to replace a file that exists (never a group file, a backup or an input).
    """
    target = Path(target)
    real = _real(target)
    shown = target
    if real.is_dir():
        raise OutputRefused(shown, Outputs.IS_FOLDER(path=shown, what=what))
    if not real.parent.is_dir():
        raise OutputRefused(shown, Outputs.NO_FOLDER(path=shown, folder=real.parent))
    found = _stat(real)
    for source in inputs:
        if source is None:
            continue
        if found is not None and _same(found, Path(source)):
            reads = Outputs.READS_GROUP_FILE if is_group_file(Path(source)) else Outputs.READS_FILE
            raise OutputRefused(shown, reads(path=shown, source=Path(source), what=what))
    belongs = _group_file_it_belongs_to(real)
    if belongs is not None:
        raise OutputRefused(shown, Outputs.BESIDE_GROUP_FILE(path=shown, owner=belongs, what=what))
    if in_backups(real):
        raise OutputRefused(shown, Outputs.IN_BACKUPS(path=shown, what=what))
    if found is None:
        if real.suffix.lower() == GROUP_FILE_SUFFIX:
            raise OutputRefused(
                shown, Outputs.GROUP_FILE_NAME(path=shown, suffix=GROUP_FILE_SUFFIX, what=what)
            )
        return real
    if not stat.S_ISREG(found.st_mode):
        raise OutputRefused(shown, Outputs.NOT_ORDINARY(path=shown))
    if is_group_file(real) or _remembered(real):
        raise OutputRefused(shown, Outputs.IS_GROUP_FILE(path=shown, what=what))
    if not force:
        raise OutputRefused(shown, Outputs.EXISTS(path=shown))
    return real


def write_output(
    target: Path | str,
    write: Callable[[BinaryIO], None],
    *,
    inputs: Iterable[Path | str | None] = (),
    force: bool = False,
    what: str = "file",
) -> Path:
    """Check `target` by the rule, then write it whole through `write(stream)`: under a
    temporary name beside it, owner-only, flushed, renamed into place. Returns the path
    written (a link's target when `target` is a link)."""
    inputs = tuple(inputs)
    real = check_output(target, inputs=inputs, force=force, what=what)
    temporary = files.temporary_beside(real, "partial")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # The last moment: a file that appeared meanwhile is checked as the first one was.
        check_output(target, inputs=inputs, force=force, what=what)
        if real.exists():
            files.replace(temporary, real)
        else:
            files.publish_new(temporary, real)
    except GroupFileExists:
        _remove(temporary)
        raise OutputRefused(target, Outputs.APPEARED(path=target)) from None
    except OSError as error:
        _remove(temporary)
        known = from_os_error(error, real, new_file=True)
        if known is None:
            reason = (error.strerror or str(error)).lower()
            raise OutputRefused(target, Outputs.CANNOT_WRITE(path=target, reason=reason)) from error
        raise known from error
    except BaseException:
        _remove(temporary)
        raise
    return real


def write_output_bytes(target: Path | str, data: bytes, **rule) -> Path:
    return write_output(target, lambda stream: stream.write(data), **rule)


def is_group_file(path: Path) -> bool:
    """Does the file's header say it is a Sponsor Desk group file (protected or not)?"""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return (
        len(header) >= 72
        and header.startswith(SQLITE_MAGIC)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


# --- the pieces of the rule ------------------------------------------------------------------
def _real(target: Path) -> Path:
    """The path a write would land on: a link's target (so the rule judges that file)."""
    try:
        return target.resolve() if target.is_symlink() else target.absolute()
    except (OSError, RuntimeError):  # a loop of links
        raise OutputRefused(target, Outputs.DEAD_LINK(path=target)) from None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        reason = error.strerror or str(error)  # the system's words
        raise OutputRefused(path, Outputs.CANNOT_WRITE(path=path, reason=reason)) from None


def _same(found: os.stat_result, source: Path) -> bool:
    try:
        return os.path.samestat(found, os.stat(source))
    except OSError:
        return False


def _group_file_it_belongs_to(real: Path) -> Path | None:
    """The group file beside `real` whose log, lock or key file `real` is (by its name)."""
    for suffix in BESIDE_GROUP_FILE:
        if real.name.endswith(suffix) and len(real.name) > len(suffix):
            owner = real.with_name(real.name[: -len(suffix)])
            if owner.is_file() and (
                is_group_file(owner) or owner.suffix.lower() == GROUP_FILE_SUFFIX
            ):
                return owner
    return None


def in_backups(real: Path) -> bool:
    """Is `real` in the app's backups folder (which only the app writes)?"""
    real = Path(real).absolute()
    try:
        folder = backup_dir(create=False).resolve()
    except OSError:
        return False
    return folder == real or folder in real.parents


def _remembered(real: Path) -> bool:
    """A path the app knows held a group file (it may be damaged past recognising now)."""
    from .known_files import remembered_group

    with contextlib.suppress(OSError):
        return remembered_group(real) is not None
    return False


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)
