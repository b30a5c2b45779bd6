"""`sponsor-app report` and `sponsor-app combine`: files written, one line for every mistake."""

from __future__ import annotations

import json
import os
import zipfile

import pytest
from pypdf import PdfReader

from sponsor_app.cli import run


@pytest.fixture
def demo(tmp_path, small_demo_bytes):
    path = tmp_path / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    return path


def _one_line(capsys, argv, code):
    assert run(argv) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sponsor-app: "), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("kind", ["evaluation", "finances", "roster", "checklist", "housing"])
def test_each_kind_writes_a_pdf_owner_only(demo, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.pdf"
    assert (
        run(
            [
                "report",
                kind,
                str(demo),
                "--out",
                str(out),
                "--from",
                "2025-07-01",
                "--to",
                "2026-06-15",
            ]
        )
        == 0
    )
    assert "Wrote the" in capsys.readouterr().out
    assert len(PdfReader(out).pages) >= 1
    assert oct(os.stat(out).st_mode & 0o777) == "0o600"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_evaluation_with_a_bundle_and_named(demo, tmp_path, capsys):
    out, bundle = tmp_path / "e.pdf", tmp_path / "e.zip"
    assert (
        run(
            [
                "report",
                "evaluation",
                str(demo),
                "--out",
                str(out),
                "--named",
                "--bundle",
                str(bundle),
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "named: confidential" in printed and str(bundle) in printed
    assert "datapackage.json" in zipfile.ZipFile(bundle).namelist()


def test_an_existing_out_is_refused_unless_forced(demo, tmp_path, capsys):
    out = tmp_path / "e.pdf"
    out.write_bytes(b"keep me")
    err = _one_line(capsys, ["report", "roster", str(demo), "--out", str(out)], 1)
    assert "already exists" in err and "--force" in err
    assert out.read_bytes() == b"keep me"
    assert run(["report", "roster", str(demo), "--out", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["report", "summary", "{demo}", "--out", "{tmp}/x.pdf"], 2, "invalid choice"),
        (["report", "evaluation", "{demo}", "--out", "{tmp}/x.pdf", "--from", "2026-02-30"], 2, "not a date"),
        (["report", "evaluation", "{demo}", "--out", "{tmp}/x.pdf", "--from", "2026-05-01", "--to", "2026-04-01"], 1, "before it starts"),
        (["report", "evaluation", "{demo}", "--out", "{tmp}/missing/x.pdf"], 1, "does not exist"),
        (["report", "evaluation", "{demo}", "--out", "{tmp}"], 1, "is a folder"),
        (["report", "finances", "{demo}", "--out", "{tmp}/x.pdf", "--bundle", "{tmp}/x.zip"], 2, "evaluation report only"),
        (["report", "evaluation", "{tmp}/nothing.sponsor", "--out", "{tmp}/x.pdf"], 1, "nothing.sponsor"),
        (["combine", "{demo}", "--out", "{tmp}/c.pdf"], 1, "not a zip"),
        (["combine", "{tmp}/gone.zip", "--out", "{tmp}/c.pdf"], 1, "does not exist"),
    ],
)  # fmt: skip
def test_mistakes_are_one_line(demo, tmp_path, capsys, args, code, words):
    argv = [a.format(demo=demo, tmp=tmp_path) for a in args]
    assert words in _one_line(capsys, argv, code)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "c.pdf").exists()


def test_unwritable_folder_is_one_line(demo, tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        err = _one_line(capsys, ["report", "roster", str(demo), "--out", str(folder / "r.pdf")], 1)
        assert "not writable" in err
    finally:
        folder.chmod(0o700)


def _bad_bundle(tmp_path, name, files):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in files.items():
            archive.writestr(member, content)
    return path


def test_combine_explains_a_bad_bundle_in_one_line(demo, tmp_path, capsys):
    good = tmp_path / "good.zip"
    assert (
        run(
            [
                "report",
                "evaluation",
                str(demo),
                "--out",
                str(tmp_path / "g.pdf"),
                "--bundle",
                str(good),
            ]
        )
        == 0
    )
    capsys.readouterr()
    package = json.loads(zipfile.ZipFile(good).read("datapackage.json"))
    cases = {
        "no-package.zip": ({"figures.csv": "a\n"}, "no datapackage.json"),
        "bad-json.zip": ({"datapackage.json": "{not json"}, "not valid JSON"),
        "old.zip": ({"datapackage.json": json.dumps({**package, "sponsor_desk_bundle_version": "0.1"})}, "schema version 0.1"),
        "missing.zip": ({"datapackage.json": json.dumps(package)}, "is missing group.csv"),
    }  # fmt: skip
    for name, (files, words) in cases.items():
        bad = _bad_bundle(tmp_path, name, files)
        err = _one_line(
            capsys, ["combine", str(good), str(bad), "--out", str(tmp_path / "c.pdf")], 1
        )
        assert words in err and name in err, err
    assert not (tmp_path / "c.pdf").exists()
    # the same bundle twice is the same group's period twice: refused, naming both
    err = _one_line(capsys, ["combine", str(good), str(good), "--out", str(tmp_path / "c.pdf")], 1)
    assert "good.zip and good.zip are the same group" in err
    assert (
        run(
            [
                "combine",
                str(good),
                "--out",
                str(tmp_path / "c.pdf"),
                "--csv",
                str(tmp_path / "c.zip"),
            ]
        )
        == 0
    )
    assert "Combined 1 group into" in capsys.readouterr().out
