"""The Funds page's Pledges tab: each pledge expected against received, and adding, editing
and deleting one."""

from __future__ import annotations

from ....domain.text import isolate
from ....services.funds import funds as funds_service
from ....services.funds import ledger as ledger_service
from ...dialogs.funds_dialogs import PledgeDialog
from ...formatting import money, short_date
from ...models.rows_model import Column, RowsModel
from ...selection import on_selected
from ...widgets.tables import fit_columns
from .budget import OVER
from .pledges_view import PledgesView


class PledgesTab(PledgesView):
    def __init__(self, page):
        super().__init__()
        self.page = page
        loc = page.locale
        self.model = RowsModel(
            [
                Column(self.tr("Donor"), lambda p: p.donor),
                Column(self.tr("Amount"), lambda p: money(p.amount, loc()), numeric=True),
                Column(self.tr("How often"), lambda p: p.frequency),
                Column(self.tr("From"), lambda p: short_date(p.start_on, loc())),
                Column(self.tr("To"), lambda p: short_date(p.end_on, loc()) or self.tr("open")),
                Column(self.tr("Expected"), lambda p: money(p.expected, loc()), numeric=True),
                Column(self.tr("Received"), lambda p: money(p.received, loc()), numeric=True),
                Column(self.tr("Outstanding"), lambda p: money(p.outstanding, loc()), numeric=True),
                Column(
                    self.tr("State"),
                    self._pledge_state,
                    foreground=lambda p: OVER if p.outstanding.minor else None,
                ),
            ],
            self,
        )
        self.table.setModel(self.model)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _: self.edit())

    def _pledge_state(self, pledge) -> str:
        return self.tr("✖ behind") if pledge.outstanding.minor else self.tr("✔ up to date")

    def refresh(self) -> None:
        self.model.set_rows(funds_service.list_pledges(self.page.context.store))
        fit_columns(self.table)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _dialog(self, pledge=None) -> PledgeDialog:
        store, info = self.page.context.store, self.page.context.info
        return PledgeDialog(
            info.currency, info.locale, pledge, self, ledger_service.counterparties(store)
        )

    def add(self) -> None:
        self.page.edits.with_dialog(self._dialog(), self.tr("Add pledge"), funds_service.add_pledge)

    @on_selected("selected")
    def edit(self, pledge) -> None:
        self.page.edits.with_dialog(
            self._dialog(pledge),
            self.tr("Edit pledge"),
            lambda store, data: funds_service.edit_pledge(store, pledge.id, data),
        )

    @on_selected("selected")
    def delete(self, pledge) -> None:
        self.page.edits.now(
            self.tr("Delete pledge"),
            lambda store: funds_service.delete_pledge(store, pledge.id),
            removal=self.tr("Pledge from {} deleted.").format(isolate(pledge.donor)),
        )
