"""Help > About: the version, where this copy is installed and where it keeps its files."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

import sponsor_app
from sponsor_app import __version__
from sponsor_app.locations import backup_dir, config_dir, installed_at, log_dir
from sponsor_app.ui.main_window import MainWindow


def test_about_names_the_version_and_the_installation(qtbot, app_home):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    window.about_action.trigger()

    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    text = box.text()
    assert f"Sponsor Desk {__version__}" in text
    assert str(Path(sponsor_app.__file__).resolve().parent.parent) in text  # run from source
    for folder in (backup_dir(), config_dir(), log_dir()):  # the test's, not the real ones
        assert str(folder) in text and str(app_home) in str(folder)
    box.close()


def test_a_built_app_is_installed_where_its_program_is(monkeypatch, tmp_path):
    program = tmp_path / "opt" / "sponsor-desk" / "sponsor-desk"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert installed_at() == program.parent

    mac = tmp_path / "Applications" / "Sponsor Desk.app" / "Contents" / "MacOS" / "sponsor-desk"
    monkeypatch.setattr(sys, "executable", str(mac))
    assert installed_at() == tmp_path / "Applications" / "Sponsor Desk.app"
