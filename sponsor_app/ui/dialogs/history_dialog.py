"""Edit ▸ History: the file's change sets, newest first, who made each, when and what; the rows
each touched, before and after; and Revert, refused for the same reasons as the command line's
`sponsor-app revert` (it is the same service)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import SponsorDeskError
from ...domain.text import isolate
from ...services.files import history as service
from ...services.files.history import ChangeSetRow, TouchedRow
from ..formatting import current_locale, short_date
from ..models.rows_model import Column, RowsModel
from ..widgets.filter_combo import refill_filter
from ..widgets.tables import fit_columns, make_table
from ..words import error_words, said

SHOWN = 200  # change sets listed at once; filters reach older ones
NOT_REVERTIBLE = ("schema", "legacy", "access", "erasure")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def record_kind(table: str) -> str:
    """A table as people name its records."""
    words = {
        "household": _tr("Household"),
        "household_member": _tr("Household member"),
        "volunteer": _tr("Volunteer"),
        "volunteer_role": _tr("Volunteer's role"),
        "role": _tr("Role"),
        "vetting_check": _tr("Vetting check"),
        "training_record": _tr("Training"),
        "volunteer_hours": _tr("Hours"),
        "task": _tr("Settlement task"),
        "task_template": _tr("Template task"),
        "check_in": _tr("Check-in"),
        "check_in_volunteer": _tr("Who went to a check-in"),
        "goal": _tr("Goal"),
        "goal_review": _tr("Goal review"),
        "indicator_reading": _tr("Indicator reading"),
        "property": _tr("Property"),
        "tenancy": _tr("Tenancy"),
        "inspection": _tr("Inspection"),
        "move_in_item": _tr("Move-in checklist item"),
        "ledger_transaction": _tr("Transaction"),
        "ledger_category": _tr("Category"),
        "budget": _tr("Budget"),
        "pledge": _tr("Pledge"),
        "group_profile": _tr("The group"),
    }
    return words.get(table, table.replace("_", " ").capitalize())


def _action_words(action: str) -> str:
    return {"insert": _tr("added"), "update": _tr("changed"), "delete": _tr("removed")}.get(
        action, action
    )


def _values(pairs) -> str:
    """ "town: Porirua; phone: 021 555 0101"; an added or removed row's empty fields left out
    (an update's are kept: "town: " says it was empty)."""
    return "; ".join(f"{name.replace('_', ' ')}: {'' if v is None else v}" for name, v in pairs)


def _row_values(touched: TouchedRow, pairs) -> str:
    if touched.action != "update":
        pairs = [(name, v) for name, v in pairs if v not in (None, "")]
    return _values(pairs)


def _when(row: ChangeSetRow) -> str:
    local = row.at.astimezone()
    return f"{short_date(local.date(), current_locale())} {local:%H:%M}"


def _what(row: ChangeSetRow) -> str:
    text = row.description or _tr("(no description)")
    if row.kind == "revert" and row.reverts_id:
        text += "  " + _tr("[reverts change {}]").format(row.reverts_id)
    elif row.kind in NOT_REVERTIBLE:
        text += f"  [{row.kind}]"
    return text


class HistoryDialog(QDialog):
    """Not modal: the window stays usable while it is open, and it follows each change."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("History"))
        self.setAccessibleName(self.tr("History of changes"))
        self.setMinimumSize(760, 520)

        filters = self._filter_bar()
        self._tables()
        self.rows_label = QLabel()
        self.rows_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.revert_button = QPushButton(self.tr("&Revert…"))
        self.revert_button.setToolTip(
            self.tr("Put every row this change touched back as it was before it (Ctrl+R)")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.revert_button.clicked.connect(self.revert_selected)
        QShortcut(QKeySequence("Ctrl+R"), self, self.revert_selected)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.rows_label)
        lower_layout.addWidget(self.row_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.change_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._fill_filters()
        for combo in (self.household, self.volunteer, self.record):
            combo.currentIndexChanged.connect(self.refresh)
        self.change_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_rows())
        context.changed.connect(self._on_changed)
        self.refresh()
        self.change_table.setFocus()

    def _filter_bar(self) -> QHBoxLayout:
        self.household = QComboBox()
        self.volunteer = QComboBox()
        self.record = QComboBox()
        filters = QHBoxLayout()
        for text, combo, name in (
            (self.tr("&Household:"), self.household, self.tr("Household filter")),
            (self.tr("&Volunteer:"), self.volunteer, self.tr("Volunteer filter")),
            (self.tr("Recor&ds:"), self.record, self.tr("Kind of record filter")),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(name)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        return filters

    def _tables(self) -> None:
        """The change sets, newest first, and the rows the chosen one touched."""
        self.changes = RowsModel(
            [
                Column(self.tr("No."), lambda r: f"{r.id}", sort_key=lambda r: r.id, numeric=True),
                Column(self.tr("When"), _when, sort_key=lambda r: r.id),
                Column(self.tr("Who"), lambda r: r.actor),
                Column(
                    self.tr("Rows"),
                    lambda r: f"{r.rows_touched:,}",
                    sort_key=lambda r: r.rows_touched,
                    numeric=True,
                ),
                Column(self.tr("What"), _what, tooltip=_what),
            ],
            self,
        )
        self.change_table = make_table(self.tr("Changes"), sortable=False)
        self.change_table.setModel(self.changes)
        self.rows = RowsModel(
            [
                Column(self.tr("Record"), lambda t: record_kind(t.table)),
                Column(self.tr("Which"), lambda t: said(t.label), tooltip=lambda t: said(t.label)),
                Column(self.tr("Change"), lambda t: _action_words(t.action)),
                Column(
                    self.tr("Before"),
                    lambda t: _row_values(t, t.before),
                    tooltip=lambda t: _row_values(t, t.before),
                ),
                Column(
                    self.tr("After"),
                    lambda t: _row_values(t, t.after),
                    tooltip=lambda t: _row_values(t, t.after),
                ),
            ],
            self,
        )
        self.row_table = make_table(self.tr("Rows this change touched"), sortable=False)
        self.row_table.setModel(self.rows)

    # --- reading ----------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        from ...services.households.households import list_households
        from ...services.roster.volunteers import list_volunteers

        store = self.context.store
        refill_filter(
            self.household,
            self.tr("Any household"),
            ((h.id, h.code) for h in list_households(store, include_archived=True)),
        )
        refill_filter(
            self.volunteer,
            self.tr("Any volunteer"),
            ((v.id, isolate(v.full_name)) for v in list_volunteers(store, include_archived=True)),
        )
        refill_filter(
            self.record,
            self.tr("Any kind of record"),
            ((table, record_kind(table)) for table in service.touched_tables(store)),
        )

    def refresh(self) -> None:
        selected = self.selected()
        found = service.list_change_sets(
            self.context.store,
            limit=SHOWN,
            table=self.record.currentData(),
            household_id=self.household.currentData(),
            volunteer_id=self.volunteer.currentData(),
        )
        self.changes.set_rows(found)
        fit_columns(self.change_table, max_width=420)
        filtered = any(
            c.currentData() is not None for c in (self.household, self.volunteer, self.record)
        )
        if not found:
            self.summary.setText(
                self.tr("No change matches these filters.")
                if filtered
                else self.tr("No changes yet.")
            )
        elif len(found) == SHOWN:
            self.summary.setText(
                self.tr(
                    "The latest %n change(s), newest first; the filters reach older ones.",
                    "",
                    SHOWN,
                )
            )
        else:
            self.summary.setText(self.tr("%n change(s), newest first.", "", len(found)))
        row = next((n for n, r in enumerate(found) if selected and r.id == selected.id), 0)
        if found:
            self.change_table.selectRow(row)
        self._show_rows()

    def selected(self) -> ChangeSetRow | None:
        index = self.change_table.currentIndex()
        return self.changes.row_at(index.row()) if index.isValid() else None

    def _show_rows(self) -> None:
        change = self.selected()
        self.revert_button.setEnabled(change is not None and change.kind not in NOT_REVERTIBLE)
        if change is None:
            self.rows.set_rows([])
            self.rows_label.setText("")
            return
        touched, total = service.rows_touched(self.context.store, change.id)
        self.rows.set_rows(touched)
        fit_columns(self.row_table, max_width=320)
        words = self.tr("Change {} touched %n row(s):", "", total).format(change.id)
        if total > len(touched):
            words += " " + self.tr("the first {} are listed.").format(len(touched))
        self.rows_label.setText(words)

    def reload(self) -> None:
        self._fill_filters()
        self.refresh()

    def _on_changed(self, _changes) -> None:
        if self.isVisible() and self.context.is_open:
            self.reload()

    # --- reverting --------------------------------------------------------------------------
    def revert_selected(self) -> None:
        change = self.selected()
        if change is None or change.kind in NOT_REVERTIBLE:
            return
        what = change.description or self.tr("(no description)")
        asked = QMessageBox.question(
            self,
            self.tr("Revert a change"),
            self.tr(
                "Revert change {} (“{}”)? Every row it touched goes back to how it was before "
                "it. The revert is itself a change: Undo takes it back."
            ).format(change.id, isolate(what)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        store = self.context.store
        description = self.tr("Revert change {}: {}").format(change.id, what)
        try:
            self.context.execute(description, lambda: service.revert(store, change.id, description))
        except SponsorDeskError as error:  # the command line's refusals, word for word
            QMessageBox.warning(self, self.tr("Revert a change"), error_words(error))
            return
        self.refresh()
