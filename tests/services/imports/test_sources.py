"""Text coming in: an export imports back to the same rows whatever its cells hold, a UTF-8
file with one bad byte is named rather than read as Windows-1252, and control characters are
refused wherever they come from (a cell, a typed or pasted name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.domain.errors import InvalidInput
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.imports.model import ImportRejected
from sponsor_app.services.imports.sources import EncodingUnclear, open_source
from sponsor_app.services.imports.volunteer_io import export_volunteers, import_volunteers
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, list_volunteers

LANGUAGES = (
    "Arabic",
    "English",
    "Dari",
    "Pashto",
    "Farsi",
    "Urdu",
    "Tigrinya",
    "Amharic",
    "Somali",
    "Swahili",
    "French",
    "Kurdish",
)


def _rows(store) -> list[tuple]:
    return sorted(
        (v.full_name, v.email, v.phone, tuple(v.languages), tuple(v.role_names))
        for v in list_volunteers(store)
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_back_to_the_same_rows_with_ten_languages_in_a_cell(
    make_store, tmp_path, suffix
):
    """The separator was guessed as ";" from "; " inside the languages cell, and the import
    said the file had no column for name."""
    source = make_store("Exporting")
    for name in ("Aroha Ngata", "Li Wei", "Mere Tane", "Sam Lee"):  # more ";" than ","
        add_volunteer(
            source,
            VolunteerInput(name, ("volunteer", "transport"), languages=LANGUAGES),
        )
    out = export_volunteers(source, tmp_path / f"roster{suffix}")
    target = make_store("Importing")
    import_volunteers(target, out, create_missing=True)
    assert _rows(target) == _rows(source)


def test_a_semicolon_csv_with_commas_in_its_cells_is_read_by_semicolons(tmp_path):
    path = tmp_path / "european.csv"
    path.write_text("name;email;notes\nAroha;a@x.org;drives, cooks, plays\nLi;l@x.org;x, y\n")
    with open_source(path) as source:
        assert source.delimiter == ";"
        assert source.header == ("name", "email", "notes")


def test_a_utf8_file_with_one_bad_byte_names_its_line_and_can_be_read_as_chosen(store, tmp_path):
    """It was decoded whole as Windows-1252: "Kāpiti Ōtaki" became "KÄ\\x81piti ÅŒtaki"."""
    path = tmp_path / "people.csv"
    path.write_bytes(
        "Name,Roles,Notes\nMere Kāpiti,volunteer,Ōtaki\n".encode() + b"Li Wei,volunteer,caf\xe9\n"
    )
    with pytest.raises(EncodingUnclear) as unclear:
        open_source(path)
    assert unclear.value.line == 3 and "byte 0xE9 is not UTF-8" in str(unclear.value)
    with pytest.raises(EncodingUnclear):
        import_volunteers(store, path)
    assert list_volunteers(store) == []
    with open_source(path, encoding="cp1252") as source:
        assert source.encoding == "cp1252"


def test_a_windows_1252_file_is_still_recognised(tmp_path):
    path = tmp_path / "old-excel.csv"
    path.write_bytes("Name,Notes\nRené,café\n".encode("cp1252"))
    with open_source(path) as source:
        assert source.encoding == "cp1252"
        assert [r.cells for r in source.rows()] == [("René", "café")]


def test_a_c1_control_character_in_a_cell_is_refused(store, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Name,Roles\nK\u0081piti,volunteer\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match=r"control character \(U\+0081\)"):
        import_volunteers(store, path)


@pytest.mark.parametrize("bad", ["\x1b[31mRed\x1b[0m", "Tab\x00Nul", "Del\x7f", "C1\x9b2J"])
def test_control_characters_typed_or_pasted_are_refused_by_every_service(store, bad):
    from sponsor_app.services.households.households import HouseholdInput, add_household

    with pytest.raises(InvalidInput) as refused:
        add_volunteer(store, VolunteerInput(bad, ("volunteer",)))
    assert refused.value.for_field("full_name")
    with pytest.raises(InvalidInput) as refused:
        add_volunteer(store, VolunteerInput("Mere Tane", ("volunteer",), notes=f"note {bad}"))
    assert refused.value.for_field("notes")
    with pytest.raises(InvalidInput):
        add_household(store, HouseholdInput(code="H9", family_name=bad))
    assert list_volunteers(store) == []


def test_tabs_and_line_breaks_in_a_note_are_text(store):
    add_volunteer(store, VolunteerInput("Mere Tane", ("volunteer",), notes="one\n\ttwo\r\n"))
    assert len(list_volunteers(store)) == 1


def test_a_group_name_with_an_escape_sequence_is_one_line_and_nothing_made(tmp_path, capsys):
    path = tmp_path / "g.sponsor"
    assert run(["new", str(path), "--name", "\x1b]0;owned\x07Riverside"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "control character (U+001B)" in err and "\x1b" not in err
    assert not path.exists()


def test_the_cli_reads_a_file_as_the_encoding_given(tmp_path, capsys):
    group = tmp_path / "g.sponsor"
    create_group(group, NewGroup(name="Riverside")).close()
    path = Path(tmp_path / "people.csv")
    path.write_bytes(b"Name,Roles\nMere K\xc4\x81piti,volunteer\nRen\xe9,volunteer\n")
    assert run(["import", "volunteers", str(group), str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 3: byte 0xE9 is not UTF-8" in err and "--encoding cp1252" in err, err
    assert run(["import", "volunteers", str(group), str(path), "--encoding", "cp1252"]) == 0


def test_an_escape_stored_by_an_older_version_never_reaches_the_terminal_raw(demo, capsys):
    import sqlite3

    raw = sqlite3.connect(demo)
    raw.execute("DROP TRIGGER audit_task_update")
    raw.execute("UPDATE task SET title = 'Enrol \x1b]0;owned\x07 at school' WHERE id = 1")
    raw.execute("UPDATE change_set SET description = 'Fill \x1b[2J the demo' WHERE id = 2")
    raw.commit()
    raw.close()
    assert run(["tasks", str(demo), "--all"]) == 0
    assert run(["history", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Enrol <U+001B>]0;owned<U+0007> at school"[:40] in out
