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
    from .translations import install

    install(app)
    install_crash_handler()
    from ..privacy import use_private_temporary_folder
    from ..services.backups import clean_up_at_start

    clean_up_at_start()  # what killed backups left; loads no database code
    use_private_temporary_folder()  # and what a killed window left in its temporary folder
    from ..services.snapshot import remove_stale_snapshots

    remove_stale_snapshots()  # of group files deleted since: nothing is kept about them
    settings = AppSettings()
    window = MainWindow(settings)
    if window.first_start:
        window.fit_to_screen()
    window.show()
    target = args.file or settings.last_file()
    if target is not None:
        window.start(target)
    return app.exec()
