"""Combining bundles honestly: money per currency, totals only over groups with the same period
and currency, every row with its group, programme, period and currency, indicators with their
group and household; counts randomly rounded to base 3 in the PDF (never recoverable by
subtraction), exact in the CSV; duplicates and tampered bundles refused, one line each."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.domain.periods import Period
from sponsor_app.reports.generate import combine_bundles
from sponsor_app.services.funds.ledger import TransactionInput, list_categories, record_transaction
from sponsor_app.services.households.households import HouseholdInput, MemberInput, add_household
from sponsor_app.services.reporting.combine import BundlesRefused

from .bundles import another_group, make_bundle, replace_in, tampered
from .conftest import BUNDLE_PERIOD, MADE_AT
from .helpers import text_of

PERIOD = BUNDLE_PERIOD


# A name of its own for each household's principal (a name holding the code, "Person H2",
# would make an anonymised report give the code as "H4-2": it names someone).
PRINCIPALS = {"H2": "Rana Saleh", "H3": "Omar Yusuf", "H4": "Lina Haddad"}


def _households(store, codes):
    for code in codes:
        add_household(
            store,
            HouseholdInput(code=code, arrival_date=date(2025, 9, 1)),
            (MemberInput(PRINCIPALS[code], "principal", date(1990, 1, 1), True),),
        )


@pytest.fixture
def nz_two(tmp_path, small_demo_bytes):
    """Another New Zealand group of the small demo's kind, with 4 households."""
    path = tmp_path / "other.sponsor"
    path.write_bytes(small_demo_bytes)
    store = another_group(path, "Ōtaki Friends")
    _households(store, ("H2", "H3", "H4"))
    yield store
    store.close()


@pytest.fixture
def uk(make_store):
    store = make_store("Leeds Welcome", programme="uk-cs", start_date=date(2025, 1, 1))
    category = list_categories(store, TransactionKind.INCOME)[0]
    record_transaction(
        store,
        TransactionInput(
            date(2026, 1, 5), TransactionKind.INCOME, Money(900000, "GBP"), category.id
        ),
    )
    return store


def _csv(zip_path, name) -> list[dict]:
    with zipfile.ZipFile(zip_path) as archive:
        return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode())))


def _combine(tmp_path, bundles, name="summary"):
    out, exact = tmp_path / f"{name}.pdf", tmp_path / f"{name}.zip"
    data = combine_bundles(bundles, out, exact, invariant=True, generated_at=MADE_AT)
    return data, out, exact


def test_groups_in_two_currencies_are_never_added_and_each_keeps_its_currency(
    report_bundle, uk, tmp_path
):
    nz = report_bundle("nz")
    gb = make_bundle(uk, tmp_path, "uk", PERIOD)
    data, out, exact = _combine(tmp_path, [nz, gb])
    assert [s.currency for s in data.sets] == ["NZD", "GBP"] and not any(
        s.totalled for s in data.sets
    )
    figures = _csv(exact, "figures")
    income = {
        r["group_name"]: (r["value"], r["unit"], r["currency"])
        for r in figures
        if r["figure"] == "income"
    }
    assert income["Leeds Welcome"] == ("9000.00", "GBP", "GBP")
    assert income["Kāpiti Welcome Trust"][1:] == ("NZD", "NZD")
    for row in figures:  # every row says whose, which programme, when and in what money
        assert row["group_id"] and row["programme"] and row["period_start"] and row["currency"]
    assert _csv(exact, "totals") == []  # nothing adds pounds to dollars
    text = text_of(out)
    assert "£9,000.00" in text  # the old combine printed the pounds as "$"
    assert "different currencies (NZD: Kāpiti Welcome Trust; GBP: Leeds Welcome)" in text
    assert "UK Community Sponsorship" in text and "fixed" in text  # its funds rule by name


