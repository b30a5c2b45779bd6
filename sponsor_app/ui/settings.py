"""The app's own settings (recent files, window geometry) in an INI file in the config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..locations import config_dir

MAX_RECENT = 8


class AppSettings:
    def __init__(self) -> None:
        self._qsettings = QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)

    def recent_files(self) -> list[Path]:
        value = self._qsettings.value("files/recent", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in paths if p]

    def remember_file(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        recent = [resolved] + [str(p) for p in self.recent_files() if str(p) != resolved]
        self._qsettings.setValue("files/recent", recent[:MAX_RECENT])
        self._qsettings.setValue("files/last", resolved)
        self._qsettings.sync()

    def forget_file(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        self._qsettings.setValue(
            "files/recent", [str(p) for p in self.recent_files() if str(p) != resolved]
        )
        if self._qsettings.value("files/last") == resolved:
            self._qsettings.remove("files/last")
        self._qsettings.sync()

    def last_file(self) -> Path | None:
        value = self._qsettings.value("files/last")
        return Path(value) if value else None

    def clear_last_file(self) -> None:
        self._qsettings.remove("files/last")
        self._qsettings.sync()

    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", geometry)
        self._qsettings.sync()
