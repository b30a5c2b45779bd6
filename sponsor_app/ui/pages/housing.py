"""Housing page: properties, their tenancies, inspections and the move-in checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Topic
from ...services.households import housing as service
from ...services.households.households import list_households
from ..dialogs.housing_dialogs import InspectionDialog, PropertyDialog, TenancyDialog
from ..formatting import lease_ending, money, short_date
from ..models.rows_model import Column, RowsModel, RowsProxy
from ..widgets.tables import fit_columns, make_table
from .base import Page, empty_state


def _buttons(*pairs) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    made = []
    for text, slot in pairs:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    return row, made


class HousingPage(Page):
    title = "Housing"
    watches = frozenset({Topic.PROPERTIES, Topic.TENANCIES, Topic.HOUSEHOLDS})

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        loc = self.locale
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setAccessibleName(self.tr("Housing warnings"))

        self.properties = RowsModel(
            [
                Column(self.tr("Address"), lambda p: p.address),
                Column(self.tr("Town or suburb"), lambda p: p.town),
                Column(self.tr("Type"), lambda p: p.kind),
                Column(
                    self.tr("Bedrooms"),
                    lambda p: str(p.bedrooms),
                    sort_key=lambda p: p.bedrooms,
                    numeric=True,
                ),
                Column(self.tr("Landlord"), lambda p: p.landlord),
                Column(self.tr("Household"), lambda p: p.current_household),
            ],
            self,
        )
        self.property_proxy = RowsProxy(self.properties, self)
        self.property_table = make_table(self.tr("Properties"))
        self.property_table.setModel(self.property_proxy)
        self.property_empty = empty_state(
            self.tr("No properties yet. Add the home you are securing with “Add property…”.")
        )

        self.tenancies = RowsModel(
            [
                Column(self.tr("Household"), lambda t: t.household_code or self.tr("(none)")),
                Column(self.tr("Status"), lambda t: t.status.label),
                Column(
                    self.tr("Lease start"),
                    lambda t: short_date(t.lease_start, loc()),
                    sort_key=lambda t: t.lease_start,
                ),
                Column(
                    self.tr("Lease end"),
                    lambda t: short_date(t.lease_end, loc()) or self.tr("open"),
                    sort_key=lambda t: t.lease_end,
                ),
                Column(
                    self.tr("Rent"),
                    lambda t: f"{money(t.rent, loc())} {t.rent_frequency.label.lower()}",
                    numeric=True,
                ),
                Column(self.tr("Group pays"), lambda t: money(t.group_share, loc()), numeric=True),
                Column(
                    self.tr("Household pays"),
                    lambda t: money(t.household_share, loc()),
                    numeric=True,
                ),
                Column(self.tr("Bond"), lambda t: money(t.bond, loc()), numeric=True),
                Column(
                    self.tr("Move-in"),
                    lambda t: f"{t.move_in_done}/{t.move_in_total}",
                    numeric=True,
                ),
                Column(
                    self.tr("Next inspection"), lambda t: short_date(t.next_inspection_due, loc())
                ),
            ],
            self,
        )
        self.tenancy_table = make_table(self.tr("Tenancies"), sortable=False)
        self.tenancy_table.setModel(self.tenancies)

        self.inspections = RowsModel(
            [
                Column(self.tr("Date"), lambda i: short_date(i.inspected_on, loc())),
                Column(self.tr("Kind"), lambda i: i.kind.capitalize()),
                Column(
                    self.tr("Result"), lambda i: ("✔ " if i.result == "pass" else "⚠ ") + i.result
                ),
                Column(self.tr("Issues"), lambda i: i.issues),
                Column(self.tr("Follow-up"), lambda i: i.follow_up),
                Column(self.tr("Next due"), lambda i: short_date(i.next_due, loc())),
            ],
            self,
        )
        self.inspection_table = make_table(self.tr("Inspections"), sortable=False)
        self.inspection_table.setModel(self.inspections)
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(self.tr("Move-in checklist"))
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m done"))

        (
            property_bar,
            (self.add_property_button, self.edit_property_button, self.archive_property_button),
        ) = _buttons(
            (self.tr("Add &property…"), self.add_property),
            (self.tr("&Edit property…"), self.edit_property),
            (self.tr("Arc&hive property"), self.archive_property),
        )
        tenancy_bar, (self.add_tenancy_button, self.edit_tenancy_button) = _buttons(
            (self.tr("Add &tenancy…"), self.add_tenancy),
            (self.tr("Edit te&nancy…"), self.edit_tenancy),
        )
        inspection_bar, (self.add_inspection_button, self.edit_inspection_button, _) = _buttons(
            (self.tr("Record &inspection…"), self.add_inspection),
            (self.tr("Edit inspection…"), self.edit_inspection),
            (self.tr("Delete inspection"), self.delete_inspection),
        )
        checklist_bar, (self.add_item_button, _) = _buttons(
            (self.tr("Add item…"), self.add_checklist_item),
            (self.tr("Remove item"), self.remove_checklist_item),
        )
        for bar in (property_bar, tenancy_bar, inspection_bar, checklist_bar):
            bar.insertStretch(0, 1)

        properties_box = QWidget()
        box = QVBoxLayout(properties_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(property_bar)
        box.addWidget(self.property_table)
        box.addWidget(self.property_empty)
        tenancies_box = QWidget()
        box = QVBoxLayout(tenancies_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.tenancy_label = QLabel()
        tenancy_bar.insertWidget(0, self.tenancy_label)
        box.addLayout(tenancy_bar)
        box.addWidget(self.tenancy_table)
        self.tabs = QTabWidget()
        inspections_tab = QWidget()
        box = QVBoxLayout(inspections_tab)
        box.addLayout(inspection_bar)
        box.addWidget(self.inspection_table)
        checklist_tab = QWidget()
        box = QVBoxLayout(checklist_tab)
        box.addLayout(checklist_bar)
        box.addWidget(self.progress)
        box.addWidget(self.checklist)
        self.tabs.addTab(inspections_tab, self.tr("Inspections"))
        self.tabs.addTab(checklist_tab, self.tr("Move-in checklist"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (properties_box, tenancies_box, self.tabs):
            splitter.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

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
        store = self.context.store
        dialog = PropertyDialog(parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add property {}").format(data.address.strip()),
            lambda: service.add_property(store, data).id,
        )
        dialog.exec()

    def edit_property(self) -> None:
        prop = self.selected_property()
        if prop is None:
            return
        store = self.context.store
        dialog = PropertyDialog(prop, parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit property {}").format(prop.address),
            lambda: service.edit_property(store, prop.id, data),
        )
        dialog.exec()

    def archive_property(self) -> None:
        prop = self.selected_property()
        if prop is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Archive property {}").format(prop.address),
            lambda: service.archive_property(store, prop.id, True),
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
        store = self.context.store
        dialog = self._tenancy_dialog()
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add tenancy"), lambda: service.add_tenancy(store, data)
        )
        dialog.exec()

    def edit_tenancy(self) -> None:
        tenancy = self.selected_tenancy()
        if tenancy is None:
            return
        store = self.context.store
        dialog = self._tenancy_dialog(tenancy)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit tenancy"), lambda: service.edit_tenancy(store, tenancy.id, data)
        )
        dialog.exec()

    def add_inspection(self) -> None:
        tenancy = self.selected_tenancy()
        if tenancy is None:
            return
        store = self.context.store
        dialog = InspectionDialog(tenancy.id, self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Record inspection"), lambda: service.add_inspection(store, data)
        )
        dialog.exec()

    def edit_inspection(self) -> None:
        index = self.inspection_table.currentIndex()
        if not index.isValid():
            return
        row = self.inspections.row_at(index.row())
        store = self.context.store
        dialog = InspectionDialog(row.tenancy_id, self, row)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit inspection"), lambda: service.edit_inspection(store, row.id, data)
        )
        dialog.exec()

    def delete_inspection(self) -> None:
        index = self.inspection_table.currentIndex()
        if not index.isValid():
            return
        row = self.inspections.row_at(index.row())
        store = self.context.store
        self.context.execute(
            self.tr("Delete inspection"),
            lambda: service.delete_inspection(store, row.id),
            removal=self.tr("Inspection deleted."),
        )

    def _on_checklist_item_changed(self, item: QListWidgetItem) -> None:
        store = self.context.store
        item_id = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        self.context.execute(
            self.tr("Tick “{}”").format(item.text())
            if done
            else self.tr("Untick “{}”").format(item.text()),
            lambda: service.set_move_in_done(store, item_id, done),
        )

    def add_checklist_item(self) -> None:
        tenancy = self.selected_tenancy()
        if tenancy is None:
            return
        label, ok = QInputDialog.getText(
            self, self.tr("Add to the checklist"), self.tr("What needs doing?")
        )
        if ok and label.strip():
            store = self.context.store
            self.context.execute(
                self.tr("Add “{}”").format(label.strip()),
                lambda: service.add_move_in_item(store, tenancy.id, label),
            )

    def remove_checklist_item(self) -> None:
        item = self.checklist.currentItem()
        tenancy = self.selected_tenancy()
        if item is None or tenancy is None:
            return
        store = self.context.store
        # Read everything now: the list is rebuilt after the removal and `item` goes with it.
        item_id, label = item.data(Qt.ItemDataRole.UserRole), item.text()
        self.context.execute(
            self.tr("Remove “{}”").format(label),
            lambda: service.remove_move_in_item(store, item_id),
            removal=self.tr("“{}” removed from the checklist.").format(label),
        )
