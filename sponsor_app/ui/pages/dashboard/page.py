"""Dashboard: what needs doing today first, then vetting and housing, then money and charts.

Laid out for a 1366x768 laptop: the to-do line and the task cards are in view without
scrolling, no card scrolls sideways, and each list shows its first few rows with a link to the
page that has them all (the wheel then scrolls the page, never a card). view.py lays it out,
cards.py is a card, words.py says what each card is called; this module fills them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ....services.results import DashboardFigures
from .cards import ListCard
from .view import DashboardView
from .words import DashboardWords


class DashboardPage(DashboardWords, DashboardView):
    title = "Dashboard"
    task_activated = Signal(int)
    plan_requested = Signal(str)  # "overdue" or "week": open the plan page filtered
    page_requested = Signal(str)  # a page's key: the rest of a card's list is there

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.figures: DashboardFigures | None = None
        self.to_do.linkActivated.connect(self.plan_requested.emit)
        for card in (self.overdue, self.due_soon, self.lapsed):
            card.view.activated.connect(lambda index, c=card: self._on_task_activated(c, index))
        self.overdue.more_requested.connect(lambda: self.plan_requested.emit("overdue"))
        self.due_soon.more_requested.connect(lambda: self.plan_requested.emit("week"))
        self.vetting.more_requested.connect(lambda: self.page_requested.emit("volunteers"))
        self.leases.more_requested.connect(lambda: self.page_requested.emit("housing"))
        self.lapsed.more_requested.connect(lambda: self.page_requested.emit("plan"))
        self.arrivals.more_requested.connect(lambda: self.page_requested.emit("households"))

    def _on_task_activated(self, card: ListCard, index) -> None:
        task = card.proxy.source_row(index)
        if task is not None:
            self.task_activated.emit(getattr(task, "task_id", None) or task.id)

    def refresh(self, today: date | None = None) -> None:
        from ....services.group.dashboard import (
            dashboard,  # loads SQLAlchemy: not needed for a snapshot
        )

        self.show_figures(dashboard(self.context.store, today))
        self.retention.refresh()

    def show_figures(self, figures: DashboardFigures) -> None:
        """Fill every card from computed figures (fresh, or a start-up snapshot)."""
        self.figures = figures
        self._locale = figures.locale
        self._set_words(figures)
        self.overdue.set_rows(figures.overdue)
        self.due_soon.set_rows(figures.due_soon)
        self.vetting.set_rows(figures.vetting)
        self.leases.set_rows(figures.leases)
        self.lapsed.set_rows(figures.lapsed_assignments)
        self.arrivals.set_rows(figures.arrivals)
        self.funds_label.setText(self._funds_text(figures))
        overdue, week = len(figures.overdue), figures.due_this_week
        if overdue or week:
            self.to_do.setText(
                self.tr('<a href="overdue">%n task(s) overdue</a>', "", overdue)
                + " · "
                + self.tr('<a href="week">%n due this week</a>', "", week)
            )
        else:  # two links to empty lists would only send people nowhere
            self.to_do.setText(self.tr("Nothing is overdue or due this week."))
        self.to_do.setToolTip(self.tr("Open the Settlement plan filtered to these tasks"))
        currency = figures.funds.held.currency
        if figures.ledger_months >= 2:
            self.balance_chart.set_data(figures.month_end_balances, currency, figures.locale)
            self.balance_stack.setCurrentIndex(0)
        else:
            self.balance_stack.setCurrentIndex(1)
        if any(area.total for area in figures.area_progress):
            self.area_chart.set_progress(figures.area_progress)
            self.area_stack.setCurrentIndex(0)
        else:  # no tasks: an empty chart would read "0, 0, 0, 1"
            self.area_stack.setCurrentIndex(1)
