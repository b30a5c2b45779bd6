"""Which reader an import uses, and the date order a bank's layout writes in."""

from sponsor_app.services.imports.banks import LAYOUTS
from sponsor_app.services.imports.importers import date_locale_for


def test_a_new_zealand_bank_writes_the_day_first_whatever_the_groups_country():
    day_first = [x for x in LAYOUTS if x.date_order == "dmy"]
    assert day_first
    for layout in day_first:
        assert date_locale_for(layout.name, "en_US") == "en_NZ"


def test_iso_dates_and_unknown_layouts_keep_the_groups_own_order():
    for layout in (x for x in LAYOUTS if x.date_order == "ymd"):
        assert date_locale_for(layout.name, "en_GB") == "en_GB"
    assert date_locale_for("", "de_DE") == "de_DE"
    assert {x.date_order for x in LAYOUTS} <= {"dmy", "ymd"}  # no month-first bank yet
    assert date_locale_for("No such bank", "en_CA") == "en_CA"
