"""The dashboard's retention card: personal details the group no longer needs, offered for
removal (households past their support period, volunteers who left long ago).

Shown only when something is due. Removing is never undoable, so it is not an undo step: the
question says so before anything happens, and the file's history records who did it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import SponsorDeskError
from ...domain.text import isolate
from ...services.files.backups import KEPT_MONTHS as BACKUP_MONTHS
from ..errors import show_known_error
from ..formatting import short_date
from ..models.rows_model import Column, RowsModel
from ..selection import on_selected
from ..widgets.tables import make_table


class RetentionCard(QGroupBox):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(self.tr("Personal details no longer needed"), parent)
        self.context = context
        self.due = None
        locale = lambda: context.info.locale if context.info else "en_NZ"  # noqa: E731
        self.intro = QLabel()  # names the programme's privacy law: see refresh()
        self.intro.setWordWrap(True)
        self.model = RowsModel(
            [
                Column(self.tr("Who"), lambda r: r[1]),
                Column(self.tr("Why now"), lambda r: r[2](locale())),
            ],
            self,
        )
        self.view = make_table(self.tr("Personal details no longer needed"), sortable=False)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.remove_button = QPushButton(self.tr("&Remove Personal Details…"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.selected() is not None)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.view)
        column.addLayout(buttons)
        self.hide()

    def refresh(self) -> None:
        from ...services.files.retention import retention_due
        from ...services.group.groups import programme_of

        if not self.context.is_open:
            self.hide()
            return
        self.due = retention_due(self.context.store)
        self.intro.setText(
            self.tr(
                "The time to keep these people's personal details has passed ({}: no longer "
                "than needed). Removing them takes out names, dates of birth, notes and contact "
                "details, here and in the file's history; every figure in the reports stays."
            ).format(programme_of(self.context.store).privacy_law)
        )
        rows = [
            (
                "household",
                (
                    self.tr("Household {} (deleted; its details are in the history)")
                    if h.deleted
                    else self.tr("Household {}")
                ).format(h.code),
                lambda loc, h=h: self.tr("support period ended {}").format(
                    short_date(h.support_ended_on, loc)
                ),
                h.household_id,
            )
            for h in self.due.households
        ] + [
            (
                "volunteer",
                self.tr("{} (volunteer)").format(isolate(v.name)),
                lambda loc, v=v: self.tr("left the group {}").format(short_date(v.left_on, loc)),
                v.volunteer_id,
            )
            for v in self.due.volunteers
        ]
        self.model.set_rows(rows)
        self.setTitle(self.tr("Personal details no longer needed ({})").format(len(rows)))
        self.view.setFixedHeight(
            self.view.horizontalHeader().height()
            + max(1, min(len(rows), 6)) * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
        )
        self.remove_button.setEnabled(self.selected() is not None)
        self.setVisible(bool(rows))

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @on_selected("selected")
    def remove_selected(self, chosen) -> None:
        kind, who, _why, row_id = chosen
        answer = QMessageBox.warning(
            self,
            self.tr("Remove Personal Details"),
            self.tr(
                "Remove the personal details of {}? Names, dates of birth, notes (health and "
                "immigration too) and contact details go from the file and from its history; "
                "the records stay, so the reports' figures do not change. Backups made before "
                "now still hold them until Sponsor Desk retires those backups (within {} "
                "months), and so do copies made by hand.\n\nThis cannot be undone: not with "
                "Undo, not by reverting, not later."
            ).format(who, BACKUP_MONTHS),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from ...services.files import retention

        remove = (
            retention.remove_household_details
            if kind == "household"
            else retention.remove_volunteer_details
        )
        # Seconds on a file of many years (the history is scrubbed, the file written anew).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            remove(self.context.store, row_id)
        except SponsorDeskError as error:
            failed = error
        else:
            failed = None
        finally:
            QApplication.restoreOverrideCursor()
        if failed is not None:
            show_known_error(self, failed)
            return
        self.window().statusBar().showMessage(
            self.tr("Removed the personal details of {}.").format(who), 10000
        )
        self.refresh()
