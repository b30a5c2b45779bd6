"""Every table of a group file. Import models from here."""

from .audit import AuditEntry, ChangeKind, ChangeSet
from .base import Base
from .group import GroupProfile, Household, HouseholdMember
from .housing import Inspection, MoveInItem, Property, Tenancy
from .ledger import Budget, LedgerCategory, LedgerTransaction, Pledge
from .people import TrainingRecord, VettingCheck, Volunteer, VolunteerHours, VolunteerRole
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
    "ChangeKind",
    "ChangeSet",
    "CheckIn",
    "CheckInVolunteer",
    "Goal",
    "GoalReview",
    "GroupProfile",
    "Household",
    "HouseholdMember",
    "IndicatorReading",
    "Inspection",
    "LedgerCategory",
    "LedgerTransaction",
    "MoveInItem",
    "Pledge",
    "Property",
    "ReportNarrative",
    "Task",
    "TaskTemplate",
    "Tenancy",
    "TrainingRecord",
    "VettingCheck",
    "Volunteer",
    "VolunteerHours",
    "VolunteerRole",
]
