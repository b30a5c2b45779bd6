"""File choosers around services that write files, run off the GUI thread."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services.files.outputs import OutputRefused, check_output
from .words import error_words
from .worker import run_in_background


def start_in(kind: str, name: str = "") -> str:
    """Where a file chooser for this kind of file opens (the folder last used for it, else
    Documents), with a suggested file name."""
    from .settings import AppSettings

    folder = AppSettings().folder_for(kind)
    return str(folder / name) if name else str(folder)


def chosen_in(kind: str, chosen: str) -> None:
    """Remember the folder of a file (or a folder) chosen for this kind of file."""
    from .settings import AppSettings

    if chosen:
        AppSettings().remember_folder(kind, chosen)


def may_replace(parent: QWidget, path: Path) -> bool:
    """Ask before a file that exists is replaced (the command line wants --force)."""
    answer = QMessageBox.question(
        parent,
        parent.tr("Replace the file?"),
        parent.tr("{} already exists. Replace it with the export?").format(path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _replacing(export: Callable[[Path], Path], target: Path) -> Callable[[Path], Path]:
    """Export beside `target` under a new name (services never replace a file), then rename it
    over `target` in one step: the old file stays whole until the new one is complete."""

    def run(_path: Path) -> Path:
        fresh = target.with_name(f".{target.stem}.{secrets.token_hex(4)}{target.suffix}")
        try:
            export(fresh)
            check_output(target, force=True, what="export")  # the rule, at the last moment
            os.replace(fresh, target)
        finally:
            fresh.unlink(missing_ok=True)
        return target

    return run


def export_with_dialog(
    parent: QWidget, title: str, suggested_name: str, export: Callable[[Path], Path], done_text: str
) -> None:
    """Ask where to save, write the file on a worker, then say where it went in the status bar.

    `done_text` has one {} for the path.
    """
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        start_in("export", suggested_name),
        parent.tr("Excel (*.xlsx);;CSV (*.csv)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, the same everywhere
    )
    if not chosen:
        return
    chosen_in("export", chosen)
    target = Path(chosen)
    try:  # the one output rule: never the group file, a backup, a folder...
        target = check_output(target, force=True, what="export")
    except OutputRefused as refused:
        QMessageBox.warning(parent, parent.tr("Export failed"), error_words(refused))
        return
    if target.exists():
        if not may_replace(parent, target):
            return
        export = _replacing(export, target)
    run_in_background(
        parent,
        title + "…",
        lambda: export(target),
        lambda path: parent.window().statusBar().showMessage(done_text.format(path), 8000),
        lambda error: QMessageBox.warning(parent, parent.tr("Export failed"), error_words(error)),
    )
