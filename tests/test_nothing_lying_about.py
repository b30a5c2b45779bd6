"""Nothing personal lying about: owner-only files, temporary files in the app's own folder and
gone afterwards (crash or not), and no field value in an error's text or the crash log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.models import Volunteer, VolunteerHours

SECRET = "Whetu Secretname"


def _app(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sponsor_app", *argv],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
        timeout=120,
    )


def test_loading_the_app_makes_what_it_creates_owner_only():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.umask(0o022); import sponsor_app; print(os.umask(0))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(done.stdout) == 0o077


def test_every_file_of_a_session_is_owner_only(tmp_path, small_demo_bytes, app_home):
    """The group file and its log, backups, exports, reports, a copy, the lock, the key file."""
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "SPONSOR_APP_NEW_PASSPHRASE": "kumara paddock wheelbarrow"}
    for argv in (
        ("export", "volunteers", str(path), "--out", str(out / "v.xlsx")),
        ("export", "transactions", str(path), "--out", str(out / "t.csv")),
        ("report", "roster", str(path), "--out", str(out / "roster.pdf")),
        ("backup", str(path), "--to", str(out / "usb")),
        ("protect", str(path)),
    ):
        done = _app(*argv, env=env)
        assert done.returncode == 0, done.stderr
    made = [path, Path(f"{path}-key"), *out.rglob("*"), *app_home.rglob("*")]
    assert len(made) > 8
    for place in made:
        mode = place.stat().st_mode & 0o777
        assert mode in (0o600, 0o700), f"{place} {oct(mode)}"


def test_a_failed_xlsx_export_leaves_no_rows_anywhere(tmp_path, small_demo_bytes, app_home):
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(system_tmp)}
    # Saving fails (its disk is full) after openpyxl has streamed every row into its
    # temporary file.
    from .storage.disks import fill, small_disk

    with small_disk(tmp_path / "usb", 64) as usb:
        fill(usb)
        done = _app("export", "volunteers", str(path), "--out", str(usb / "v.xlsx"), env=env)
        assert list(usb.iterdir()) == [usb / "filler"]
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"The disk holding {usb / 'v.xlsx'} is full" in done.stderr
    assert done.stderr.count("\n") == 1
    assert list(system_tmp.iterdir()) == []
    folders = [p for p in (app_home / "data" / "tmp").iterdir() if p.is_dir()]
    assert folders == [], "the process's temporary folder went with it"


def test_a_killed_processs_temporary_files_go_at_the_next_start(
    tmp_path, small_demo_bytes, app_home
):
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import tempfile, sys\n"
            "from sponsor_app.services.files.temporary_files import use_private_temporary_folder\n"
            "use_private_temporary_folder()\n"
            "handle = tempfile.NamedTemporaryFile(prefix='openpyxl.', delete=False)\n"
            f"handle.write({SECRET!r}.encode()); handle.close()\n"
            "print(handle.name, flush=True); sys.stdin.readline()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    left = Path(holder.stdout.readline().strip())
    assert left.read_text() == SECRET and (app_home / "data" / "tmp") in left.parents
    assert _app("check", str(path)).returncode == 0  # it is still alive: its files stay
    assert left.exists()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stdin.close()
    holder.stdout.close()
    assert left.exists()  # a kill runs nothing on the way out...
    assert _app("check", str(path)).returncode == 0
    assert not left.exists() and not left.parent.exists()  # ... the next start removes it


def test_no_field_value_in_a_database_errors_text_or_the_log(store, app_home):
    """SQLAlchemy puts a statement's values in its error text; the engine is told not to, so
    a crash log never holds a person's name."""
    from sponsor_app.ui.errors import log_file, setup_logging

    volunteer = add_volunteer(store, VolunteerInput(SECRET, ("volunteer",)))
    with pytest.raises(IntegrityError) as failed, store.transaction("Log bad hours") as session:
        session.add(Volunteer(full_name=SECRET, email="whetu@example.org"))
        session.add(
            VolunteerHours(
                volunteer_id=volunteer.id, worked_on=date(2026, 1, 1), minutes=0, activity=SECRET
            )
        )
    text = str(failed.value)
    assert "minutes_in_a_day" in text and "parameters hidden" in text.lower()
    assert SECRET not in text and "whetu@example.org" not in text
    import logging

    log = logging.getLogger("sponsor_app")
    kept = list(log.handlers)
    setup_logging()
    try:
        log.error("Unexpected error\n%s", text)
        for handler in log.handlers:
            handler.flush()
    finally:  # the next test sets up its own log, in its own folder
        for handler in log.handlers:
            if handler not in kept:
                handler.close()
                log.removeHandler(handler)
    logged = log_file().read_text(encoding="utf-8")
    assert "minutes_in_a_day" in logged and SECRET not in logged
    assert log_file().stat().st_mode & 0o777 == 0o600


def test_no_pickle_anywhere():
    """Nothing the app reads back runs code: no pickle (nor its cousins) in the package."""
    import ast

    package = Path(__file__).resolve().parents[1] / "sponsor_app"
    found = []
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{source.name}: {n}" for n in names if n.split(".")[0] in _UNSAFE]
    assert found == []


_UNSAFE = {"pickle", "cPickle", "dill", "shelve", "marshal", "jsonpickle"}


def test_a_start_cleaning_up_at_the_same_moment_never_takes_a_new_temporary_folder(
    app_home, monkeypatch
):
    """Two starts at once: the second one's clean-up ran while the first had made its folder
    but not yet marked it live, removed it, and the first then failed ("already open in
    another Sponsor Desk window" about its own temporary folder). The clean-up here runs at
    that moment, as the other process would (flock: a second descriptor is another holder)."""
    from sponsor_app.services.files import temporary_files
    from sponsor_app.storage import lock

    real_hold = lock.hold

    def hold_after_another_start_cleans_up(path):
        temporary_files.remove_abandoned(temporary_files.temporary_root())
        return real_hold(path)

    monkeypatch.setattr(lock, "hold", hold_after_another_start_cleans_up)
    monkeypatch.setattr(temporary_files, "_FOLDER", None)
    monkeypatch.setattr(temporary_files, "_MARKER", None)
    try:
        folder = temporary_files.use_private_temporary_folder()
        assert folder.is_dir()
        assert (
            temporary_files.remove_abandoned(temporary_files.temporary_root()) == []
        )  # it is live
        assert folder.is_dir()
    finally:
        temporary_files._remove_ours()
