"""The health check behind `sponsor-app check`: it finds what is wrong with a file and changes
nothing while it looks."""

import sqlite3
from datetime import date

import pytest

from sponsor_app.services.files.health import (
    SCHEMA_VERSION,
    check_file,
    first_wrong_value,
    schema_version_of,
)
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.storage.errors import StoredValueWrong


@pytest.fixture
def new_file(group_path):
    group = NewGroup(name="Riverside", programme_key="nz-cors", start_date=date(2025, 1, 1))
    create_group(group_path, group, actor="tester").close()
    return group_path


def _tamper(path, *statements):
    """Change the file behind the app's back, as a stray tool or a bad disk might."""
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_a_new_file_is_healthy_and_counted(new_file):
    report = check_file(new_file)
    assert report.healthy and report.sound and not report.repairable_only
    assert report.schema_version == SCHEMA_VERSION == schema_version_of(new_file)
    assert report.row_counts["group_profile"] == 1 and report.row_counts["volunteer"] == 0
    assert first_wrong_value(new_file) is None


def test_the_small_demo_is_healthy(small_demo):
    report = check_file(small_demo)
    assert report.healthy, report
    assert report.row_counts["volunteer"] > 0 and report.row_counts["household"] > 0


def test_a_dropped_table_is_named_and_the_file_is_not_sound(new_file):
    _tamper(new_file, "DROP TABLE report_narrative")
    report = check_file(new_file)
    assert report.missing_tables == ["report_narrative"]
    assert not report.sound and not report.healthy and not report.audit_triggers


def test_a_value_of_the_wrong_kind_is_found_and_named(new_file):
    _tamper(
        new_file,
        "DROP TRIGGER audit_group_profile_update",
        "UPDATE group_profile SET start_date = 'next Tuesday'",
    )
    report = check_file(new_file)
    assert report.wrong_value_count == 1 and not report.sound
    (found,) = report.wrong_values
    assert "group profile" in found and "start_date" in found and "next Tuesday" in found
    error = first_wrong_value(new_file)
    assert isinstance(error, StoredValueWrong)
    assert "next Tuesday" in str(error)


def test_missing_audit_triggers_are_repairable_only(new_file):
    _tamper(new_file, "DROP TRIGGER audit_group_profile_update")
    report = check_file(new_file)
    assert report.sound and not report.audit_triggers
    assert not report.healthy and report.repairable_only


def test_checking_changes_nothing(small_demo):
    before = small_demo.read_bytes()
    check_file(small_demo)
    assert small_demo.read_bytes() == before


def test_a_file_that_is_not_a_group_file_is_refused(tmp_path):
    stranger = tmp_path / "notes.sponsor"
    stranger.write_text("shopping list")
    with pytest.raises(Exception, match=r"notes\.sponsor"):
        check_file(stranger)
    assert stranger.read_text() == "shopping list"
    assert first_wrong_value(tmp_path / "absent.sponsor") is None
