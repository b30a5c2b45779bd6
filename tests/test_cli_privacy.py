"""The command line's privacy commands: protect, unprotect, subject, and every command on a
protected file (the passphrase from SPONSOR_APP_PASSPHRASE or asked on the terminal)."""

from __future__ import annotations

import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.storage.connect import forget_keys
from sponsor_app.storage.protection import is_protected

PASSPHRASE = "kumara paddock wheelbarrow"
CTRL_D = "\x04"  # end of input, typed at a prompt


def _error(capsys, argv, code=1) -> str:
    assert run(argv) == code
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sponsor-app: "), captured.err
    return lines[0]


def _protect(demo, monkeypatch, capsys) -> str:
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", PASSPHRASE)
    assert run(["protect", str(demo)]) == 0
    monkeypatch.delenv("SPONSOR_APP_NEW_PASSPHRASE")
    out = capsys.readouterr().out
    forget_keys()  # as the next command, a new process, would be
    return re.search(r"Recovery code .*: (\S+)", out).group(1)


def test_protect_then_every_command_needs_the_passphrase(demo, monkeypatch, capsys, tmp_path):
    code = _protect(demo, monkeypatch, capsys)
    assert is_protected(demo) and len(code) == 44
    assert "set SPONSOR_APP_PASSPHRASE" in _error(capsys, ["check", str(demo)])
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", "not it at all")
    assert "That is not the passphrase of" in _error(capsys, ["check", str(demo)])
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    assert run(["check", str(demo)]) == 0
    assert "Healthy." in capsys.readouterr().out
    forget_keys()
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", code.lower())  # the recovery code works too
    assert run(["history", str(demo), "--limit", "2"]) == 0
    forget_keys()
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    assert run(["backup", str(demo), "--to", str(tmp_path / "usb")]) == 0
    (copy,) = (tmp_path / "usb").glob("*.sponsor")
    assert is_protected(copy) and Path(f"{copy}-key").exists()


def test_changing_and_removing_the_passphrase(demo, monkeypatch, capsys):
    _protect(demo, monkeypatch, capsys)
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "a different tui sings")
    assert run(["protect", str(demo)]) == 0
    assert "Changed the passphrase" in capsys.readouterr().out
    forget_keys()
    assert "not the passphrase" in _error(capsys, ["unprotect", str(demo)])
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", "a different tui sings")
    assert run(["unprotect", str(demo)]) == 0
    assert not is_protected(demo)
    assert "is not protected" in _error(capsys, ["unprotect", str(demo)])


def test_bad_input_to_the_privacy_commands(demo, monkeypatch, capsys, tmp_path):
    missing = str(tmp_path / "nope.sponsor")
    assert "does not exist" in _error(capsys, ["protect", missing])
    assert "does not exist" in _error(capsys, ["unprotect", missing])
    assert "does not exist" in _error(
        capsys, ["subject", missing, "--volunteer", "x", "--out", str(tmp_path / "o")]
    )
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "short")
    assert "at least 8 characters" in _error(capsys, ["protect", str(demo)])
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "password123")
    assert "Too easy to guess" in _error(capsys, ["protect", str(demo)])
    monkeypatch.delenv("SPONSOR_APP_NEW_PASSPHRASE")
    assert "Set SPONSOR_APP_NEW_PASSPHRASE" in _error(capsys, ["protect", str(demo)])
    assert not is_protected(demo)
    out = tmp_path / "out"
    out.mkdir()
    assert "add --force" in _error(
        capsys, ["subject", str(demo), "--volunteer", "Anahera Pōmare", "--out", str(out)]
    )
    assert "No volunteer is called" in _error(
        capsys, ["subject", str(demo), "--volunteer", "Nobody Here", "--out", str(out / "x")]
    )
    assert "is a file" in _error(
        capsys,
        ["subject", str(demo), "--volunteer", "Anahera Pōmare", "--out", str(demo), "--force"],
    )
    assert (
        run(["subject", str(demo), "--volunteer", "Anahera Pōmare", "--out", str(out / "a")]) == 0
    )
    assert (out / "a" / "volunteer.csv").exists()
    assert "the commands are" in _error(capsys, ["protekt", str(demo)], code=2)


