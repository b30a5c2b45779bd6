"""The pages of the main window, in navigation order: one entry each, one place to add one.

Pages other than the dashboard are imported when first built: their modules load SQLAlchemy,
which start-up does not need to paint the dashboard.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..context import GroupContext
from .base import ComingPage, Page


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str  # English; shown through translate()
    module: str  # under sponsor_app.ui.pages; "" for a page still to come
    class_name: str = ""
    coming: str = ""  # what a page still to come will hold
    icon: str = ""  # in resources/icons
    about: str = ""  # the line under the page's name: what it holds (English; translated)

    @property
    def label(self) -> str:
        return QCoreApplication.translate("pages", self.title)

    @property
    def subtitle(self) -> str:
        return QCoreApplication.translate("pages", self.about) if self.about else ""

    def build(self, context: GroupContext) -> Page:
        if not self.module:
            return ComingPage(context, self.label, QCoreApplication.translate("pages", self.coming))
        module = importlib.import_module(f"sponsor_app.ui.pages.{self.module}")
        return getattr(module, self.class_name)(context)


PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", "Dashboard", "dashboard", "DashboardPage", icon="layout-dashboard"),
    PageEntry(
        "households",
        "Households",
        "households",
        "HouseholdsPage",
        icon="hand-heart",
        about="The families the group welcomes, their members and arrival dates",
    ),
    PageEntry(
        "plan",
        "Settlement plan",
        "plan",
        "PlanPage",
        icon="list-checks",
        about="Each household's tasks, check-ins, goals and indicators",
    ),
    PageEntry(
        "volunteers",
        "Volunteers",
        "volunteers",
        "VolunteersPage",
        icon="users",
        about="The roster: roles, vetting and training, hours given",
    ),
    PageEntry(
        "housing",
        "Housing",
        "housing",
        "HousingPage",
        icon="house",
        about="Homes, tenancies, inspections and the move-in checklist",
    ),
    PageEntry(
        "funds",
        "Funds",
        "funds",
        "FundsPage",
        icon="wallet",
        about="The ledger, budgets, pledges and where the money goes",
    ),
    PageEntry(
        "reports",
        "Reports",
        "reports",
        "ReportsPage",
        icon="file-text",
        about="PDF reports for the evaluation, the books, the roster and housing",
    ),
)


def index_of(key: str) -> int:
    return next(n for n, entry in enumerate(PAGES) if entry.key == key)
