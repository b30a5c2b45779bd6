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

        app = QApplication.instance() or QApplication([])
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab().save(str(folder / "welcome.png"))
        demo = write_demo(
            Path(scratch) / "Kāpiti Welcome Circle.sponsor", "large", today=clock.today()
        )
        window.open_file(demo)
        for number, title in enumerate(window.page_titles):
            window.show_page(number)
            app.processEvents()
            name = title.lower().replace(" ", "-")
            window.grab().save(str(folder / f"{name}.png"))
            print(f"wrote {folder / name}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
