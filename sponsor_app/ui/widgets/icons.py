"""Icons from the Lucide set shipped in resources/icons (ISC licence beside them).

They are line drawings in `currentColor`; the engine below paints each one in the palette's
text colour at the moment it is drawn, so icons follow a light or dark palette, and a
disabled button's icon is greyed like its text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


@cache
def _svg(name: str) -> str:
    return (resources.files("sponsor_app.resources") / "icons" / f"{name}.svg").read_text(
        encoding="utf-8"
    )


class _PaletteIconEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def _colour(self, mode: QIcon.Mode) -> str:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Selected:  # on the highlight (the chosen page in the list)
            return palette.color(QPalette.ColorRole.HighlightedText).name()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        return palette.color(group, QPalette.ColorRole.ButtonText).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = _svg(self._name).replace("currentColor", self._colour(mode))
        QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self._name)


def icon(name: str) -> QIcon:
    """The named icon ("calendar", "plus"...), drawn in the palette's colours."""
    _svg(name)  # a missing icon is a bug: fail where it is asked for, not at paint time
    return QIcon(_PaletteIconEngine(name))


# A button's first word says what it does; the icon says the same at a glance. The words are
# the window's English texts (the only language with its own texts so far): a translation
# that changes them simply shows its buttons without icons until this table learns its words.
_BY_VERB = {
    "add": "plus",
    "record": "plus",
    "log": "plus",
    "create": "plus",
    "new": "plus",
    "edit": "pencil",
    "rename": "pencil",
    "delete": "trash-2",
    "remove": "trash-2",
    "archive": "archive",
    "restore": "archive-restore",
    "bring": "archive-restore",
    "import": "file-down",
    "export": "file-up",
    "generate": "file-text",
    "open": "folder-open",
    "show": "folder-open",
    "choose": "folder-open",
    "save": "save",
    "mark": "check",
    "tick": "check",
    "skip": "circle-slash",
    "re-apply": "refresh-cw",
    "clear": "filter-x",
    "roles": "settings",
    "rules": "settings",
    "categories": "settings",
    "set": "wallet",
    "volunteer's": "calendar",
    "try": "book-open",
}


def icon_for_text(text: str) -> str | None:
    """The icon for a button's text ("&Add volunteer…" -> "plus"), or None."""
    words = text.replace("&", "").lower().split()
    return _BY_VERB.get(words[0].rstrip("…:.")) if words else None


def give_buttons_icons(root) -> None:
    """Every push button under `root` without an icon gets the one its text names."""
    from PySide6.QtWidgets import QPushButton

    for button in root.findChildren(QPushButton):
        if button.icon().isNull() and (name := icon_for_text(button.text())):
            button.setIcon(icon(name))


def app_icon() -> QIcon:
    """Sponsor Desk's own icon (resources/sponsor-desk.svg), for the window and the task bar."""
    return QIcon(str(resources.files("sponsor_app.resources") / "sponsor-desk.svg"))
