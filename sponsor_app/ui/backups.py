"""The window's backup actions: Back up to a folder, Restore, a damaged file's offer, and
saving what is open when the file was moved. Slow work runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..domain.errors import SponsorDeskError
from ..locations import GROUP_FILE_SUFFIX
from .dialogs.restore_dialog import NEW_FILE, REPLACE, RestoreDialog, ask_about_damaged_file
from .files import chosen_in, start_in
from .window_actions import WindowActions
from .worker import run_in_background

FILE_FILTER = "Sponsor Desk group files (*.sponsor)"


class BackupActions(WindowActions):
    def _choose_new_file(self, title: str, suggestion: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, title, str(suggestion), self.tr(FILE_FILTER)
        )
        if not chosen:
            return None
        return Path(chosen if chosen.endswith(GROUP_FILE_SUFFIX) else chosen + GROUP_FILE_SUFFIX)

    # --- File ▸ Back Up To… -------------------------------------------------------------------
    def back_up_to(self) -> None:
        if not self.context.is_open:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window,
            self.tr("Back up to a folder (a USB stick, another disk)"),
            start_in("backup"),
        )
        if folder:
            chosen_in("backup", folder)
            self.back_up_into(Path(folder))

    def back_up_into(self, folder: Path) -> None:
        from ..services.files.copies import back_up_to

        store = self.context.store
        run_in_background(
            self.window,
            self.tr("Backing up…"),
            lambda: back_up_to(store, folder),
            lambda made: self._status(self.tr("Backed up to {}").format(made)),
            self._failed,
        )

    # --- File ▸ Restore… ----------------------------------------------------------------------
    def restore(self) -> None:
        if not self.context.is_open:
            return
        from ..services.files.backups import backups_folder, backups_of

        store = self.context.store
        folder = backups_folder(store)
        run_in_background(
            self.window,
            self.tr("Reading the backups…"),
            lambda: backups_of(store),
            lambda found: self._choose_backup(found, folder),
            self._failed,
        )

    def _choose_backup(self, backups: list, folder: Path) -> None:
        if not self.context.is_open:
            return
        info = self.context.info
        dialog = RestoreDialog(info.name, folder, backups, info.locale, self.window)
        if not dialog.exec() or dialog.choice is None:
            return
        how, backup = dialog.choice
        path = self.context.path
        if how == NEW_FILE:
            self.restore_as_new(backup.path, path)
        elif self._confirm_replace(path, backup):
            self.restore_over(backup.path, path, unprotect=True)

    def _confirm_replace(self, path: Path, backup) -> bool:
        from ..services.files.protection import is_protected
        from .dialogs.restore_dialog import taken_text

        question = self.tr(
            "Replace {} with the backup taken {}? Changes made since then will be in the "
            "copy of the file kept first, not in the file."
        ).format(path.name, taken_text(backup, self.context.info.locale))
        if is_protected(path) and not is_protected(backup.path):
            question += " " + self.tr(
                "The backup is not protected with a passphrase, so the restored file will not be."
            )
        answer = QMessageBox.question(self.window, self.tr("Replace the open file"), question)
        return answer == QMessageBox.StandardButton.Yes

    def restore_as_new(self, backup: Path, beside: Path) -> None:
        target = self._choose_new_file(
            self.tr("Restore as a new file"),
            beside.with_name(f"{beside.stem} restored{GROUP_FILE_SUFFIX}"),
        )
        if target is not None:
            self._run_restore(backup, target)

    def restore_over(self, backup: Path, target: Path, unprotect: bool = False) -> None:
        self.window.close_for_restore()
        self._run_restore(backup, target, reopen_if_refused=True, unprotect=unprotect)

    def _run_restore(
        self, backup: Path, target: Path, reopen_if_refused: bool = False, unprotect: bool = False
    ) -> None:
        from ..services.files.backups import restore

        def failed(error: SponsorDeskError) -> None:
            self._failed(error)
            if reopen_if_refused:  # nothing was replaced: back to the file as it was
                self.window.open_file(target)

        def done(restored) -> None:
            if self.window.open_file(restored.target):
                kept = restored.kept or restored.set_aside
                note = self.tr(" The file it replaced was kept as {}.").format(kept) if kept else ""
                self._status(self.tr("Restored {}.").format(restored.target.name) + note)

        run_in_background(
            self.window,
            self.tr("Restoring…"),
            lambda: restore(backup, target, unprotect=unprotect),
            done,
            failed,
        )

    # --- a file that would not open ------------------------------------------------------------
    def offer_for_damaged(self, error) -> None:
        """Say the file is damaged and offer this group's newest good backup."""
        from ..services.files.backups import offering_backup

        error = offering_backup(error)
        locale = self.context.info.locale if self.context.info else "en_NZ"
        how = ask_about_damaged_file(self.window, error, locale)
        if how is None:
            return
        if error.offer.locked and not self.window.protection.ask_to_unlock(error.offer.path):
            return  # its passphrase was not given: nothing is restored
        if how == NEW_FILE:
            self.restore_as_new(error.offer.path, Path(error.path))
        elif how == REPLACE:
            self._run_restore(error.offer.path, Path(error.path))

    # --- the open file was moved or deleted ----------------------------------------------------
    def save_what_is_open(self) -> None:
        """Save a complete copy of what the window has to a new place and carry on there."""
        if not self.context.is_open:
            return
        from ..services.files.copies import save_copy

        source = self.context.path
        target = self._choose_new_file(
            self.tr("Save what is open to a new place"), source.with_name(source.name)
        )
        if target is None:
            return
        store = self.context.store
        run_in_background(
            self.window,
            self.tr("Saving a copy…"),
            lambda: save_copy(store, target),
            lambda saved: self.window.open_file(saved),
            self._failed,
        )
