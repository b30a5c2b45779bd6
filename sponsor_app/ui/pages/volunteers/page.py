"""Volunteers page: the roster with vetting at a glance, and each person's checks and hours.
This module says what happens on the roster's actions; view.py lays the page out, roster.py
gives the roster its columns and filters, details.py the volunteer's tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from ....domain.changes import Topic
from ....domain.text import isolate
from ....domain.vetting import Requirement
from ....services.imports.fields import ImportKind
from ....services.roster import volunteers as service
from ....services.roster.roles import list_roles
from ....services.roster.volunteers import VolunteerRow
from ...dialogs.roles_dialog import RolesDialog
from ...dialogs.volunteer_dialogs import VolunteerDialog
from ...importing import ImportsFiles
from ...models.rows_model import RowsModel
from ...selection import on_selected
from ...widgets.tables import fit_columns
from .details import VolunteerDetails
from .roles import RoleActions
from .roster import VolunteerProxy, roster_columns
from .view import VolunteersView


class VolunteersPage(ImportsFiles, VolunteersView):
    imports = ImportKind.VOLUNTEERS
    title = "Volunteers"
    watches = frozenset({Topic.VOLUNTEERS, Topic.ROLES, Topic.HOUSEHOLDS})

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._requirements: tuple[Requirement, ...] = ()
        self.model = RowsModel(roster_columns(self._requirements, self.locale), self)
        self.proxy = VolunteerProxy(self.model, self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.details = VolunteerDetails(self)
        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self.search.setFocus),
                (
                    self.tr("Add volunteer"),
                    QKeySequence("Ctrl+Shift+N"),
                    self.add_volunteer,
                    self.add_button,
                ),
                (
                    self.tr("Edit volunteer"),
                    QKeySequence("F2"),
                    self.edit_volunteer,
                    self.edit_button,
                ),
                (
                    self.tr("Archive volunteer"),
                    QKeySequence.StandardKey.Delete,
                    self.archive_volunteer,
                    self.archive_button,
                ),
                (self.tr("Log hours"), QKeySequence("Ctrl+Shift+H"), self.details.log_hours),
            )
        )
        self.search.textChanged.connect(self._on_filter_changed)
        for combo in self.filter_combos():
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.roles_button.clicked.connect(self.manage_roles)
        self.table.doubleClicked.connect(lambda _: self.edit_volunteer())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_details())

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        self._fill_role_filter()
        store = self.context.store
        rows = service.list_volunteers(store, include_archived=True)
        requirements = service.vetting_requirements(store)
        if requirements != self._requirements:  # another programme's file
            self._requirements = requirements
            self.model.set_columns(roster_columns(requirements, self.locale), rows)
        else:
            self.model.set_rows(rows)
        self.table_stack.setCurrentIndex(0 if rows else 1)
        fit_columns(self.table, max_width=260)
        self._select(selected.id if selected else None)
        self._update_count()
        self._load_details()

    def _fill_role_filter(self) -> None:
        """The group's roles, which it may have renamed, added or retired since."""
        current = self.role_filter.currentData()
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem(self.tr("All roles"), None)
        for role in list_roles(self.context.store):
            label = self.tr("{} (retired)").format(role.name) if role.retired else role.name
            self.role_filter.addItem(label, role.key)
        self.role_filter.setCurrentIndex(max(0, self.role_filter.findData(current)))
        self.role_filter.blockSignals(False)
        if self.role_filter.currentData() != current:
            self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        self.proxy.setFilterFixedString(self.search.text())
        # Qt hands StrEnum item data back as plain str: turn the status back into the enum.
        role, status = self.role_filter.currentData(), self.status_filter.currentData()
        self.proxy.set_filters(role or None, status or None, self.active_filter.currentData())
        self._update_count()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._load_details()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        lapsed = sum(1 for r in self.model.rows() if r.active and not r.vetting.may_meet_family)
        words = self.tr("{} of %n volunteer(s) shown.", "", total).format(shown)
        if lapsed:
            words += " " + self.tr(
                "Vetting is not current for %n active volunteer(s): they cannot meet the family "
                "yet.",
                "",
                lapsed,
            )
        self.count_label.setText(words)

    def _select(self, volunteer_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.source_row(self.proxy.index(row, 0)).id == volunteer_id:
                self.table.selectRow(row)
                return
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def selected(self) -> VolunteerRow | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index) if index.isValid() else None

    def _load_details(self) -> None:
        volunteer = self.selected()
        for widget in (self.edit_button, self.archive_button, self.tabs):
            widget.setEnabled(volunteer is not None)
        if volunteer is not None:
            self.archive_button.setText(
                self.tr("Rest&ore") if volunteer.archived else self.tr("Arc&hive")
            )
        self.details.show(volunteer)

    # --- the volunteer ----------------------------------------------------------------------
    def _dialog(self, current: VolunteerRow | None = None) -> VolunteerDialog:
        store = self.context.store
        return VolunteerDialog(
            service.requirements_for_new(store),
            current,
            parent=self,
            roles=list_roles(store),
            locale=self.locale(),
        )

    def add_volunteer(self) -> None:
        dialog = self._dialog()
        dialog.check_role("volunteer")
        self.edits.with_dialog(
            dialog,
            lambda data: self.tr("Add volunteer {}").format(isolate(data.full_name.strip())),
            lambda store, data: service.add_volunteer(store, data).id,
            then=self._select,
        )

    @on_selected("selected")
    def edit_volunteer(self, current) -> None:
        self.edits.with_dialog(
            self._dialog(current),
            self.tr("Edit volunteer {}").format(isolate(current.full_name)),
            lambda store, data: service.edit_volunteer(store, current.id, data),
        )

    @on_selected("selected")
    def archive_volunteer(self, current) -> None:
        archive = not current.archived
        text = self.tr("Archive volunteer {}") if archive else self.tr("Restore volunteer {}")
        self.edits.now(
            text.format(isolate(current.full_name)),
            lambda store: service.archive_volunteer(store, current.id, archive),
            removal=self.tr("{} archived.").format(isolate(current.full_name)) if archive else None,
        )

    def manage_roles(self) -> None:
        RolesDialog(RoleActions(self), self).exec()
