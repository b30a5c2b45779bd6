"""The combined figures as exact CSV tables: one row per figure and group, totals where groups
were totalled, never a rounded count."""

import csv
import hashlib
import io
import json
import zipfile

from sponsor_app.services.reporting.combine import checked_bundles, combine
from sponsor_app.services.reporting.combined_export import combined_csv_bytes, tables

from .conftest import MADE_AT


def _combined(demo_bundle, other_bundle):
    return combine(checked_bundles([("nz.zip", demo_bundle), ("otaki.zip", other_bundle)]), MADE_AT)


def test_every_table_has_rows_that_fit_its_fields(demo_bundle, other_bundle):
    found = tables(_combined(demo_bundle, other_bundle))
    assert found and len({r.name for r, _rows in found}) == len(found)
    for resource, rows in found:
        assert all(len(row) == len(resource.fields) for row in rows), resource.name


def test_the_zip_holds_each_groups_figure_and_the_exact_total(demo_bundle, other_bundle):
    data = _combined(demo_bundle, other_bundle)
    income = next(f for f in data.figures if f.key == "income")
    archive = zipfile.ZipFile(io.BytesIO(combined_csv_bytes(data)))
    package = json.loads(archive.read("datapackage.json"))
    listed = {r["path"]: r["hash"] for r in package["resources"]}
    for path, digest in listed.items():
        assert digest == "sha256:" + hashlib.sha256(archive.read(path)).hexdigest()
    cells = [
        cell
        for path in listed
        if path.endswith(".csv")
        for row in csv.reader(io.StringIO(archive.read(path).decode("utf-8-sig")))
        for cell in row
    ]
    assert "Ōtaki Friends" in cells
    assert f"{income.totals[0]:.2f}" in cells and f"{income.values[0]:.2f}" in cells
