"""Words as a group lead reads them: plural forms, no "-52 days", the compiled English file
in step with the sources."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from sponsor_app.ui.formatting import days_from_arrival, lease_ending, overdue_by

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "sponsor_app" / "resources" / "translations"


def test_counts_read_in_the_right_plural_form(qapp):
    assert days_from_arrival(1) == "arrived 1 day ago"
    assert days_from_arrival(-12) == "arrives in 12 days"
    assert overdue_by(1) == "1 day overdue" and overdue_by(-2) == "due in 2 days"
    assert lease_ending(-40) == "ended 40 days ago" and lease_ending(1) == "ends in 1 day"
    tr = QCoreApplication.translate
    assert tr("formatting", "%n person(s)", "", 1) == "1 person"
    assert tr("formatting", "%n person(s)", "", 3) == "3 people"
    assert tr("VolunteersPage", "{} of %n volunteer(s) shown.", "", 1) == "{} of 1 volunteer shown."


def test_the_compiled_translation_is_current(tmp_path):
    """`make translations` was run after the last change to a message with a count."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "sponsor_app", copy / "sponsor_app")
    shutil.copytree(ROOT / "tools", copy / "tools")
    subprocess.run([sys.executable, str(copy / "tools" / "update_translations.py")], check=True)
    fresh = copy / "sponsor_app" / "resources" / "translations"
    for name in ("sponsor_desk_en.ts", "sponsor_desk_en.qm"):
        assert filecmp.cmp(fresh / name, TRANSLATIONS / name, shallow=False), (
            f"{name} is out of date: run `make translations`"
        )
