"""`sponsor-app combine` through the real command line: bundles in two currencies and two
periods, a duplicate and a tampered bundle each get one clear line, refusals exit non-zero and
write nothing; every tampered bundle of the attack list is refused in one line naming the bundle
and the field, with no traceback and no hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date

import pytest

from sponsor_app.cli import run
from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.services.funds.ledger import TransactionInput, list_categories, record_transaction

from .bundles import make_bundle, replace_in, tampered
from .conftest import BUNDLE_PERIOD

PERIOD = BUNDLE_PERIOD


def _sponsor_app(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sponsor_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def good(report_bundle):
    return report_bundle("good")


def test_currencies_periods_a_duplicate_and_a_tampered_bundle_one_clear_line_each(
    report_store, make_store, tmp_path, good
):
    uk = make_store("Leeds Welcome", programme="uk-cs", start_date=date(2025, 1, 1))
    income = list_categories(uk, TransactionKind.INCOME)[0]
    record_transaction(
        uk,
        TransactionInput(date(2026, 1, 5), TransactionKind.INCOME, Money(900000, "GBP"), income.id),
    )
    pounds = make_bundle(uk, tmp_path, "leeds", PERIOD)
    half = make_bundle(
        report_store, tmp_path, "half-year", Period(date(2026, 1, 1), date(2026, 6, 15))
    )
    again = tmp_path / "again.zip"
    again.write_bytes(good.read_bytes())
    edited = tampered(good, tmp_path / "edited.zip", replace_in("money.csv", b"closing,", b"closing,1"),
                      rehash=False)  # fmt: skip
    out = tmp_path / "summary.pdf"
    refused = _sponsor_app("combine", str(good), str(pounds), str(half), str(again), str(edited),
                           "--out", str(out))  # fmt: skip
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines == [
        "sponsor-app: edited.zip: money.csv does not match the SHA-256 its datapackage.json "
        "gives (resources[18].hash): it was changed after the bundle was made.",
        "sponsor-app: good.zip and again.zip are the same group (Kāpiti Welcome Trust) for the "
        "same period (2025-07-01 to 2026-06-15): give each group's period once.",
    ]
    assert not out.exists()
    done = _sponsor_app("combine", str(good), str(pounds), str(half), "--out", str(out),
                        "--csv", str(tmp_path / "exact.zip"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert said[0] == f"Combined 3 groups into {out}"
    assert said[1].startswith("The groups cover different periods (Kāpiti Welcome Trust 2025-07-01")
    assert said[2] == (
        "The groups keep their books in different currencies (NZD: Kāpiti Welcome Trust, "
        "Kāpiti Welcome Trust; GBP: Leeds Welcome)."
    )
    assert said[3] == "No two groups share a period and a currency, so nothing is totalled."
    assert done.stderr == ""


def _package_change(change):
    def edit(package, files):
        change(package)

    return edit


def _figures_schema(package) -> dict:
    return next(r for r in package["resources"] if r["name"] == "figures")["schema"]


ATTACKS = {
    "resources-string.zip": (
        _package_change(lambda p: p.update(resources="figures.csv")),
        "datapackage.json resources is not a list of tables",
    ),
    "resources-strings.zip": (
        _package_change(lambda p: p.update(resources=["group.csv", "figures.csv"])),
        "datapackage.json resources[0] is not a table description",
    ),
    "schema-list.zip": (
        _package_change(lambda p: p["resources"][1].update(schema=[])),
        "datapackage.json resources[1].schema is not a table schema",
    ),
    "fields-strings.zip": (
        _package_change(lambda p: _figures_schema(p).update(fields=["figure", "label", "value", "unit", "counts", "definition"])),
        "datapackage.json resources[1].schema.fields[0] is not a field",
    ),
    "field-retyped.zip": (
        _package_change(lambda p: _figures_schema(p)["fields"][2].update(type="string")),
        "datapackage.json resources[1].schema.fields[2].type should be number (value)",
    ),
    "nan.zip": (replace_in("figures.csv", b"Households,2,", b"Households,NaN,"),
                "figures.csv line 2, value “NaN” is not a plain decimal number"),
    "infinity.zip": (replace_in("figures.csv", b"Households,2,", b"Households,Infinity,"),
                     "figures.csv line 2, value “Infinity” is not a plain decimal number"),
    "huge.zip": (replace_in("figures.csv", b"Households,2,", b"Households,1e999999999,"),
                 "figures.csv line 2, value “1e999999999” is not a plain decimal number"),
    "bad-date.zip": (replace_in("group.csv", b",2026-06-15,", b",2025-13-45,"),
                     "group.csv line 2, period_end “2025-13-45” is not a date (YYYY-MM-DD)"),
    "latin-1.zip": (replace_in("group.csv", "Kāpiti".encode(), b"K\xe9piti"),
                    "group.csv line 2 is not UTF-8 text"),
    "long-name.zip": (replace_in("group.csv", "Kāpiti Welcome Trust".encode(), b"W" * 5000),
                      "group.csv line 2, group_name is 5,000 characters long (at most 200)"),
    "very-long-name.zip": (replace_in("group.csv", "Kāpiti Welcome Trust".encode(), b"W" * 200_000),
                           "group.csv line 2, group_name is 200,000 characters long (at most 200)"),
    "control.zip": (replace_in("group.csv", "Kāpiti".encode(), b"K\x1b[2Jpiti"),
                    "group.csv line 2, group_name holds a control character"),
    "not-an-option.zip": (replace_in("vetting.csv", b"current,", b"sort of,"),
                          "vetting.csv line 7, status “sort of” is not one of the allowed values"),
    "short-row.zip": (replace_in("money.csv", b"balance,opening,", b"balance,"),
                      "money.csv line 2 has 2 values, not 3"),
}  # fmt: skip


def _nan_in_descriptor(good, tmp_path):
    with zipfile.ZipFile(good) as source:
        files = {n: source.read(n) for n in source.namelist()}
    package = json.loads(files["datapackage.json"])
    package["resources"][0]["bytes"] = float("nan")
    files["datapackage.json"] = json.dumps(package).encode()  # writes NaN, as Python allows
    path = tmp_path / "json-nan.zip"
    with zipfile.ZipFile(path, "w") as target:
        for name, content in files.items():
            target.writestr(name, content)
    return path


def _one_refusal(capsys, argv, bundle_name):
    assert run(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"sponsor-app: {bundle_name}"), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_tampered_bundle_is_refused_in_one_line_naming_it_and_the_field(
    good, tmp_path, capsys, name
):
    change, words = ATTACKS[name]
    bad = tampered(good, tmp_path / name, change)  # its hashes made to match, as an attacker would
    out = tmp_path / "summary.pdf"
    err = _one_refusal(capsys, ["combine", str(good), str(bad), "--out", str(out)], name)
    assert words in err, err
    assert not out.exists()


def test_nan_in_the_descriptor_is_refused(good, tmp_path, capsys):
    bad = _nan_in_descriptor(good, tmp_path)
    err = _one_refusal(
        capsys, ["combine", str(bad), "--out", str(tmp_path / "s.pdf")], "json-nan.zip"
    )
    assert "datapackage.json is not valid JSON (NaN is not a number JSON allows)" in err


def test_a_zip_bomb_is_refused_before_it_is_unpacked(good, tmp_path, capsys):
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(good) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            if name != "indicators.csv":
                target.writestr(name, source.read(name))
        with target.open("indicators.csv", "w") as member:  # 40 MB of zeros packs to ~40 KB
            for _ in range(40):
                member.write(bytes(2**20))
    assert bomb.stat().st_size < 200_000
    err = _one_refusal(capsys, ["combine", str(bomb), "--out", str(tmp_path / "s.pdf")], "bomb.zip")
    assert "indicators.csv would unpack to 40 MB from" in err


def test_a_zip_of_thousands_of_files_is_refused(tmp_path, capsys):
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as target:
        for n in range(2000):
            target.writestr(f"{n}.csv", "x")
    err = _one_refusal(capsys, ["combine", str(many), "--out", str(tmp_path / "s.pdf")], "many.zip")
    assert "holds 2,000 files" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_given_as_a_bundle_does_not_hang(good, tmp_path):
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    done = _sponsor_app(
        "combine", str(good), str(fifo), "--out", str(tmp_path / "s.pdf"), timeout=60
    )
    assert done.returncode == 1
    assert done.stderr == (
        "sponsor-app: pipe.zip is not a regular file (a pipe or a device), so it is not read.\n"
    )


def test_a_folder_given_as_a_bundle(good, tmp_path, capsys):
    folder = tmp_path / "folder.zip"
    folder.mkdir()
    err = _one_refusal(
        capsys, ["combine", str(folder), "--out", str(tmp_path / "s.pdf")], "folder.zip"
    )
    assert "is a folder" in err
