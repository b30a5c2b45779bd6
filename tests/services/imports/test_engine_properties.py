"""Every importer against random files: random rows of good and bad cells, in random
encodings with random delimiters. Whatever the file, the import either takes every row (or,
when asked, every good row) or changes nothing, and a person's mistake is always a sentence."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sponsor_app.domain.errors import SponsorDeskError
from sponsor_app.services.imports.engine import run_import
from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.model import ImportRequest

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
dates = st.sampled_from(["2026-01-05", "5/01/2026", "2026-02-30", "2026-01-05garbage", "", "Jan 5"])
amounts = st.sampled_from(["12.50", "1,200", "(20)", "(-5)", "£5", "-3", "0", "abc", "", "$7"])
kinds = st.sampled_from(["income", "expense", "in", "refund", ""])
categories = st.sampled_from(["Donations", "Food", "Rent", "Bake sale", ""])
names = st.sampled_from(["Aroha Ngata", "Sam Lee", "Ayşe Yılmaz", "", "Kiri\x07"])
roles = st.sampled_from(["volunteer", "Housing lead", "lead", "", "group_lead; finance"])
statuses = st.sampled_from(["current", "submitted", "lapsed", "sort of", "", "✓"])
yes_no = st.sampled_from(["yes", "n", "✓", "maybe", ""])

TRANSACTION = st.tuples(dates, kinds, amounts, categories, text, text)
VOLUNTEER = st.tuples(
    names, st.sampled_from(["", "a@example.org", "bad@"]), roles, statuses, dates, dates, yes_no
)
BANK = st.tuples(dates, amounts, text, text, text)

HEADERS = {
    ImportKind.TRANSACTIONS: ("date", "kind", "amount", "category", "counterparty", "note"),
    ImportKind.VOLUNTEERS: (
        "name",
        "email",
        "roles",
        "vetting_status",
        "vetting_checked_on",
        "vetting_expires_on",
        "active",
    ),
    ImportKind.BANK: (
        "Date",
        "Amount",
        "Other Party",
        "Description",
        "Reference",
        "Particulars",
        "Analysis Code",
    ),
}


def _file(tmp_path, kind, rows, encoding, delimiter, tail) -> object:
    buffer = io.StringIO()
    # "\r\n" as the terminator makes the writer quote any cell with a line break in it
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS[kind])
    for row in rows:
        writer.writerow(list(row) + ([""] * (len(HEADERS[kind]) - len(row))))
    path = tmp_path / f"random-{kind.value}.csv"
    body = buffer.getvalue() if tail else buffer.getvalue().removesuffix("\r\n")
    path.write_bytes(body.encode(encoding, errors="replace"))
    return path


def _state(store) -> tuple[int, int, int]:
    with store.read() as session:
        run = session.connection().exec_driver_sql
        return (
            run("SELECT count(*) FROM ledger_transaction").scalar(),
            run("SELECT count(*) FROM volunteer").scalar(),
            run("SELECT count(*) FROM change_set").scalar(),
        )


def _check(store, tmp_path, kind, rows, encoding, delimiter, tail, skip):
    path = _file(tmp_path, kind, rows, encoding, delimiter, tail)
    before = _state(store)
    try:
        result = run_import(store, ImportRequest(kind, path, skip_bad_rows=skip))
    except SponsorDeskError as refused:
        assert str(refused)  # a sentence for the person
        assert _state(store) == before  # nothing half-written
        return
    after = _state(store)
    changed = after[0] - before[0] if kind is not ImportKind.VOLUNTEERS else after[1] - before[1]
    assert changed == result.added
    read = (
        result.added
        + result.updated
        + result.duplicates
        + result.likely_skipped
        + result.matched
        + result.left_out
        + result.bad_skipped
    )
    assert read == len([r for r in rows if any(str(c).strip() for c in r)])
    if not skip:
        assert result.bad_skipped == 0  # without --skip-bad-rows a bad row refuses the file
    assert after[2] in (before[2], before[2] + 1)  # one change set, or none when nothing changed


encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
delimiters = st.sampled_from([",", ";", "\t"])


@SETTINGS
@given(st.lists(TRANSACTION, max_size=12), encodings, delimiters, st.booleans(), st.booleans())
def test_transactions_files(store, tmp_path, rows, encoding, delimiter, tail, skip):
    _check(store, tmp_path, ImportKind.TRANSACTIONS, rows, encoding, delimiter, tail, skip)


@SETTINGS
@given(st.lists(VOLUNTEER, max_size=10), encodings, delimiters, st.booleans(), st.booleans())
def test_volunteer_sheets(store, tmp_path, rows, encoding, delimiter, tail, skip):
    _check(store, tmp_path, ImportKind.VOLUNTEERS, rows, encoding, delimiter, tail, skip)


@SETTINGS
@given(st.lists(BANK, max_size=12), encodings, delimiters, st.booleans(), st.booleans())
def test_bank_statements(store, tmp_path, rows, encoding, delimiter, tail, skip):
    _check(store, tmp_path, ImportKind.BANK, rows, encoding, delimiter, tail, skip)


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["x.csv", "x.xlsx", "x.ofx", "x.txt"]))
def test_any_bytes_at_all(store, tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    before = _state(store)
    for kind in ImportKind:
        try:
            run_import(store, ImportRequest(kind, path))
        except SponsorDeskError:
            assert _state(store)[:2] == before[:2]
