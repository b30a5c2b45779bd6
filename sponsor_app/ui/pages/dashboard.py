"""Dashboard: what needs doing now, whose vetting lapses, money against the requirement."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import VettingStatus
from ...services.results import DashboardFigures
from ..formatting import (
    days_from_arrival,
    lease_ending,
    money,
    overdue_by,
    requirement_basis,
    short_date,
)
from ..models.rows_model import Column, RowsModel, RowsProxy
from ..widgets.charts import AreaProgressChart, BalanceChart
from ..widgets.status import status_colour, status_text
from ..widgets.tables import fit_columns, make_table
from .base import Page, empty_state


class ListCard(QGroupBox):
    """A titled card holding a table, or a sentence when the table would be empty."""

    def __init__(
        self, title: str, columns: list[Column], empty_text: str, parent: QWidget | None = None
    ):
        super().__init__(title, parent)
        self.base_title = title
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self.model, self)
        self.view: QTableView = make_table(title, sortable=False)
        self.view.setModel(self.proxy)
        self.view.setMinimumHeight(150)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.empty = empty_state(empty_text)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def set_words(self, title: str, empty_text: str) -> None:
        """Titles that carry the group's own warning window ("due in the next 14 days")."""
        self.base_title = title
        self.empty.setText(empty_text)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.stack.setCurrentIndex(0 if rows else 1)
        fit_columns(self.view)
        self.setTitle(f"{self.base_title} ({len(rows)})")


