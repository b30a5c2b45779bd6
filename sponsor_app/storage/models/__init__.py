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
    "Task",
    "TaskTemplate",
    "Tenancy",
    "TrainingRecord",
    "VettingCheck",
    "Volunteer",
    "VolunteerHours",
    "VolunteerRole",
]
