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
    for place in (copy, *copy.rglob("*")):  # a copy of the source keeps its modes: make it
        place.chmod(place.stat().st_mode & 0o700)  # as private as the rest of the run
    subprocess.run([sys.executable, str(copy / "tools" / "update_translations.py")], check=True)
    fresh = copy / "sponsor_app" / "resources" / "translations"
    for name in ("sponsor_desk_en.ts", "sponsor_desk_en.qm"):
        assert filecmp.cmp(fresh / name, TRANSLATIONS / name, shallow=False), (
            f"{name} is out of date: run `make translations`"
        )


def test_date_fields_read_the_open_groups_order(window, qtbot, tmp_path):
    """A US group types 01/22/2027; a New Zealand one 22/01/2027 (issue 12, item 7)."""
    from datetime import date

    from sponsor_app.services.group.groups import NewGroup, create_group
    from sponsor_app.ui.widgets.date_field import DateField

    path = tmp_path / "us.sponsor"
    create_group(path, NewGroup(name="Welcome Corps Ohio", programme_key="us-wc")).close()
    assert window.open_file(path)
    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field.edit, "01/22/2027")
    assert field.value() == date(2027, 1, 22) and field.problem() is None
    field.edit.clear()
    qtbot.keyClicks(field.edit, "22/01/2027")
    assert field.value() is None and "has no month 22" in field.problem()
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2027-01-22")
    assert field.value() == date(2027, 1, 22)
