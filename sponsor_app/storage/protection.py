"""Protecting a group file with a passphrase, unlocking it, changing the passphrase, removing it.

Protecting and removing write the whole file anew with SQLCipher's `sqlcipher_export` into a
temporary file beside it, check the result (SQLite's quick check and every table's row count
against the original), and only then rename it over the file: a failure or a kill at any
moment leaves the file as it was. The file's write lock is held throughout, so no window writes
to it meanwhile. A new recovery code means a new key, so the file is written anew the same way
(rather than with PRAGMA rekey in place, whose key and key id could not change in one step).

Changing the passphrase rewrites only the passphrase slot (storage/keys.py): the file, its
backups and the recovery code stay as they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import files, leftovers, lock, makers
from .connect import (
    check_is_group_file,
    connect,
    create_database,
    known_key,
    protection_of,
    remember_key,
)
from .driver import DriverError
from .errors import (
    UNREADABLE,
    AlreadyProtected,
    DamagedFile,
    KeyFileDamaged,
    KeyFileNotWritten,
    KeyFileOfAnother,
    MistypedRecoveryCode,
    NoPassphraseHere,
    NotProtected,
    PassphraseNeeded,
    StorageError,
    WrongPassphrase,
    WrongRecoveryCode,
    classify,
)
from .facts import read_group, table_names
from .keys import (
    BadRecoveryCode,
    DataKey,
    PassphraseSlot,
    keep_slot,
    key_file,
    key_file_problem,
    key_id_text,
    lock_with,
    remove_key_file,
    slots_for,
    stored_here,
    stored_slot,
    unlock_with,
    write_private,
)
from .schema import APPLICATION_ID

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Protected:
    path: Path
    recovery_code: str
    backups: int  # this group's backups in the app's folder protected along with it


# --- unlocking -------------------------------------------------------------------------------
def is_protected(path: Path) -> bool:
    return protection_of(Path(path)) is not None


def is_unlocked(path: Path) -> bool:
    """Plain, or protected with a key this process already holds."""
    key_id = protection_of(Path(path))
    return key_id is None or known_key(key_id) is not None


def unlock(
    path: Path, *, passphrase: str | None = None, recovery_code: str | None = None
) -> DataKey | None:
    """Let this process open the protected file at `path` (and its backups and copies) with its
    passphrase or its recovery code. None for a plain file. A wrong passphrase is
    WrongPassphrase, never a damaged file: the slot's own check says so before SQLite reads."""
    path = Path(path)
    key_id = protection_of(path)
    if key_id is None:
        return None
    if recovery_code is not None:
        try:
            key = DataKey.from_recovery_code(recovery_code)
        except BadRecoveryCode as problem:
            raise MistypedRecoveryCode(path, str(problem)) from None
        if key.key_id != key_id:
            raise WrongRecoveryCode(path)
    else:
        slots = slots_for(path, key_id)
        if not slots:
            raise _no_slot(path, key_id)
        opened = ((slot, unlock_with(slot, passphrase or "")) for slot in slots)
        slot, key = next(((s, k) for s, k in opened if k is not None), (None, None))
        if key is None:
            raise WrongPassphrase(path, key_file_alone=not stored_here(key_id))
        if not stored_here(key_id):
            # Kept here too, so that this computer's own backups of the file (which have no
            # key file beside them) open with the passphrase, not only with the code.
            with contextlib.suppress(OSError):
                keep_slot(slot)
    remember_key(key)
    return key


def _no_slot(path: Path, key_id: int) -> NoPassphraseHere:
    """Why no passphrase slot opens the file here, in words true to its key file."""
    place = key_file(path)
    problem = key_file_problem(path, key_id)
    if problem == "folder":
        return KeyFileDamaged(path, place, "is a folder, not a key file")
    if problem == "damaged":
        return KeyFileDamaged(path, place)
    if problem == "another":
        return KeyFileOfAnother(path, place)
    return NoPassphraseHere(path, place)


