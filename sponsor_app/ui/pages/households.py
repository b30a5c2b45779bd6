"""Households page: the families the group welcomes, and their members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Topic
from ...domain.text import isolate
from ...services.households import households as service
from ...services.households.households import HouseholdInput, HouseholdRow, MemberRow
from ..dialogs.household_dialog import HouseholdDialog
from ..dialogs.member_dialog import MemberDialog
from ..formatting import short_date
from ..models.rows_model import Column, RowsModel, RowsProxy
from ..selection import on_selected
from ..widgets.confirm import Role, confirmed
from ..widgets.tables import fit_columns, make_table
from .base import Page, empty_state


def household_columns(page: HouseholdsPage) -> list[Column]:
    loc = page.locale
    return [
        Column(page.tr("Code"), lambda h: h.code),
        Column(page.tr("Family"), lambda h: h.family_name),
        Column(page.tr("Town or suburb"), lambda h: h.town),
        Column(
            page.tr("Arrival"),
            lambda h: (
                short_date(h.arrival_date, loc())
                + (
                    ""
                    if h.arrival_confirmed or not h.arrival_date
                    else " " + page.tr("(expected)")  # said, not an unexplained "?"
                )
            ),
            sort_key=lambda h: h.arrival_date,
            tooltip=lambda h: (
                page.tr("confirmed") if h.arrival_confirmed else page.tr("expected, not confirmed")
            ),
        ),
        Column(page.tr("People"), lambda h: str(h.size), sort_key=lambda h: h.size, numeric=True),
        Column(
            page.tr("Tasks done"),
            lambda h: f"{h.tasks_done} / {h.tasks_total}",
            sort_key=lambda h: h.tasks_done / h.tasks_total if h.tasks_total else 0,
            numeric=True,
        ),
        Column(page.tr("Languages"), lambda h: h.languages),
        Column(
            page.tr("State"), lambda h: page.tr("archived") if h.archived else page.tr("active")
        ),
    ]


def member_columns(page: HouseholdsPage) -> list[Column]:
    loc = page.locale
    return [
        Column(page.tr("Name"), lambda m: m.full_name),
        Column(page.tr("Relationship"), lambda m: m.relationship_to_principal),
        Column(
            page.tr("Born"),
            lambda m: short_date(m.date_of_birth, loc()),
            sort_key=lambda m: m.date_of_birth,
        ),
        Column(page.tr("Principal"), lambda m: page.tr("yes") if m.is_principal else ""),
        Column(
            page.tr("Sensitive details"),
            lambda m: page.tr("held (hidden)") if m.has_sensitive_details else "",
            tooltip=lambda m: (
                page.tr("Health or immigration notes: open the member to show them")
                if m.has_sensitive_details
                else ""
            ),
        ),
    ]


class HouseholdsPage(Page):
    title = "Households"
    watches = frozenset({Topic.HOUSEHOLDS, Topic.TASKS})

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.households = RowsModel(household_columns(self), self)
        self.proxy = RowsProxy(self.households, self)
        self.members = RowsModel(member_columns(self), self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._bar())
        layout.addWidget(self._tables(), 1)
        self._keys_and_actions()

    def _keys_and_actions(self) -> None:
        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self.search.setFocus),
                (
                    self.tr("Add household"),
                    QKeySequence("Ctrl+Shift+N"),
                    self.add_household,
                    self.add_button,
                ),
                (
                    self.tr("Edit household"),
                    QKeySequence("F2"),
                    self.edit_household,
                    self.edit_button,
                ),
                (
                    self.tr("Archive household"),
                    QKeySequence.StandardKey.Delete,
                    self.archive_household,
                    self.archive_button,
                ),
                (
                    self.tr("Delete household permanently"),
                    QKeySequence("Shift+Delete"),
                    self.delete_household,
                    self.delete_button,
                ),
                (
                    self.tr("Add member"),
                    QKeySequence("Ctrl+Shift+M"),
                    self.add_member,
                    self.add_member_button,
                ),
            )
        )
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_archived.toggled.connect(lambda _: self.refresh_now())
        self.table.doubleClicked.connect(lambda _: self.edit_household())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_members())
        self.edit_member_button.clicked.connect(self.edit_member)
        self.member_table.doubleClicked.connect(lambda _: self.edit_member())
        self.archive_member_button.clicked.connect(self.archive_member)

    def _bar(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search households (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search households"))
        self.search.setClearButtonEnabled(True)
        self.show_archived = QCheckBox(self.tr("Show a&rchived"))
        self.add_button = QPushButton(self.tr("&Add household…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("Arc&hive"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setToolTip(
            self.tr(
                "Remove the household and its plan for good (Shift+Delete); Undo brings it back"
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)
        for button in (self.add_button, self.edit_button, self.archive_button, self.delete_button):
            bar.addWidget(button)
        return bar

    def _tables(self) -> QSplitter:
        self.table = make_table(self.tr("Households"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(
            empty_state(
                self.tr(
                    "No households yet. Add the family you are preparing for with “Add household…”."
                )
            )
        )
        self.members_label = QLabel()
        self.member_table = make_table(self.tr("Members"), sortable=False)  # principal first
        self.member_table.setModel(self.members)
        self.add_member_button = QPushButton(self.tr("Add &member…"))
        self.edit_member_button = QPushButton(self.tr("Edit member…"))
        self.archive_member_button = QPushButton(self.tr("Archive member"))
        member_bar = QHBoxLayout()
        member_bar.addWidget(self.members_label, 1)
        for button in (self.add_member_button, self.edit_member_button, self.archive_member_button):
            member_bar.addWidget(button)
        members_box = QWidget()
        members_layout = QVBoxLayout(members_box)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addLayout(member_bar)
        members_layout.addWidget(self.member_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table_stack)
        splitter.addWidget(members_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_household()
        rows = service.list_households(
            self.context.store, include_archived=self.show_archived.isChecked()
        )
        self.households.set_rows(rows)
        self.table_stack.setCurrentIndex(0 if rows else 1)
        fit_columns(self.table)
        self.select_household(selected.id if selected else (rows[0].id if rows else None))
        self._load_members()

    def select_household(self, household_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.source_row(self.proxy.index(row, 0)).id == household_id:
                self.table.selectRow(row)
                return

    def selected_household(self) -> HouseholdRow | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index) if index.isValid() else None

    def selected_member(self) -> MemberRow | None:
        index = self.member_table.currentIndex()
        return self.members.row_at(index.row()) if index.isValid() else None

    def _load_members(self) -> None:
        household = self.selected_household()
        has_household = household is not None
        for widget in (
            self.edit_button,
            self.archive_button,
            self.delete_button,
            self.add_member_button,
        ):
            widget.setEnabled(has_household)
        if household is None:
            self.members.set_rows([])
            self.members_label.setText(self.tr("Select a household to see its members."))
            return
        self.archive_button.setText(
            self.tr("Rest&ore") if household.archived else self.tr("Arc&hive")
        )
        members = service.list_members(self.context.store, household.id)
        self.members.set_rows(members)
        fit_columns(self.member_table)
        self.members_label.setText(
            self.tr("<b>Members of {}</b>").format(household.code)
            if members
            else self.tr("<b>{}</b> has no members yet: add the principal applicant first.").format(
                household.code
            )
        )

    # --- writing (each one undoable) ------------------------------------------------------
    def add_household(self) -> None:
        store = self.context.store
        self.edits.with_dialog(
            HouseholdDialog(service.next_household_code(store), parent=self),
            lambda data: self.tr("Add household {}").format(data.code.strip().upper()),
            lambda store, data: service.add_household(store, data).id,
            then=self.select_household,
        )

    @on_selected("selected_household")
    def edit_household(self, current) -> None:
        self.edits.with_dialog(
            HouseholdDialog("", current, parent=self),
            self.tr("Edit household {}").format(current.code),
            lambda store, chosen: service.edit_household(
                store, current.id, chosen[0], move_open_tasks=chosen[1]
            ),
            confirm=lambda data: self._ask_to_move_tasks(current, data),
        )

    def _ask_to_move_tasks(self, current: HouseholdRow, data: HouseholdInput):
        """When the arrival moves, whether its open tasks' due dates move with it: (the form's
        value, move them?), or None when the person cancels (the form stays open)."""
        if data.arrival_date == current.arrival_date or data.arrival_date is None:
            return data, False
        if current.arrival_date is None:
            return data, True  # undated tasks simply take their dates from the new arrival
        count = service.open_task_count(self.context.store, current.id)
        if not count:
            return data, False
        days = (data.arrival_date - current.arrival_date).days
        moved = (
            self.tr("The arrival moved %n day(s) later.", "", days)
            if days > 0
            else self.tr("The arrival moved %n day(s) earlier.", "", -days)
        )
        answer = QMessageBox.question(
            self,
            self.tr("Arrival date changed"),
            moved
            + " "
            + self.tr("Move the due dates of its %n open task(s) by as much?", "", count),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return data, answer == QMessageBox.StandardButton.Yes

    @on_selected("selected_household")
    def archive_household(self, current) -> None:
        archive = not current.archived
        text = self.tr("Archive household {}") if archive else self.tr("Restore household {}")
        self.edits.now(
            text.format(current.code),
            lambda store: service.archive_household(store, current.id, archive),
            removal=self.tr("Household {} archived.").format(current.code) if archive else None,
        )

    @on_selected("selected_household")
    def delete_household(self, current) -> None:
        """A hard delete, asked first: archiving is the usual way to put a household away."""
        if not confirmed(
            self,
            self.tr("Delete household {}").format(current.code),
            self.tr(
                "Delete household {} for good, with its members, its %n settlement task(s), its "
                "check-ins and indicator readings? Its transactions and hours stay in the books "
                "without the link.\n\nArchive keeps it out of sight instead. Edit ▸ Undo "
                "(Ctrl+Z) brings a deleted household back with everything it had.",
                "",
                current.tasks_total,
            ).format(current.code),
            self.tr("&Delete for good"),
            Role.DestructiveRole,
        ):
            return
        self.edits.now(
            self.tr("Delete household {}").format(current.code),
            lambda store: service.delete_household(store, current.id),
            removal=self.tr("Household {} deleted.").format(current.code),
        )

    def _principal_name(self) -> str | None:
        return next((m.full_name for m in self.members.rows() if m.is_principal), None)

    @on_selected("selected_household")
    def add_member(self, household) -> None:
        self.edits.with_dialog(
            MemberDialog(household.code, parent=self, principal=self._principal_name()),
            self.tr("Add member to {}").format(household.code),
            lambda store, data: service.add_member(store, household.id, data).id,
        )

    def edit_member(self) -> None:
        household, member = self.selected_household(), self.selected_member()
        if household is None or member is None:
            return
        store = self.context.store
        dialog = MemberDialog(household.code, member, parent=self, principal=self._principal_name())
        dialog.reveal_callback = lambda: service.show_sensitive_details(store, member.id)
        self.edits.with_dialog(
            dialog,
            self.tr("Edit member {}").format(isolate(member.full_name)),
            lambda store, data: service.edit_member(store, member.id, data),
        )

    @on_selected("selected_member")
    def archive_member(self, member) -> None:
        self.edits.now(
            self.tr("Archive member {}").format(isolate(member.full_name)),
            lambda store: service.archive_member(store, member.id, True),
            removal=self.tr("{} archived.").format(isolate(member.full_name)),
        )
