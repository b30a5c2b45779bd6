"""The command line and a protected file's keys: restoring a plain backup over it (D11),
copies made on a computer that never protected it (D10), and what a passphrase change says
and can do (D6). Real files, the real `run`, a fresh keyring per command."""

from __future__ import annotations

import re
import shutil

from sponsor_app.cli import run
from sponsor_app.storage.connect import forget_keys
from sponsor_app.storage.keys import key_file
from sponsor_app.storage.protection import is_protected

PASSPHRASE = "kumara paddock wheelbarrow"
NEW_PASSPHRASE = "a different tui sings"


def _ok(capsys, argv) -> str:
    forget_keys()  # each command is a new process
    code = run(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def _error(capsys, argv) -> str:
    forget_keys()
    assert run(argv) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sponsor-app: "), lines
    return lines[0]


def _protect(demo, monkeypatch, capsys) -> str:
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", PASSPHRASE)
    out = _ok(capsys, ["protect", str(demo)])
    monkeypatch.delenv("SPONSOR_APP_NEW_PASSPHRASE")
    return re.search(r"Recovery code .*: (\S+)", out).group(1)


def test_a_plain_backup_replaces_a_protected_file_only_with_force(
    demo, tmp_path, small_demo_bytes, monkeypatch, capsys
):
    plain = tmp_path / "before protecting.sponsor"
    plain.write_bytes(small_demo_bytes)
    _protect(demo, monkeypatch, capsys)
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    line = _error(capsys, ["restore", str(plain), str(demo)])
    assert "is protected with a passphrase" in line and "--force" in line
    assert is_protected(demo) and key_file(demo).exists()
    _ok(capsys, ["check", str(demo)])  # still opens with its passphrase
    _ok(capsys, ["restore", str(plain), str(demo), "--force"])
    assert not is_protected(demo)


def test_copies_made_on_a_computer_that_never_protected_the_file_open_with_the_passphrase(
    demo, tmp_path, monkeypatch, capsys
):
    _protect(demo, monkeypatch, capsys)
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "another computer"))
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    _ok(capsys, ["backup", str(demo), "--to", str(tmp_path / "usb")])
    (copy,) = (tmp_path / "usb").glob("*.sponsor")
    assert key_file(copy).exists()
    restored = tmp_path / "restored.sponsor"
    _ok(capsys, ["restore", str(copy), str(restored)])
    assert key_file(restored).exists()
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "a third computer"))
    for path in (copy, restored):
        assert "Healthy." in _ok(capsys, ["check", str(path)])


def test_changing_the_passphrase_says_old_key_files_still_open_it(
    demo, tmp_path, monkeypatch, capsys
):
    _protect(demo, monkeypatch, capsys)
    old_key_file = tmp_path / "old.sponsor-key"
    shutil.copy(key_file(demo), old_key_file)
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    out = _ok(capsys, ["protect", str(demo)])
    assert "Old copies of its key file still open it with the old passphrase" in out
    assert "--new-key" in out
    # What it says is true: the old key file beside a copy opens it with the old passphrase.
    copy = tmp_path / "elsewhere" / "group.sponsor"
    copy.parent.mkdir()
    shutil.copy(demo, copy)
    shutil.copy(old_key_file, key_file(copy))
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "another computer"))
    assert "Healthy." in _ok(capsys, ["check", str(copy)])


def test_new_key_retires_old_key_files_and_the_old_recovery_code(
    demo, tmp_path, monkeypatch, capsys
):
    old_code = _protect(demo, monkeypatch, capsys)
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    out = _ok(capsys, ["protect", str(demo), "--new-key"])
    new_code = re.search(r"New recovery code: (\S+)", out).group(1)
    assert new_code != old_code
    assert "not the passphrase" in _error(capsys, ["check", str(demo)])
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", old_code)
    assert "not the code" in _error(capsys, ["check", str(demo)])
    for opens in (NEW_PASSPHRASE, new_code):
        monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", opens)
        assert "Healthy." in _ok(capsys, ["check", str(demo)])
