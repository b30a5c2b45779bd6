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
        window.close()
    return 0


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
