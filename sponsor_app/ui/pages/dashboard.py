"""Dashboard: what needs doing today first, then vetting and housing, then money and charts.

Laid out for a 1366x768 laptop: the to-do line and the task cards are in view without
scrolling, no card scrolls sideways, and each list shows its first few rows with a link to the
page that has them all (the wheel then scrolls the page, never a card).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TaskKind
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
from ..vetting_words import needs_text, overall_text, state_text
from ..widgets.charts import AreaProgressChart, BalanceChart
from ..widgets.status import status_colour
from ..widgets.tables import make_table
from .base import Page, empty_state, page_header

ROWS_SHOWN = 6


class ListCard(QGroupBox):
    """A titled card with a table of its first rows (sized to them: no scroll bars), a link to
    the rest, or a sentence when there is nothing to list."""

    more_requested = Signal()

    def __init__(
        self,
        title: str,
        columns: list[Column],
        empty_text: str,
        stretch: int,
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        self.base_title = title
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self.model, self)
        self.view: QTableView = make_table(title, sortable=False)
        self.view.setModel(self.proxy)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(columns)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.viewport().installEventFilter(self)
        self.more = QLabel()
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.linkActivated.connect(lambda _: self.more_requested.emit())
        self.more.hide()
        table_box = QWidget()
        column = QVBoxLayout(table_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        column.addWidget(self.more)
        column.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(table_box)
        self.empty = empty_state(empty_text)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def eventFilter(self, watched, event) -> bool:
        """The wheel over a card scrolls the dashboard: the card shows all its rows, so a
        table would only have scrolled sideways, or swallowed the turn."""
        if event.type() == QEvent.Type.Wheel:
            owner = self.parentWidget()
            while owner is not None and not isinstance(owner, QScrollArea):
                owner = owner.parentWidget()
            if owner is not None:
                QApplication.sendEvent(owner.viewport(), event)
                return True
        return super().eventFilter(watched, event)

    def set_words(self, title: str, empty_text: str, more_text: str = "") -> None:
        self.base_title = title
        self.empty.setText(empty_text)
        self._more_text = more_text

    def set_rows(self, rows) -> None:
        rows = list(rows)
        self.total = len(rows)
        self.model.set_rows(rows[:ROWS_SHOWN])
        self.stack.setCurrentIndex(0 if rows else 1)
        hidden = len(rows) - ROWS_SHOWN
        more = getattr(self, "_more_text", "")
        self.more.setVisible(hidden > 0 and bool(more))
        if hidden > 0 and more:
            self.more.setText(f'<a href="more">{more.format(hidden)}</a>')
        shown = min(len(rows), ROWS_SHOWN)
        height = (
            self.view.horizontalHeader().height()
            + shown * self.view.verticalHeader().defaultSectionSize()
        )
        self.view.setFixedHeight(height + 2 * self.view.frameWidth())
        self.setTitle(f"{self.base_title} ({len(rows)})")


def _lapsed_what(item) -> str:
    """A task's title, or the check-in it was ("Visit on 3 May 2026")."""
    if item.check_in_id is None:
        return item.title
    return QCoreApplication.translate("dashboard", "Check-in ({}) held {}").format(
        item.check_in_kind.label.lower() if item.check_in_kind else "", short_date(item.due_on)
    )


