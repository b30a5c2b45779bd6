"""The roster table: its columns (one per vetting requirement of the programme) and its
filters (search, role, vetting, active)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ....domain.enums import VettingStatus
from ....domain.hours import format_minutes
from ....domain.vetting import SEVERITY, Requirement
from ....services.roster.volunteers import VolunteerRow
from ...models.rows_model import Column, RowsModel, RowsProxy
from ...vetting_words import badge_text, needs_text, overall_text, standing_text
from ...widgets.status import status_colour

CLEARED, NOT_YET = "cleared", "not_yet"  # the vetting filter's two summary choices


def _tr(text: str) -> str:
    return QCoreApplication.translate("VolunteersPage", text)


def vetting_filter_accepts(row: VolunteerRow, wanted: str | None) -> bool:
    """The roster's vetting filter, on the one vetting rule's result: cleared to meet the
    family or not yet; or a state any requirement is in ("Expired" lists everyone with an
    expired requirement, whatever else they lack); "Current" lists those with every
    requirement current."""
    if wanted is None:
        return True
    if wanted == CLEARED:
        return row.vetting.may_meet_family
    if wanted == NOT_YET:
        return not row.vetting.may_meet_family
    state = VettingStatus(wanted)
    if state is VettingStatus.CURRENT:
        return row.vetting.state is VettingStatus.CURRENT
    return row.vetting.has(state)


class VolunteerProxy(RowsProxy):
    """Search plus the role, vetting and active filters."""

    def __init__(self, source: RowsModel, parent=None):
        super().__init__(source, parent)
        self.role: str | None = None  # a role key
        self.status: str | None = None  # see vetting_filter_accepts
        self.active: bool | None = True

    def set_filters(self, role: str | None, status: str | None, active: bool | None) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair; older Qt only has the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.role, self.status, self.active = role, status, active
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.10
            self.role, self.status, self.active = role, status, active
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: VolunteerRow = self.sourceModel().row_at(source_row)
        if self.role is not None and self.role not in row.roles:
            return False
        if not vetting_filter_accepts(row, self.status):
            return False
        if self.active is not None and row.active is not self.active:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def _worst_date(row: VolunteerRow) -> date:
    worst = row.vetting.worst
    return (worst.on if worst is not None else row.vetting.expires_on) or date.max


def roster_columns(requirements: tuple[Requirement, ...], loc) -> list[Column]:
    """The roster's columns: the whole vetting, then one per requirement of the programme,
    then hours and contact details. `loc()` is the file's locale at the time of showing."""
    columns = [
        Column(_tr("Name"), lambda v: v.full_name),
        Column(_tr("Roles"), lambda v: v.role_labels),
        Column(
            _tr("Vetting"),
            lambda v: overall_text(v.vetting, loc()),
            sort_key=lambda v: (SEVERITY.index(v.vetting.state), _worst_date(v)),
            foreground=lambda v: status_colour(v.vetting.state),
            tooltip=lambda v: (
                needs_text(v.vetting, loc()) or _tr("Everything required is recorded and current.")
            ),
            header_tooltip=_tr(
                "The volunteer's vetting as a whole: the requirement that stands worst"
            ),
        ),
    ]
    columns += [_requirement_column(n, r, loc) for n, r in enumerate(requirements)]
    columns += [
        Column(
            _tr("Hours (month)"),
            lambda v: format_minutes(v.minutes_this_month) if v.minutes_this_month else "",
            sort_key=lambda v: v.minutes_this_month,
            numeric=True,
        ),
        Column(_tr("Active"), _active_text),
        Column(_tr("Phone"), lambda v: v.phone),
        Column(_tr("Email"), lambda v: v.email),
        Column(_tr("Languages"), lambda v: "; ".join(v.languages)),
    ]
    return columns


def _requirement_column(number: int, requirement: Requirement, loc) -> Column:
    return Column(
        requirement.heading,
        lambda v: badge_text(v.vetting.standings[number], loc()),
        sort_key=lambda v: (
            SEVERITY.index(v.vetting.standings[number].state),
            v.vetting.standings[number].on or date.max,
        ),
        foreground=lambda v: status_colour(v.vetting.standings[number].state),
        tooltip=lambda v: standing_text(v.vetting.standings[number], loc()),
        header_tooltip=requirement.label,
    )


def _active_text(row: VolunteerRow) -> str:
    if row.archived:
        return _tr("archived")
    return _tr("yes") if row.active else _tr("no")
