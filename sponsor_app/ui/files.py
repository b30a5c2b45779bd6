"""File choosers around services that write files, run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .worker import run_in_background


def export_with_dialog(
    parent: QWidget, title: str, suggested_name: str, export: Callable[[Path], Path], done_text: str
) -> None:
    """Ask where to save, write the file on a worker, then say where it went in the status bar.

    `done_text` has one {} for the path.
    """
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, suggested_name, parent.tr("Excel (*.xlsx);;CSV (*.csv)")
    )
    if not chosen:
        return
    run_in_background(
        parent,
        title + "…",
        lambda: export(Path(chosen)),
        lambda path: parent.window().statusBar().showMessage(done_text.format(path), 8000),
        lambda error: QMessageBox.warning(parent, parent.tr("Export failed"), str(error)),
    )
