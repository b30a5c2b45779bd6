"""Every table of a group file. Import models from here."""

from .audit import AuditEntry, ChangeKind, ChangeSet
from .base import Base
from .group import GroupProfile, Household, HouseholdMember
from .housing import Inspection, MoveInItem, Property, Tenancy
from .ledger import (
    Budget,
    CategoryRule,
    ImportMapping,
    LedgerCategory,
    LedgerTransaction,
    Pledge,
)
from .people import Role, TrainingRecord, VettingCheck, Volunteer, VolunteerHours, VolunteerRole
from .plan import (
    CheckIn,
    CheckInVolunteer,
    Goal,
    GoalReview,
    IndicatorReading,
    Task,
    TaskTemplate,
)
from .reports import ReportNarrative
from .sync import (
    SyncChannel,
    SyncConflict,
    SyncField,
    SyncGroup,
    SyncIdCounter,
    SyncReplica,
    SyncRow,
    SyncVector,
)

# Ids are never reused (schema 0012): every table keyed by one integer id counts with
# AUTOINCREMENT, so a deleted row's id is never given to a new one and undoing the delete
# puts it back under its own id.
for _table in Base.metadata.tables.values():
    _key = list(_table.primary_key.columns)
    if len(_key) == 1 and _key[0].name == "id":
        _table.dialect_options["sqlite"]["autoincrement"] = True

__all__ = [
    "AuditEntry",
    "Base",
    "Budget",
    "CategoryRule",
    "ChangeKind",
    "ChangeSet",
    "CheckIn",
    "CheckInVolunteer",
    "Goal",
    "GoalReview",
    "GroupProfile",
    "Household",
    "HouseholdMember",
    "ImportMapping",
    "IndicatorReading",
    "Inspection",
    "LedgerCategory",
    "LedgerTransaction",
    "MoveInItem",
    "Pledge",
    "Property",
    "ReportNarrative",
    "Role",
    "SyncChannel",
    "SyncConflict",
    "SyncField",
    "SyncGroup",
    "SyncIdCounter",
    "SyncReplica",
    "SyncRow",
    "SyncVector",
    "Task",
    "TaskTemplate",
    "Tenancy",
    "TrainingRecord",
    "VettingCheck",
    "Volunteer",
    "VolunteerHours",
    "VolunteerRole",
]
