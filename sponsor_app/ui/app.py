"""Start the window: `sponsor-app [FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from .errors import install_crash_handler
from .main_window import MainWindow
from .settings import AppSettings


def run_window(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sponsor-app", add_help=False)
    parser.add_argument("file", nargs="?", type=Path)
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SponsorDesk")
    app.setDesktopFileName("sponsor-desk")  # the installed .desktop file: its name and icon
    from .widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    from .single_instance import start_or_hand_over

    windows: list[MainWindow] = []  # the one window, once built: later starts call on it
    _listener, handed_over = start_or_hand_over(
        args.file, lambda path: windows[0].bring_forward(path) if windows else None
    )
    if handed_over:  # the running window came forward (and opened the file) instead
        print("Sponsor Desk is already open: its window was brought forward.")
        return 0
    from .translations import install

    install(app)
    install_crash_handler()
    from ..services.files.backups import clean_up_at_start
    from ..services.files.temporary_files import use_private_temporary_folder

    clean_up_at_start()  # what killed backups left; loads no database code
    use_private_temporary_folder()  # and what a killed window left in its temporary folder
    from ..services.files.snapshot import remove_stale_snapshots

    remove_stale_snapshots()  # of group files deleted since: nothing is kept about them
    settings = AppSettings()
    window = MainWindow(settings)
    if window.first_start:
        window.fit_to_screen()
    windows.append(window)
    window.show()
    target = args.file or settings.last_file()
    if target is not None:
        window.start(target)
    from . import startup_probe

    if startup_probe.wanted():
        startup_probe.watch(app, window)
    return app.exec()
