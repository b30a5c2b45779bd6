"""Every command added since the first batch, given every kind of bad group file: one line on
stderr, a non-zero exit, no traceback, and the bad file as it was."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from sponsor_app.cli import run

BAD = ("missing", "folder", "random", "empty", "text", "another program's", "cut short")


def _bad_file(kind: str, folder: Path, small_demo_bytes: bytes) -> Path:
    path = folder / f"bad-{kind.replace(' ', '-').replace(chr(39), '')}.sponsor"
    if kind == "folder":
        path.mkdir()
    elif kind == "random":
        path.write_bytes(random.Random(7).randbytes(20_000))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("name,amount\nx,1\n")
    elif kind == "another program's":
        sqlite3.connect(path).execute("create table t(x)").connection.close()
    elif kind == "cut short":
        path.write_bytes(small_demo_bytes[:40_000])
    return path


def _commands(group: Path, out: Path) -> dict[str, list[str]]:
    g = str(group)
    return {
        "history": ["history", g],
        "revert": ["revert", g, "2"],
        "tasks": ["tasks", g, "--overdue"],
        "calendar": ["calendar", g, "--volunteer", "#1", "--out", str(out / "c.ics")],
        "protect": ["protect", g],
        "unprotect": ["unprotect", g],
        "subject": ["subject", g, "--volunteer", "#1", "--out", str(out / "s")],
        "report": ["report", "evaluation", g, "--out", str(out / "r.pdf")],
        "report --bundle": ["report", "evaluation", g, "--out", str(out / "r2.pdf"),
                            "--bundle", str(out / "b.zip")],
        "combine": ["combine", g, "--out", str(out / "c.pdf")],
        # the group file is read before the hub is reached (no hub needed here)
        "hub add-group": ["hub", "add-group", "postgresql://x@/hub?host=/nonexistent",
                          "--group-file", g],
        "sync": ["sync", g, "--folder", str(out)],
        "sync --hub": ["sync", g, "--hub", "postgresql://x@/hub?host=/nonexistent"],
    }  # fmt: skip


@pytest.mark.parametrize("kind", BAD)
def test_every_later_command_refuses_a_bad_group_file_in_one_line(
    small_demo_bytes, tmp_path, capsys, monkeypatch, kind
):
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "kumara paddock wheelbarrow")
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", "kumara paddock wheelbarrow")
    bad = _bad_file(kind, tmp_path, small_demo_bytes)
    before = bad.read_bytes() if bad.is_file() else None
    out = tmp_path / "out"
    out.mkdir()
    for name, args in _commands(bad, out).items():
        code = run(args)
        err = capsys.readouterr().err
        assert code not in (0, None), (name, kind)
        assert err.count("\n") == 1 and "Traceback" not in err, (name, kind, err)
        assert (bad.read_bytes() if bad.is_file() else None) == before, (name, kind)
    assert list(out.iterdir()) == []  # nothing half-written
