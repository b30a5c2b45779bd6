"""Every number and date a command takes has a range: outside it, one line and exit 2 (a
number SQLite cannot hold, a date past the year 9999 gave tracebacks)."""

from __future__ import annotations

import pytest

from sponsor_app.cli import run


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["tasks", "{g}", "--due-within", "999999999999"], "give 0 to 3,660 days"),
        (["tasks", "{g}", "--due-within", "-1"], "give 0 to 3,660 days"),
        (["tasks", "{g}", "--due-within", "soon"], "is not a whole number"),
        (["history", "{g}", "--limit", "99999999999999999999"], "give 1 to 1,000,000"),
        (["history", "{g}", "--limit", "0"], "give 1 to 1,000,000"),
        (["revert", "{g}", "99999999999999999999"], "out of range"),
        (["revert", "{g}", "0"], "out of range"),
        (["report", "evaluation", "{g}", "--out", "y.pdf", "--to", "9999-12-31"], "2099-12-31"),
        (["report", "evaluation", "{g}", "--out", "y.pdf", "--from", "0001-01-01"], "1950-01-01"),
        (["report", "evaluation", "{g}", "--out", "y.pdf", "--to", "2026-13-45"], "not a date"),
    ],
)
def test_a_number_or_date_out_of_range_is_a_usage_error(demo, tmp_path, capsys, args, words):
    before = demo.read_bytes()
    code = run([a.format(g=demo) for a in args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and words in err, err
    assert demo.read_bytes() == before


def test_the_ends_of_each_range_are_taken(demo, tmp_path, capsys):
    assert run(["tasks", str(demo), "--due-within", "3660"]) == 0
    assert run(["history", str(demo), "--limit", "1000000"]) == 0
    out = tmp_path / "long.pdf"
    assert run(["report", "finances", str(demo), "--out", str(out), "--from", "1950-01-01",
                "--to", "2099-12-31"]) == 0  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
