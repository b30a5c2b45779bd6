"""Render the app's icon (sponsor_app/resources/sponsor-desk.svg) to a PNG for the builds.

`python packaging/icon.py OUT.png [SIZE]`. PyInstaller turns the PNG into a Windows .ico or a
macOS .icns itself (with Pillow, in the build lock); the Linux tarball and AppImage use it as
it is. One picture, drawn once, in SVG: nothing to keep in step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "sponsor_app" / "resources" / "sponsor-desk.svg"


def render(out: Path, size: int = 256) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")
    return out


if __name__ == "__main__":
    render(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 256)
