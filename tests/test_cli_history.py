"""`history` and `revert` on the command line: what can never be taken back."""

from __future__ import annotations

from sponsor_app.cli import run


def test_the_change_that_created_the_group_cannot_be_reverted(tmp_path, capsys):
    """`revert FILE 1` on a new file removed the group profile, and every command then called
    the file damaged."""
    group = tmp_path / "new.sponsor"
    assert run(["new", str(group), "--name", "Riverside"]) == 0
    before = group.read_bytes()
    capsys.readouterr()
    assert run(["revert", str(group), "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "created the group itself" in err and "cannot be reverted" in err, err
    assert run(["check", str(group)]) == 0
    assert "Healthy." in capsys.readouterr().out
    assert run(["history", str(group)]) == 0
    assert "Revert" not in capsys.readouterr().out
    assert group.read_bytes() == before
