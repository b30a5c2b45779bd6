"""Reading a bundle back: its tables typed, and a doctored, truncated or strange file refused
in one line naming it."""

import hashlib
import json
import os
import zipfile

import pytest

from sponsor_app.services.reporting.bundle import BadBundle
from sponsor_app.services.reporting.bundle_reader import parse_bundle, read_file

from ...reports.bundles import replace_in, tampered


@pytest.fixture
def bundle_file(tmp_path, demo_bundle):
    path = tmp_path / "good.zip"
    path.write_bytes(demo_bundle)
    return path


def test_a_bundle_reads_back_with_its_tables_typed(bundle_file):
    loaded = parse_bundle("good.zip", read_file(bundle_file))
    package = json.loads(zipfile.ZipFile(bundle_file).read("datapackage.json"))
    assert (loaded.name, loaded.id) == ("good.zip", package["id"])
    assert loaded.group["group_name"] and isinstance(loaded.tables["households"], list)
    assert all(isinstance(r["figure"], str) for r in loaded.tables["figures"])
    assert loaded.content_hash == hashlib.sha256(bundle_file.read_bytes()).hexdigest()


def test_a_file_changed_after_it_was_made_is_refused(bundle_file, tmp_path):
    doctored = tampered(
        bundle_file,
        tmp_path / "doctored.zip",
        replace_in("households.csv", b"H", b"X"),
        rehash=False,
    )
    with pytest.raises(BadBundle) as refused:
        parse_bundle("doctored.zip", doctored.read_bytes())
    said = str(refused.value)
    assert said.startswith("doctored.zip: households.csv") and "SHA-256" in said


def test_a_table_left_out_of_the_descriptor_is_refused(bundle_file, tmp_path):
    def drop_money(package, files):
        package["resources"] = [r for r in package["resources"] if r["name"] != "money"]

    with pytest.raises(BadBundle, match=r"short\.zip"):
        parse_bundle(
            "short.zip", tampered(bundle_file, tmp_path / "short.zip", drop_money).read_bytes()
        )


def test_what_is_not_a_zip_or_is_cut_short_is_refused(demo_bundle):
    with pytest.raises(BadBundle, match=r"notes\.zip"):
        parse_bundle("notes.zip", b"Dear evaluator, the figures are below.")
    with pytest.raises(BadBundle, match=r"cut\.zip"):
        parse_bundle("cut.zip", demo_bundle[: len(demo_bundle) // 2])


def test_only_an_ordinary_file_is_read(tmp_path):
    with pytest.raises(BadBundle, match=r"missing\.zip"):
        read_file(tmp_path / "missing.zip")
    with pytest.raises(BadBundle):
        read_file(tmp_path)
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    with pytest.raises(BadBundle, match=r"pipe\.zip"):
        read_file(fifo)  # refused at once, not waiting for a writer
