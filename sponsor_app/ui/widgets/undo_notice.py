"""After a removal, "Transaction deleted. [Undo]" for a few seconds, as mail clients do.

Removals happen at once, without a question (the change set can be reverted), so the window
says what went and offers the way back in the same place every time. The Undo button undoes
that very step on the window's undo stack, and only while it is still the last step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class UndoNotice(QFrame):
    SHOWN_SECONDS = 8  # time to read one line and reach the button

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("undoNotice")
        self._stack = undo_stack
        self._index = -1  # the stack's index just after the removal this notice is about
        self._left = 0
        # The palette's highlight colours, so it stands out from the status bar in a light or
        # a dark palette alike, and follows the system when it switches (a style sheet's
        # palette() colours would be fixed when the widget is first shown).
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 2, 4, 2)
        row.setSpacing(8)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Undo the removal"))
        self.dismiss_button = QPushButton("✕")
        self.dismiss_button.setFlat(True)
        self.dismiss_button.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.setFixedWidth(self.dismiss_button.sizeHint().height())
        row.addWidget(self.label)
        row.addWidget(self.undo_button)
        row.addWidget(self.dismiss_button)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.undo_button.clicked.connect(self._on_undo)
        self.dismiss_button.clicked.connect(self.dismiss)
        undo_stack.indexChanged.connect(self._on_stack_moved)
        self.hide()

    def show_removal(self, message: str) -> None:
        """Say `message` ("Transaction deleted.") about the step just put on the undo stack."""
        self._index = self._stack.index()
        self.label.setText(message)
        self.setAccessibleName(message)
        self.setAccessibleDescription(self.tr("Press Undo or Ctrl+Z to bring it back."))
        self._left = self.SHOWN_SECONDS
        self._timer.start()
        self.show()

    def dismiss(self) -> None:
        self._timer.stop()
        self._index = -1
        self.hide()

    def _tick(self) -> None:
        # Time passes only while the message can be read and reached: not under a dialog
        # (a removal in the categories dialog), not while the pointer rests on it.
        if QApplication.activeModalWidget() is not None or self.underMouse():
            return
        self._left -= 1
        if self._left <= 0:
            self.dismiss()

    def _on_undo(self) -> None:
        if self._index > 0 and self._stack.index() == self._index and self._stack.canUndo():
            self._stack.undo()
        self.dismiss()

    def _on_stack_moved(self, index: int) -> None:
        # Undone (by Ctrl+Z too), or another step since: the button would undo something else.
        if self.isVisible() and index != self._index:
            self.dismiss()
