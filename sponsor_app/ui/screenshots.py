"""`make screenshots`: every page with the large demo open, rendered offscreen to PNG."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .. import clock

SIZE = (1280, 900)


def main(out_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sponsor-shots-") as scratch:
        os.environ["SPONSOR_DESK_HOME"] = str(Path(scratch) / "home")
        from PySide6.QtWidgets import QApplication

        from ..services.demo import write_demo
        from .main_window import MainWindow
        from .pages.registry import PAGES

        from .translations import install

        app = QApplication.instance() or QApplication([])
        install(app, "en")  # the plural forms a person sees ("1 day", "2 days")
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab().save(str(folder / "welcome.png"))
        demo = write_demo(
            Path(scratch) / "Kāpiti Welcome Circle.sponsor", "large", today=clock.today()
        )
        window.open_file(demo)
        light = app.palette()
        for suffix, palette in (("", light), ("-dark", dark_palette())):
            app.setPalette(palette)
            for number, entry in enumerate(PAGES):
                window.show_page(number)
                app.processEvents()
                name = f"{entry.title.lower().replace(' ', '-')}{suffix}.png"
                window.grab().save(str(folder / name))
                print(f"wrote {folder / name}")
        app.setPalette(light)
        for suffix, palette in (("", light), ("-dark", dark_palette())):
            app.setPalette(palette)
            for name in backup_dialogs(app, window, folder, suffix):
                print(f"wrote {name}")
        app.setPalette(light)
        window.close()
    return 0


def backup_dialogs(app, window, folder: Path, suffix: str) -> list[Path]:
    """File ▸ Restore…, the damaged-file question and the moved-file banner, as people see
    them (the window's large demo open)."""
    from ..services.backups import DamagedFile, backups_folder, backups_of
    from .dialogs.restore_dialog import RestoreDialog, damaged_file_box

    store = window.context.store
    if len(backups_of(store)) < 3:
        store.backup("close")
        store.backup("before-schema-0007")
    info = window.context.info
    written = []
    dialog = RestoreDialog(info.name, backups_folder(store), backups_of(store), info.locale, window)
    dialog.show()
    app.processEvents()
    written.append(folder / f"restore-dialog{suffix}.png")
    dialog.grab().save(str(written[-1]))
    dialog.close()

    damaged = DamagedFile(window.context.path, "SQLite cannot read it", backups_of(store)[0])
    box, _new, _over = damaged_file_box(window, damaged, info.locale)
    box.show()
    app.processEvents()
    written.append(folder / f"damaged-file{suffix}.png")
    box.grab().save(str(written[-1]))
    box.close()

    window.show_page(0)
    window._on_file_lost()  # what the window shows when its file was moved away
    app.processEvents()
    written.append(folder / f"file-moved{suffix}.png")
    window.grab().save(str(written[-1]))
    window.banner.clear()
    return written


def dark_palette():
    """A dark palette like the one a system in dark mode hands Qt (offscreen has none)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2a2a2a"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.Link, "#8ab4f8"),
        (role.Mid, "#4a4a4a"),
        (role.Dark, "#151515"),
        (role.Light, "#505050"),
    ):
        palette.setColor(name, QColor(colour))
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#7a7a7a"))
    return palette


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
