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

    @property
    def label(self) -> str:
        return QCoreApplication.translate("pages", self.title)

    def build(self, context: GroupContext) -> Page:
        if not self.module:
            return ComingPage(context, self.label, QCoreApplication.translate("pages", self.coming))
        module = importlib.import_module(f"sponsor_app.ui.pages.{self.module}")
        return getattr(module, self.class_name)(context)


PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", "Dashboard", "dashboard", "DashboardPage"),
    PageEntry("households", "Households", "households", "HouseholdsPage"),
    PageEntry("plan", "Settlement plan", "plan", "PlanPage"),
    PageEntry("volunteers", "Volunteers", "volunteers", "VolunteersPage"),
    PageEntry("housing", "Housing", "housing", "HousingPage"),
    PageEntry("funds", "Funds", "funds", "FundsPage"),
    PageEntry("reports", "Reports", "reports", "ReportsPage"),
)


def index_of(key: str) -> int:
    return next(n for n, entry in enumerate(PAGES) if entry.key == key)
