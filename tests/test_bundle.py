"""The installable app, built as `make bundle` builds it, unpacked from its tarball as a person
would, then run: its self-test, a command, and a file from a newer version. Minutes of work:
runs only with SPONSOR_DESK_BUNDLE_TEST=1 (see tests/conftest.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from sponsor_app import __version__
from sponsor_app.services.group.groups import NewGroup, create_group

pytestmark = [pytest.mark.slow, pytest.mark.bundle]
ROOT = Path(__file__).resolve().parent.parent
BUILD_MINUTES = 15


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """dist/ built from this tree into a temporary folder, its tarball unpacked elsewhere;
    removed after: an installation is readable by all, which the app's own files never are
    (the check at the end of the run would rightly object to it)."""
    pytest.importorskip("PyInstaller", reason="the build tools: make test-bundle installs them")
    work = tmp_path_factory.mktemp("bundle")
    dist = work / "dist"
    spec = ROOT / "packaging" / "sponsor-desk.spec"
    options = ("--noconfirm", "--log-level", "ERROR", "--distpath", dist, "--workpath", work / "b")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(spec), *map(str, options)],
        check=True,
        cwd=ROOT,
        timeout=BUILD_MINUTES * 60,
    )
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "linux" / "pack.py"), "--dist", str(dist)],
        check=True,
        timeout=BUILD_MINUTES * 60,
    )
    (tarball,) = dist.glob(f"sponsor-desk-{__version__}-linux-*.tar.gz")
    home = work / "installed"
    with tarfile.open(tarball) as archive:
        archive.extractall(home, filter="tar")
    yield home / "sponsor-desk"
    shutil.rmtree(work)


def _run(program: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, timeout=300, env=env, **kw
    )


def test_the_installed_app_passes_its_self_test(installed):
    done = _run(installed / "sponsor-desk", "--self-test")

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    steps = [line for line in lines if line.startswith(("ok ", "skipped ", "FAILED "))]
    assert len(steps) == 9 and not [s for s in steps if s.startswith("FAILED")], done.stdout
    assert any(line.startswith("ok       syncs two copies through a folder") for line in lines)
    assert lines[-1].startswith("Self-test passed: 9 steps ok, 0 skipped")


def test_it_is_the_command_line_too(installed):
    done = _run(installed / "sponsor-desk", "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"Sponsor Desk {__version__}"
    done = _run(installed / "sponsor-desk", "frobnicate")
    assert done.returncode == 2 and "there is no command" in done.stderr


def test_it_refuses_a_file_from_a_newer_version_and_changes_nothing(installed, tmp_path):
    path = tmp_path / "future.sponsor"
    create_group(path, NewGroup(name="Future")).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0500'")
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    done = _run(installed / "sponsor-desk", "history", str(path))

    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "newer version" in done.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_it_holds_only_what_the_app_uses(installed):
    files = {str(p.relative_to(installed)) for p in installed.rglob("*")}
    for unused in ("WebEngine", "Quick", "Qml", "Pdf", "VirtualKeyboard", "Multimedia"):
        assert not [f for f in files if f"Qt6{unused}" in f or f"Qt{unused}" in f], unused
    assert not [f for f in files if "/Qt/translations/" in f]
    assert not [f for f in files if "libgtk" in f or "libcups.so" in f]  # the system's
    internal = "_internal/sponsor_app/resources/"
    for needed in (
        "translations/sponsor_desk_en.qm",
        "guide/guide.md",
        "fonts/NotoSans-Regular.ttf",
    ):
        assert internal + needed in files
    for beside in ("sponsor-desk.desktop", "sponsor-desk.png", "install-desktop-entry.sh"):
        assert beside in files


def test_it_stays_within_its_size_budget(installed):
    """Issue 23: at most 150 MB unpacked. Qt's ICU data (32 MB for every language) is cut down
    to the app's languages when the build machine has icupkg (docs/releasing.md)."""
    files = [p for p in installed.rglob("*") if p.is_file() and not p.is_symlink()]
    assert sum(p.stat().st_size for p in files) <= 150_000_000
    (icu,) = installed.glob("_internal/PySide6/Qt/lib/libicudata.so.*")
    assert icu.stat().st_size < 10_000_000


def test_a_command_loads_no_qt(installed):
    """The command line starts without Qt, as `sponsor-app` does (our run-time hook in place
    of PyInstaller's, packaging/hooks/): a report made by a script needs no display library."""
    env = {**os.environ, "LD_DEBUG": "libs"}  # the dynamic loader lists what it loads
    program = str(installed / "sponsor-desk")
    done = subprocess.run([program, "--version"], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "calling init: " in done.stderr
    assert "libQt6Core" not in done.stderr