def test_groups_with_different_periods_are_not_summed(report_store, report_bundle, tmp_path):
    first = report_bundle("year")
    second = make_bundle(
        report_store, tmp_path, "half", Period(date(2026, 1, 1), date(2026, 6, 15))
    )
    data, out, exact = _combine(tmp_path, [first, second])
    assert len(data.sets) == 2 and _csv(exact, "totals") == []
    assert "The groups cover different periods" in text_of(out)
    assert "nothing is totalled" in text_of(out)


def test_groups_sharing_period_and_currency_are_totalled_exactly_in_the_csv(
    report_bundle, nz_two, tmp_path
):
    a = report_bundle("a")
    b = make_bundle(nz_two, tmp_path, "b", PERIOD)
    data, _, exact = _combine(tmp_path, [a, b])
    assert len(data.sets) == 1 and data.sets[0].totalled
    figures, totals = _csv(exact, "figures"), _csv(exact, "totals")
    by_figure: dict[str, Decimal] = {}
    for row in figures:
        by_figure[row["figure"]] = by_figure.get(row["figure"], Decimal(0)) + Decimal(row["value"])
    summed = {r["figure"]: Decimal(r["value"]) for r in totals}
    # 2 households, anonymised: the people in them are given as bands only (issue 18 item 3),
    # so there is no total over the set that would undo them
    people = {r["group_name"] for r in figures if r["figure"] == "people"}
    assert people == {"Ōtaki Friends"} and "people" not in summed
    for key in (
        "households",
        "tasks_due",
        "income",
        "spending",
        "closing_balance",
        "volunteer_hours",
    ):
        assert summed[key] == by_figure[key], key
    assert summed["households"] == 2 + 4  # exact, not rounded
    assert {r["group_ids"] for r in totals} == {
        f"{data.groups[0].group_id}; {data.groups[1].group_id}"
    }
    indicators = _csv(exact, "indicators")  # indicators keep their group and household code
    assert {(r["group_name"], r["household"]) for r in indicators} >= {
        ("Kāpiti Welcome Trust", "H1"), ("Kāpiti Welcome Trust", "H9"), ("Ōtaki Friends", "H2"),
    }  # fmt: skip
    with zipfile.ZipFile(exact) as archive:
        package = archive.read("datapackage.json").decode()
        book = load_workbook(io.BytesIO(archive.read("combined.xlsx")))
    assert '"exact": true' in package and '"disclosure_control": "none"' in package
    assert book.sheetnames == ["About", "groups", "figures", "totals", "indicators",
                               "indicator_counts", "national_indicators", "make_up", "codebook"]  # fmt: skip
    sheet = book["totals"]
    header = [c.value for c in sheet[1]]
    income = next(
        r for r in sheet.iter_rows(min_row=2) if r[header.index("figure")].value == "income"
    )
    value = income[header.index("value")]
    assert isinstance(value.value, (int, float)) and value.number_format.startswith(
        '#,##0.00 "NZD"'
    )


def _households_row(text: str) -> list[int]:
    found = re.search(r"Households ((?:\d[\d,]* ?)+)People in those households", text)
    assert found, "the key figures' households row"
    return [int(n.replace(",", "")) for n in found.group(1).split()]


def _row(text: str, label: str, following: str, unit: str = "") -> list[int]:
    found = re.search(re.escape(label) + r" (.*?) " + re.escape(following), text)
    assert found, label
    return [int(n.replace(",", "")) for n in found.group(1).replace(unit, "").split()]


