"""Issue 18 item 1: nothing personal in anonymised output, by construction.

A marker name is planted in every text column of every table of the live schema (found from
the file itself, so next year's columns are planted too), in several cases and accents, with
the people's names among them so the file knows it as a person's name. Every anonymised
output is then made (each PDF that can be anonymised, the evaluation's accessible HTML, its
data bundle with the workbook inside it, and a combine of that bundle, PDF, CSV and workbook)
and read back as text: the marker is in none of it, in any form.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from sponsor_app.domain.enums import OutcomeArea, Phase, TransactionKind
from sponsor_app.domain.reports import GROUP_REPORTS, ReportKind
from sponsor_app.domain.text import fold
from sponsor_app.reports.generate import combine_bundles, write
from sponsor_app.services.funds import ledger
from sponsor_app.services.funds.rules import RuleInput, add_rule
from sponsor_app.services.imports.model import ImportKind
from sponsor_app.services.imports.remember import save_mapping
from sponsor_app.services.plan.plan import TemplateInput, add_template_task, reapply_template
from sponsor_app.services.reporting.gather import ReportRequest, prepare
from sponsor_app.services.reporting.narratives import Narrative, save_narrative
from sponsor_app.services.reporting.report_data import default_period, households
from sponsor_app.storage import connect as group_file
from sponsor_app.storage.facts import text_columns
from sponsor_app.storage.models import Base, HouseholdMember
from sponsor_app.storage.store import Store

from ..storage.sync.shared import share_with_a_conflict
from .conftest import MADE_AT

REFUSED = group_file.driver.IntegrityError  # raised by a raw connection to the file
MARKER = "Zephyrine"
# The marker as people type it: any case, with or without accents (all fold to "zephyrine").
FORMS = ("Zephyrine", "ZEPHYRINE", "zephyrine", "Zéphyrine", "ZÉPHYRÏNE", "Zephyrïne")


def _letters(number: int) -> str:
    """A row's own suffix in letters (digits would read as part of a name's numbers)."""
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[rest] + out
        if not number:
            return out


def why_not_planted(table: str, column: str) -> str | None:
    """Why a column keeps its value, read from the model: an enum the file's CHECK refuses
    anything else for, or a code the app itself makes or looks up (info["code"])."""
    model = Base.metadata.tables.get(table)
    if model is None or column not in model.c:
        return None
    found = model.c[column]
    if "code" in found.info:
        return f"a code: {found.info['code']}"
    if getattr(found.type, "enum_class", None) is not None:
        return f"an enum ({found.type.enum_class.__name__}): the file refuses other values"
    return None


def _fill_empty_tables(store: Store) -> None:
    """A row in the tables the small demo leaves empty, so every column has something to
    plant in."""
    period = default_period(store)
    save_narrative(store, period, Narrative("Highlights of the year.", "What was hard."))
    template = add_template_task(
        store, TemplateInput("Our own task", Phase.MONTH_1, 20, OutcomeArea.PARTICIPATION)
    )
    assert template
    for household in households(store):
        reapply_template(store, household.id)
    category = ledger.add_category(store, "Hall hire", TransactionKind.EXPENSE)
    add_rule(store, RuleInput("Memorial Hall", category.id))
    with store.transaction("Remember a mapping") as session:
        save_mapping(session, ImportKind.VOLUNTEERS, ("Name",), ("full_name",), {}, "Sheet")
    # shared with another laptop, with a conflict: sharing's tables hold rows (the reports
    # must never read them)
    member = _first_member(store)
    share_with_a_conflict(store, "household_member", member, "notes", "Ours", "Theirs")


def _first_member(store: Store) -> int:
    with store.read() as session:
        return session.scalars(select(HouseholdMember.id).order_by(HouseholdMember.id)).first()


def plant(store: Store) -> tuple[list[str], dict[str, str]]:
    """The marker in every text column of every row; (planted "table.column"s, and those
    left as they are with the reason)."""
    planted: list[str] = []
    kept: dict[str, str] = {}
    # Outside a change set, through the app's own SQLite: a second copy of SQLite in the same
    # process (the standard library's) would, on closing, take the store's locks with it and
    # remove the write-ahead log under the store's feet.
    connection = group_file.connect(store.path)
    try:
        columns = text_columns(connection)
        empty = [t for t in columns if not connection.execute(f'SELECT 1 FROM "{t}"').fetchone()]
        # the audit trail itself has no triggers: it is planted outside a change set
        audited = {
            t
            for (t,) in connection.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    finally:
        connection.close()
    assert not empty, f"give these tables a row in _fill_empty_tables: {empty}"
    with store.transaction("Plant the marker") as session:
        # every check-in note shareable, so the notes reach the report if anything lets them
        session.execute(text("UPDATE check_in SET shareable = 1"))
        for table in sorted(set(columns) & audited):
            _plant_table(session, table, columns[table], planted, kept)
    with store.transaction("Nothing") as session:  # the change sets are all closed now
        pass
    connection = group_file.connect(store.path)
    try:
        with connection:
            for table in sorted(set(columns) - audited):
                _plant_table(connection, table, columns[table], planted, kept)
    finally:
        connection.close()
    return planted, kept


def _plant_table(db, table: str, columns: list[str], planted: list, kept: dict) -> None:
    raw = isinstance(db, group_file.driver.Connection)
    run = db.execute if raw else (lambda sql, params=None: db.execute(text(sql), params))
    rowids = [r[0] for r in run(f'SELECT rowid FROM "{table}"').fetchall()]
    for column in columns:
        reason = why_not_planted(table, column)
        if reason is not None:
            kept[f"{table}.{column}"] = reason
            continue
        form = FORMS[len(planted) % len(FORMS)]
        # a sentence in long text, a name in short; each row its own (unique columns)
        value = f"'{column}: met {form} ' || :suffix || ' today'"
        if column.endswith(("name", "code", "key", "donor", "landlord", "holder")):
            value = f"'{form} ' || :suffix"
        shape = _json_shape(run, table, column)
        if shape is not None:  # JSON kept as JSON, with the marker inside
            value = f"{shape}('note', {value})" if shape == "json_object" else f"{shape}({value})"
        update = f'UPDATE "{table}" SET "{column}" = {value} WHERE rowid = :rowid'
        try:
            if raw:
                db.execute("SAVEPOINT plant")
                for rowid in rowids:
                    db.execute(update, {"rowid": rowid, "suffix": _letters(rowid)})
                db.execute("RELEASE plant")
            else:
                with db.begin_nested():
                    for rowid in rowids:
                        run(update, {"rowid": rowid, "suffix": _letters(rowid)})
        except (IntegrityError, REFUSED) as refused:  # its CHECK, key or reference
            if raw:
                db.execute("ROLLBACK TO plant")
                db.execute("RELEASE plant")
            kept[f"{table}.{column}"] = f"the file refuses it ({getattr(refused, 'orig', refused)})"
            continue
        planted.append(f"{table}.{column}")


def _json_shape(run, table: str, column: str) -> str | None:
    """ "json_object" or "json_array" when every value in the column is JSON of that shape."""
    values = [v for (v,) in run(f'SELECT "{column}" FROM "{table}"').fetchall() if v]
    shapes = set()
    for value in values:
        try:
            shapes.add(type(json.loads(value)))
        except (ValueError, TypeError):
            return None
    if shapes == {dict}:
        return "json_object"
    if shapes == {list}:
        return "json_array"
    return None


def pdf_text(path: Path) -> str:
    """Every word a reader could see: pages, metadata and bookmarks."""
    reader = PdfReader(path)
    words = [page.extract_text() or "" for page in reader.pages]
    words += [str(v) for v in (reader.metadata or {}).values()]

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else [item.title]

    words += list(titles(reader.outline))
    return "\n".join(words)


def zip_text(path: Path | io.BytesIO) -> str:
    """Every member of a zip as text: a workbook in it through its cells and properties."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            xlsx_text(archive.read(n)) if n.endswith(".xlsx") else archive.read(n).decode("utf-8")
            for n in archive.namelist()
        )


