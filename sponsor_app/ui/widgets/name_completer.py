"""Names suggested as you type, found whatever the case and macrons ("kapiti" offers "Kāpiti")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ...domain.text import fold

FOLDED = Qt.ItemDataRole.UserRole + 1  # what is matched: the name as domain/text.fold has it


class NameCompleter(QCompleter):
    """A QCompleter matching anywhere in a name, compared folded as the services compare
    names; what it puts in the field is the name as it is spelt."""

    def __init__(self, names: Iterable[str], parent: QWidget | None = None):
        super().__init__(parent)
        model = QStandardItemModel(self)
        for name in names:
            item = QStandardItem(name)
            item.setData(fold(name), FOLDED)
            item.setEditable(False)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(FOLDED)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(10)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


def suggest_names(field: QLineEdit, names: Iterable[str]) -> NameCompleter:
    """Offer `names` in `field` as the person types."""
    completer = NameCompleter(names, field)
    field.setCompleter(completer)
    return completer
