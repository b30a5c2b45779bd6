"""The Housing page's tables: properties, tenancies and inspections, in the file's locale
(`loc()` is read each time a cell is shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...formatting import money, short_date
from ...models.rows_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("HousingPage", text)


def property_columns() -> list[Column]:
    return [
        Column(_tr("Address"), lambda p: p.address),
        Column(_tr("Town or suburb"), lambda p: p.town),
        Column(_tr("Type"), lambda p: p.kind),
        Column(
            _tr("Bedrooms"), lambda p: str(p.bedrooms), sort_key=lambda p: p.bedrooms, numeric=True
        ),
        Column(_tr("Landlord"), lambda p: p.landlord),
        Column(_tr("Household"), lambda p: p.current_household),
    ]


def tenancy_columns(loc) -> list[Column]:
    return [
        Column(_tr("Household"), lambda t: t.household_code or _tr("(none)")),
        Column(_tr("Status"), lambda t: t.status.label),
        Column(
            _tr("Lease start"),
            lambda t: short_date(t.lease_start, loc()),
            sort_key=lambda t: t.lease_start,
        ),
        Column(
            _tr("Lease end"),
            lambda t: short_date(t.lease_end, loc()) or _tr("open"),
            sort_key=lambda t: t.lease_end,
        ),
        Column(
            _tr("Rent"),
            lambda t: f"{money(t.rent, loc())} {t.rent_frequency.label.lower()}",
            numeric=True,
        ),
        Column(_tr("Group pays"), lambda t: money(t.group_share, loc()), numeric=True),
        Column(_tr("Household pays"), lambda t: money(t.household_share, loc()), numeric=True),
        Column(_tr("Bond"), lambda t: money(t.bond, loc()), numeric=True),
        Column(_tr("Move-in"), lambda t: f"{t.move_in_done}/{t.move_in_total}", numeric=True),
        Column(_tr("Next inspection"), lambda t: short_date(t.next_inspection_due, loc())),
    ]


def inspection_columns(loc) -> list[Column]:
    return [
        Column(_tr("Date"), lambda i: short_date(i.inspected_on, loc())),
        Column(_tr("Kind"), lambda i: i.kind.capitalize()),
        Column(_tr("Result"), lambda i: ("✔ " if i.result == "pass" else "⚠ ") + i.result),
        Column(_tr("Issues"), lambda i: i.issues),
        Column(_tr("Follow-up"), lambda i: i.follow_up),
        Column(_tr("Next due"), lambda i: short_date(i.next_due, loc())),
    ]
