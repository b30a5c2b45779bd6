"""`make screenshots`, sharing (issue 22): File ▸ Sharing… for a plain file not shared yet (a
folder refused next to its field), the same dialog once the file is shared, and the window's
status bar after a sync. A small group file of its own is shared through a scratch folder, so
the demo the other pictures use is never founded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sponsor_app.services.group.groups import NewGroup, create_group


def sharing_views(window, scratch: Path, folder: Path, suffix: str) -> list[Path]:
    app = QApplication.instance()
    written: list[Path] = []
    place = scratch / f"sharing{suffix}" / "USB stick"
    place.mkdir(parents=True)
    group = place.parent / "Kāpiti Welcome Circle.sponsor"
    create_group(group, NewGroup(name="Kāpiti Welcome Circle")).close()
    window.open_file(group)

    def shot(widget, name: str) -> None:
        app.processEvents()
        written.append(folder / f"{name}{suffix}.png")
        widget.grab().save(str(written[-1]))

    dialog = window.sharing.make_dialog()
    dialog.show()
    QTest.keyClicks(dialog.folder_field, str(place.parent / "Not plugged in"))
    dialog.share_button.click()
    _until(app, lambda: bool(dialog.folder_error.text()))
    shot(dialog, "sharing-dialog-refused")
    dialog.folder_field.clear()
    QTest.keyClicks(dialog.folder_field, str(place))
    window.sharing.dialog = dialog
    dialog.share_button.click()
    _until(app, lambda: dialog.is_shared_view and not window.sharing.running)
    shot(dialog, "sharing-dialog-shared")
    dialog.sync_button.click()
    _until(app, lambda: window.sync_label.text().startswith("Synced"))
    shot(dialog, "sharing-dialog-synced")
    window.sharing.dialog = None
    dialog.close()
    shot(window, "sharing-status-bar")
    window.close_file()
    return written


def _until(app, condition, seconds: float = 20) -> None:
    import time

    ends = time.monotonic() + seconds
    while not condition() and time.monotonic() < ends:
        app.processEvents()
        time.sleep(0.02)
