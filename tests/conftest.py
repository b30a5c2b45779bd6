"""Shared fixtures: every test runs with its own app folders under tmp_path (and no network:
pytest-socket, configured in pyproject.toml, refuses every socket but a Unix one)."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A common umask, whatever the shell's: loading the app (below) must itself make everything
# it creates owner-only, and the checks at the end of each test and of the run see whether it
# did.
if os.name == "posix":
    os.umask(0o022)

from sponsor_app.clock import TODAY_VARIABLE
from sponsor_app.locations import HOME_VARIABLE
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.store import Store

TODAY = date(2026, 6, 15)


def open_to_others(folder: Path) -> list[str]:
    """Files and folders under `folder` that someone other than their owner may read."""
    found = []
    for place in (folder, *folder.rglob("*")) if folder.exists() else ():
        try:
            info = place.lstat()
        except FileNotFoundError:  # removed while we looked
            continue
        if not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o077:
            found.append(f"{place} {stat.filemode(info.st_mode)}")
    return found


@contextmanager
def app_environment(folder: Path):
    """The app's folders under `folder` and its day TODAY, as each test has them: for a
    fixture made once per module (outside any test's own folders)."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(HOME_VARIABLE, str(folder / "app-home"))
        env.setenv(TODAY_VARIABLE, TODAY.isoformat())
        yield


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data, settings and log folders at tmp_path, never the real ones; after
    the test, everything the app kept there must be its user's alone."""
    home = tmp_path / "app-home"
    monkeypatch.setenv(HOME_VARIABLE, str(home))
    yield home
    if os.name == "posix":
        assert open_to_others(home) == [], "the app left files others can read"


@pytest.fixture(scope="session", autouse=True)
def everything_owner_only(tmp_path_factory):
    """Every file and folder the whole run made (group files, backups, exports, reports,
    locks, settings, logs, snapshots) is owner-only (0600 files, 0700 folders)."""
    yield
    if os.name == "posix":
        made = open_to_others(tmp_path_factory.getbasetemp())
        assert made == [], f"{len(made)} files or folders others can read: {made[:10]}"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The app's "today" is TODAY in every test (and in every process a test starts)."""
    monkeypatch.setenv(TODAY_VARIABLE, TODAY.isoformat())
    return TODAY


@pytest.fixture(autouse=True)
def fresh_keyring():
    """Each test starts as a new process would, with no file's key known, and leaves none."""
    from sponsor_app.storage.connect import forget_keys

    forget_keys()
    yield
    forget_keys()


# The demos are written once per run (once per worker process when the suite runs in
# parallel) and copied for each test: writing the small one takes two seconds, the large one
# five. Every fixture of a demo file starts from these bytes; none writes a demo of its own.
@pytest.fixture(scope="session")
def small_demo_bytes(tmp_path_factory) -> DemoBytes:
    """The small demo's bytes: a test copies them to its own file."""
    return write_demo_once(tmp_path_factory, "small")


@pytest.fixture(scope="session")
def large_demo_bytes(tmp_path_factory) -> DemoBytes:
    """The large demo's bytes (4 households, 60 volunteers, 5,000 transactions)."""
    return write_demo_once(tmp_path_factory, "large")


@pytest.fixture
def demo(small_demo_bytes, tmp_path: Path) -> Path:
    """A small demo group file of the test's own (some modules mean an open store by it)."""
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    return path


@pytest.fixture
def small_demo(tmp_path: Path, small_demo_bytes) -> Path:
    """The small demo as a file of the test's own, named as the window shows it."""
    path = tmp_path / "Small demo.sponsor"
    path.write_bytes(small_demo_bytes)
    return path


@pytest.fixture
def large_demo(tmp_path: Path, large_demo_bytes) -> Path:
    path = tmp_path / "Large demo.sponsor"
    path.write_bytes(large_demo_bytes)
    return path


@pytest.fixture
def group_path(tmp_path: Path) -> Path:
    return tmp_path / "group.sponsor"


@pytest.fixture
def make_store(tmp_path: Path):
    """Factory: a new group file (NZ CORS unless told), open; closed after the test."""
    opened: list[Store] = []

    def make(name: str = "Riverside Welcome Group", programme: str = "nz-cors", **kw) -> Store:
        path = tmp_path / f"{name.replace(' ', '-')}-{len(opened)}.sponsor"
        store = create_group(
            path, NewGroup(name=name, programme_key=programme, **kw), actor="tester"
        )
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store) -> Store:
    return make_store(start_date=date(2025, 1, 1))


@pytest.fixture
def make_volunteer(store: Store):
    """Factory: add a volunteer with sensible defaults; override any field."""
    counter = iter(range(1, 10_000))

    def make(**kw):
        n = next(counter)
        fields = {
            "full_name": f"Volunteer {n}",
            "roles": ("volunteer",),
            "email": f"v{n}@example.org",
        }
        fields.update(kw)
        return add_volunteer(store, VolunteerInput(**fields), today=TODAY)

    return make


class DemoBytes(bytes):
    """A demo file's bytes, written once and copied per test; short to print (hypothesis
    shows its arguments when an example fails)."""

    def __repr__(self) -> str:
        return f"<demo file, {len(self):,} bytes>"


def category_named(store: Store, name: str, kind):
    """The group's category called `name` (any case): tests pick categories by the words a
    person sees; the app itself always passes ids."""
    from sponsor_app.services.funds.ledger import list_categories

    wanted = name.strip().casefold()
    return next(c for c in list_categories(store, kind) if c.name.casefold() == wanted)


def write_demo_once(tmp_path_factory, size: str) -> DemoBytes:
    """Write a demo once for the whole run, with its app folders kept out of the way. The
    parallel workers share it: the first writes it under a lock, the others read its bytes."""
    import fcntl

    from sponsor_app.services.demo.demo import write_demo

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    kept = shared / f"{size}-demo.bytes"
    descriptor = os.open(shared / f"{size}-demo.lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        if not kept.exists():
            folder = tmp_path_factory.mktemp(f"{size}-demo")
            with app_environment(folder):
                path = write_demo(folder / f"{size}.sponsor", size, today=TODAY)
            partial = kept.with_name(kept.name + ".partial")
            partial.write_bytes(path.read_bytes())
            partial.chmod(0o600)
            partial.replace(kept)
        return DemoBytes(kept.read_bytes())
    finally:
        os.close(descriptor)  # and with it the lock


BUNDLE_TEST_VARIABLE = "SPONSOR_DESK_BUNDLE_TEST"


def pytest_collection_modifyitems(config, items):
    """Building the installable app takes minutes on two cores: its test runs only when asked
    (`make test SPONSOR_DESK_BUNDLE_TEST=1`, or `make test-bundle`)."""
    if os.environ.get(BUNDLE_TEST_VARIABLE):
        return
    skip = pytest.mark.skip(reason=f"builds the app: set {BUNDLE_TEST_VARIABLE}=1 to run it")
    for item in items:
        if "bundle" in item.keywords:
            item.add_marker(skip)
