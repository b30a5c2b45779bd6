"""Errors reach people as sentences: known ones as a message, bugs in one crash dialog + log."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..domain.errors import SponsorDeskError
from ..locations import log_dir
from .words import error_words

log = logging.getLogger("sponsor_app")


def log_file():
    return log_dir() / "sponsor-desk.log"


def setup_logging() -> None:
    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return
    handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def show_known_error(
    parent: QWidget | None, error: SponsorDeskError, title: str | None = None
) -> None:
    from ..services.files.backups import DamagedFile, offering_backup

    if isinstance(error, DamagedFile):  # the backup to restore is looked for only now
        error = offering_backup(error)
    QMessageBox.warning(
        parent, title or QApplication.translate("errors", "Sponsor Desk"), error_words(error)
    )


def report_unexpected(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook: a user's mistake is a message; anything else is logged and shown once."""
    if isinstance(exc, SponsorDeskError):
        show_known_error(QApplication.activeWindow(), exc)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unexpected error in Sponsor Desk %s\n%s", __version__, details)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    from .dialogs.crash_dialog import CrashDialog

    CrashDialog(details, str(log_file()), QApplication.activeWindow()).exec()


def install_crash_handler() -> None:
    setup_logging()
    sys.excepthook = report_unexpected
