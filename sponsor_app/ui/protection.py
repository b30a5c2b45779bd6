"""The window's passphrase actions: File ▸ Protect with a Passphrase, Change Passphrase, Remove
Protection, and the prompt when a protected file is opened.

Protecting and removing write the whole file anew (services/files/protection.py), so the window
closes the file, does it off the GUI thread, and opens it again: the key stays known to this
window, so it opens without asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QMessageBox

from ..domain.errors import SponsorDeskError
from .errors import show_known_error
from .window_actions import WindowActions
from .worker import run_in_background


class ProtectionActions(WindowActions):
    # --- opening -----------------------------------------------------------------------------
    def ask_to_unlock(self, path: Path) -> bool:
        """Ask for the passphrase of the protected file at `path`; True once it is unlocked."""
        from ..services.files.protection import unlock_with_either
        from .dialogs.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(path, lambda typed: unlock_with_either(path, typed), self.window)
        return bool(dialog.exec())

    def is_protected(self) -> bool:
        from ..services.files.protection import is_protected

        return self.context.is_open and is_protected(self.context.path)

    def _context_words(self) -> tuple[str, ...]:
        info = self.context.info
        return (info.name,) if info else ()

    # --- File ▸ Protect with a Passphrase… ----------------------------------------------------
    def protect(self) -> None:
        if not self.context.is_open or self.is_protected():
            return
        from ..services.files.protection import copies_left_plain, recovery_code_shown
        from .dialogs.passphrase_dialogs import NewPassphraseDialog, RecoveryCodeDialog

        path = self.context.path
        copies = tuple(copy.path for copy in copies_left_plain(path))
        chosen: list[str] = []
        dialog = NewPassphraseDialog(
            path.name, context=self._context_words(), parent=self.window, copies=copies
        )
        dialog.save_callback = chosen.append
        if not dialog.exec() or not chosen:
            return
        wanted = dialog.copies_wanted()
        from ..services.files.protection import protect_file

        self.window.close_for_restore()  # the file is written anew: nothing may hold it

        def done(protected) -> None:
            RecoveryCodeDialog(protected.recovery_code, path.name, self.window).exec()
            recovery_code_shown(path)
            self.window.open_file(path)
            self._status(self.tr("{} is protected with a passphrase.").format(path.name))
            if copies and wanted != NewPassphraseDialog.KEEP:
                self._deal_with_copies(path, copies, wanted)

        self._rewrite(
            path,
            self.tr("Protecting {}…").format(path.name),
            lambda: protect_file(path, chosen[0]),
            done,
        )

    def _deal_with_copies(self, path: Path, copies: tuple[Path, ...], wanted: str) -> None:
        from ..services.files.protection import delete_copies, protect_copies
        from .dialogs.passphrase_dialogs import NewPassphraseDialog

        act = protect_copies if wanted == NewPassphraseDialog.PROTECT else delete_copies

        def done(results) -> None:
            failed = [f"{copy}: {problem}" for copy, problem in results if problem is not None]
            if failed:
                QMessageBox.warning(
                    self.window,
                    self.tr("Copies made before"),
                    self.tr("Some copies were left as they were:") + "\n" + "\n".join(failed),
                )
                return
            words = (
                self.tr("Protected %n copy(ies) made before.", "", len(results))
                if wanted == NewPassphraseDialog.PROTECT
                else self.tr("Deleted %n copy(ies) made before.", "", len(results))
            )
            self._status(words)

        run_in_background(
            self.window,
            self.tr("Dealing with the copies made before…"),
            lambda: act(path, list(copies)),
            done,
            self._failed,
        )

    def finish_if_interrupted(self, path: Path) -> None:
        """A protect stopped before its recovery code was shown (the app was killed): the
        backups are protected now and the code is shown, once."""
        from ..services.files.protection import finish_interrupted_protection, recovery_code_shown
        from .dialogs.passphrase_dialogs import RecoveryCodeDialog

        code = finish_interrupted_protection(path)
        if code is None:
            return
        QMessageBox.information(
            self.window,
            self.tr("Protection finished"),
            self.tr(
                "{} was protected by a run that stopped before it showed the recovery code. "
                "The protection is finished now: the code is shown next."
            ).format(path.name),
        )
        RecoveryCodeDialog(code, path.name, self.window).exec()
        recovery_code_shown(path)

    # --- File ▸ Change Passphrase… ------------------------------------------------------------
    def change(self) -> None:
        if not self.is_protected():
            return
        from .dialogs.passphrase_dialogs import NewPassphraseDialog, RecoveryCodeDialog

        path = self.context.path
        chosen: list[str] = []
        dialog = NewPassphraseDialog(
            path.name, changing=True, context=self._context_words(), parent=self.window
        )
        new_code = QCheckBox(
            self.tr("Also make a &new recovery code (the file is encrypted anew; the old code ")
            + self.tr("and copies' key files no longer open it)")
        )
        dialog.form.addRow("", new_code)
        dialog.save_callback = chosen.append
        if not dialog.exec() or not chosen:
            return
        from ..services.files.protection import change_passphrase, new_recovery_code

        if not new_code.isChecked():
            run_in_background(
                self.window,
                self.tr("Changing the passphrase…"),
                lambda: change_passphrase(path, chosen[0]),
                lambda _: self._status(
                    self.tr("The passphrase of {} was changed.").format(path.name)
                ),
                self._failed,
            )
            return
        self.window.close_for_restore()

        def done(code: str) -> None:
            from ..services.files.protection import recovery_code_shown

            RecoveryCodeDialog(code, path.name, self.window).exec()
            recovery_code_shown(path)
            self.window.open_file(path)

        self._rewrite(
            path,
            self.tr("Encrypting {} with a new key…").format(path.name),
            lambda: new_recovery_code(path, chosen[0]),
            done,
        )

    # --- File ▸ Remove Protection… ------------------------------------------------------------
    def remove(self) -> None:
        if not self.is_protected():
            return
        path = self.context.path
        answer = QMessageBox.warning(
            self.window,
            self.tr("Remove Protection"),
            self.tr(
                "Remove the passphrase of {}? Anyone who can read the file will then be able to "
                "read every record in it. Its backups in Sponsor Desk's folder stay protected "
                "(the passphrase and the recovery code still open them)."
            ).format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from ..services.files.protection import unprotect_file

        self.window.close_for_restore()
        self._rewrite(
            path,
            self.tr("Removing the protection of {}…").format(path.name),
            lambda: unprotect_file(path),
            lambda _: self._reopened(path, self.tr("{} is no longer protected.")),
        )

    # --- after -------------------------------------------------------------------------------
    def _reopened(self, path: Path, words: str) -> None:
        self.window.open_file(path)
        self._status(words.format(path.name))

    def _rewrite(self, path: Path, busy: str, work, done) -> None:
        """Write the closed file at `path` anew off the GUI thread (`busy` says so meanwhile);
        `done` gets what `work` returned. A failure changed nothing: it is shown, and the
        file opens again as it was."""

        def failed(error: SponsorDeskError) -> None:
            show_known_error(self.window, error)
            self.window.open_file(path)

        run_in_background(self.window, busy, work, done, failed)
