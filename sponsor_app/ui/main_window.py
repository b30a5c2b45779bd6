"""The main window: navigation, pages, menus, the status bar, and opening and closing files."""

from __future__ import annotations

import contextlib
import platform
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.errors import SponsorDeskError
from ..domain.text import isolate
from ..locations import GROUP_FILE_SUFFIX, data_dir
from ..services.files.snapshot import load_snapshot, save_snapshot
from .backups import BackupActions
from .context import GroupContext
from .errors import show_known_error
from .files import chosen_in, start_in
from .formatting import timestamp
from .pages.base import Page, PageHeader
from .pages.dashboard import DashboardPage
from .pages.registry import PAGES, index_of
from .pages.welcome import WelcomePage
from .protection import ProtectionActions
from .settings import AppSettings
from .widgets.banner import Banner
from .widgets.form import install_dialog_focus
from .widgets.icons import give_buttons_icons, icon
from .widgets.undo_notice import UndoNotice
from .worker import run_in_background

FILE_FILTER = "Sponsor Desk group files (*.sponsor)"
DEMO_FILE_NAME = f"Demo group{GROUP_FILE_SUFFIX}"


DEFAULT_SIZE = QSize(1280, 820)  # on a screen with room for it (fit_to_screen)


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.context = GroupContext(self)
        self._tasks = None  # the task controller, made when the dashboard first opens a task
        self.setWindowTitle(APP_NAME)
        self.resize(DEFAULT_SIZE)
        install_dialog_focus()  # every dialog opens with the cursor in its first field

        self.welcome = WelcomePage()
        give_buttons_icons(self.welcome)
        self.dashboard = DashboardPage(self.context)
        # Other pages are built the first time they are shown (pages/registry.py says why).
        self.pages: list[Page | None] = [
            self.dashboard if entry.key == "dashboard" else None for entry in PAGES
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        for number, entry in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(entry.icon), entry.label)
            item.setToolTip(f"Ctrl+{number}")
            self.navigation.addItem(item)
        self.navigation.setFixedWidth(180)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        self.page_stack = QStackedWidget()
        for page in self.pages:
            self.page_stack.addWidget(page or QWidget())
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.page_stack, 1)
        # A banner above the pages for what needs attention now (the file was moved).
        self.banner = Banner()
        framed = QWidget()
        column = QVBoxLayout(framed)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(workspace, 1)
        workspace = framed
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(workspace)
        self.setCentralWidget(self.central)
        self.navigation.currentRowChanged.connect(self._on_navigate)

        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        # "Transaction deleted. [Undo]" after every removal (context.execute(..., removal=...)).
        self.undo_notice = UndoNotice(self.context.undo_stack)
        self.statusBar().insertWidget(0, self.undo_notice)
        self.context.removed.connect(self.undo_notice.show_removal)
        self.context.closed.connect(self.undo_notice.dismiss)

        self.backups = BackupActions(self)
        self.protection = ProtectionActions(self)
        self._build_menus()
        self.context.file_lost.connect(self._on_file_lost)
        self.welcome.create_requested.connect(self.new_group)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.recent_requested.connect(self.open_file)
        self.dashboard.task_activated.connect(self.show_task)
        self.dashboard.plan_requested.connect(self.show_plan_filtered)
        self.dashboard.page_requested.connect(self.show_page)
        self.context.changed.connect(self._on_changed)
        self.context.error.connect(lambda message: QMessageBox.warning(self, APP_NAME, message))
        self._show_welcome()
        geometry = self.settings.geometry()
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)

    def fit_to_screen(self, available: QRect | None = None) -> None:
        """The first window (no size saved yet) within the screen's available area, frame and
        title bar included, and centred on it: 1280x820 was taller than a 768-pixel screen."""
        if available is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            available = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        # Before the window is shown the frame is unknown: allow for a usual title bar.
        frame_w = frame.width() if frame.width() > 0 else 16
        frame_h = frame.height() if frame.height() > 0 else 40
        size = QSize(
            min(DEFAULT_SIZE.width(), available.width() - frame_w),
            min(DEFAULT_SIZE.height(), available.height() - frame_h),
        )
        self.resize(size)
        centre = available.center()
        self.move(
            max(available.left(), centre.x() - (size.width() + frame_w) // 2),
            max(available.top(), centre.y() - (size.height() + frame_h) // 2),
        )

    # --- menus ------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&New Group…"), self.new_group, QKeySequence.StandardKey.New
        )
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        import_menu = file_menu.addMenu(self.tr("&Import"))
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.import_volunteers_action = self._action(
            import_menu, self.tr("&Volunteers…"), lambda: self.volunteers.import_file()
        )
        self.export_volunteers_action = self._action(
            export_menu, self.tr("&Volunteers…"), lambda: self.volunteers.export_file()
        )
        self.import_transactions_action = self._action(
            import_menu, self.tr("&Transactions…"), lambda: self.funds.import_file()
        )
        self.export_transactions_action = self._action(
            export_menu, self.tr("&Transactions…"), lambda: self.funds.export_file()
        )
        self.import_bank_action = self._action(
            import_menu, self.tr("&Bank statement…"), lambda: self.funds.import_bank_file()
        )
        self.file_actions = [
            self.import_volunteers_action,
            self.export_volunteers_action,
            self.import_transactions_action,
            self.export_transactions_action,
            self.import_bank_action,
        ]
        file_menu.addSeparator()
        self.save_copy_action = self._action(
            file_menu, self.tr("Save a &Copy…"), self.save_a_copy, QKeySequence("Ctrl+Shift+S")
        )
        self.back_up_action = self._action(
            file_menu,
            self.tr("Back &Up To…"),
            self.backups.back_up_to,
            QKeySequence("Ctrl+Shift+B"),
        )
        self.restore_action = self._action(file_menu, self.tr("&Restore…"), self.backups.restore)
        file_menu.addSeparator()
        self.protect_action = self._action(
            file_menu, self.tr("&Protect with a Passphrase…"), self.protection.protect
        )
        self.change_passphrase_action = self._action(
            file_menu, self.tr("Change Pass&phrase…"), self.protection.change
        )
        self.remove_protection_action = self._action(
            file_menu, self.tr("Remove Pro&tection…"), self.protection.remove
        )
        self.protection_actions = [
            self.protect_action,
            self.change_passphrase_action,
            self.remove_protection_action,
        ]
        file_menu.aboutToShow.connect(self._update_protection_actions)
        file_menu.addSeparator()
        self.close_action = self._action(
            file_menu, self.tr("&Close"), self.close_file, QKeySequence.StandardKey.Close
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = menus.addMenu(self.tr("&Edit"))
        stack = self.context.undo_stack
        self.undo_action = self._action(
            edit_menu, self.tr("&Undo"), stack.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(edit_menu, self.tr("&Redo"), stack.redo)
        # Every binding the platform has for Redo (Ctrl+Shift+Z and Ctrl+Y here). A list that
        # holds the StandardKey itself keeps only its first binding.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcuts(
            redo_keys + [k for k in (QKeySequence("Ctrl+Y"),) if k not in redo_keys]
        )
        edit_menu.addSeparator()
        self.history_action = self._action(
            edit_menu, self.tr("&History…"), self.show_history, QKeySequence("Ctrl+H")
        )
        self.history_action.setToolTip(
            self.tr("Every change to the file, who made it and when; revert one")
        )
        self.file_actions.append(self.history_action)
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
            self.context.busy_changed,
        ):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()

        view_menu = menus.addMenu(self.tr("&View"))
        self.page_actions = []
        for number, entry in enumerate(PAGES, start=1):
            action = self._action(
                view_menu,
                entry.label,
                lambda _=False, n=number - 1: self.show_page(n),
                QKeySequence(f"Ctrl+{number}"),
            )
            self.page_actions.append(action)
        view_menu.addSeparator()
        self._action(
            view_menu, self.tr("Re&fresh"), self._refresh_current, QKeySequence.StandardKey.Refresh
        )

        help_menu = menus.addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            help_menu, self.tr("&Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        self.shortcuts_action = self._action(
            help_menu,
            self.tr("&Keyboard Shortcuts"),
            self.show_shortcuts,
            QKeySequence("Ctrl+/"),
        )
        help_menu.addSeparator()
        self.about_action = self._action(help_menu, self.tr("&About Sponsor Desk"), self.about)

    def _update_protection_actions(self) -> None:
        """Protect a plain file; change or remove the passphrase of a protected one."""
        is_open = self.context.is_open and not self.context.lost
        protected = is_open and self.protection.is_protected()
        self.protect_action.setEnabled(is_open and not protected)
        self.change_passphrase_action.setEnabled(protected)
        self.remove_protection_action.setEnabled(protected)

    def _update_undo_actions(self, *_) -> None:
        """Undo and redo name their step, and are off while a write runs in the background."""
        stack, busy = self.context.undo_stack, self.context.busy
        for action, can, text, verb in (
            (self.undo_action, stack.canUndo(), stack.undoText(), self.tr("&Undo")),
            (self.redo_action, stack.canRedo(), stack.redoText(), self.tr("&Redo")),
        ):
            action.setEnabled(can and not busy)
            action.setText(f"{verb} {text}".strip() if can else verb)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(no recent files)")).setEnabled(False)

    # --- pages ------------------------------------------------------------------------------
    def show_page(self, page: int | str) -> None:
        """Show a page by its place in the navigation or its key ("funds")."""
        if self.context.is_open:
            self.navigation.setCurrentRow(page if isinstance(page, int) else index_of(page))

    def _on_navigate(self, number: int) -> None:
        if number >= 0:
            self.page(number)
            self.page_stack.setCurrentIndex(number)

    def show_guide(self) -> None:
        from .dialogs.help_dialogs import GuideDialog

        GuideDialog(self).exec()

    def show_shortcuts(self) -> None:
        from .dialogs.help_dialogs import ShortcutsDialog, shortcut_rows

        if self.context.is_open:  # every page built, so each page's keys are listed
            for number in range(len(PAGES)):
                self.page(number)
        ShortcutsDialog(shortcut_rows(self), self).exec()

    def changeEvent(self, event: QEvent) -> None:
        # A widget with a style sheet keeps the palette it was polished with: when the system
        # turns dark while the app runs, the navigation list would stay white. Polish it again.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.navigation.setStyleSheet(self.navigation.styleSheet())
        super().changeEvent(event)

    def page(self, page: int | str) -> Page:
        """The page at a place in the navigation (or with a key), built on first use."""
        number = page if isinstance(page, int) else index_of(page)
        if self.pages[number] is None:
            built = PAGES[number].build(self.context)
            _dress(built, PAGES[number])
            placeholder = self.page_stack.widget(number)
            self.page_stack.insertWidget(number, built)
            self.page_stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[number] = built
        return self.pages[number]

    def _build_next_page(self) -> None:
        """Build the pages not yet built, one per turn of the event loop, once the window is
        idle after opening: start-up stays quick and the first visit to a page does too."""
        waiting = [n for n, page in enumerate(self.pages) if page is None]
        if waiting and self.context.is_open:
            self.page(waiting[0])
            QTimer.singleShot(0, self._build_next_page)

    @property
    def households(self):
        return self.page("households")

    @property
    def volunteers(self):
        return self.page("volunteers")

    @property
    def housing(self):
        return self.page("housing")

    @property
    def funds(self):
        return self.page("funds")

    def current_page(self) -> Page:
        return self.page(self.page_stack.currentIndex())

    def _refresh_current(self) -> None:
        if self.context.is_open:
            self.current_page().refresh_now()

    # --- files ------------------------------------------------------------------------------
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

    # --- tasks ------------------------------------------------------------------------------
    def show_history(self) -> None:
        """Edit ▸ History: one window of it, kept beside the main window (not modal)."""
        if not self.context.is_open:
            return
        from .dialogs.history_dialog import HistoryDialog

        dialog = getattr(self, "history_dialog", None)
        if dialog is None:
            dialog = self.history_dialog = HistoryDialog(self.context, self)
            self.context.closed.connect(dialog.close)
        else:
            dialog.reload()  # perhaps another file since
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_task(self, task_id: int) -> None:
        """The task form (the plan page's own) for a task the dashboard lists."""
        if not self.context.is_open:
            return  # a start-up snapshot is showing; the file is still opening
        if self._tasks is None:
            from .task_controller import TaskController  # loads the services: not at start-up

            self._tasks = TaskController(self, self.context)
        self._tasks.edit(task_id)

    def show_plan_filtered(self, which: str) -> None:
        """The dashboard's counts: the plan page with overdue or this week's tasks."""
        if not self.context.is_open:
            return
        self.show_page("plan")
        self.page("plan").show_filtered(overdue=which == "overdue", this_week=which == "week")

    # --- state ------------------------------------------------------------------------------
    def _show_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self.central.setCurrentWidget(self.welcome)
        self.setWindowTitle(APP_NAME)
        self.banner.clear()
        for action in (
            self.save_copy_action,
            self.back_up_action,
            self.restore_action,
            self.close_action,
            *self.page_actions,
            *self.file_actions,
            *self.protection_actions,
        ):
            action.setEnabled(False)
        self._update_status()

    def _show_workspace(self) -> None:
        self.central.setCurrentIndex(1)
        self.navigation.setEnabled(True)
        QTimer.singleShot(300, self._build_next_page)
        for action in (
            self.save_copy_action,
            self.close_action,
            *self.page_actions,
            *self.file_actions,
        ):
            action.setEnabled(True)
        self.back_up_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self._update_protection_actions()
        self.banner.clear()
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        self._update_title()
        self._update_status()

    def _update_title(self) -> None:
        if self.context.is_open:
            self.setWindowTitle(
                f"{isolate(self.context.info.name)} — {self.context.path.name} — {APP_NAME}"
            )

    def _on_changed(self, _changes) -> None:
        self._update_title()
        self._update_status()

    def _update_status(self) -> None:
        if not self.context.is_open:
            self.file_label.setText(self.tr("No group file open"))
            self.saved_label.clear()
            return
        self.file_label.setText(str(self.context.path))
        saved = self.context.last_saved
        self.saved_label.setText(
            self.tr("All changes saved; last at {}").format(
                timestamp(saved, self.context.info.locale)
            )
            if saved
            else self.tr("Opened; every change is saved as you make it")
        )

    def about(self) -> QMessageBox:
        """The version, where this copy is installed and where it keeps its own files: what
        someone helping with an update or a problem asks first."""
        from html import escape

        from PySide6 import __version__ as qt_version

        from ..locations import backup_dir, config_dir, installed_at, log_dir

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Sponsor Desk"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "<b>Sponsor Desk {version}</b><br>Records and reports for community refugee "
                "sponsorship groups. Everything stays in one file on this computer."
                "<p>Installed in: {installed}<br>Backups: {backups}<br>Settings: {settings}<br>"
                "Logs: {logs}</p><p><small>Python {python}, Qt {qt}</small></p>"
            ).format(
                version=__version__,
                installed=escape(str(installed_at())),
                backups=escape(str(backup_dir())),
                settings=escape(str(config_dir())),
                logs=escape(str(log_dir())),
                python=escape(platform.python_version()),
                qt=escape(qt_version),
            )
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

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

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing to ask: every change is already saved.
        self.settings.set_geometry(self.saveGeometry())
        self._close_with_snapshot()
        self._forget_keys()
        super().closeEvent(event)

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

    def is_showing_welcome(self) -> bool:
        return self.central.currentWidget() is self.welcome


def _same_file(one: Path, other: Path | None) -> bool:
    try:
        return other is not None and Path(one).samefile(other)
    except OSError:
        return False


def _dress(page: Page, entry) -> None:
    """The same look on every page: its header (name and what it holds) at the top, and an
    icon on each button that names what it does."""
    if getattr(page, "header", None) is None and page.layout() is not None:
        page.header = PageHeader(entry.label, entry.subtitle)
        page.layout().insertWidget(0, page.header)
    give_buttons_icons(page)


class _NotUnlocked(SponsorDeskError):
    """The person cancelled the passphrase prompt: the file simply stays closed."""
