"""A protected file's key file, as another computer finds it: each problem named truly (D9).
Real files and real slots; "another computer" is another app folder."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from sponsor_app.storage import connect as connections
from sponsor_app.storage.errors import (
    KeyFileDamaged,
    KeyFileOfAnother,
    NoPassphraseHere,
    WrongPassphrase,
)
from sponsor_app.storage.keys import key_file
from sponsor_app.storage.protection import protect_file, unlock

PASSPHRASE = "kumara paddock wheelbarrow"


@pytest.fixture
def protected(tmp_path, small_demo_bytes, monkeypatch) -> Path:
    """A protected file, then the test goes on as another computer that never opened it."""
    path = tmp_path / "g.sponsor"
    path.write_bytes(small_demo_bytes)
    protect_file(path, PASSPHRASE)
    connections.forget_keys()
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "another computer"))
    yield path
    connections.forget_keys()


def _refusal(path: Path, passphrase: str = PASSPHRASE) -> Exception:
    with pytest.raises(NoPassphraseHere) as refused:
        unlock(path, passphrase=passphrase)
    return refused.value


def test_a_missing_key_file_is_said_to_be_missing(protected):
    key_file(protected).unlink()
    assert "is not beside it" in str(_refusal(protected))


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "garbage{",
        lambda text: "",
        lambda text: text[:150],
    ],
    ids=["garbage", "empty", "cut short"],
)
def test_a_damaged_key_file_is_said_to_be_damaged(protected, damage):
    place = key_file(protected)
    place.write_text(damage(place.read_text()))
    refusal = _refusal(protected)
    assert isinstance(refusal, KeyFileDamaged)
    assert str(refusal).startswith("g.sponsor-key is damaged")
    assert "recovery code" in str(refusal) and "not beside it" not in str(refusal)


def test_a_folder_in_place_of_the_key_file_is_said_to_be_a_folder(protected):
    key_file(protected).unlink()
    key_file(protected).mkdir()
    assert "g.sponsor-key is a folder" in str(_refusal(protected))


def test_another_files_key_file_is_said_to_belong_to_another(protected, tmp_path, small_demo_bytes):
    other = tmp_path / "p2.sponsor"
    other.write_bytes(small_demo_bytes)
    protect_file(other, PASSPHRASE)
    connections.forget_keys()
    key_file(protected).write_bytes(key_file(other).read_bytes())
    refusal = _refusal(protected)
    assert isinstance(refusal, KeyFileOfAnother)
    assert "g.sponsor-key belongs to another group file" in str(refusal)


def test_a_tampered_slot_may_be_the_key_file_not_the_passphrase(protected):
    place = key_file(protected)
    slot = json.loads(place.read_text())
    wrapped = bytearray(base64.b64decode(slot["wrapped"]))
    wrapped[0] ^= 1
    slot["wrapped"] = base64.b64encode(bytes(wrapped)).decode()
    place.write_text(json.dumps(slot))
    with pytest.raises(WrongPassphrase, match="or its key file is damaged; the recovery code"):
        unlock(protected, passphrase=PASSPHRASE)


@pytest.mark.parametrize("kind", ["endless", "pipe"])
def test_a_key_file_that_is_no_file_is_called_damaged_at_once(protected, kind):
    """A link to /dev/zero was read until memory ran out; a pipe was waited on for ever."""
    import os

    place = key_file(protected)
    place.unlink()
    if kind == "endless":
        place.symlink_to("/dev/zero")
    else:
        os.mkfifo(place)
    assert isinstance(_refusal(protected), KeyFileDamaged)


def test_a_computer_that_opened_it_once_keeps_the_key_for_its_own_backups(protected):
    """Its own backups in the app folder have no key file beside them: they opened only with
    the recovery code there (the retest's D10)."""
    unlock(protected, passphrase=PASSPHRASE)  # from the key file beside it
    connections.forget_keys()
    key_file(protected).unlink()  # as for a backup of it in this computer's app folder
    unlock(protected, passphrase=PASSPHRASE)
    # It asserted nothing: an unlock that returned without giving the key passed too. The
    # file must now read, with its rows, through the key this computer kept.
    reading = connections.connect(protected, read_only=True)
    try:
        assert reading.execute("SELECT count(*) FROM volunteer").fetchone() == (12,)
    finally:
        reading.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iterations", -5),
        ("iterations", 0),
        ("iterations", 2_000_000_000),
        ("iterations", "256000"),
        ("iterations", 256000.5),
        ("salt", base64.b64encode(b"short").decode()),
        ("nonce", "not base64 at all!"),
        ("kdf", "scrypt"),
    ],
)
def test_a_key_file_edited_outside_what_the_app_writes_is_damaged_at_once(protected, field, value):
    """ "iterations": -5 gave an OverflowError traceback; 2,000,000,000 made check run for
    hours."""
    import time

    place = key_file(protected)
    slot = json.loads(place.read_text())
    slot[field] = value
    place.write_text(json.dumps(slot))
    started = time.monotonic()
    refusal = _refusal(protected)
    assert isinstance(refusal, KeyFileDamaged), refusal
    assert time.monotonic() - started < 5


def test_an_edited_key_file_is_one_line_from_the_command_line(protected, monkeypatch, capsys):
    from sponsor_app.cli import run

    place = key_file(protected)
    slot = json.loads(place.read_text())
    slot["iterations"] = -5
    place.write_text(json.dumps(slot))
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    assert run(["check", str(protected)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "g.sponsor-key is damaged" in err, err
