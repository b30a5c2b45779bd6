"""Qt translations: the window's words, with the right plural forms.

Messages with a count are written once with Qt's %n ("%n household(s)"), and a translation
file gives each language its forms. English has one too, so that 1 reads "1 household" and 2
"2 households" (`make translations` rebuilds it from the sources).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# Kept alive: Qt owns neither the translators nor the bytes they read (QTranslator.load(data)
# keeps a pointer to the data, not a copy: freeing it crashed the window).
_installed: list[tuple[QTranslator, bytes]] = []


def install(app: QCoreApplication, language: str | None = None) -> None:
    """Load the translation for `language` (default: the system's), English as the fallback."""
    for translator, _data in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    wanted = [language or QLocale.system().name().split("_")[0], "en"]
    folder = resources.files("sponsor_app.resources") / "translations"
    for code in dict.fromkeys(wanted):
        entry = folder / f"sponsor_desk_{code}.qm"
        if not entry.is_file():
            continue
        data = entry.read_bytes()
        translator = QTranslator()
        if translator.load(data):
            app.installTranslator(translator)
            _installed.append((translator, data))
            break  # the first language found; Qt falls back to the source text beyond it
