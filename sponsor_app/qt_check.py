"""Before the window starts on Linux: are the system libraries Qt needs there?

Qt's own message for a missing library is a page of plugin diagnostics ending in an abort. This
check names the package to install in one sentence instead. It loads nothing from Qt itself.
"""

from __future__ import annotations

import ctypes
import os
import sys

# shared library -> Debian/Ubuntu package that provides it (the xcb platform plugin's needs).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
}
COMMON_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_packages(environ: dict[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "") in (
        "offscreen",
        "minimal",
    ):
        return []
    wanted = dict(COMMON_LIBRARIES)
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        wanted.update(XCB_LIBRARIES)
    missing = []
    for library, package in wanted.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def main() -> int:
    env = os.environ
    if (
        sys.platform.startswith("linux")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
        and env.get("QT_QPA_PLATFORM") not in ("offscreen", "minimal")
    ):
        print(
            "Sponsor Desk needs a desktop session: no display was found (DISPLAY is not set).",
            file=sys.stderr,
        )
        return 1
    missing = missing_packages()
    if missing:
        print(
            f"Qt cannot start because system libraries are missing: "
            f"install them with “sudo apt install {' '.join(missing)}”.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