def xlsx_text(content: bytes) -> str:
    """What a person opening the workbook could read: every cell of every sheet (with its
    name), and the document's properties."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    words = [str(v) for v in vars(book.properties).values() if v is not None]
    for sheet in book.worksheets:
        words.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            words += [str(v) for v in row if v is not None]
    book.close()
    return "\n".join(words)


def assert_no_marker(name: str, content: str) -> None:
    folded = fold(content)
    assert fold(MARKER) not in folded, f"{name}: {_around(folded)}"
    # a word broken over two lines still reads as the marker
    assert fold(MARKER) not in re.sub(r"\s+", "", folded), f"{name} (across a line break)"


def _around(folded: str) -> str:
    at = folded.find(fold(MARKER))
    return folded[max(0, at - 80) : at + 80]


@pytest.fixture
def planted_store(tmp_path, small_demo_bytes):
    path = tmp_path / "group.sponsor"
    path.write_bytes(small_demo_bytes)
    store = Store.open(path, actor="tester")
    _fill_empty_tables(store)
    yield store
    store.close()


def test_no_anonymised_output_holds_a_name_planted_in_any_text_column(planted_store, tmp_path):
    store = planted_store
    planted, kept = plant(store)
    # the people's names are planted: the file knows the marker as a person's name
    assert {"household_member.full_name", "volunteer.full_name"} <= set(planted)
    assert len(planted) > 60, planted
    period = default_period(store)
    outputs: dict[str, str] = {}
    bundle = tmp_path / "evaluation.zip"
    for kind in GROUP_REPORTS:
        if kind.always_named:
            continue  # the roster is a list of people, named by nature
        out = tmp_path / f"{kind.value}.pdf"
        request = ReportRequest(
            kind,
            out,
            period,
            named=False,
            bundle=bundle if kind is ReportKind.EVALUATION else None,
            generated_at=MADE_AT,
        )
        write(prepare(store, request))
        outputs[out.name] = pdf_text(out)
    outputs["evaluation.html"] = (tmp_path / "evaluation.html").read_text(encoding="utf-8")
    outputs[bundle.name] = zip_text(bundle)
    with zipfile.ZipFile(bundle) as archive:
        assert "figures.xlsx" in archive.namelist()  # the workbook is read above, cell by cell
    combined, exact = tmp_path / "combined.pdf", tmp_path / "combined.zip"
    combine_bundles([bundle], combined, exact, generated_at=MADE_AT)
    outputs[combined.name] = pdf_text(combined)
    outputs[exact.name] = zip_text(exact)
    with zipfile.ZipFile(exact) as archive:
        assert "combined.xlsx" in archive.namelist()
    for name, content in outputs.items():
        assert content.strip(), name
        assert_no_marker(name, content)
    # what stayed unplanted is a short list of enums and codes, each with its reason
    assert all(reason for reason in kept.values())


def test_the_marker_would_be_found_if_it_were_there():
    """The check itself: each form, and a form broken over a line, is caught."""
    for form in FORMS:
        with pytest.raises(AssertionError):
            assert_no_marker("x", f"Drove {form} home")
    with pytest.raises(AssertionError):
        assert_no_marker("x", "Drove Zéphy\nrine home")
    assert_no_marker("x", "Drove someone home")