def test_the_pdf_rounds_counts_to_base_3_so_subtraction_gives_nothing_away(
    report_bundle, nz_two, tmp_path, small_demo_bytes
):
    """Households 2 | 4 | 1 with an exact total 7 printed "<3 | 4 | <3 | 7" before: 7 - 4 - 1
    gave the suppressed 2 back."""
    path = tmp_path / "third.sponsor"
    path.write_bytes(small_demo_bytes)
    third = another_group(path, "Paekākāriki Hearts")  # the small demo: 1 household
    try:
        bundles = [
            report_bundle("a"),
            make_bundle(nz_two, tmp_path, "b", PERIOD),
            make_bundle(third, tmp_path, "c", PERIOD),
        ]
    finally:
        third.close()
    data, out, exact = _combine(tmp_path, bundles)
    truth = [2, 4, 1]
    assert [g.households for g in data.groups] == truth
    text = text_of(out)
    assert "<3" not in text
    printed = _households_row(text)
    assert len(printed) == 4  # three groups and the total
    for shown, real in zip(printed, [*truth, sum(truth)], strict=True):
        assert shown % 3 == 0 and abs(shown - real) <= 2
    for i, real in enumerate(truth):  # the total less the others never gives a group's count
        guess = printed[3] - sum(p for j, p in enumerate(printed[:3]) if j != i)
        assert guess != real
    assert "random rounding to base 3" in text
    # a share of exact counts would undo their rounding: it is worked out from the printed ones
    active = _row(text, "Active volunteers at the period's end", "Active volunteers cleared")
    vetted = _row(text, "Active volunteers cleared to meet the family", "Share cleared")
    shares = _row(text, "Share cleared to meet the family", "Volunteer hours", unit=" %")
    assert shares == [round(100 * v / a) for v, a in zip(vetted, active, strict=True)]
    # the same bundles, the same table: no averaging the rounding away by asking again
    _, again, _ = _combine(tmp_path, bundles, "again")
    assert _households_row(text_of(again)) == printed
    # the CSV stays exact
    assert [r["value"] for r in _csv(exact, "figures") if r["figure"] == "households"] == [
        "2",
        "4",
        "1",
    ]


def test_a_true_zero_prints_0(report_bundle, uk, tmp_path):
    nz = report_bundle("nz")
    gb = make_bundle(uk, tmp_path, "uk", PERIOD)  # no households
    _, out, _ = _combine(tmp_path, [nz, gb])
    text = text_of(out)
    assert re.search(r"Leeds Welcome UK Community Sponsorship .*? GBP 0 2", text)


def test_duplicates_and_tampered_bundles_are_refused_one_line_each(report_bundle, tmp_path):
    good = report_bundle("good")
    copy = tmp_path / "copy.zip"
    copy.write_bytes(good.read_bytes())
    edited = tampered(good, tmp_path / "edited.zip",
                      replace_in("figures.csv", b"income,Income in the period,", b"income,Income in the period,999999.00#"),
                      rehash=False)  # fmt: skip
    # income 999,999.00 with its hash made to match: the figures no longer add up
    income = next(r["value"] for r in _csv(good, "figures") if r["figure"] == "income")
    added = tampered(good, tmp_path / "added.zip",
                     replace_in("figures.csv", f"income,Income in the period,{income},".encode(),
                                b"income,Income in the period,999999.00,"))  # fmt: skip
    with pytest.raises(BundlesRefused) as refused:
        _combine(tmp_path, [good, edited, added, copy])
    lines = refused.value.lines
    assert len(lines) == 3, lines
    assert lines[0].startswith("edited.zip: figures.csv does not match the SHA-256")
    assert lines[1].startswith(
        "added.zip: figures.csv income is 999999.00 but money.csv adds up to"
    )
    assert lines[2].startswith("good.zip and copy.zip are the same group (Kāpiti Welcome Trust)")
    assert not (tmp_path / "summary.pdf").exists() and not (tmp_path / "summary.zip").exists()


def test_a_bundle_of_another_version_is_refused_in_one_sentence(report_bundle, tmp_path):
    good = report_bundle("good")

    def older(package, files):
        package["sponsor_desk_bundle_version"] = "1.0"

    old = tampered(good, tmp_path / "old.zip", older)
    with pytest.raises(BundlesRefused) as refused:
        _combine(tmp_path, [good, old])
    (line,) = refused.value.lines
    assert re.search(r"old\.zip is a bundle of schema version 1\.0.*version 2\.0 only", line)
