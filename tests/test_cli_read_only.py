"""Commands that only read work while a window has the file open (seeing what it saved), on a
read-only disk, and when the app's own folder is read-only; commands that write say which
folder they cannot write, and change nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sponsor_app.cli import run

from .storage.disks import make_read_only, small_disk

WINDOW = """
import sys
from sponsor_app.services.group.groups import open_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
store = open_group(sys.argv[1])
add_volunteer(store, VolunteerInput(full_name="Saved In The Window", roles=("volunteer",)))
print("saved", flush=True)
sys.stdin.readline()
store.close()
"""


def _reading_commands(group: Path, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(group)],
        "history": ["history", str(group), "--limit", "3"],
        "tasks": ["tasks", str(group), "--all"],
        "report": ["report", "roster", str(group), "--out", str(out / "roster.pdf")],
        "export": ["export", "volunteers", str(group), "--out", str(out / "v.csv")],
        "export xlsx": ["export", "transactions", str(group), "--out", str(out / "t.xlsx")],
        "calendar": ["calendar", str(group), "--volunteer", "#1", "--out", str(out / "c.ics")],
        "subject": ["subject", str(group), "--volunteer", "#1", "--out", str(out / "subject")],
    }


def test_reading_commands_work_while_a_window_has_the_file_open(demo, tmp_path, capsys):
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(demo)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert window.stdout.readline().strip() == "saved"
        capsys.readouterr()
        for name, args in _reading_commands(demo, tmp_path).items():
            code = run(args)
            captured = capsys.readouterr()
            assert code == 0, (name, captured.err)
            assert "Traceback" not in captured.err
        assert (tmp_path / "v.csv").read_text(encoding="utf-8-sig").count(
            "Saved In The Window"
        ) == 1  # what the window saved (still in its log) is read
        # Writing is still the window's alone.
        assert run(["revert", str(demo), "2"]) == 1
        assert "already open in" in capsys.readouterr().err
    finally:
        window.stdin.close()
        window.wait(timeout=30)
        window.stdout.close()


def test_reading_commands_work_on_a_read_only_disk(small_demo_bytes, tmp_path, capsys):
    with small_disk(tmp_path / "stick", 8192) as stick:
        group = stick / "group.sponsor"
        group.write_bytes(small_demo_bytes)
        make_read_only(stick)
        for name, args in _reading_commands(group, tmp_path).items():
            code = run(args)
            captured = capsys.readouterr()
            assert code == 0, (name, captured.err)
        assert run(["revert", str(group), "2"]) == 1
        err = capsys.readouterr().err
        assert "read-only" in err and err.count("\n") == 1, err
        assert group.read_bytes() == small_demo_bytes


def test_a_read_only_app_folder_stops_only_the_commands_that_write(
    demo, tmp_path, capsys, monkeypatch
):
    with small_disk(tmp_path / "home", 4096) as home:
        monkeypatch.setenv("SPONSOR_DESK_HOME", str(home))
        assert run(["backup", str(demo)]) == 0  # the app's folder as it was
        make_read_only(home)
        capsys.readouterr()
        before = demo.read_bytes()
        for name, args in _reading_commands(demo, tmp_path).items():
            code = run(args)
            captured = capsys.readouterr()
            assert code == 0, (name, captured.err)
        assert run(["backup", str(demo), "--to", str(tmp_path / "stick")]) == 0
        capsys.readouterr()
        for args in (
            ["revert", str(demo), "2"],
            ["import", "volunteers", str(demo), str(tmp_path / "v.csv")],
            ["backup", str(demo)],
        ):
            assert run(args) == 1
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and "Traceback" not in err, err
            assert f"cannot write in its own folder {home}" in err and "read-only" in err, err
        assert demo.read_bytes() == before


def test_a_store_opened_to_read_refuses_every_write(demo):
    from sponsor_app.services.group.groups import open_to_read
    from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
    from sponsor_app.storage.errors import OpenedToRead

    with open_to_read(demo) as store, pytest.raises(OpenedToRead):
        add_volunteer(store, VolunteerInput(full_name="Never Saved", roles=("volunteer",)))
