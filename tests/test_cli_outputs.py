"""One output rule for every command that writes a file a person named: never the group file
(by its name, a symbolic link or a hard link), a backup, an input of the same command, or a
file that exists without --force. Each refusal is one line; the file aimed at is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.locations import backup_dir

from .conftest import app_environment

HEADER = "date,kind,amount,category,counterparty,method,reference,household,note\n"
ROW = "2026-01-05,income,12.50,Donations,Aroha,cash,R1,,thanks\n"


@pytest.fixture(scope="module")
def bundle_bytes(tmp_path_factory, small_demo_bytes) -> bytes:
    """The demo's evaluation bundle, made once for the module (a second each): every test
    aims at its own copy."""
    folder = tmp_path_factory.mktemp("bundle")
    demo = folder / "group.sponsor"
    demo.write_bytes(small_demo_bytes)
    with app_environment(folder):
        assert run(["report", "evaluation", str(demo), "--out", str(folder / "ev.pdf"),
                    "--bundle", str(folder / "ev.zip")]) == 0  # fmt: skip
    return (folder / "ev.zip").read_bytes()


@pytest.fixture
def place(demo, tmp_path, capsys, bundle_bytes) -> dict[str, Path]:
    """The demo, a source with a bad row, a bundle, a backup in the app's folder, a copy made
    with `backup --to`, and links to the group file."""
    source = tmp_path / "bad-row.csv"
    source.write_text(HEADER + ROW + ROW.replace("2026-01-05", "2026-02-31"))
    bundle = tmp_path / "ev.zip"
    bundle.write_bytes(bundle_bytes)
    assert run(["backup", str(demo)]) == 0
    assert run(["backup", str(demo), "--to", str(tmp_path / "stick")]) == 0
    capsys.readouterr()
    link = tmp_path / "link.sponsor"
    link.symlink_to(demo)
    hard = tmp_path / "hard-link.pdf"
    os.link(demo, hard)
    return {
        "the group file": demo,
        "a link to the group file": link,
        "a hard link to the group file": hard,
        "a backup": next((backup_dir()).rglob("*.sponsor")),
        "a copy made with backup --to": next((tmp_path / "stick").glob("*.sponsor")),
        "its key file": Path(f"{demo}-key"),
        "the import's source": source,
        "the bundle combined": bundle,
    }


def _commands(place: dict[str, Path], target: Path, tmp_path: Path) -> dict[str, list[str]]:
    group, source, bundle = (
        place["the group file"],
        place["the import's source"],
        place["the bundle combined"],
    )
    t = str(target)
    return {
        "report --out": ["report", "evaluation", str(group), "--out", t, "--force"],
        "report --bundle": ["report", "evaluation", str(group), "--out",
                            str(tmp_path / "new.pdf"), "--bundle", t, "--force"],
        "calendar --out": ["calendar", str(group), "--volunteer", "#1", "--out", t, "--force"],
        "export --out": ["export", "transactions", str(group), "--out", t, "--force"],
        "import --errors": ["import", "transactions", str(group), str(source), "--errors", t,
                            "--force"],
        "combine --out": ["combine", str(bundle), "--out", t, "--force"],
        "combine --csv": ["combine", str(bundle), "--out", str(tmp_path / "c.pdf"), "--csv", t,
                          "--force"],
        "subject --out": ["subject", str(group), "--volunteer", "#1", "--out", t, "--force"],
    }  # fmt: skip


AIMS = [
    "the group file",
    "a link to the group file",
    "a hard link to the group file",
    "a backup",
    "a copy made with backup --to",
    "its key file",
    "the import's source",
    "the bundle combined",
]
COMMANDS = [
    "report --out",
    "report --bundle",
    "calendar --out",
    "export --out",
    "import --errors",
    "combine --out",
    "combine --csv",
    "subject --out",
]


INPUT_OF = {"the import's source": "import", "the bundle combined": "combine"}
CASES = [
    (aim, command)
    for aim in AIMS
    for command in COMMANDS
    if aim not in INPUT_OF or command.startswith(INPUT_OF[aim])
]


@pytest.mark.parametrize(("aim", "command"), CASES)
def test_no_command_writes_over_the_group_file_a_backup_or_an_input(
    place, tmp_path, capsys, command, aim
):
    target = place[aim]
    if aim == "its key file":  # what a protected file keeps beside it
        target.write_bytes(b'{"key": "slot"}')
    before = target.read_bytes()
    group_before = place["the group file"].read_bytes()
    args = _commands(place, target, tmp_path)[command]
    code = run(args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "Nothing was written" in err or "is a file" in err, err
    assert target.read_bytes() == before
    assert place["the group file"].read_bytes() == group_before
    assert not target.is_symlink() or target.resolve() == place["the group file"]
    assert run(["check", str(place["the group file"])]) == 0


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "subject --out"])
def test_an_existing_file_is_replaced_only_with_force(place, tmp_path, capsys, command):
    target = tmp_path / ("mine.csv" if "csv" in command or "export" in command else "mine.pdf")
    if "import" in command:
        target = tmp_path / "my-spreadsheet.csv"
    target.write_text("the user's own work\n")
    args = [a for a in _commands(place, target, tmp_path)[command] if a != "--force"]
    assert run(args) == 1
    err = capsys.readouterr().err
    assert "already exists; choose another name or add --force" in err, err
    assert target.read_text() == "the user's own work\n"
    code = run([*args, "--force"])
    capsys.readouterr()
    assert code in (0, 1)  # the import itself refuses its bad row, and lists it
    assert target.read_text(errors="replace") != "the user's own work\n"
    assert not [p.name for p in tmp_path.glob(".*partial")]


def test_import_errors_onto_an_existing_file_is_refused_before_anything_is_imported(
    place, tmp_path, capsys
):
    """`--errors data.csv` replaced the user's spreadsheet; it now refuses first."""
    group = place["the group file"]
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROW)
    theirs = tmp_path / "data.csv"
    theirs.write_text("their own spreadsheet\n")
    assert run(["history", str(group), "--limit", "1"]) == 0
    newest = capsys.readouterr().out.splitlines()[1]
    assert run(["import", "transactions", str(group), str(good), "--errors", str(theirs)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert theirs.read_text() == "their own spreadsheet\n"
    assert run(["history", str(group), "--limit", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == newest  # nothing was imported


def test_a_new_output_named_like_a_group_file_is_refused(place, tmp_path, capsys):
    group = place["the group file"]
    out = tmp_path / "report.sponsor"
    assert run(["report", "evaluation", str(group), "--out", str(out)]) == 1
    assert "the name of a group file" in capsys.readouterr().err
    assert not out.exists()


def test_a_damaged_group_file_the_app_knows_is_never_written_over(place, tmp_path, capsys):
    """Its first page zeroed, it no longer looks like a group file; the app remembers it."""
    group = place["the group file"]
    copy = tmp_path / "kept.bin"
    assert run(["backup", str(group), "--to", str(tmp_path / "elsewhere")]) == 0
    data = bytearray(group.read_bytes())
    data[:4096] = bytes(4096)
    renamed = tmp_path / "renamed"
    renamed.write_bytes(bytes(data))
    os.replace(renamed, group)
    copy.write_bytes(bytes(data))
    capsys.readouterr()
    out = tmp_path / "x.csv"
    assert run(["export", "volunteers", str(group), "--out", str(out)]) == 1
    capsys.readouterr()
    assert run(["combine", str(place["the bundle combined"]), "--out", str(group), "--force"]) == 1
    assert "never written over" in capsys.readouterr().err
    assert group.read_bytes() == bytes(data)


def test_save_a_copy_never_goes_into_the_backups_folder(demo):
    from sponsor_app.domain.errors import InvalidInput
    from sponsor_app.services.files.copies import save_copy
    from sponsor_app.services.group.groups import open_group

    with open_group(demo) as store:
        folder = backup_dir() / store.group.uuid
        with pytest.raises(InvalidInput, match="backups folder"):
            save_copy(store, folder / "my copy.sponsor")
    assert not (folder / "my copy.sponsor").exists()
