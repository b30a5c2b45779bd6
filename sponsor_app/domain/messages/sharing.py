"""Sharing a group file between laptops, through a shared folder or a PostgreSQL hub (issue 22):
what a folder, a hub or a record refuses (storage/sync/transport.SyncCode, one code each), and
what a sync run says."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Sharing(Text):
    # a folder, a hub or a record refused (SyncCode, by name)
    TAMPERED = (
        "{where} was changed or damaged after it was written (it fails its authentication); "
        "nothing of it was applied."
    )
    CUT_SHORT = (
        "{where} is cut short (still being copied, or written to a full disk); nothing of it "
        "was applied."
    )
    FOREIGN_GROUP = "{where} belongs to another group; nothing of it was applied."
    OTHER_KEY = (
        "{where} is sealed with another sharing key of this group (sharing was started again on "
        "another laptop): copy the group file from a laptop that shares now."
    )
    OTHER_GENESIS = (
        "{where} already shares this group from another copy; copy the file from one of its "
        "laptops."
    )
    MISPLACED = (
        "{where} holds a record filed under another laptop or number (moved or replayed); "
        "nothing of it was applied."
    )
    NEWER_SCHEMA = (
        "{where} was written by a newer Sponsor Desk; update this laptop's Sponsor Desk to read it."
    )
    HUB_NEWER = (
        "The hub at {where} was set up by a newer Sponsor Desk; update this laptop's Sponsor Desk."
    )
    NOT_A_HUB = (
        "{where} holds no Sponsor Desk hub: run “sponsor-app hub init” with its administrator's "
        "URL first."
    )
    NOT_A_GROUP = (
        "The URL's user is no group of the hub at {where}: use the URL that “sponsor-app hub "
        "add-group” printed."
    )
    ADMIN_URL = (
        "{where} is the hub administrator's URL: a laptop uses its group's URL, printed by "
        "“sponsor-app hub add-group”."
    )
    BAD_URL = (
        "{where} is not a PostgreSQL connection URL (write it as postgresql://USER@HOST/DATABASE)."
    )
    UNREACHABLE = "The hub at {where} could not be reached; nothing was lost."
    AUTH = (
        "The hub at {where} refused the user or password; check the URL, PGPASSWORD or the "
        "password file."
    )
    FOLDER_UNWRITABLE = (
        "Sponsor Desk cannot write in {where}: it is read-only (a write-protected disk, or a "
        "folder you may not change); nothing was lost."
    )
    FOLDER_FULL = (
        "The disk holding {where} is full: free some space, then sync again; nothing was lost."
    )
    FOLDER_MISSING = (
        "{where} is not there (a disk not plugged in, or a folder that was moved); nothing was "
        "lost."
    )
    FOLDER_HOLDS_FILE = (
        "{where} holds the group file itself: share through another folder, and keep the group "
        "file on this laptop."
    )
    # a sync run (services/sharing)
    NOT_SHARED = (
        "{path} is not shared yet: share it first (File > Sharing > Share this file, or "
        "sponsor-app sync)."
    )
    ALREADY_SHARED = "{path} is already shared; sync it instead of sharing it again."
    PLAIN_FILE = (
        "{path} is not protected with a passphrase: what travels is encrypted, but anyone who "
        "gets a copy of the file can read it and join. Protect it (sponsor-app protect) before "
        "copying it to another laptop."
    )
    NOT_A_FOLDER = "{where} is a file, not a folder: give the folder to share through."
    FOLDER_IS_FILE = (
        "{where} is the group file itself: give a folder to share through (a USB stick, a "
        "network drive, a folder a cloud service syncs)."
    )
    STARTED = "Started sharing {path} (this laptop is its first)."
    SYNCED = "Synced {path} with {where}."
    SYNC_CANCELLED = "The sync was stopped; what it had exchanged so far is kept."
    PUSHED = "Sent %Ln change set(s)."
    APPLIED = "Received %Ln change set(s)."
    WAITING = (
        "%Ln change set(s) wait for earlier ones that have not arrived yet; a later sync applies "
        "them."
    )
    NEWER = (
        "%Ln change set(s) come from a newer Sponsor Desk and wait: update this laptop's Sponsor "
        "Desk to apply them."
    )
    CONFLICTS = "%Ln conflict(s) to decide in the window (Edit > Conflicts)."
    REMINTED = (
        "This file is an older copy of one that already synced here: it took a new identity "
        "before sending anything, so nothing was overwritten."
    )