class DashboardPage(Page):
    title = "Dashboard"
    task_activated = Signal(int)
    plan_requested = Signal(str)  # "overdue" or "week": open the plan page filtered
    page_requested = Signal(str)  # a page's key: the rest of a card's list is there

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.figures: DashboardFigures | None = None
        self._locale = "en_NZ"
        loc = lambda: self._locale  # noqa: E731 - columns read the open group's locale

        def task_text(t) -> str:
            return (self.tr("Check-in: ") if t.kind is TaskKind.MEETING else "") + t.title

        task_columns = [
            Column(self.tr("When"), lambda t: overdue_by(t.days_overdue), sort_key=lambda t: t.due_on,
                   tooltip=lambda t: short_date(t.due_on, loc())),
            Column(self.tr("Household"), lambda t: t.household_code),
            Column(self.tr("Task"), task_text, tooltip=task_text),
            Column(self.tr("Who"), lambda t: t.assignee or self.tr("nobody yet")),
        ]  # fmt: skip
        self.overdue = ListCard(self.tr("Overdue tasks"), task_columns, "", stretch=2)
        self.due_soon = ListCard(self.tr("Due soon"), task_columns, "", stretch=2)
        self.vetting = ListCard(
            self.tr("Vetting expired or expiring"),
            [
                Column(self.tr("Volunteer"), lambda v: v.name),
                Column(
                    self.tr("Vetting"),
                    lambda v: overall_text(v.vetting, loc()),
                    foreground=lambda v: status_colour(v.status),
                    tooltip=lambda v: needs_text(v.vetting, loc()),
                ),
            ],
            "",
            stretch=2,
        )
        self.leases = ListCard(
            self.tr("Leases ending"),
            [
                Column(self.tr("Household"), lambda lease: lease.household_code),
                Column(self.tr("Address"), lambda lease: lease.address),
                Column(
                    self.tr("When"),
                    lambda lease: lease_ending(lease.days_left),
                    tooltip=lambda lease: short_date(lease.lease_end, loc()),
                ),
            ],
            "",
            stretch=1,
        )
        self.lapsed = ListCard(
            self.tr("Family-facing work without current vetting"),
            [
                Column(self.tr("Household"), lambda t: t.household_code),
                Column(self.tr("Task or check-in"), _lapsed_what, tooltip=_lapsed_what),
                Column(self.tr("Volunteer"), lambda t: t.volunteer),
                Column(
                    self.tr("Vetting"),
                    lambda t: state_text(t.vetting_status),
                    foreground=lambda t: status_colour(t.vetting_status),
                ),
            ],
            "",
            stretch=1,
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
                "No households yet: add the family you are preparing for on the Households "
                "page (Ctrl+2)."
            ),
            stretch=2,
        )
        self.funds_card = QGroupBox(self.tr("Funds against the programme requirement"))
        self.funds_label = QLabel()
        self.funds_label.setWordWrap(True)
        self.funds_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.funds_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.funds_card).addWidget(self.funds_label)
        self.balance_chart = BalanceChart()
        self.balance_empty = empty_state(
            self.tr(
                "The month-end balance appears here once there are two months of transactions "
                "(Funds page, Ctrl+6)."
            )
        )
        self.balance_stack = QStackedWidget()
        self.balance_stack.addWidget(self.balance_chart)
        self.balance_stack.addWidget(self.balance_empty)
        self.area_chart = AreaProgressChart()
        self.area_empty = empty_state(
            self.tr("Progress by outcome area appears here once a household has its plan.")
        )
        self.area_stack = QStackedWidget()
        self.area_stack.addWidget(self.area_chart)
        self.area_stack.addWidget(self.area_empty)

        self.header = page_header(self.tr("Dashboard"), "")
        self.to_do = QLabel()
        self.to_do.setAccessibleName(self.tr("What needs doing"))
        self.to_do.setTextFormat(Qt.TextFormat.RichText)
        self.to_do.linkActivated.connect(self.plan_requested.emit)
        self.to_do.setStyleSheet("font-size: 11pt; padding: 2px 2px 6px 2px;")

        grid = QGridLayout()
        grid.addWidget(self.overdue, 0, 0, 1, 3)
        grid.addWidget(self.due_soon, 0, 3, 1, 3)
        grid.addWidget(self.vetting, 1, 0, 1, 2)
        grid.addWidget(self.leases, 1, 2, 1, 2)
        grid.addWidget(self.lapsed, 1, 4, 1, 2)
        grid.addWidget(self.funds_card, 2, 0, 1, 2)
        grid.addWidget(self.arrivals, 2, 2, 1, 2)
        grid.addWidget(self.area_stack, 2, 4, 1, 2)
        grid.addWidget(self.balance_stack, 3, 0, 1, 6)
        from .retention import RetentionCard  # shown only when details are due for removal

        self.retention = RetentionCard(self.context)
        grid.addWidget(self.retention, 4, 0, 1, 6)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.to_do)
        column.addLayout(grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 0)
        layout.addWidget(self.header)
        layout.addWidget(scroll)

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
        from ...services.group.dashboard import (
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

    def _set_words(self, figures: DashboardFigures) -> None:
        """Titles carry the group's own warning windows; an empty card says what is true and
        what to do first, never more than it knows."""
        windows, households = figures.windows, len(figures.arrivals)
        no_tasks = self.tr(
            "No settlement tasks yet: add a household with its arrival date (Households page, "
            "Ctrl+2) and its plan is laid out."
        )
        self.overdue.set_words(
            self.tr("Overdue tasks"),
            self.tr("Nothing is overdue.") if households else no_tasks,
            self.tr("and {} more on the Settlement plan"),
        )
        self.due_soon.set_words(
            self.tr("Due in the next %n day(s)", "", windows.due_soon_days),
            self.tr(
                "Nothing falls due in the next %n day(s); the Settlement plan (Ctrl+3) shows "
                "what comes later.",
                "",
                windows.due_soon_days,
            )
            if households
            else no_tasks,
            self.tr("and {} more on the Settlement plan"),
        )
        self.vetting.set_words(
            self.tr("Vetting not current, or expiring within %n day(s)", "", windows.vetting_days),
            self.tr(
                "Every active volunteer's vetting is current for at least %n day(s).",
                "",
                windows.vetting_days,
            )
            if figures.active_volunteers
            else self.tr(
                "No volunteers yet: add them, with their police vetting, on the Volunteers page "
                "(Ctrl+4)."
            ),
            self.tr("and {} more on the Volunteers page"),
        )
        self.leases.set_words(
            self.tr("Leases ending within %n day(s), or ended", "", windows.lease_days),
            self.tr("No lease ends in the next %n day(s).", "", windows.lease_days)
            if figures.live_tenancies
            else self.tr(
                "No home secured yet: record the property and its lease on the Housing page "
                "(Ctrl+5)."
            ),
            self.tr("and {} more on the Housing page"),
        )
        self.lapsed.set_words(
            self.tr("Family-facing work without current vetting"),
            self.tr(
                "Every family-facing task with a volunteer has one whose vetting is current, and "
                "every visit and meeting was held by volunteers cleared on the day."
            )
            if figures.family_facing_assigned or figures.lapsed_assignments
            else self.tr(
                "No family-facing task has a volunteer yet: assign them on the Settlement plan "
                "(Ctrl+3); only volunteers with current vetting can take them."
            ),
            self.tr("and {} more on the Settlement plan"),
        )
        self.arrivals.set_words(
            self.tr("Households"),
            self.tr(
                "No households yet: add the family you are preparing for on the Households "
                "page (Ctrl+2)."
            ),
            self.tr("and {} more on the Households page"),
        )
        self.header.set_subtitle(
            self.tr("What needs doing today, as on {}").format(
                short_date(figures.today, figures.locale)
            )
        )

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
