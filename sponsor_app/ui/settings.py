"""The app's own settings (recent files, window geometry) in an INI file in the config folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..locations import config_dir, documents_dir

MAX_RECENT = 8
MAX_REPORTS = 20  # generated reports listed on the Reports page, per group


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

    # --- where file choosers open -----------------------------------------------------------
    def folder_for(self, kind: str) -> Path:
        """The folder last used for this kind of file (an import, a calendar, an export...),
        while it still exists; else Documents; never the program's own folder."""
        value = self._qsettings.value(f"folders/{kind}")
        if value and Path(value).is_dir():
            return Path(value)
        documents = documents_dir()
        return documents if documents.is_dir() else documents.parent

    def remember_folder(self, kind: str, chosen: Path | str) -> None:
        path = Path(chosen)
        folder = path if path.is_dir() else path.parent
        self._qsettings.setValue(f"folders/{kind}", str(folder))
        self._qsettings.sync()

    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", geometry)
        self._qsettings.sync()

    # --- generated reports ----------------------------------------------------------------
    # Kept here rather than in the group file: they are paths on this computer (meaningless
    # on another one the file is copied to), and making a report is not an edit of the
    # group's records that undo or the file's history should show.
    def generated_reports(self, group_uuid: str) -> list[dict]:
        """Newest first: {"title", "path", "made", "named"} for this group's last reports."""
        raw = self._qsettings.value(f"reports/{group_uuid}", "")
        try:
            entries = json.loads(raw) if raw else []
        except ValueError:
            return []
        return [e for e in entries if isinstance(e, dict) and "path" in e][:MAX_REPORTS]

    def remember_report(self, group_uuid: str, entry: dict) -> None:
        kept = [e for e in self.generated_reports(group_uuid) if e["path"] != entry["path"]]
        self._qsettings.setValue(f"reports/{group_uuid}", json.dumps([entry, *kept][:MAX_REPORTS]))
        self._qsettings.sync()