class DashboardPage(Page):
    title = "Dashboard"
    task_activated = Signal(int)
    plan_requested = Signal(str)  # "overdue" or "week": open the plan page filtered

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.figures: DashboardFigures | None = None
        self._locale = "en_NZ"
        loc = lambda: self._locale  # noqa: E731 - columns read the open group's locale

        task_columns = [
            Column(
                self.tr("Due"), lambda t: short_date(t.due_on, loc()), sort_key=lambda t: t.due_on
            ),
            Column(self.tr("When"), lambda t: overdue_by(t.days_overdue)),
            Column(self.tr("Household"), lambda t: t.household_code),
            Column(self.tr("Task"), lambda t: t.title),
            Column(self.tr("Assigned to"), lambda t: t.assignee or self.tr("nobody")),
        ]
        self.overdue = ListCard(
            self.tr("Overdue tasks"), task_columns, self.tr("Nothing is overdue. Well done.")
        )
        self.due_soon = ListCard(self.tr("Due soon"), task_columns, "")
        self.vetting = ListCard(
            self.tr("Vetting expired or expiring"),
            [
                Column(self.tr("Volunteer"), lambda v: v.name),
                Column(
                    self.tr("Status"),
                    lambda v: (
                        ("✖ " if v.status is VettingStatus.EXPIRED else "⚠ ") + v.status.label
                    ),
                ),
                Column(
                    self.tr("Expires"),
                    lambda v: short_date(v.expires_on, loc()),
                    sort_key=lambda v: v.expires_on,
                ),
            ],
            "",
        )
        self.leases = ListCard(
            self.tr("Leases ending"),
            [
                Column(self.tr("Household"), lambda lease: lease.household_code),
                Column(self.tr("Address"), lambda lease: lease.address),
                Column(self.tr("Lease ends"), lambda lease: short_date(lease.lease_end, loc())),
                Column(
                    self.tr("When"),
                    lambda lease: lease_ending(lease.days_left),
                    sort_key=lambda lease: lease.days_left,
                ),
            ],
            "",
        )
        self.arrivals = ListCard(
            self.tr("Households"),
            [
                Column(self.tr("Household"), lambda a: a.code),
                Column(
                    self.tr("Arrival"),
                    lambda a: short_date(a.arrival_date, loc()) or self.tr("not set"),
                ),
                Column(self.tr("Days"), lambda a: days_from_arrival(a.days_since)),
            ],
            self.tr(
                "No households yet: add the family you are preparing for on the Households page (Ctrl+2)."
            ),
        )
        self.arrivals.view.setMaximumHeight(170)
        self.lapsed = ListCard(
            self.tr("Family-facing tasks whose volunteer's vetting lapsed"),
            [
                Column(
                    self.tr("Due"),
                    lambda t: short_date(t.due_on, loc()),
                    sort_key=lambda t: t.due_on,
                ),
                Column(self.tr("Household"), lambda t: t.household_code),
                Column(self.tr("Task"), lambda t: t.title),
                Column(self.tr("Volunteer"), lambda t: t.volunteer),
                Column(
                    self.tr("Vetting"),
                    lambda t: status_text(t.vetting_status),
                    foreground=lambda t: status_colour(t.vetting_status),
                ),
            ],
            self.tr("Every family-facing task is with a volunteer whose vetting is current."),
        )
        self.funds_card = QGroupBox(self.tr("Funds against the programme requirement"))
        self.funds_label = QLabel()
        self.funds_label.setWordWrap(True)
        self.funds_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.funds_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.funds_card).addWidget(self.funds_label)
        self.balance_chart = BalanceChart()
        self.area_chart = AreaProgressChart()

        self.to_do = QLabel()
        self.to_do.setAccessibleName(self.tr("What needs doing"))
        self.to_do.setTextFormat(Qt.TextFormat.RichText)
        self.to_do.linkActivated.connect(self.plan_requested.emit)
        self.to_do.setStyleSheet("font-size: 11pt; padding: 4px 2px;")

        grid = QGridLayout()
        grid.addWidget(self.funds_card, 0, 0)
        grid.addWidget(self.arrivals, 0, 1)
        grid.addWidget(self.balance_chart, 1, 0)
        grid.addWidget(self.area_chart, 1, 1)
        grid.addWidget(self.overdue, 2, 0)
        grid.addWidget(self.due_soon, 2, 1)
        grid.addWidget(self.vetting, 3, 0)
        grid.addWidget(self.leases, 3, 1)
        grid.addWidget(self.lapsed, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 0)
        layout.addWidget(self.to_do)
        layout.addWidget(scroll)

        for card in (self.overdue, self.due_soon, self.lapsed):
            card.view.activated.connect(lambda index, c=card: self._on_task_activated(c, index))

    def _on_task_activated(self, card: ListCard, index) -> None:
        task = card.proxy.source_row(index)
        if task is not None:
            self.task_activated.emit(getattr(task, "task_id", None) or task.id)

    def refresh(self, today: date | None = None) -> None:
        from ...services.dashboard import (
            dashboard,
        )  # loads SQLAlchemy: not needed to paint a snapshot

        self.show_figures(dashboard(self.context.store, today))

    def show_figures(self, figures: DashboardFigures) -> None:
        """Fill every card from computed figures (fresh, or a start-up snapshot)."""
        self.figures = figures
        self._locale = figures.locale
        windows = figures.windows
        self.due_soon.set_words(
            self.tr("Due in the next {} days").format(windows.due_soon_days),
            self.tr(
                "Nothing falls due in the next {} days. The Settlement plan page shows what "
                "comes later."
            ).format(windows.due_soon_days),
        )
        self.vetting.set_words(
            self.tr("Vetting expired or expiring within {} days").format(windows.vetting_days),
            self.tr("Every active volunteer's vetting is current for at least {} days.").format(
                windows.vetting_days
            ),
        )
        self.leases.set_words(
            self.tr("Leases ending within {} days, or ended").format(windows.lease_days),
            self.tr("No lease ends in the next {} days.").format(windows.lease_days),
        )
        self.overdue.set_rows(figures.overdue)
        self.due_soon.set_rows(figures.due_soon)
        self.vetting.set_rows(figures.vetting)
        self.leases.set_rows(figures.leases)
        self.lapsed.set_rows(figures.lapsed_assignments)
        self.arrivals.set_rows(figures.arrivals)
        self.funds_label.setText(self._funds_text(figures))
        overdue, week = len(figures.overdue), figures.due_this_week
        self.to_do.setText(
            self.tr('<a href="overdue">%n task(s) overdue</a>', "", overdue)
            + " · "
            + self.tr('<a href="week">%n due this week</a>', "", week)
        )
        self.to_do.setToolTip(self.tr("Open the Settlement plan filtered to these tasks"))
        currency = figures.funds.held.currency
        self.balance_chart.set_data(figures.month_end_balances, currency)
        self.area_chart.set_progress(figures.area_progress)

    def _funds_text(self, figures: DashboardFigures) -> str:
        funds, rent, locale = figures.funds, figures.rent, figures.locale
        requirement = funds.requirement
        lines = [
            self.tr("<b>Balance held:</b> {}").format(money(funds.held, locale)),
            self.tr("<b>Required:</b> {} ({})").format(
                money(requirement.required, locale), requirement_basis(requirement)
            ),
        ]
        if requirement.cash_required is not None:
            lines.append(
                self.tr("<b>Of which in cash:</b> {}").format(
                    money(requirement.cash_required, locale)
                )
            )
        if requirement.required.minor == 0:
            lines.append(
                self.tr("No requirement yet: set a budget on the Funds page to compare against.")
            )
        elif funds.met:
            lines.append(self.tr("✔ Requirement met."))
        else:
            lines.append(self.tr("✖ Short by <b>{}</b>.").format(money(funds.shortfall, locale)))
        if rent.expected.minor or rent.paid.minor:
            behind = (
                self.tr(" (✖ {} behind)").format(money(rent.behind, locale))
                if rent.behind.minor
                else ""
            )
            lines.append(
                self.tr("<b>Rent:</b> {} due to date, {} paid{}").format(
                    money(rent.expected, locale), money(rent.paid, locale), behind
                )
            )
        return "<br>".join(lines)
