"""The group file: copies, the change history and reverts, passphrases, retention, subject
access."""

from __future__ import annotations

from enum import unique

from .core import Text


@unique
class Files(Text):
    # Save a Copy
    COPY_ONTO_FOLDER = "{path} is a folder: choose a file name."
    COPY_ONTO_OPEN_FILE = "Choose another name: a copy cannot replace the open file."
    COPY_INTO_BACKUPS = (
        "Choose another place: Sponsor Desk's backups folder is written by the app only."
    )
    # a subject access request's folder
    OUT_IS_A_FILE = "{path} is a file: give a folder to write into."
    OUT_EXISTS = "{path} already exists; choose a new folder or add --force to write into it."
    OUT_PARENT_MISSING = "The folder {path} does not exist."
    OUT_IN_BACKUPS = "{path} is in Sponsor Desk's backups folder; choose another place."
    # passphrases
    PASSPHRASE_TOO_SHORT = "Use at least %Ln character(s); a few words are easiest."
    TOO_EASY = "Too easy to guess: add another word or two that go together."
    TOO_EASY_BECAUSE = "Too easy to guess ({why}): add another word or two that go together."
    TOO_EASY_OWN_NAME = (
        "Too easy to guess (The group's or the file's own name is easy to guess): add another "
        "word or two that go together."
    )
    OWN_NAME_GUESSABLE = "The group's or the file's own name is easy to guess."
    PASSPHRASES_DIFFER = "The two passphrases are not the same."
    RECOVERY_CODE_MISTYPED = "That recovery code has a mistake in it: check each group of four."
    # a revert refused, and why
    ALREADY_REVERTED = (
        "Change {id} was already reverted by change {later}; revert change {later} to put it back."
    )
    CHANGED_SINCE = "{row} was changed after this; revert that first."
    CHANGED_SINCE_BY = (
        "{row} was changed after this (change {later}, “{description}”); revert that first."
    )
    WOULD_REMOVE_MORE = (
        "Reverting change {id} would also remove or change {row}, added or changed after it; "
        "revert that first."
    )
    WOULD_REMOVE_MORE_BY = (
        "Reverting change {id} would also remove or change {row}, added or changed after it "
        "(change {later}, “{description}”); revert that first."
    )
    ROW_IN_USE = "{row} is used by records added since, so it cannot be taken away."
    ROW_MISSING_REFERENCE = "{row} refers to a record removed since, so it cannot be put back."
    ROW_CLASH = "Putting {row} back would clash with a record added since."
    RECORD_ONLY = (
        "Change {id} is the record that someone was shown sensitive details; a record of who "
        "saw what cannot be taken back."
    )
    ERASURE = "Change {id} removed personal details for good; it cannot be undone."
    ERASED_SINCE = (
        "Personal details that change {id} touched were removed for good since, so it cannot "
        "be reverted."
    )
    ERASED_BY = (
        "Change {later} (“{description}”) removed personal details for good, so change {id} "
        "cannot be reverted."
    )
    CREATES_GROUP = (
        "Change {id} created the group itself; reverting it would leave a file that cannot be "
        "opened, so it cannot be reverted. Nothing was changed."
    )
    NOT_REVERTIBLE = (
        "Change {id} is a schema upgrade or was recorded before the change history began; it "
        "cannot be reverted."
    )
    NO_SUCH_CHANGE = "There is no change {id} in this file."
    # a row of the history, named for a person ("household H2", "task “Open a bank account”")
    ROW_GROUP = "the group {value}"
    ROW_HOUSEHOLD = "household {value}"
    ROW_TASK = "task “{value}”"
    ROW_CATEGORY = "category “{value}”"
    ROW_PLEDGE = "the pledge from {value}"
    ROW_TRANSACTION = "the transaction of {value}"
    ROW_CHECK_IN = "the check-in of {value}"
    ROW_TENANCY = "tenancy {value}"
    ROW_VETTING_CHECK = "a vetting check recorded on {value}"
    ROW_TRAINING = "a training record of {value}"
    ROW_HOURS = "hours logged for {value}"
    ROW_ROLE = "the role {value}"
    ROW_INSPECTION = "the inspection of {value}"
    ROW_CHECKLIST_ITEM = "checklist item “{value}”"
    ROW_BUDGET = "the budget for {value}"
    ROW_READING = "the reading of {value}"
    ROW_OTHER = "{table} {value}"


@unique
class Outputs(Text):
    """A file a person named that the one output rule (storage/outputs.py) refuses to write;
    {what} is the kind of file ("report", "export")."""

    NOTHING_WRITTEN = "{why} Nothing was written."
    IS_FOLDER = "{path} is a folder: give a name for the {what}."
    NO_FOLDER = "Cannot write {path}: the folder {folder} does not exist."
    READS_GROUP_FILE = (
        "{path} is the group file {source} this command reads; choose another name for the {what}."
    )
    READS_FILE = (
        "{path} is {source}, a file this command reads; choose another name for the {what}."
    )
    BESIDE_GROUP_FILE = (
        "{path} belongs to the group file {owner}, so it is never written over; choose another "
        "name for the {what}."
    )
    IN_BACKUPS = (
        "{path} is in Sponsor Desk's backups folder, which only the app writes; choose another "
        "place for the {what}."
    )
    GROUP_FILE_NAME = (
        "{path} ends in {suffix}, the name of a group file; choose a name that fits the {what}."
    )
    NOT_ORDINARY = "{path} is not an ordinary file; choose another name."
    IS_GROUP_FILE = (
        "{path} is a Sponsor Desk group file (or a backup of one), so it is never written over; "
        "choose another name for the {what}."
    )
    EXISTS = "{path} already exists; choose another name or add --force to replace it."
    APPEARED = "{path} appeared while it was being written; choose another name."
    CANNOT_WRITE = "Cannot write {path}: {reason}."
    DEAD_LINK = "{path} is a link that leads nowhere."
