"""File ▸ Sharing…: what a person sees and types (the view). For a file not shared yet, the
place to share through (a folder, chosen or typed, or a hub's URL) and the advice to protect a
plain file first; for a shared file, the place and how its last sync went, with Sync Now.

The dialog runs nothing itself: it asks (`share_requested`, `sync_requested`) and the window's
sharing actions (ui/sharing.py) run the work and tell it what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..widgets.form import FieldError, WrappedLabel

FOLDER, HUB = "folder", "hub"


class SharingDialog(QDialog):
    share_requested = Signal(str, str)  # FOLDER or HUB, and the folder or URL as typed
    sync_requested = Signal()

    def __init__(self, file_name: str, plain_advice: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sharing {}").format(file_name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = WrappedLabel(
            self.tr(
                "The group's laptops exchange their changes through a shared folder (a USB "
                "stick, a network drive, a folder a cloud service syncs) or through a hub your "
                "umbrella organisation runs. What travels is encrypted with the group's key. "
                "Another laptop joins by copying this file once it is shared."
            )
        )
        layout.addWidget(intro)
        self.advice = QLabel(plain_advice or "")
        self.advice.setWordWrap(True)
        self.advice.setObjectName("plainAdvice")
        # Deep amber with white text: it reads the same in light and dark palettes.
        self.advice.setStyleSheet(
            "QLabel#plainAdvice { background: #8a5a00; color: white; padding: 8px;"
            " border-radius: 4px; }"
        )
        self.advice.setVisible(bool(plain_advice))
        layout.addWidget(self.advice)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._shared_page())
        layout.addWidget(self.pages, 1)
        self.outcome = WrappedLabel()
        self.outcome.setObjectName("outcome")
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.share_button = self.buttons.addButton(
            self.tr("&Share"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.share_button.setDefault(True)
        self.share_button.clicked.connect(self._ask_to_share)
        layout.addWidget(self.buttons)

    # --- not shared yet: where to share through ------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 8, 0, 0)
        self.folder_choice = QRadioButton(self.tr("A shared &folder"))
        self.hub_choice = QRadioButton(self.tr("A &hub (PostgreSQL)"))
        self.folder_choice.setChecked(True)
        choices = QButtonGroup(page)
        choices.addButton(self.folder_choice)
        choices.addButton(self.hub_choice)
        self.folder_field = QLineEdit()
        self.folder_field.setPlaceholderText(self.tr("The folder to share through"))
        self.folder_field.setAccessibleName(self.tr("Shared folder"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.clicked.connect(self._choose_folder)
        self.folder_error = FieldError()
        self.hub_field = QLineEdit()
        self.hub_field.setPlaceholderText("postgresql://group@hub.example.org/sponsor")
        self.hub_field.setAccessibleName(self.tr("Hub URL"))
        # The URL may carry the group's password: shown only while it is being typed.
        self.hub_field.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.hub_error = FieldError()
        hub_note = QLabel(self.tr("The URL “sponsor-app hub add-group” printed for this group."))
        hub_note.setWordWrap(True)
        grid.addWidget(self.folder_choice, 0, 0, 1, 2)
        grid.addWidget(self.folder_field, 1, 0)
        grid.addWidget(self.choose_button, 1, 1)
        grid.addWidget(self.folder_error, 2, 0, 1, 2)
        grid.addWidget(self.hub_choice, 3, 0, 1, 2)
        grid.addWidget(self.hub_field, 4, 0, 1, 2)
        grid.addWidget(hub_note, 5, 0, 1, 2)
        grid.addWidget(self.hub_error, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)
        self.folder_field.textEdited.connect(lambda _: self.folder_choice.setChecked(True))
        self.hub_field.textEdited.connect(lambda _: self.hub_choice.setChecked(True))
        return page

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Share through this folder"), self.folder_field.text()
        )
        if chosen:
            self.folder_field.setText(chosen)
            self.folder_choice.setChecked(True)

    def _ask_to_share(self) -> None:
        self.folder_error.show_message(None)
        self.hub_error.show_message(None)
        self.outcome.setText("")
        if self.folder_choice.isChecked():
            typed = self.folder_field.text().strip()
            if not typed:
                self.refuse(FOLDER, self.tr("Give the folder to share through."))
                return
            self.share_requested.emit(FOLDER, typed)
        else:
            typed = self.hub_field.text().strip()
            if not typed:
                self.refuse(HUB, self.tr("Give the hub URL of this group."))
                return
            self.share_requested.emit(HUB, typed)

    def refuse(self, kind: str, sentence: str) -> None:
        """Why the folder or hub cannot be shared through, next to its field."""
        field, error = (
            (self.folder_field, self.folder_error)
            if kind == FOLDER
            else (self.hub_field, self.hub_error)
        )
        error.show_message(sentence)
        # A sentence of two lines: the grid gives a wrapped label one line unless told.
        error.setMinimumHeight(error.heightForWidth(max(error.width(), 1)))
        field.setFocus()

    # --- shared: the place and its last sync -------------------------------------------------
    def _shared_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 8, 0, 0)
        self.place_label = QLabel()
        self.place_label.setWordWrap(True)
        self.last_sync_label = WrappedLabel()
        self.sync_button = QPushButton(self.tr("Sync &Now"))
        self.sync_button.clicked.connect(self.sync_requested)
        grid.addWidget(QLabel(self.tr("Shared through:")), 0, 0)
        grid.addWidget(self.place_label, 0, 1)
        grid.addWidget(QLabel(self.tr("Last sync:")), 1, 0)
        grid.addWidget(self.last_sync_label, 1, 1)
        grid.addWidget(self.sync_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        return page

    def show_shared(self, place: str, last_sync: str) -> None:
        self.pages.setCurrentIndex(1)
        self.share_button.hide()
        self.place_label.setText(place)
        self.last_sync_label.setText(last_sync)
        self.sync_button.setDefault(True)

    def show_outcome(self, text: str) -> None:
        """What the last share or sync did, in words, under the form."""
        self.outcome.setText(text)

    @property
    def is_shared_view(self) -> bool:
        return self.pages.currentIndex() == 1
