"""The main window: navigation, pages, the status bar and what the window shows. Its menus are
window_menus.py, opening and closing files window_files.py."""

from __future__ import annotations

import platform

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
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
from ..domain.text import isolate
from .backups import BackupActions
from .context import GroupContext
from .formatting import timestamp
from .pages.base import Page, PageHeader
from .pages.dashboard import DashboardPage
from .pages.registry import PAGES, index_of
from .pages.welcome import WelcomePage
from .protection import ProtectionActions
from .settings import AppSettings
from .sharing import SharingActions
from .widgets.banner import Banner
from .widgets.form import install_dialog_focus
from .widgets.icons import give_buttons_icons, icon
from .widgets.undo_notice import UndoNotice
from .window_files import WindowFiles
from .window_menus import WindowMenus

DEFAULT_SIZE = QSize(1280, 820)  # on a screen with room for it (fit_to_screen)


class _PageNamed:
    """`window.funds` and the like: the page of that name, built when first asked for."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, window, owner=None):
        return self if window is None else window.page(self.name)


class MainWindow(WindowMenus, WindowFiles, QMainWindow):
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
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self._workspace())
        self.setCentralWidget(self.central)
        self._status_bar()
        self.backups = BackupActions(self)
        self.protection = ProtectionActions(self)
        self.sharing = SharingActions(self)
        self._build_menus()
        self._connect()
        self._show_welcome()
        geometry = self.settings.geometry()
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _workspace(self) -> QWidget:
        """The navigation beside the pages, under a banner for what needs attention now (the
        file was moved)."""
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
        self.banner = Banner()
        framed = QWidget()
        column = QVBoxLayout(framed)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(workspace, 1)
        return framed

    def _status_bar(self) -> None:
        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.sync_label = QLabel()  # how the last sync went (ui/sharing.py), when shared
        self.sync_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        # "Transaction deleted. [Undo]" after every removal (context.execute(..., removal=...)).
        self.undo_notice = UndoNotice(self.context.undo_stack)
        self.statusBar().insertWidget(0, self.undo_notice)

    def _connect(self) -> None:
        self.navigation.currentRowChanged.connect(self._on_navigate)
        self.context.removed.connect(self.undo_notice.show_removal)
        self.context.closed.connect(self.undo_notice.dismiss)
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

    households = _PageNamed("households")
    volunteers = _PageNamed("volunteers")
    housing = _PageNamed("housing")
    funds = _PageNamed("funds")

    def current_page(self) -> Page:
        return self.page(self.page_stack.currentIndex())

    def _refresh_current(self) -> None:
        if self.context.is_open:
            self.current_page().refresh_now()

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
            self.sharing_action,
            self.sync_now_action,
        ):
            action.setEnabled(False)
        self.show_sync_status("")
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
        self.sharing.refresh()
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

    def show_sync_status(self, text: str, details: str = "") -> None:
        self.sync_label.setText(text)
        self.sync_label.setToolTip(details)
        self.sync_label.setVisible(bool(text))

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

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing to ask: every change is already saved.
        self.settings.set_geometry(self.saveGeometry())
        self._close_with_snapshot()
        self._forget_keys()
        super().closeEvent(event)

    def is_showing_welcome(self) -> bool:
        return self.central.currentWidget() is self.welcome


def _dress(page: Page, entry) -> None:
    """The same look on every page: its header (name and what it holds) at the top, and an
    icon on each button that names what it does."""
    if getattr(page, "header", None) is None and page.layout() is not None:
        page.header = PageHeader(entry.label, entry.subtitle)
        page.layout().insertWidget(0, page.header)
    give_buttons_icons(page)
