"""The main window's files: opening one (unlocking it if protected, offering a backup if it is
damaged), a new group, the demo, a copy, closing, and start-up from a saved dashboard. MainWindow
takes these methods in (main_window.py)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from .. import APP_NAME
from ..domain.errors import SponsorDeskError
from ..locations import GROUP_FILE_SUFFIX, data_dir
from ..services.files.snapshot import load_snapshot, save_snapshot
from .errors import show_known_error
from .files import chosen_in, start_in
from .worker import run_in_background

FILE_FILTER = "Sponsor Desk group files (*.sponsor)"
DEMO_FILE_NAME = f"Demo group{GROUP_FILE_SUFFIX}"


class WindowFiles:
    def open_file(self, path: Path) -> bool:
        """Open a group file; a known problem is shown as a message and nothing changes."""
        self._close_with_snapshot()
        try:
            self._open_unlocking(Path(path))
        except SponsorDeskError as error:
            from ..services.files.backups import DamagedFile

            if isinstance(error, DamagedFile):
                self._show_welcome()
                self.backups.offer_for_damaged(error)  # this group's newest good backup
                return False
            if not isinstance(error, _NotUnlocked):
                show_known_error(self, error, self.tr("Cannot open {}").format(Path(path).name))
            if not Path(path).exists():
                self.settings.forget_file(Path(path))
            self._show_welcome()  # also replaces a start-up snapshot of a file that did not open
            return False
        self.settings.remember_file(Path(path))
        self._show_workspace()
        problem = self.context.store.backup_problem
        if problem is not None:  # the file opened; only its automatic backup failed
            self.statusBar().showMessage(str(problem), 20000)
        return True

    def _open_unlocking(self, path: Path) -> None:
        """Open `path`; a protected one asks for its passphrase first (Cancel: not opened)."""
        from ..services.files.protection import PassphraseNeeded

        try:
            self.context.open(path)
        except PassphraseNeeded:
            if not self.protection.ask_to_unlock(path):
                raise _NotUnlocked(path) from None
            self.context.open(path)
        self.protection.finish_if_interrupted(path)

    def open_dialog(self) -> None:
        start = str(self.context.path.parent) if self.context.path else start_in("group file")
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a group file"), start, self.tr(FILE_FILTER)
        )
        if chosen:
            chosen_in("group file", chosen)
            self.open_file(Path(chosen))

    def new_group(self) -> None:
        from ..services.group.setup import start_group  # rarely used: kept out of start-up
        from .dialogs.new_group_wizard import NewGroupWizard

        wizard = NewGroupWizard(self)

        def create(path, group, household):
            store = start_group(path, group, household)
            store.close()

        wizard.create_callback = create
        if wizard.exec() and wizard.created_path is not None:
            self.open_file(wizard.created_path)

    def open_demo(self) -> None:
        path = data_dir() / "demo" / DEMO_FILE_NAME
        if path.exists():
            self.open_file(path)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        from ..services.demo.demo import write_demo  # rarely used: kept out of start-up

        run_in_background(
            self,
            self.tr("Writing the demo group…"),
            lambda: write_demo(path, "small"),
            lambda written: self.open_file(written),
            lambda error: show_known_error(self, error),
        )

    def save_a_copy(self) -> None:
        if not self.context.is_open:
            return
        source = self.context.path
        suggestion = str(source.with_name(f"{source.stem} copy{GROUP_FILE_SUFFIX}"))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), suggestion, self.tr(FILE_FILTER)
        )
        if not chosen:
            return
        target = Path(chosen if chosen.endswith(GROUP_FILE_SUFFIX) else chosen + GROUP_FILE_SUFFIX)
        store = self.context.store
        from ..services.files.copies import save_copy  # rarely used: kept out of start-up

        run_in_background(
            self,
            self.tr("Saving a copy…"),
            lambda: save_copy(store, target),
            lambda copy: self.statusBar().showMessage(
                self.tr("Saved a copy as {}").format(copy), 8000
            ),
            lambda error: show_known_error(self, error),
        )

    def close_file(self) -> None:
        self._close_with_snapshot()
        self.settings.clear_last_file()
        self._forget_keys()
        self._show_welcome()

    @staticmethod
    def _forget_keys() -> None:
        """A protected file's key leaves memory when it is closed."""
        from ..services.files.protection import forget_keys

        forget_keys()

    def close_for_restore(self) -> None:
        """Close the open file so that a backup can be restored over it."""
        self._close_with_snapshot()
        self._show_welcome()

    def _on_file_lost(self) -> None:
        self.banner.show_message(
            self.tr(
                "{} was moved or deleted while it was open, so Sponsor Desk has stopped saving "
                "to it. Nothing shown here is lost: save it to a new place and carry on there."
            ).format(self.context.path),
            self.tr("&Save What Is Open…"),
            self.backups.save_what_is_open,
        )

    def bring_forward(self, path: Path | None = None) -> None:
        """Another start of the app handed over to this window: come to the front, and open
        the file it was asked to open (unless it is this one, or a dialog is waiting for an
        answer: then the dialog comes forward and the file is named in the status bar)."""
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()
        if path is None or (self.context.is_open and _same_file(path, self.context.path)):
            return
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.raise_()
            modal.activateWindow()
            self.statusBar().showMessage(
                self.tr("To open {}, first finish with the dialog that is open.").format(path),
                20000,
            )
            return
        self.open_later(path)

    def open_later(self, path: Path) -> None:
        """Open after the event loop starts, so the window paints before any message box."""
        QTimer.singleShot(0, lambda: self.open_file(path))

    def start(self, path: Path) -> None:
        """Start-up: paint the file's saved dashboard at once if it is still right, then open
        the file behind it (services/files/snapshot.py says why and when a snapshot is trusted)."""
        snapshot = load_snapshot(Path(path))
        if snapshot is not None:
            self.central.setCurrentIndex(1)
            self.navigation.setCurrentRow(0)
            self.navigation.setEnabled(False)  # until the file is really open
            self.dashboard.show_figures(snapshot.figures)
            self.setWindowTitle(f"{Path(path).name} — {APP_NAME}")  # its name is not kept
            self.file_label.setText(self.tr("Opening {}…").format(path))
            # Paint now: opening the file blocks the event loop for a moment, and the saved
            # figures must be on screen before that, not after.
            self.repaint()
        self.open_later(Path(path))

    def _close_with_snapshot(self) -> None:
        """Close the open file; keep its dashboard, computed now, for the next start."""
        if not self.context.is_open:
            return
        from ..services.group.dashboard import dashboard

        path, info = self.context.path, self.context.info
        try:
            figures = dashboard(self.context.store)
        except SponsorDeskError:
            figures = None
        self.context.close()
        if figures is not None:
            # only a speed-up for the next start: a failure to save is never worth a message
            with contextlib.suppress(OSError):
                save_snapshot(path, info, figures)


def _same_file(one: Path, other: Path | None) -> bool:
    try:
        return other is not None and Path(one).samefile(other)
    except OSError:
        return False


class _NotUnlocked(SponsorDeskError):
    """The person cancelled the passphrase prompt: the file simply stays closed."""
