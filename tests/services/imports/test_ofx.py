"""OFX and QFX statements read as a table with fixed columns, the statement's currency checked."""

import re
from pathlib import Path

import pytest

from sponsor_app.services.imports.ofx import MAX_OFX, OFX_COLUMNS, open_ofx
from sponsor_app.services.imports.table import SpreadsheetFileError

BANKS = Path(__file__).parents[2] / "fixtures" / "banks"


@pytest.mark.parametrize("name", ["statement-sgml.ofx", "statement-xml.qfx"])
def test_each_statement_line_is_a_row_of_the_fixed_columns(name):
    source = open_ofx(BANKS / name, "NZD")
    assert source.header == OFX_COLUMNS and source.header_line == 1
    rows = list(source.rows())
    assert len(rows) == (BANKS / name).read_text().count("<STMTTRN>")
    first = dict(zip(OFX_COLUMNS, rows[0].cells, strict=True))
    assert first["Date"] == "2026-02-03" and first["Amount"] == "-84.50"
    assert first["Payee"] == "COUNTDOWN PONSONBY" and first["Type"] == "pos"
    text = (BANKS / name).read_text()
    assert first["Unique Id"] == re.search(r"<FITID>([^<\s]+)", text).group(1)
    assert first["Account"] == re.search(r"<ACCTID>([^<\s]+)", text).group(1)
    assert [r.line for r in rows] == list(range(2, 2 + len(rows)))


def test_a_statement_in_another_currency_is_refused(tmp_path):
    aud = tmp_path / "aud.ofx"
    aud.write_text((BANKS / "statement-sgml.ofx").read_text().replace("<CURDEF>NZD", "<CURDEF>AUD"))
    with pytest.raises(SpreadsheetFileError, match="AUD"):
        open_ofx(aud, "NZD")


def test_a_file_that_is_not_ofx_is_one_sentence(tmp_path):
    broken = tmp_path / "broken.ofx"
    broken.write_text("OFXHEADER:100\n<OFX><nonsense")
    with pytest.raises(SpreadsheetFileError, match=r"broken\.ofx") as refused:
        open_ofx(broken, "NZD")
    assert "\n" not in str(refused.value)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path):
    huge = tmp_path / "huge.ofx"
    with huge.open("wb") as handle:
        handle.truncate(MAX_OFX + 1)  # sparse: no disk used
    with pytest.raises(SpreadsheetFileError, match=r"huge\.ofx"):
        open_ofx(huge, "NZD")