def _real(path: Path | str) -> Path:
    """The file itself, when `path` is a symbolic link to it: rewriting the link's name would
    put the encrypted (or plain) copy in place of the link and leave the real file as it was."""
    return Path(path).resolve()


def _key_of(path: Path) -> DataKey:
    key_id = protection_of(path)
    if key_id is None:
        raise NotProtected(path)
    key = known_key(key_id)
    if key is None:
        raise PassphraseNeeded(path, key_id)
    return key


# --- protecting, removing, changing ----------------------------------------------------------
def protect_file(path: Path, passphrase: str, progress: Progress | None = None) -> Protected:
    """Encrypt the closed group file at `path` with a new key under `passphrase`, and this
    group's backups in the app's folder with it. Returns the recovery code to print.

    The new slot is saved (beside the file and on this computer) before the encrypted file is
    renamed into place: a failure or a kill at any moment leaves either the plain file (its
    new key file removed, or harmless beside a plain file) or a protected file whose key is
    saved."""
    path = _real(path)
    check_is_group_file(path)
    if is_protected(path):
        raise AlreadyProtected(path)
    key, slot = _new_key(passphrase)
    before = makers.identity_of(path)
    with _locked(path):
        leftovers.clean_beside(path)
        # Marked before the rename: killed after it, the next open shows the code (and
        # protects the backups) rather than leaving a file whose code nobody ever saw.
        _mark_code_unshown(key.key_id, path)
        try:
            group = _rewrite(path, key, _SlotWrite(path, slot))
        except BaseException:
            code_shown(key.key_id)
            raise
    if group:
        makers.rewritten(group, path, before)
    count = protect_backups(group, key, progress, path) if group else 0
    return Protected(path, key.recovery_code, count)


# --- a protection whose recovery code was never shown ------------------------------------------
def _unshown_marker(key_id: int) -> Path:
    from ..locations import data_dir

    return data_dir(create=False) / "keys" / f"{key_id_text(key_id)}.unshown"


def _mark_code_unshown(key_id: int, path: Path) -> None:
    try:
        place = stored_slot(key_id).with_name(f"{key_id_text(key_id)}.unshown")
        write_private(place, "the recovery code of this key has not been shown yet\n")
    except OSError as error:
        raise KeyFileNotWritten(path, _unshown_marker(key_id), error) from None


def code_shown(key_id: int) -> None:
    """The recovery code of key `key_id` was shown (or its protection never happened)."""
    with contextlib.suppress(OSError):
        _unshown_marker(key_id).unlink(missing_ok=True)


def finish_interrupted_protection(path: Path, progress: Progress | None = None) -> str | None:
    """When `path` was protected by a run killed before it showed the recovery code: its own
    backups protected now, and the code returned (to show, then `code_shown`). None when
    nothing was left undone, or the file's key is not known yet."""
    path = _real(path)
    key_id = protection_of(path)
    if key_id is None or not _unshown_marker(key_id).exists():
        return None
    key = known_key(key_id)
    if key is None:
        return None
    group = None
    with contextlib.suppress(DriverError, OSError, StorageError):
        connection = connect(path, read_only=True)
        try:
            found = read_group(connection)
            group = found.uuid if found else None
        finally:
            connection.close()
    if group:
        protect_backups(group, key, progress, path)
    return key.recovery_code


def unprotect_file(path: Path) -> Path:
    """Write the closed protected file at `path` plain again (its key must be known here).
    Its backups stay protected: they open with the same passphrase or recovery code."""
    path = _real(path)
    check_is_group_file(path)
    _key_of(path)
    before = makers.identity_of(path)
    with _locked(path):
        leftovers.clean_beside(path)
        group = _rewrite(path, None)
        remove_key_file(path)  # a kill before this leaves a key file a plain file ignores
    if group:
        makers.rewritten(group, path, before)
    return path


