"""`sponsor-app --self-test` (`sponsor-desk --self-test` once installed): the app checks itself.

Each step does what a person would, through the real services, on real files in a temporary
folder, and the app's own folders (settings, backups, keys, snapshots, logs) are pointed into
that folder too (SPONSOR_DESK_HOME), so nothing of the user's is read or changed. An installed
app that passes has every module, library, font, migration and Qt plugin it needs.

One line per step; exit 0 when every step passed, 1 at the first that failed, naming it (its
traceback follows on stderr: a failure here is a fault of the installation, not of the user).
"""

from __future__ import annotations

import csv
import gzip
import os
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import __version__
from .domain.plurals import counted
from .locations import HOME_VARIABLE

PASSPHRASE = "self-test: kererū over the harbour at dawn"
EXIT_FAILED = 1


class Skipped(Exception):
    """A step that cannot run in this version: printed as skipped, never as passed."""


@dataclass
class Workspace:
    """The temporary folder and what one step leaves for the next."""

    folder: Path
    group: Path = field(init=False)
    change_set: int = 0

    def __post_init__(self) -> None:
        self.group = self.folder / "self-test.sponsor"


def create_group_file(work: Workspace) -> None:
    from .services.group.groups import NewGroup, create_group, group_info, open_group

    create_group(work.group, NewGroup(name="Self-test group")).close()
    with open_group(work.group) as store:
        _expect(group_info(store).name == "Self-test group", "the new file lost its name")


def protect_with_passphrase(work: Workspace) -> None:
    from .services.files.protection import (
        PassphraseNeeded,
        forget_keys,
        is_protected,
        protect_file,
        unlock_with_either,
    )
    from .services.group.groups import open_group

    protect_file(work.group, PASSPHRASE)
    forget_keys()  # as a new start would: the key is not known until the passphrase is typed
    _expect(is_protected(work.group), "the file is not protected")
    try:
        open_group(work.group).close()
    except PassphraseNeeded:
        pass
    else:
        raise AssertionError("the protected file opened without its passphrase")
    unlock_with_either(work.group, PASSPHRASE)
    open_group(work.group).close()


def write_change_set(work: Workspace) -> None:
    from .services.files.history import list_change_sets
    from .services.group.groups import open_group
    from .services.roster.volunteers import VolunteerInput, add_volunteer, list_volunteers

    with open_group(work.group) as store:
        add_volunteer(store, VolunteerInput(full_name="Ayşe Self-Test", roles=("volunteer",)))
        work.change_set = list_change_sets(store, limit=1)[0].id
        names = [v.full_name for v in list_volunteers(store)]
    _expect(names == ["Ayşe Self-Test"], f"the roster holds {names}")


def undo_change_set(work: Workspace) -> None:
    from .services.files.history import revert
    from .services.group.groups import open_group
    from .services.roster.volunteers import list_volunteers

    with open_group(work.group) as store:
        revert(store, work.change_set, "Undo: add volunteer")
        left = list_volunteers(store, include_archived=True)
    _expect(not left, f"the undone volunteer is still there ({len(left)} left)")


def upgrade_schema_0001(work: Workspace) -> None:
    from .services.files.health import SCHEMA_VERSION
    from .services.files.health import schema_version_of as current_revision
    from .services.group.groups import open_group
    from .services.roster.volunteers import list_volunteers

    old = work.folder / "schema-0001.sponsor"
    packed = resources.files("sponsor_app.resources") / "selftest" / "schema-0001.sponsor.gz"
    old.write_bytes(gzip.decompress(packed.read_bytes()))
    _expect(current_revision(old) == "0001", "the shipped old file is not at schema 0001")
    with open_group(old) as store:
        volunteers = len(list_volunteers(store, include_archived=True))
    _expect(current_revision(old) == SCHEMA_VERSION, f"the file is at {current_revision(old)}")
    _expect(volunteers == 12, f"the upgraded file holds {counted(volunteers, 'volunteer')}, not 12")


def evaluation_pdf_and_bundle(work: Workspace) -> None:
    from .domain.reports import ReportKind
    from .reports.generate import write
    from .services.demo.demo import write_demo
    from .services.group.groups import open_group
    from .services.reporting.gather import ReportRequest, prepare
    from .services.reporting.report_data import default_period

    demo = write_demo(work.folder / "demo.sponsor", "small")
    pdf, bundle = work.folder / "evaluation.pdf", work.folder / "evaluation.zip"
    with open_group(demo) as store:
        write(
            prepare(
                store,
                ReportRequest(ReportKind.EVALUATION, pdf, default_period(store), bundle=bundle),
            )
        )
    data = pdf.read_bytes()
    _expect(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], "the PDF is not whole")
    _expect(len(data) > 20_000, f"the PDF is only {len(data)} bytes")
    with zipfile.ZipFile(bundle) as archive:
        _expect(archive.testzip() is None, "the bundle is damaged")
        _expect(len(archive.namelist()) > 1, "the bundle is empty")


