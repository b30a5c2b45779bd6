"""File ▸ Restore…: the open group's backups, newest first, and the two ways to restore one;
and the question asked when a file that would not open is damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import isolate
from ..formatting import timestamp
from ..models.rows_model import Column, RowsModel
from ..widgets.tables import fit_columns, make_table

NEW_FILE = "new"
REPLACE = "replace"


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words (the reasons are the names storage gives them)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("RestoreDialog", text)

    if reason.startswith("before-schema"):
        return tr("Before an upgrade")
    return {
        "open": tr("When opened"),
        "close": tr("After changes"),
        "manual": tr("Asked for"),
        "before-restore": tr("Before a restore"),
    }.get(reason, reason)


def counted(number: int, noun: str) -> str:
    """ "1 household", "1,204 transactions": Qt's plural forms, digits grouped (%Ln)."""
    text = {
        "household": QT_TRANSLATE_NOOP("RestoreDialog", "%Ln household(s)"),
        "volunteer": QT_TRANSLATE_NOOP("RestoreDialog", "%Ln volunteer(s)"),
        "transaction": QT_TRANSLATE_NOOP("RestoreDialog", "%Ln transaction(s)"),
    }[noun]
    return QCoreApplication.translate("RestoreDialog", text, "", number)


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


def taken_text(backup, locale: str) -> str:
    return timestamp(backup.taken_at.astimezone(), locale)


class RestoreDialog(QDialog):
    """Choose a backup; `choice` is then (NEW_FILE or REPLACE, the backup)."""

    def __init__(
        self, group_name: str, folder: Path, backups: list, locale: str, parent: QWidget | None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(760, 380)
        self.choice: tuple[str, object] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Sponsor Desk backs up “{}” when the file opens, when it closes after changes, "
                "and before an upgrade or a restore, keeping the last ten and one a month for "
                "a year. Restoring never loses the file as it is now: a copy of it is kept "
                "first."
            ).format(isolate(group_name))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsModel(self._columns(locale), self)
        self.model.set_rows(backups)
        self.table = make_table(self.tr("Backups"), self, sortable=False)
        self.table.setModel(self.model)
        fit_columns(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # fill the width
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr(
                "No backups of this group yet. One is made when the file next opens after a "
                "change elsewhere, or closes after a change."
            )
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        where = QLabel(self.tr("Kept in {}").format(folder))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.new_button = QPushButton(self.tr("Restore as a &New File…"))
        self.replace_button = QPushButton(self.tr("&Replace the Open File…"))
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(lambda: self._choose(NEW_FILE))
        self.replace_button.clicked.connect(lambda: self._choose(REPLACE))
        layout.addWidget(buttons)

        has_rows = bool(backups)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.new_button.setEnabled(has_rows)
        self.replace_button.setEnabled(has_rows)
        if has_rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _columns(self, locale: str) -> list[Column]:
        return [
            Column(
                self.tr("Taken"), lambda b: taken_text(b, locale), sort_key=lambda b: b.taken_at
            ),
            Column(self.tr("Why"), lambda b: reason_text(b.reason)),
            Column(self.tr("Size"), lambda b: size_text(b.size), lambda b: b.size, True),
            Column(self.tr("Households"), lambda b: f"{b.households:,}", None, True),
            Column(self.tr("Volunteers"), lambda b: f"{b.volunteers:,}", None, True),
            Column(self.tr("Transactions"), lambda b: f"{b.transactions:,}", None, True),
        ]

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _choose(self, how: str) -> None:
        backup = self.selected()
        if backup is None:
            return
        self.choice = (how, backup)
        self.accept()


def damaged_file_box(parent: QWidget, error, locale: str):
    """The message for a file that would not open because it is damaged, offering this group's
    newest good backup: (box, restore-as-new button, replace button), the buttons None when
    there is no backup to offer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Cannot open {}").format(Path(error.path).name))
    reason = f" ({error.why})" if error.why else ""
    box.setText(
        parent.tr("“{}” is damaged and cannot be opened{}.").format(Path(error.path).name, reason)
    )
    offer = error.offer
    if offer is None:
        box.setInformativeText(
            parent.tr(
                "No good backup of this group was found. If you keep copies elsewhere (a USB "
                "stick), open one of those."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        return box, None, None
    if getattr(offer, "locked", False):  # its key is not known yet: nothing to count
        box.setInformativeText(
            parent.tr(
                "The newest backup of this group, taken {}, is protected with a passphrase: "
                "restoring it asks for its passphrase or recovery code. The damaged file is "
                "kept either way."
            ).format(taken_text(offer, locale))
        )
    else:
        box.setInformativeText(
            parent.tr(
                "The newest good backup of this group was taken {}, with {}, {} and {}. "
                "Restore it? The damaged file is kept either way."
            ).format(
                taken_text(offer, locale),
                counted(offer.households, "household"),
                counted(offer.volunteers, "volunteer"),
                counted(offer.transactions, "transaction"),
            )
        )
    as_new = box.addButton(parent.tr("Restore as a &New File…"), QMessageBox.ButtonRole.AcceptRole)
    over = box.addButton(parent.tr("&Replace the Damaged File"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(as_new)
    return box, as_new, over


def ask_about_damaged_file(parent: QWidget, error, locale: str) -> str | None:
    """Say the file is damaged, offer the backup; NEW_FILE, REPLACE, or None (nothing is
    changed without asking)."""
    box, as_new, over = damaged_file_box(parent, error, locale)
    box.exec()
    clicked = box.clickedButton()
    if as_new is None:
        return None
    return NEW_FILE if clicked is as_new else REPLACE if clicked is over else None
