"""The one output rule: an output is written whole, never over an input, a group file or a
backup, and never over a file that exists unless the person agreed."""

import pytest

from sponsor_app.services.files.outputs import (
    OutputRefused,
    check_output,
    is_group_file,
    write_output,
    write_output_bytes,
)


def test_an_output_is_written_whole_and_owner_only(tmp_path):
    target = tmp_path / "report.csv"
    written = write_output(target, lambda stream: stream.write(b"a,b\n1,2\n"))
    assert written == target and target.read_bytes() == b"a,b\n1,2\n"
    assert target.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]  # no partial file left


def test_a_failed_write_leaves_nothing_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.csv"
    target.write_bytes(b"old")

    def fails(stream):
        stream.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OutputRefused, match=r"disk full\. Nothing was written"):
        write_output(target, fails, force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_an_existing_file_is_replaced_only_when_asked(tmp_path):
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputRefused):
        write_output_bytes(target, b"new")
    assert target.read_bytes() == b"keep me"
    write_output_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_an_output_never_lands_on_an_input(tmp_path):
    source = tmp_path / "bank.csv"
    source.write_bytes(b"statement")
    with pytest.raises(OutputRefused, match="reads"):
        check_output(source, inputs=[source], force=True)
    assert source.read_bytes() == b"statement"


def test_a_group_file_is_never_written_over(small_demo, tmp_path):
    assert is_group_file(small_demo) and not is_group_file(tmp_path)
    before = small_demo.read_bytes()
    with pytest.raises(OutputRefused, match="group file"):
        write_output_bytes(small_demo, b"oops", force=True)
    assert small_demo.read_bytes() == before
    with pytest.raises(OutputRefused, match=r"\.sponsor"):
        check_output(tmp_path / "summary.sponsor")


@pytest.mark.parametrize("where", ["folder", "missing folder"])
def test_a_folder_or_a_missing_folder_is_one_sentence(tmp_path, where):
    target = tmp_path if where == "folder" else tmp_path / "nowhere" / "x.csv"
    with pytest.raises(OutputRefused) as refused:
        check_output(target, what="export")
    assert str(target) in str(refused.value) and "\n" not in str(refused.value)
