"""Volunteers page: the roster with vetting at a glance, and each person's checks and hours."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.changes import Topic
from ...domain.enums import VettingStatus
from ...domain.hours import format_minutes
from ...domain.periods import Period, add_months
from ...domain.text import isolate
from ...domain.vetting import SEVERITY, Requirement
from ...services.households.households import list_households
from ...services.imports.fields import ImportKind
from ...services.roster import hours as hours_service
from ...services.roster import roles as roles_service
from ...services.roster import vetting as vetting_service
from ...services.roster import volunteers as service
from ...services.roster.roles import list_roles
from ...services.roster.volunteers import VolunteerInput, VolunteerRow
from ..dialogs.roles_dialog import RolesDialog
from ..dialogs.volunteer_dialogs import CheckDialog, HoursDialog, TrainingDialog, VolunteerDialog
from ..files import export_with_dialog
from ..formatting import month_label, short_date
from ..importing import choose_source, import_with_preview
from ..models.rows_model import Column, RowsModel, RowsProxy
from ..vetting_words import badge_text, needs_text, overall_text, standing_text, state_text
from ..widgets.status import status_colour
from ..widgets.tables import fit_columns, make_table
from .base import Page, empty_state


class _RoleActions:
    """What the roles dialog may do, each step undoable through the context."""

    def __init__(self, page: VolunteersPage):
        self.page = page

    def list(self):
        return roles_service.list_roles(self.page.context.store)

    def _do(self, text: str, action, removal: str | None = None) -> None:
        self.page.context.execute(text, action, removal=removal)

    def add(self, name: str) -> None:
        store = self.page.context.store
        self._do(
            self.page.tr("Add role {}").format(name.strip()),
            lambda: roles_service.add_role(store, name).id,
        )

    def rename(self, role_id: int, name: str) -> None:
        store = self.page.context.store
        self._do(
            self.page.tr("Rename role to {}").format(name.strip()),
            lambda: roles_service.rename_role(store, role_id, name),
        )

    def retire(self, role_id: int, retired: bool) -> None:
        store = self.page.context.store
        self._do(
            self.page.tr("Retire role") if retired else self.page.tr("Bring back role"),
            lambda: roles_service.retire_role(store, role_id, retired),
            removal=self.page.tr("Role retired.") if retired else None,
        )

    def delete(self, role_id: int) -> None:
        store = self.page.context.store
        self._do(
            self.page.tr("Delete role"),
            lambda: roles_service.delete_role(store, role_id),
            removal=self.page.tr("Role deleted."),
        )


CLEARED, NOT_YET = "cleared", "not_yet"  # the vetting filter's two summary choices


def vetting_filter_accepts(row: VolunteerRow, wanted: str | None) -> bool:
    """The roster's vetting filter, on the one vetting rule's result: cleared to meet the
    family or not yet; or a state any requirement is in ("Expired" lists everyone with an
    expired requirement, whatever else they lack); "Current" lists those with every
    requirement current."""
    if wanted is None:
        return True
    if wanted == CLEARED:
        return row.vetting.may_meet_family
    if wanted == NOT_YET:
        return not row.vetting.may_meet_family
    state = VettingStatus(wanted)
    if state is VettingStatus.CURRENT:
        return row.vetting.state is VettingStatus.CURRENT
    return row.vetting.has(state)


class VolunteerProxy(RowsProxy):
    """Search plus the role, vetting and active filters."""

    def __init__(self, source: RowsModel, parent=None):
        super().__init__(source, parent)
        self.role: str | None = None  # a role key
        self.status: str | None = None  # see vetting_filter_accepts
        self.active: bool | None = True

    def set_filters(self, role: str | None, status: str | None, active: bool | None) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair; older Qt only has the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.role, self.status, self.active = role, status, active
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.10
            self.role, self.status, self.active = role, status, active
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: VolunteerRow = self.sourceModel().row_at(source_row)
        if self.role is not None and self.role not in row.roles:
            return False
        if not vetting_filter_accepts(row, self.status):
            return False
        if self.active is not None and row.active is not self.active:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def _worst_date(row: VolunteerRow) -> date:
    worst = row.vetting.worst
    return (worst.on if worst is not None else row.vetting.expires_on) or date.max


class VolunteersPage(Page):
    title = "Volunteers"
    watches = frozenset({Topic.VOLUNTEERS, Topic.ROLES, Topic.HOUSEHOLDS})

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        loc = self.locale
        self._requirements: tuple[Requirement, ...] = ()
        self.model = RowsModel(self._columns(), self)
        self.proxy = VolunteerProxy(self.model, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search volunteers (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search volunteers"))
        self.search.setClearButtonEnabled(True)
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(self.tr("Role filter"))
        self.role_filter.addItem(self.tr("All roles"), None)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Vetting filter"))
        self.status_filter.addItem(self.tr("Any vetting"), None)
        self.status_filter.addItem(self.tr("Cleared to meet the family"), CLEARED)
        self.status_filter.addItem(self.tr("Not cleared to meet the family yet"), NOT_YET)
        for state in reversed(SEVERITY):
            self.status_filter.addItem(state_text(state), state.value)
            self.status_filter.setItemData(
                self.status_filter.count() - 1,
                self.tr("Everyone with every requirement current")
                if state is VettingStatus.CURRENT
                else self.tr("Everyone with at least one requirement in this state"),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.active_filter = QComboBox()
        self.active_filter.setAccessibleName(self.tr("Active filter"))
        self.active_filter.addItem(self.tr("Active"), True)
        self.active_filter.addItem(self.tr("Inactive and archived"), False)
        self.active_filter.addItem(self.tr("Everyone"), None)
        # Filters as wide as a short choice, so the search keeps room for what it says.
        for combo in (self.role_filter, self.status_filter, self.active_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        )
        self.add_button = QPushButton(self.tr("&Add volunteer…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("Arc&hive"))
        self.roles_button = QPushButton(self.tr("R&oles…"))
        self.roles_button.setToolTip(self.tr("Add, rename and retire the group's roles"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for widget in (
            self.role_filter,
            self.status_filter,
            self.active_filter,
            self.add_button,
            self.edit_button,
            self.archive_button,
            self.roles_button,
        ):
            bar.addWidget(widget)

        self.table = make_table(self.tr("Volunteers"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.empty_label = empty_state(
            self.tr(
                "No volunteers yet. Add them one by one, or import a spreadsheet with File ▸ Import volunteers."
            )
        )
        self.table_stack.addWidget(self.empty_label)

        self.tabs = QTabWidget()
        self.checks = self._detail_tab(
            self.tr("Vetting checks"),
            [
                Column(self.tr("Check"), lambda c: c.kind_label),
                Column(
                    self.tr("Status"),
                    lambda c: state_text(c.status),
                    foreground=lambda c: status_colour(c.status),
                ),
                Column(
                    self.tr("Checked"),
                    lambda c: short_date(c.checked_on, loc()),
                    sort_key=lambda c: c.checked_on,
                ),
                Column(
                    self.tr("Expires"),
                    lambda c: short_date(c.expires_on, loc()),
                    sort_key=lambda c: c.expires_on,
                ),
                Column(self.tr("Reference"), lambda c: c.reference),
            ],
            self.add_check,
            self.edit_check,
            self.delete_check,
        )
        self.training = self._detail_tab(
            self.tr("Training"),
            [
                Column(self.tr("Course"), lambda t: t.course_label),
                Column(self.tr("Completed"), lambda t: short_date(t.completed_on, loc())),
                Column(
                    self.tr("Expires"),
                    lambda t: short_date(t.expires_on, loc()) or self.tr("does not expire"),
                ),
                Column(
                    self.tr("Status"),
                    lambda t: state_text(t.status),
                    foreground=lambda t: status_colour(t.status),
                ),
                Column(self.tr("Certificate"), lambda t: t.certificate),
            ],
            self.add_training,
            self.edit_training,
            self.delete_training,
        )
        self.hours = self._detail_tab(
            self.tr("Hours"),
            [
                Column(
                    self.tr("Date"),
                    lambda h: short_date(h.worked_on, loc()),
                    sort_key=lambda h: h.worked_on,
                ),
                Column(self.tr("Hours"), lambda h: format_minutes(h.minutes), numeric=True),
                Column(self.tr("Activity"), lambda h: h.activity),
                Column(self.tr("Household"), lambda h: h.household_code),
            ],
            self.log_hours,
            None,
            self.delete_hours,
        )
        self.hours_summary = QLabel()
        self.hours_summary.setWordWrap(True)
        self.hours["layout"].addWidget(self.hours_summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table_stack)
        top_layout.addWidget(self.count_label)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self.search.setFocus),
                (self.tr("Add volunteer"), QKeySequence("Ctrl+Shift+N"), self.add_volunteer),
                (self.tr("Edit volunteer"), QKeySequence("F2"), self.edit_volunteer),
                (
                    self.tr("Archive volunteer"),
                    QKeySequence.StandardKey.Delete,
                    self.archive_volunteer,
                ),
                (self.tr("Log hours"), QKeySequence("Ctrl+Shift+H"), self.log_hours),
            )
        )
        self.add_button.setToolTip("Ctrl+Shift+N")
        self.edit_button.setToolTip("F2")

        self.search.textChanged.connect(self._on_filter_changed)
        for combo in (self.role_filter, self.status_filter, self.active_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.add_button.clicked.connect(self.add_volunteer)
        self.edit_button.clicked.connect(self.edit_volunteer)
        self.archive_button.clicked.connect(self.archive_volunteer)
        self.roles_button.clicked.connect(self.manage_roles)
        self.table.doubleClicked.connect(lambda _: self.edit_volunteer())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_details())

    def _columns(self) -> list[Column]:
        """The roster's columns: the whole, then one per requirement of the programme."""
        loc = self.locale
        columns = [
            Column(self.tr("Name"), lambda v: v.full_name),
            Column(self.tr("Roles"), lambda v: v.role_labels),
            Column(
                self.tr("Vetting"),
                lambda v: overall_text(v.vetting, loc()),
                sort_key=lambda v: (SEVERITY.index(v.vetting.state), _worst_date(v)),
                foreground=lambda v: status_colour(v.vetting.state),
                tooltip=lambda v: (
                    needs_text(v.vetting, loc())
                    or self.tr("Everything required is recorded and current.")
                ),
                header_tooltip=self.tr(
                    "The volunteer's vetting as a whole: the requirement that stands worst"
                ),
            ),
        ]
        for number, requirement in enumerate(self._requirements):
            columns.append(
                Column(
                    requirement.heading,
                    lambda v, n=number: badge_text(v.vetting.standings[n], loc()),
                    sort_key=lambda v, n=number: (
                        SEVERITY.index(v.vetting.standings[n].state),
                        v.vetting.standings[n].on or date.max,
                    ),
                    foreground=lambda v, n=number: status_colour(v.vetting.standings[n].state),
                    tooltip=lambda v, n=number: standing_text(v.vetting.standings[n], loc()),
                    header_tooltip=requirement.label,
                )
            )
        columns += [
            Column(
                self.tr("Hours (month)"),
                lambda v: format_minutes(v.minutes_this_month) if v.minutes_this_month else "",
                sort_key=lambda v: v.minutes_this_month,
                numeric=True,
            ),
            Column(
                self.tr("Active"),
                lambda v: (
                    self.tr("archived")
                    if v.archived
                    else (self.tr("yes") if v.active else self.tr("no"))
                ),
            ),
            Column(self.tr("Phone"), lambda v: v.phone),
            Column(self.tr("Email"), lambda v: v.email),
            Column(self.tr("Languages"), lambda v: "; ".join(v.languages)),
        ]
        return columns

    def _detail_tab(self, title, columns, add, edit, delete) -> dict:
        model = RowsModel(columns, self)
        view = make_table(title, sortable=False)
        view.setModel(model)
        box = QWidget()
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        parts = {"model": model, "view": view, "layout": layout}
        for label, slot in (
            (self.tr("Add…") if edit else self.tr("Log hours…"), add),
            (self.tr("Edit…"), edit),
            (self.tr("Delete"), delete),
        ):
            if slot is None:
                continue
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            parts[label] = button
        if edit is not None:
            view.doubleClicked.connect(lambda _: edit())
        layout.addLayout(buttons)
        layout.addWidget(view)
        self.tabs.addTab(box, title)
        return parts

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
            self.model.set_columns(self._columns(), rows)
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
        store = self.context.store
        for part in (self.checks, self.training, self.hours):
            part["model"].set_rows([])
        self.edit_button.setEnabled(volunteer is not None)
        self.archive_button.setEnabled(volunteer is not None)
        self.tabs.setEnabled(volunteer is not None)
        if volunteer is None:
            self.hours_summary.clear()
            return
        self.archive_button.setText(
            self.tr("Rest&ore") if volunteer.archived else self.tr("Arc&hive")
        )
        self.checks["model"].set_rows(vetting_service.list_checks(store, volunteer.id))
        self.training["model"].set_rows(vetting_service.list_training(store, volunteer.id))
        self.hours["model"].set_rows(hours_service.list_hours(store, volunteer.id))
        for part in (self.checks, self.training, self.hours):
            fit_columns(part["view"])
        today = clock.today()
        totals = hours_service.hours_totals(
            store, Period(add_months(today, -11).replace(day=1), today), volunteer.id
        )
        months = ", ".join(
            f"{month_label(m, self.locale())}: {format_minutes(n)}" for m, n in totals.by_month if n
        )
        activities = ", ".join(f"{a}: {format_minutes(n)}" for a, n in totals.by_activity)
        self.hours_summary.setText(
            self.tr(
                "<b>Last 12 months:</b> {} in all. <b>By month:</b> {}. <b>By activity:</b> {}."
            ).format(format_minutes(totals.total_minutes), months or "-", activities or "-")
            if totals.total_minutes
            else self.tr("No hours logged in the last 12 months.")
        )

    def _selected_in(self, part: dict):
        index = part["view"].currentIndex()
        return part["model"].row_at(index.row()) if index.isValid() else None

    # --- the volunteer ----------------------------------------------------------------------
    def add_volunteer(self) -> None:
        store = self.context.store
        dialog = VolunteerDialog(
            service.requirements_for_new(store),
            parent=self,
            roles=list_roles(store),
            locale=self.locale(),
        )
        dialog.check_role("volunteer")

        def save(data: VolunteerInput):
            new_id = self.context.execute(
                self.tr("Add volunteer {}").format(isolate(data.full_name.strip())),
                lambda: service.add_volunteer(store, data).id,
            )
            self._select(new_id)

        dialog.save_callback = save
        dialog.exec()

    def edit_volunteer(self) -> None:
        current = self.selected()
        if current is None:
            return
        store = self.context.store
        dialog = VolunteerDialog(
            service.requirements_for_new(store),
            current,
            parent=self,
            roles=list_roles(store),
            locale=self.locale(),
        )
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit volunteer {}").format(isolate(current.full_name)),
            lambda: service.edit_volunteer(store, current.id, data),
        )
        dialog.exec()

    def archive_volunteer(self) -> None:
        current = self.selected()
        if current is None:
            return
        store = self.context.store
        archive = not current.archived
        text = self.tr("Archive volunteer {}") if archive else self.tr("Restore volunteer {}")
        self.context.execute(
            text.format(isolate(current.full_name)),
            lambda: service.archive_volunteer(store, current.id, archive),
            removal=self.tr("{} archived.").format(isolate(current.full_name)) if archive else None,
        )

    # --- checks, training, hours ------------------------------------------------------------
    def add_check(self) -> None:
        volunteer = self.selected()
        if volunteer is None:
            return
        store = self.context.store
        dialog = CheckDialog(vetting_service.check_kinds(store), parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add check for {}").format(isolate(volunteer.full_name)),
            lambda: vetting_service.add_check(store, volunteer.id, data).id,
        )
        dialog.exec()

    def edit_check(self) -> None:
        check = self._selected_in(self.checks)
        if check is None:
            return
        store = self.context.store
        dialog = CheckDialog(vetting_service.check_kinds(store), check, parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit {}").format(check.kind_label),
            lambda: vetting_service.edit_check(store, check.id, data),
        )
        dialog.exec()

    def delete_check(self) -> None:
        check = self._selected_in(self.checks)
        if check is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete {}").format(check.kind_label),
            lambda: vetting_service.delete_check(store, check.id),
            removal=self.tr("{} deleted.").format(check.kind_label),
        )

    def add_training(self) -> None:
        volunteer = self.selected()
        if volunteer is None:
            return
        store = self.context.store
        dialog = TrainingDialog(vetting_service.training_courses(store), parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add training for {}").format(isolate(volunteer.full_name)),
            lambda: vetting_service.add_training(store, volunteer.id, data).id,
        )
        dialog.exec()

    def edit_training(self) -> None:
        record = self._selected_in(self.training)
        if record is None:
            return
        store = self.context.store
        dialog = TrainingDialog(vetting_service.training_courses(store), record, parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit training"), lambda: vetting_service.edit_training(store, record.id, data)
        )
        dialog.exec()

    def delete_training(self) -> None:
        record = self._selected_in(self.training)
        if record is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete training"),
            lambda: vetting_service.delete_training(store, record.id),
            removal=self.tr("Training record deleted."),
        )

    def log_hours(self) -> None:
        volunteer = self.selected()
        if volunteer is None:
            return
        store = self.context.store
        households = [(h.id, h.code) for h in list_households(store)]
        dialog = HoursDialog(volunteer.id, households, parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Log hours for {}").format(isolate(volunteer.full_name)),
            lambda: hours_service.log_hours(store, data).id,
        )
        dialog.exec()

    def delete_hours(self) -> None:
        entry = self._selected_in(self.hours)
        if entry is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete hours"),
            lambda: hours_service.delete_hours(store, entry.id),
            removal=self.tr("Hours deleted."),
        )

    # --- roles ------------------------------------------------------------------------------
    def manage_roles(self) -> None:
        RolesDialog(_RoleActions(self), self).exec()

    # --- import and export ------------------------------------------------------------------
    def import_file(self) -> None:
        source = choose_source(self, ImportKind.VOLUNTEERS)
        if source is not None:
            self.import_from(source)

    def import_from(self, source: Path):
        """Preview the sheet, then import it as one undoable step."""
        return import_with_preview(self, ImportKind.VOLUNTEERS, source)

    def export_file(self) -> None:
        from ...services.imports.volunteer_io import export_volunteers

        store = self.context.store
        export_with_dialog(
            self,
            self.tr("Export volunteers"),
            "volunteers.xlsx",
            lambda path: export_volunteers(store, path),
            self.tr("Exported the roster to {}"),
        )
