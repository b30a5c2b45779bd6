"""The dashboard's layout: the to-do line, the task cards, vetting and housing, then money and
charts, in a page that scrolls (never a card). Widgets only; page.py fills them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....domain.enums import TaskKind
from ...formatting import days_from_arrival, lease_ending, overdue_by, short_date
from ...models.rows_model import Column
from ...vetting_words import needs_text, overall_text, state_text
from ...widgets.charts import AreaProgressChart, BalanceChart
from ...widgets.status import status_colour
from ..base import Page, empty_state, page_header
from .cards import ListCard, _lapsed_what


class DashboardView(Page):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._locale = "en_NZ"
        loc = lambda: self._locale  # noqa: E731 - columns read the open group's locale
        self._task_cards(loc)
        self._people_cards(loc)
        self._money_cards()
        self._layout()

    def _task_cards(self, loc) -> None:
        def task_text(t) -> str:
            return (self.tr("Check-in: ") if t.kind is TaskKind.MEETING else "") + t.title

        task_columns = [
            Column(self.tr("When"), lambda t: overdue_by(t.days_overdue), sort_key=lambda t: t.due_on,
                   tooltip=lambda t: short_date(t.due_on, loc())),
            Column(self.tr("Household"), lambda t: t.household_code),
            Column(self.tr("Task"), task_text, tooltip=task_text),
            Column(self.tr("Who"), lambda t: t.assignee or self.tr("nobody yet")),
        ]  # fmt: skip
        more = self.tr("and {} more on the Settlement plan")
        self.overdue = ListCard(self.tr("Overdue tasks"), task_columns, more, stretch=2)
        self.due_soon = ListCard(self.tr("Due soon"), task_columns, more, stretch=2)

    def _people_cards(self, loc) -> None:
        self.vetting = ListCard(
            self.tr("Vetting expired or expiring"),
            [
                Column(self.tr("Volunteer"), lambda v: v.name),
                Column(
                    self.tr("Vetting"),
                    lambda v: overall_text(v.vetting, loc()),
                    foreground=lambda v: status_colour(v.vetting_status),
                    tooltip=lambda v: needs_text(v.vetting, loc()),
                ),
            ],
            self.tr("and {} more on the Volunteers page"),
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
            self.tr("and {} more on the Housing page"),
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
            self.tr("and {} more on the Settlement plan"),
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
            self.tr("and {} more on the Households page"),
            stretch=2,
        )

    def _money_cards(self) -> None:
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

    def _layout(self) -> None:
        self.header = page_header(self.tr("Dashboard"), "")
        self.to_do = QLabel()
        self.to_do.setAccessibleName(self.tr("What needs doing"))
        self.to_do.setTextFormat(Qt.TextFormat.RichText)
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
        from ..retention_card import RetentionCard  # shown only when details are due for removal

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
