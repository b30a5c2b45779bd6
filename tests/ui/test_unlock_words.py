"""The unlock dialog tells a wrong recovery code from a mistyped one by the error's type (it
once searched the message for the file's path)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sponsor_app.services.files.protection import forget_keys, protect_file, unlock_with_either
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.ui.dialogs.unlock_dialog import UnlockDialog

from .conftest import type_into

PASSPHRASE = "kumara paddock wheelbarrow"


def _protected(path):
    create_group(path, NewGroup(name=path.stem)).close()
    return protect_file(path, PASSPHRASE).recovery_code


def _said_after_typing(qtbot, path, typed: str) -> str:
    dialog = UnlockDialog(path, lambda text: unlock_with_either(path, text))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.passphrase, typed, leave=False)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "a wrong code must not open the file"
    return dialog.error.text()


def test_another_files_recovery_code_is_said_to_be_not_this_files(qtbot, tmp_path):
    ours = tmp_path / "ours.sponsor"
    _protected(ours)
    theirs = _protected(tmp_path / "theirs.sponsor")
    forget_keys()
    said = _said_after_typing(qtbot, ours, theirs)
    assert said == "⚠ That recovery code is not this file's."


def test_a_mistyped_recovery_code_says_what_is_wrong_with_it(qtbot, tmp_path):
    ours = tmp_path / "ours.sponsor"
    code = _protected(ours)
    forget_keys()
    typo = ("B" if code[0] != "B" else "C") + code[1:]  # one character wrong: its check fails
    said = _said_after_typing(qtbot, ours, typo)
    assert "mistake in it" in said and str(ours) not in said