def change_passphrase(path: Path, passphrase: str) -> None:
    """A new passphrase for the protected file at `path` (unlocked): a new slot beside it,
    then on this computer. The file, its backups and its recovery code are unchanged. A slot
    that cannot be written is KeyFileNotWritten, with both slots as they were."""
    path = _real(path)
    _SlotWrite(path, lock_with(passphrase, _key_of(path))).write()


def _new_key(passphrase: str) -> tuple[DataKey, PassphraseSlot]:
    """A new data key, known to this process, and its slot locked with `passphrase`."""
    key = DataKey.new()
    remember_key(key)
    return key, lock_with(passphrase, key)


def new_recovery_code(path: Path, passphrase: str) -> str:
    """Encrypt the closed protected file at `path` with a new key (so the old recovery code
    and old key files no longer open it) under `passphrase`; returns the new code. Its
    backups keep the old key (and the old code opens them). The new slot is saved before the
    file is renamed, as for protect_file."""
    path = _real(path)
    check_is_group_file(path)
    _key_of(path)
    key, slot = _new_key(passphrase)
    before = makers.identity_of(path)
    with _locked(path):
        leftovers.clean_beside(path)
        group = _rewrite(path, key, _SlotWrite(path, slot))
    if group:
        makers.rewritten(group, path, before)
    return key.recovery_code


class _SlotWrite:
    """Save a slot as the key file beside a group file, then in this computer's store (each
    written whole and fsynced), able to put both back as they were."""

    def __init__(self, path: Path, slot: PassphraseSlot):
        self._path = path
        self._slot = slot
        self._before: list[tuple[Path, str | None]] = []

    def write(self) -> None:
        place = key_file(self._path)
        try:
            for where in (lambda: key_file(self._path), lambda: stored_slot(self._slot.key_id)):
                place = where()
                self._before.append((place, _text_of(place)))
                write_private(place, self._slot.to_json())
        except OSError as error:
            self.undo()
            raise KeyFileNotWritten(self._path, place, error) from None

    def undo(self) -> None:
        for place, text in reversed(self._before):
            with contextlib.suppress(OSError):
                if text is None:
                    place.unlink(missing_ok=True)
                else:
                    write_private(place, text)
        self._before.clear()


def _text_of(place: Path) -> str | None:
    try:
        return place.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def protect_backups(
    group_id: str, key: DataKey, progress: Progress | None = None, path: Path | None = None
) -> int:
    """Encrypt the plain backups in the app's folder that the file at `path` made (never
    another copy's of the same group) with `key`, each rewritten and checked like the file
    itself. Returns how many."""
    from .backup import backups_of_file, list_backups

    count = 0
    found = backups_of_file(group_id, path) if path is not None else list_backups(group_id)
    for info in found:
        if is_protected(info.path):
            continue
        if progress is not None:
            progress(info.path.name)
        try:
            _rewrite(info.path, key)
            count += 1
        except (OSError, DriverError, StorageError):
            continue  # an unreadable backup is left as it is; it is never offered anyway
    return count


# --- copies made before protecting -----------------------------------------------------------
def _group_of(path: Path) -> str | None:
    from .facts import group_of_file

    group = group_of_file(path)
    return group.uuid if group else None


def copies_left_plain(path: Path) -> list[makers.Copy]:
    """The copies of the file at `path` this computer made elsewhere (Back Up To, a backup
    into a folder, Save a Copy) that anyone can still read: protecting the file does not
    reach them by itself."""
    path = _real(path)
    group = _group_of(path)
    if group is None:
        return []
    return [copy for copy in makers.copies_of(group, path) if not is_protected(copy.path)]


def protect_copies(path: Path, copies: list[Path]) -> list[tuple[Path, StorageError | None]]:
    """Encrypt each copy with the key of the protected file at `path` (the same passphrase and
    recovery code open it), its key file beside it; a copy another window has open, or that
    cannot be written, is left as it is and its problem returned."""
    path = _real(path)
    key = _key_of(path)

    def protect(copy: Path) -> None:
        if is_protected(copy):
            return
        with _locked(copy):
            leftovers.clean_beside(copy)
            _rewrite(copy, key)
        from .keys import copy_key_file

        copy_key_file(key, copy, path)

    return _each_copy(copies, protect)


