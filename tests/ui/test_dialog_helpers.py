"""The helpers that answer dialogs for a test (conftest.py) must answer the right one.

A long task shows a modal progress dialog only when it runs slowly (a busy CI machine); a
helper that took it for the message it waits for left the real message unanswered, and its
exec() hung the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from .conftest import on_next_modal


def test_a_helper_waiting_for_a_message_lets_a_progress_dialog_pass(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = QProgressDialog("Importing bank.csv…", "Cancel", 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    seen: list[str] = []

    def finished(box: QWidget) -> None:
        seen.append(box.text())  # a progress dialog has no text(): taken for the message
        box.button(QMessageBox.StandardButton.Ok).click()

    def work_done() -> None:
        progress.close()
        box = QMessageBox(
            QMessageBox.Icon.Information, "Import finished", "300 added", parent=parent
        )
        QTimer.singleShot(5000, box.reject)  # unanswered: fail below instead of hanging
        box.exec()

    with on_next_modal(qtbot, finished):
        progress.show()
        qtbot.waitUntil(progress.isVisible)
        QTimer.singleShot(300, work_done)
        qtbot.waitUntil(lambda: not progress.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: bool(seen), timeout=8000)
    assert seen == ["300 added"]
