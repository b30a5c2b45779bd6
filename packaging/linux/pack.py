"""Pack the built folder (dist/sponsor-desk/) for Linux: a tarball, and an AppImage when the
tools for one are here.

`python packaging/linux/pack.py [--dist DIR]` after PyInstaller (`make bundle` runs both). Writes
dist/sponsor-desk-VERSION-linux-ARCH.tar.gz: the folder with its program, a .desktop file, the
icon, the file type, and install-desktop-entry.sh for the application menu. Then, if
`mksquashfs` (Debian's squashfs-tools) and an AppImage runtime are found (see appimage_runtime),
dist/Sponsor_Desk-VERSION-ARCH.AppImage.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DIST = ROOT / "dist"
ICON = ROOT / "build" / "icon" / "sponsor-desk.png"
RUNTIME_VARIABLE = "APPIMAGE_RUNTIME"
DESKTOP_FILES = ("sponsor-desk.desktop", "sponsor-desk-mime.xml", "install-desktop-entry.sh")


def version() -> str:
    text = (ROOT / "sponsor_app" / "__init__.py").read_text()
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def add_desktop_files(folder: Path) -> None:
    for name in DESKTOP_FILES:
        shutil.copy2(HERE / name, folder / name)
    shutil.copy2(ICON, folder / "sponsor-desk.png")


def _readable(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Owned by no one in particular, readable by all: an install others may run."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if info.isdir() or info.mode & 0o100:
        info.mode = 0o755
    elif not info.issym():
        info.mode = 0o644
    return info


def tarball(dist: Path, arch: str) -> Path:
    out = dist / f"sponsor-desk-{version()}-linux-{arch}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as archive:
        archive.add(dist / "sponsor-desk", arcname="sponsor-desk", filter=_readable)
    return out


def appimage_runtime(arch: str) -> Path | None:
    """The AppImage runtime (the small program at the front of every AppImage that mounts the
    rest): $APPIMAGE_RUNTIME, or build/appimage/runtime-ARCH. No registry we use ships one
    (see docs/releasing.md): a release machine downloads it from the AppImage project."""
    given = os.environ.get(RUNTIME_VARIABLE)
    candidate = Path(given) if given else ROOT / "build" / "appimage" / f"runtime-{arch}"
    return candidate if candidate.is_file() else None


def appimage(dist: Path, arch: str, runtime: Path) -> Path:
    appdir = ROOT / "build" / "appimage" / "Sponsor_Desk.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(dist / "sponsor-desk", appdir / "usr" / "lib" / "sponsor-desk", symlinks=True)
    shutil.copy2(HERE / "sponsor-desk.desktop", appdir / "sponsor-desk.desktop")
    shutil.copy2(ICON, appdir / "sponsor-desk.png")
    (appdir / ".DirIcon").symlink_to("sponsor-desk.png")
    (appdir / "AppRun").symlink_to("usr/lib/sponsor-desk/sponsor-desk")
    image = ROOT / "build" / "appimage" / "payload.squashfs"
    image.unlink(missing_ok=True)
    options = ("-root-owned", "-noappend", "-quiet", "-comp", "gzip", "-b", "1M")
    subprocess.run(["mksquashfs", str(appdir), str(image), *options], check=True)
    out = dist / f"Sponsor_Desk-{version()}-{arch}.AppImage"
    with out.open("wb") as target:
        for part in (runtime, image):
            with part.open("rb") as source:
                shutil.copyfileobj(source, target)
    out.chmod(0o755)
    return out


def main(argv: list[str]) -> int:
    dist = Path(argv[1]) if len(argv) == 2 and argv[0] == "--dist" else DIST
    app = dist / "sponsor-desk"
    if not (app / "sponsor-desk").is_file():
        print(f"pack: {app}/sponsor-desk is missing: run PyInstaller first", file=sys.stderr)
        return 1
    arch = platform.machine()
    add_desktop_files(app)
    print(f"Wrote {tarball(dist, arch)}")
    runtime = appimage_runtime(arch)
    if shutil.which("mksquashfs") is None:
        print("No AppImage: mksquashfs is missing (sudo apt install squashfs-tools).")
    elif runtime is None:
        print(
            f"No AppImage: no AppImage runtime (set {RUNTIME_VARIABLE}, or see "
            "docs/releasing.md); the tarball is the Linux download."
        )
    else:
        print(f"Wrote {appimage(dist, arch, runtime)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