def delete_copies(path: Path, copies: list[Path]) -> list[tuple[Path, StorageError | None]]:
    """Delete copies of the file at `path` (each with its log and key file), unless another
    window has one open."""
    group = _group_of(_real(path))

    def delete(copy: Path) -> None:
        with _locked(copy):
            files.remove_database(copy)
            remove_key_file(copy)
        if group:
            makers.forget_copy(group, copy)

    return _each_copy(copies, delete)


def _each_copy(
    copies: list[Path], act: Callable[[Path], None]
) -> list[tuple[Path, StorageError | None]]:
    """`act` on each copy (by its real path), each copy with its problem or None: one copy
    that fails does not stop the others."""
    done: list[tuple[Path, StorageError | None]] = []
    for copy in map(_real, copies):
        try:
            act(copy)
            done.append((copy, None))
        except StorageError as problem:
            done.append((copy, problem))
        except OSError as error:
            done.append((copy, classify(error, copy) or StorageError(f"{copy}: {error}")))
    return done


# --- the rewrite -----------------------------------------------------------------------------
class _locked:
    """The group file's write lock for the block: nobody writes it meanwhile."""

    def __init__(self, path: Path):
        self._lock = lock.WriteLock(path)
        self._path = path

    def __enter__(self) -> None:
        self._lock.acquire(self._path)

    def __exit__(self, *exc) -> None:
        self._lock.release()


def _rewrite(path: Path, key: DataKey | None, slot: _SlotWrite | None = None) -> str | None:
    """Write the file at `path` anew encrypted with `key` (or plain), checked, in one rename;
    `slot` is saved just before the rename (and put back if the rename does not happen).
    Returns its group's id."""
    partial = files.temporary_beside(path, "protecting")
    marker = lock.hold(partial)
    renamed = False
    try:
        with files.removed_on_failure(partial):
            source = connect(path, pragmas=False)
            try:
                # Every commit into the file itself, so the log beside it can go with the old file.
                source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                group = read_group(source)
                create_database(partial, None).close()
                _export(source, partial, key)
                _check_copy(source, partial, path)
            finally:
                source.close()
            files.fsync_file(partial)
            if slot is not None:
                slot.write()  # the key is safe before anything is encrypted with it
            for leftover in files.sidecars(path):
                leftover.unlink(missing_ok=True)
            files.replace(partial, path)
            renamed = True
    except DriverError as error:
        known = classify(error, path)
        if known is None:
            raise
        raise known from error
    finally:
        if slot is not None and not renamed:
            slot.undo()
        lock.let_go(partial, marker)
    return group.uuid if group else None


def _export(source, partial: Path, key: DataKey | None) -> None:
    secret = f'"{key.pragma}"' if key is not None else "''"  # '' writes a plain file
    source.execute(f"ATTACH DATABASE ? AS rewritten KEY {secret}", (str(partial),))
    try:
        source.execute("SELECT sqlcipher_export('rewritten')")
        source.execute(f"PRAGMA rewritten.application_id = {APPLICATION_ID}")
        # The key's id, in the plain header: which key opens the file (0: none).
        source.execute(f"PRAGMA rewritten.user_version = {key.key_id if key else 0}")
    finally:
        source.execute("DETACH DATABASE rewritten")


def _check_copy(source, partial: Path, path: Path) -> None:
    """The rewritten file passes SQLite's quick check and holds every row of every table (a
    copy that fails the check copied damage: the file at `path` is damaged)."""
    copy = connect(partial, read_only=True)
    try:
        if copy.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise DamagedFile(path, UNREADABLE)
        for table in sorted(table_names(source)):
            count = f'SELECT count(*) FROM "{table}"'
            if source.execute(count).fetchone() != copy.execute(count).fetchone():
                raise RuntimeError(f"the rewritten file lost rows of {table}")
    finally:
        copy.close()
