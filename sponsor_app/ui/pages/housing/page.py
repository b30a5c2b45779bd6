"""Housing page: properties, their tenancies, inspections and the move-in checklist. This
module says what happens; view.py lays the page out and columns.py gives its tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QListWidgetItem, QWidget

from ....domain.changes import Topic
from ....services.households import housing as service
from ....services.households.households import list_households
from ...dialogs.housing_dialogs import InspectionDialog, PropertyDialog, TenancyDialog
from ...formatting import lease_ending, short_date
from ...models.rows_model import RowsModel, RowsProxy
from ...selection import on_selected
from ...widgets.tables import fit_columns
from .columns import inspection_columns, property_columns, tenancy_columns
from .view import HousingView


class HousingPage(HousingView):
    title = "Housing"
    watches = frozenset({Topic.PROPERTIES, Topic.TENANCIES, Topic.HOUSEHOLDS})

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.properties = RowsModel(property_columns(), self)
        self.property_proxy = RowsProxy(self.properties, self)
        self.property_table.setModel(self.property_proxy)
        self.tenancies = RowsModel(tenancy_columns(self.locale), self)
        self.tenancy_table.setModel(self.tenancies)
        self.inspections = RowsModel(inspection_columns(self.locale), self)
        self.inspection_table.setModel(self.inspections)
        for button, slot in (
            (self.add_property_button, self.add_property),
            (self.edit_property_button, self.edit_property),
            (self.archive_property_button, self.archive_property),
            (self.add_tenancy_button, self.add_tenancy),
            (self.edit_tenancy_button, self.edit_tenancy),
            (self.add_inspection_button, self.add_inspection),
            (self.edit_inspection_button, self.edit_inspection),
            (self.delete_inspection_button, self.delete_inspection),
            (self.add_item_button, self.add_checklist_item),
            (self.remove_item_button, self.remove_checklist_item),
        ):
            button.clicked.connect(slot)
        self.property_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._load_tenancies()
        )
        self.tenancy_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._load_tenancy_details()
        )
        self.property_table.doubleClicked.connect(lambda _: self.edit_property())
        self.tenancy_table.doubleClicked.connect(lambda _: self.edit_tenancy())
        self.inspection_table.doubleClicked.connect(lambda _: self.edit_inspection())
        self.checklist.itemChanged.connect(self._on_checklist_item_changed)

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    # --- reading ------------------------------------------------------------------------
    def _warning_text(self, warning) -> str:
        day = short_date(warning.due_on, self.locale())
        match warning.kind:
            case "lease_ending":
                return self.tr("The lease at {} {} ({}).").format(
                    warning.address, lease_ending(warning.days_left), day
                )
            case "inspection_overdue":
                return self.tr("An inspection at {} was due on {}.").format(warning.address, day)
            case "arrival_without_home":
                return self.tr("{} arrives on {} and has no secured tenancy.").format(
                    warning.household_code, day
                )
            case _:
                return self.tr(
                    "{}'s housing is not covered from {} (the programme asks for %n month(s) "
                    "from arrival).",
                    "",
                    warning.months,
                ).format(warning.household_code, day)

    def refresh(self) -> None:
        store = self.context.store
        warnings = service.housing_warnings(store)
        self.warnings.setText(
            "<b>"
            + self.tr("Needs attention:")
            + "</b><br>"
            + "<br>".join(f"⚠ {self._warning_text(w)}" for w in warnings)
            if warnings
            else self.tr(
                "✔ No housing warnings: leases, inspections and the programme's housing period are covered."
            )
        )
        selected = self.selected_property()
        rows = service.list_properties(store)
        self.properties.set_rows(rows)
        self.property_table.setVisible(bool(rows))
        self.property_empty.setVisible(not rows)
        fit_columns(self.property_table)
        self._select(self.property_table, self.property_proxy, selected.id if selected else None)
        self._load_tenancies()

    @staticmethod
    def _select(view, proxy, row_id) -> None:
        for row in range(proxy.rowCount()):
            if proxy.source_row(proxy.index(row, 0)).id == row_id:
                view.selectRow(row)
                return
        if proxy.rowCount():
            view.selectRow(0)

    def selected_property(self):
        index = self.property_table.currentIndex()
        return self.property_proxy.source_row(index) if index.isValid() else None

    def selected_tenancy(self):
        index = self.tenancy_table.currentIndex()
        return self.tenancies.row_at(index.row()) if index.isValid() else None

    def _load_tenancies(self) -> None:
        prop = self.selected_property()
        for button in (
            self.edit_property_button,
            self.archive_property_button,
            self.add_tenancy_button,
        ):
            button.setEnabled(prop is not None)
        rows = service.list_tenancies(self.context.store, prop.id) if prop else []
        self.tenancies.set_rows(rows)
        fit_columns(self.tenancy_table)
        self.tenancy_label.setText(
            self.tr("<b>Tenancies at {}</b>").format(prop.address)
            if prop
            else self.tr("Select a property.")
        )
        if rows:
            self.tenancy_table.selectRow(len(rows) - 1)  # the latest lease
        self._load_tenancy_details()

    def _load_tenancy_details(self) -> None:
        tenancy = self.selected_tenancy()
        self.tabs.setEnabled(tenancy is not None)
        self.edit_tenancy_button.setEnabled(tenancy is not None)
        store = self.context.store
        self.inspections.set_rows(service.list_inspections(store, tenancy.id) if tenancy else [])
        fit_columns(self.inspection_table)
        items = service.list_move_in(store, tenancy.id) if tenancy else []
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for item in items:
            entry = QListWidgetItem(item.label)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            self.checklist.addItem(entry)
        self.checklist.blockSignals(False)
        self.progress.setRange(0, max(len(items), 1))
        self.progress.setValue(sum(1 for i in items if i.done))

    # --- properties -----------------------------------------------------------------------
    def add_property(self) -> None:
        self.edits.with_dialog(
            PropertyDialog(parent=self),
            lambda data: self.tr("Add property {}").format(data.address.strip()),
            lambda store, data: service.add_property(store, data).id,
        )

    @on_selected("selected_property")
    def edit_property(self, prop) -> None:
        self.edits.with_dialog(
            PropertyDialog(prop, parent=self),
            self.tr("Edit property {}").format(prop.address),
            lambda store, data: service.edit_property(store, prop.id, data),
        )

    @on_selected("selected_property")
    def archive_property(self, prop) -> None:
        self.edits.now(
            self.tr("Archive property {}").format(prop.address),
            lambda store: service.archive_property(store, prop.id, True),
            removal=self.tr("{} archived.").format(prop.address),
        )

    # --- tenancies, inspections, checklist ------------------------------------------------
    def _tenancy_dialog(self, row=None) -> TenancyDialog:
        info = self.context.info
        households = [(h.id, h.code) for h in list_households(self.context.store)]
        return TenancyDialog(
            self.selected_property().id, info.currency, info.locale, households, row, self
        )

    def add_tenancy(self) -> None:
        if self.selected_property() is None:
            return
        self.edits.with_dialog(self._tenancy_dialog(), self.tr("Add tenancy"), service.add_tenancy)

    @on_selected("selected_tenancy")
    def edit_tenancy(self, tenancy) -> None:
        self.edits.with_dialog(
            self._tenancy_dialog(tenancy),
            self.tr("Edit tenancy"),
            lambda store, data: service.edit_tenancy(store, tenancy.id, data),
        )

    def selected_inspection(self):
        index = self.inspection_table.currentIndex()
        return self.inspections.row_at(index.row()) if index.isValid() else None

    @on_selected("selected_tenancy")
    def add_inspection(self, tenancy) -> None:
        self.edits.with_dialog(
            InspectionDialog(tenancy.id, self), self.tr("Record inspection"), service.add_inspection
        )

    @on_selected("selected_inspection")
    def edit_inspection(self, row) -> None:
        self.edits.with_dialog(
            InspectionDialog(row.tenancy_id, self, row),
            self.tr("Edit inspection"),
            lambda store, data: service.edit_inspection(store, row.id, data),
        )

    @on_selected("selected_inspection")
    def delete_inspection(self, row) -> None:
        self.edits.now(
            self.tr("Delete inspection"),
            lambda store: service.delete_inspection(store, row.id),
            removal=self.tr("Inspection deleted."),
        )

    def _on_checklist_item_changed(self, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        self.edits.now(
            self.tr("Tick “{}”").format(item.text())
            if done
            else self.tr("Untick “{}”").format(item.text()),
            lambda store: service.set_move_in_done(store, item_id, done),
        )

    @on_selected("selected_tenancy")
    def add_checklist_item(self, tenancy) -> None:
        label, ok = QInputDialog.getText(
            self, self.tr("Add to the checklist"), self.tr("What needs doing?")
        )
        if ok and label.strip():
            self.edits.now(
                self.tr("Add “{}”").format(label.strip()),
                lambda store: service.add_move_in_item(store, tenancy.id, label),
            )

    def remove_checklist_item(self) -> None:
        item = self.checklist.currentItem()
        tenancy = self.selected_tenancy()
        if item is None or tenancy is None:
            return
        # Read everything now: the list is rebuilt after the removal and `item` goes with it.
        item_id, label = item.data(Qt.ItemDataRole.UserRole), item.text()
        self.edits.now(
            self.tr("Remove “{}”").format(label),
            lambda store: service.remove_move_in_item(store, item_id),
            removal=self.tr("“{}” removed from the checklist.").format(label),
        )
