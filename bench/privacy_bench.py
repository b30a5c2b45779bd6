"""Passphrase protection (issue 15): what it costs to open and to save, and to protect or
unprotect a big file. The same file is measured plain and protected in the same run."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from sponsor_app.services.files.protection import forget_keys, protect_file, unlock, unprotect_file
from sponsor_app.services.files.retention import remove_household_details, remove_volunteer_details
from sponsor_app.services.households.households import list_households
from sponsor_app.services.roster.volunteers import (
    VolunteerInput,
    archive_volunteer,
    edit_volunteer,
    list_volunteers,
)
from sponsor_app.storage.store import Store

PASSPHRASE = "kumara paddock wheelbarrow"
OPENS = 7
EDITS = 200


def _open_seconds(path: Path) -> float:
    """Open (lock, header, schema and contents checks, engine) and read the roster, closed."""
    timings = []
    for _ in range(OPENS):
        started = time.perf_counter()
        with Store.open(path) as store:
            list_volunteers(store)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _edit_ms(path: Path) -> tuple[float, float]:
    timings = []
    with Store.open(path) as store:
        volunteer = list_volunteers(store)[0]
        for n in range(EDITS):
            data = VolunteerInput(
                full_name=volunteer.full_name, roles=("volunteer",), phone=f"021 555 {n:04d}"
            )
            started = time.perf_counter()
            edit_volunteer(store, volunteer.id, data)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, statistics.quantiles(timings, n=20)[-1] * 1000


def _erase_seconds(path: Path) -> tuple[float, float]:
    """Remove one household's personal details, then a volunteer's (the one named in most
    ledger rows): the erasure change set, every text column and the whole history masked by
    the name finder, and the file written anew so no trace is left (VACUUM, the log emptied)."""
    with Store.open(path) as store:
        household = list_households(store)[0]
        started = time.perf_counter()
        remove_household_details(store, household.id)
        household_seconds = time.perf_counter() - started
        volunteer = list_volunteers(store)[0]
        archive_volunteer(store, volunteer.id)
        started = time.perf_counter()
        remove_volunteer_details(store, volunteer.id)
        return household_seconds, time.perf_counter() - started


def run(large: Path, huge: Path, folder: Path) -> list[str]:
    plain = folder / "privacy-plain.sponsor"
    protected = folder / "privacy-protected.sponsor"
    shutil.copy(large, plain)
    shutil.copy(large, protected)
    protect_file(protected, PASSPHRASE)
    forget_keys()
    started = time.perf_counter()
    unlock(protected, passphrase=PASSPHRASE)
    unlock_seconds = time.perf_counter() - started
    open_plain, open_protected = _open_seconds(plain), _open_seconds(protected)
    edit_plain, edit_plain_p95 = _edit_ms(plain)
    edit_protected, edit_protected_p95 = _edit_ms(protected)

    big = folder / "privacy-huge.sponsor"
    shutil.copy(huge, big)
    size_mb = big.stat().st_size / 1e6
    started = time.perf_counter()
    done = protect_file(big, PASSPHRASE)
    protect_seconds = time.perf_counter() - started
    started = time.perf_counter()
    unprotect_file(big)
    unprotect_seconds = time.perf_counter() - started
    forget_keys()
    erase_large = _erase_seconds(plain)
    erase_huge = _erase_seconds(big)
    return [
        f"unlock with the passphrase (PBKDF2-HMAC-SHA512, 256,000 rounds): {unlock_seconds:.3f} s",
        f"open the large demo and read its roster, median of {OPENS}: plain {open_plain:.3f} s, "
        f"protected {open_protected:.3f} s ({open_protected / open_plain:.2f}x)",
        f"one saved edit, median of {EDITS}: plain {edit_plain:.2f} ms (p95 {edit_plain_p95:.2f}), "
        f"protected {edit_protected:.2f} ms (p95 {edit_protected_p95:.2f})",
        f"protect the huge demo ({size_mb:.0f} MB, its {done.backups} backups with it): "
        f"{protect_seconds:.2f} s; unprotect: {unprotect_seconds:.2f} s",
        f"remove a household's personal details (erasure, every text column and the history "
        f"masked, file rewritten): large demo {erase_large[0]:.2f} s, huge demo "
        f"{erase_huge[0]:.2f} s; a volunteer's: {erase_large[1]:.2f} s, {erase_huge[1]:.2f} s",
    ]
