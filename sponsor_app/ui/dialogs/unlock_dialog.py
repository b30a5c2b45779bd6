"""The prompt that opens a protected file: a wrong passphrase is said to be wrong, and after
three wrong tries the field waits a while before the next."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ...domain.errors import SponsorDeskError
from ..widgets.form import FieldError
from ..words import error_words
from .passphrase_dialogs import note_label, passphrase_field


class UnlockDialog(QDialog):
    """Asks for a protected file's passphrase (or its recovery code) to open it. A wrong one
    is said to be wrong; after three, the field waits a while before the next try."""

    TRIES = 3
    PAUSE_SECONDS = 30
    # Kept per file for the life of the process: Cancel and Open again must not give three
    # fresh tries at once.
    _wrong_so_far: ClassVar[dict[Path, int]] = {}
    _paused_until: ClassVar[dict[Path, float]] = {}

    def __init__(
        self,
        path: Path,
        unlock: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a Protected File"))
        self.setMinimumWidth(460)
        self._unlock = unlock
        self._path = Path(path)
        self.wrong = self._wrong_so_far.get(self._path, 0)
        self._left = 0
        column = QVBoxLayout(self)
        column.addWidget(
            note_label(
                self.tr("{} is protected. Type its passphrase, or its recovery code.").format(
                    Path(path).name
                )
            )
        )
        self.passphrase = passphrase_field()
        self.passphrase.setAccessibleName(self.tr("Passphrase or recovery code"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase or recovery code"))
        column.addWidget(self.passphrase)
        self.error = FieldError()
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setDefault(True)
        column.addWidget(self.buttons)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        waiting = self._paused_until.get(self._path, 0.0) - time.monotonic()
        if waiting > 0:
            self._pause(self.tr("That is not the passphrase."), math.ceil(waiting))

    def _try(self) -> None:
        typed = self.passphrase.text()
        if not typed or self._left:
            return
        try:
            self._unlock(typed)
        except SponsorDeskError as error:
            self.wrong += 1
            self._wrong_so_far[self._path] = self.wrong
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            message = self._words(error)
            if self.wrong % self.TRIES == 0:
                self._pause(message)
            else:
                self.error.show_message(message)
            return
        self._wrong_so_far.pop(self._path, None)
        self._paused_until.pop(self._path, None)
        self.accept()

    def keyPressEvent(self, event) -> None:
        """During the wait after wrong tries, Enter does nothing (Escape still cancels)."""
        if self._left and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _words(self, error: SponsorDeskError) -> str:
        """The refusal without the file's path (the dialog names the file already)."""
        from ...services.files.protection import (
            MistypedRecoveryCode,
            WrongPassphrase,
            WrongRecoveryCode,
        )

        if isinstance(error, WrongPassphrase):
            return self.tr("That is not the passphrase.")
        if isinstance(error, WrongRecoveryCode) and not isinstance(error, MistypedRecoveryCode):
            return self.tr("That recovery code is not this file's.")
        return error_words(error)

    def _pause(self, message: str, seconds: int | None = None) -> None:
        self._left = seconds or self.PAUSE_SECONDS
        if seconds is None:
            self._paused_until[self._path] = time.monotonic() + self._left
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.open_button.setEnabled(False)
        # The field and Open are off, so focus would land on Cancel, which Enter (typed out of
        # habit after a wrong try) would press: nothing takes Enter during the wait.
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setDefault(False)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._message = message
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        self.error.show_message(
            " ".join(
                (
                    self.tr("%n wrong attempt(s).", "", self.wrong),
                    self._message,
                    self.tr("Try again in %n second(s).", "", self._left),
                )
            )
        )

    def _tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._show_wait()
            return
        self._timer.stop()
        self.passphrase.setEnabled(True)
        self.open_button.setEnabled(True)
        self.cancel_button.setAutoDefault(True)
        self.open_button.setDefault(True)  # Enter opens again
        self.passphrase.setFocus()
        self.error.show_message(self.tr("Try again."))