def test_export_wants_force_to_replace_a_file(demo, capsys, tmp_path):
    target = tmp_path / "roster.csv"
    target.write_text("keep me")
    assert "add --force" in _error(
        capsys, ["export", "volunteers", str(demo), "--out", str(target)]
    )
    assert target.read_text() == "keep me"
    assert run(["export", "volunteers", str(demo), "--out", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8-sig").startswith("name,email")


# --- asked on a terminal -------------------------------------------------------------------
def _on_a_terminal(argv: list[str], answers: list[str], env: dict) -> tuple[int, str]:
    """Run the command with a pseudo-terminal as its terminal; type each answer when it asks."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ.update(env)
        os.execv(sys.executable, [sys.executable, "-m", "sponsor_app", *argv])
    seen, pending = b"", list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            # A prompt waits at the end of the screen; typing before it shows is lost (the
            # prompt flushes what was typed ahead, as a terminal does for a password).
            if pending and seen.endswith(b": "):
                answer = pending.pop(0)
                os.write(fd, answer.encode() + (b"" if answer == CTRL_D else b"\r"))
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def test_the_terminal_asks_three_times_then_gives_up(demo, monkeypatch, capsys):
    _protect(demo, monkeypatch, capsys)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPONSOR_APP_")}
    code, screen = _on_a_terminal(["check", str(demo)], ["wrong one", "wrong two", "nope"], env)
    assert code == 1
    assert screen.count("Passphrase (or recovery code) for group.sponsor:") == 3
    assert "3 wrong tries" in screen and "Traceback" not in screen
    assert PASSPHRASE not in screen and "wrong one" not in screen  # never echoed
    code, screen = _on_a_terminal(["check", str(demo)], ["oops", PASSPHRASE], env)
    assert code == 0, screen
    assert "That is not the passphrase" in screen and "Healthy." in screen


def test_protect_on_a_terminal_asks_twice_and_says_it_cannot_be_recovered(
    demo, monkeypatch, capsys
):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPONSOR_APP_")}
    code, screen = _on_a_terminal(["protect", str(demo)], [PASSPHRASE, PASSPHRASE + "x"], env)
    assert code == 1 and "not the same" in screen
    assert not is_protected(demo)
    code, screen = _on_a_terminal(["protect", str(demo)], [PASSPHRASE, PASSPHRASE], env)
    assert code == 0, screen
    assert "cannot be recovered" in screen and "Recovery code" in screen
    assert is_protected(demo)


def test_ctrl_d_at_a_prompt_is_one_line_not_a_traceback(demo, monkeypatch, capsys):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPONSOR_APP_")}
    code, screen = _on_a_terminal(["protect", str(demo)], [CTRL_D], env)
    assert code == 1 and "Traceback" not in screen, screen
    assert "No passphrase was typed: nothing was opened or changed." in screen
    assert not is_protected(demo)
    _protect(demo, monkeypatch, capsys)
    code, screen = _on_a_terminal(["check", str(demo)], [CTRL_D], env)
    assert code == 1 and "Traceback" not in screen and "No passphrase was typed" in screen


def test_the_groups_own_name_is_refused_as_a_passphrase(demo, monkeypatch, capsys):
    """zxcvbn rated the spaces between words as random characters: "Kāpiti Welcome Circle"
    passed. The command line now knows the group's name, not only the file's."""
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "kapiti welcome circle demo")
    line = _error(capsys, ["protect", str(demo)])
    assert "own name is easy to guess" in line
    monkeypatch.setenv("SPONSOR_APP_NEW_PASSPHRASE", "password password")
    assert "Too easy to guess" in _error(capsys, ["protect", str(demo)])
    assert not is_protected(demo)


@pytest.mark.parametrize("command", ["protect", "unprotect"])
def test_the_privacy_commands_help_says_where_the_passphrase_comes_from(command, capsys):
    assert run([command, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "SPONSOR_APP_PASSPHRASE" in text and "the group file" in text
    if command == "protect":
        assert "SPONSOR_APP_NEW_PASSPHRASE" in text and "recovery code" in text


def test_a_recovery_code_with_a_typing_mistake_is_called_that(demo, monkeypatch, capsys):
    code = _protect(demo, monkeypatch, capsys)
    groups = code.split("-")
    wrong_letter = "X" if groups[2][0] != "X" else "Y"
    groups[2] = wrong_letter + groups[2][1:]
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", "-".join(groups))
    line = _error(capsys, ["check", str(demo)])
    assert "recovery code has a mistake in it" in line, line
    monkeypatch.setenv("SPONSOR_APP_PASSPHRASE", code.lower().replace("-", " "))
    assert run(["check", str(demo)]) == 0


def test_subject_tells_two_people_of_one_name_apart_by_number(demo, capsys, tmp_path):
    from sponsor_app.services.group.groups import open_group
    from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer

    with open_group(demo) as store:
        for note in ("first", "second"):
            add_volunteer(store, VolunteerInput("Sam Lee", ("volunteer",), notes=note))
    refused = _error(
        capsys, ["subject", str(demo), "--volunteer", "sam lee", "--out", str(tmp_path / "o")]
    )
    assert "fits 2 volunteers" in refused
    numbers = re.findall(r"#(\d+) Sam Lee <no email>", refused)
    assert len(numbers) == 2
    assert f"(such as #{numbers[0]})" in refused  # one of them, not an unrelated "#12"
    out = tmp_path / "second"
    argv = ["subject", str(demo), "--volunteer", f"#{numbers[1]}", "--out", str(out)]
    assert run(argv) == 0
    text = (out / "volunteer.csv").read_text(encoding="utf-8-sig")
    assert "second" in text and "first" not in text