def import_csv(work: Workspace) -> None:
    from .services.group.groups import open_group
    from .services.imports.volunteer_io import import_volunteers
    from .services.roster.volunteers import list_volunteers

    source = work.folder / "volunteers.csv"
    with source.open("w", newline="", encoding="utf-8") as stream:
        out = csv.writer(stream)
        out.writerow(["name", "email", "roles"])
        out.writerow(["Mere Ngāti Test", "mere@example.org", "volunteer"])
        out.writerow(["Dawit Tesfaye", "dawit@example.org", "volunteer"])
    with open_group(work.group) as store:
        result = import_volunteers(store, source)
        names = sorted(v.full_name for v in list_volunteers(store))
    _expect(result.added == 2, f"{counted(result.added, 'volunteer')} were added, not 2")
    _expect(names == ["Dawit Tesfaye", "Mere Ngāti Test"], f"the roster holds {names}")


def sync_through_folder(work: Workspace) -> None:
    """Two copies of the protected file, each changed, sync through a folder and converge."""
    from .services.group.groups import open_group
    from .services.households.households import (
        HouseholdInput,
        add_household,
        list_households,
    )
    from .services.sharing.places import folder_place
    from .services.sharing.share import share_file
    from .services.sharing.sync import sync

    share = work.folder / "shared folder"
    share.mkdir()
    with open_group(work.group) as store:
        share_file(store, folder_place(share, store.path))
    copy = work.folder / "second laptop.sponsor"
    shutil.copyfile(work.group, copy)  # joining is copying the shared file
    for path, code in ((work.group, "S1"), (copy, "S2")):
        with open_group(path) as store:
            add_household(store, HouseholdInput(code, family_name="Self-Test", town="Nelson"))
    codes = []
    for path in (work.group, copy, work.group):
        with open_group(path) as store:
            sync(store, folder_place(share, store.path))
            codes.append(sorted(h.code for h in list_households(store)))
    _expect(codes[1] == codes[2] == ["S1", "S2"], f"the copies hold {codes[1]} and {codes[2]}")
    sealed = b"".join(p.read_bytes() for p in share.rglob("*.sdseg"))
    _expect(b"Self-Test" not in sealed, "the shared folder holds a family name in the clear")


def open_window(work: Workspace) -> None:
    """The window's parts: Qt, its plugins, the charts, every page, the icons and fonts."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # this process only: no display is needed
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow
    from .ui.pages.registry import PAGES

    app = QApplication.instance() or QApplication([sys.argv[0]])
    qInstallMessageHandler(_quiet_offscreen)
    window = MainWindow()
    window.show()
    window.start(work.folder / "demo.sponsor")
    _wait(app, lambda: window.context.is_open, "the demo file did not open in the window")
    for number in range(len(PAGES)):
        window.navigation.setCurrentRow(number)
        app.processEvents()
        _expect(window.pages[number] is not None, f"the {PAGES[number].key} page did not build")
    window.close()
    app.processEvents()


STEPS: tuple[tuple[str, Callable[[Workspace], None]], ...] = (
    ("creates a group file", create_group_file),
    ("protects it with a passphrase", protect_with_passphrase),
    ("writes a change set", write_change_set),
    ("undoes it", undo_change_set),
    ("upgrades a schema-0001 file", upgrade_schema_0001),
    ("makes an evaluation PDF and bundle", evaluation_pdf_and_bundle),
    ("imports a CSV", import_csv),
    ("syncs two copies through a folder", sync_through_folder),
    ("opens the window on the demo, every page", open_window),
)


def _quiet_offscreen(kind, context, message: str) -> None:
    """The offscreen platform says it cannot do what a window manager does: not a fault."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise AssertionError(problem)


def _wait(app, done: Callable[[], bool], problem: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        _expect(time.monotonic() < deadline, problem)
        app.processEvents()
        time.sleep(0.01)


def run(out=None) -> int:
    """Run every step in a new temporary folder; remove it after, pass or fail."""
    out = out or sys.stdout
    folder = Path(tempfile.mkdtemp(prefix="sponsor-desk-self-test-"))
    saved_home = os.environ.get(HOME_VARIABLE)
    os.environ[HOME_VARIABLE] = str(folder / "home")  # the app's folders, for every step
    started = time.perf_counter()
    passed = skipped = 0
    print(f"Sponsor Desk {__version__} self-test, in {folder}", file=out, flush=True)
    try:
        work = Workspace(folder)
        for label, step in STEPS:
            began = time.perf_counter()
            try:
                step(work)
            except Skipped as reason:
                print(f"skipped  {label}: {reason}", file=out, flush=True)
                skipped += 1
                continue
            except Exception as error:  # any failure names its step; the rest are not run
                reason = " ".join(str(error).split()) or type(error).__name__
                print(f"FAILED   {label}: {reason}", file=out, flush=True)
                traceback.print_exc(file=sys.stderr)
                print(f"sponsor-app: self-test failed at “{label}”", file=sys.stderr)
                return EXIT_FAILED
            print(f"ok       {label} ({time.perf_counter() - began:.2f} s)", file=out, flush=True)
            passed += 1
    finally:
        from .services.files.protection import forget_keys

        forget_keys()
        if saved_home is None:
            os.environ.pop(HOME_VARIABLE, None)
        else:
            os.environ[HOME_VARIABLE] = saved_home
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"Self-test passed: {passed} steps ok, {skipped} skipped, "
        f"in {time.perf_counter() - started:.1f} s.",
        file=out,
        flush=True,
    )
    return 0
