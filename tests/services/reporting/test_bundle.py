"""The evaluators' data bundle as bytes: a zip whose datapackage.json lists every table with
the SHA-256 of its file, the same bytes for the same data, and anonymised like the PDF."""

import hashlib
import io
import json
import zipfile

from sponsor_app.services.reporting.bundle import (
    BUNDLE_VERSION,
    WORKBOOK,
    bundle_bytes,
    bundle_id,
    codebook_of,
)
from sponsor_app.services.reporting.bundle_tables import resources
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope
from sponsor_app.services.roster.volunteers import list_volunteers

from .conftest import MADE_AT, PERIOD


def _open(content: bytes):
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {n: archive.read(n) for n in archive.namelist()}
    return json.loads(files.pop("datapackage.json")), files


def test_every_table_is_listed_with_the_hash_and_size_of_its_file(demo_bundle):
    package, files = _open(demo_bundle)
    assert package["sponsor_desk_bundle_version"] == BUNDLE_VERSION and package["anonymised"]
    listed = {r["path"]: r for r in package["resources"]}
    assert set(listed) == set(files) == {r.path for r in resources()} | {WORKBOOK}
    for path, content in files.items():
        assert listed[path]["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert listed[path]["bytes"] == len(content)


def test_the_same_data_gives_the_same_tables_and_id(demo_store, demo_bundle):
    # (the workbook inside is not byte for byte the same: openpyxl stamps its own zip members
    # with the time of writing)
    package, files = _open(demo_bundle)
    again_package, again = _open(
        bundle_bytes(evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT)))
    )
    assert again_package["id"] == package["id"]
    assert {n: c for n, c in again.items() if n != WORKBOOK} == {
        n: c for n, c in files.items() if n != WORKBOOK
    }


def test_the_bundle_id_changes_with_any_file(demo_bundle):
    package, files = _open(demo_bundle)
    made = package["created"]
    some = dict(files)
    assert bundle_id("g", made, some) == bundle_id("g", made, dict(some))
    some["figures.csv"] = some["figures.csv"] + b"\n"
    assert bundle_id("g", made, some) != bundle_id("g", made, files)


def test_an_anonymised_bundle_names_no_volunteer(demo_store, demo_bundle):
    everything = b"".join(_open(demo_bundle)[1].values()).decode("utf-8", "replace")
    names = [v.full_name for v in list_volunteers(demo_store)]
    assert names
    for name in names:
        assert name not in everything, name


def test_the_codebook_has_a_line_for_every_field(demo_store):
    data = evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT))
    lines = codebook_of(data)
    assert len(lines) == sum(len(r.fields) for r in resources())
    assert all(line.description for line in lines)
