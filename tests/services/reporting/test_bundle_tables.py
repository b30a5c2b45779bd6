"""The bundle's tables: unique names, fields that fit the rows the demo gives, keys that are
fields, and every field's value readable by its own rule."""

from sponsor_app.services.reporting.bundle_tables import resources, shared_indicators
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope

from .conftest import MADE_AT, PERIOD


def test_tables_have_unique_names_fields_and_keys_among_their_fields():
    tables = resources()
    assert len({t.name for t in tables}) == len(tables)
    for table in tables:
        names = [f.name for f in table.fields]
        assert len(set(names)) == len(names), table.name
        assert set(table.primary_key) <= set(names), table.name


def test_every_row_of_the_demo_fits_its_table_and_reads_back(demo_store):
    data = evaluation_data(demo_store, ReportScope(PERIOD, generated_at=MADE_AT))
    filled = 0
    for table in resources():
        for row in table.rows(data):
            assert len(row) == len(table.fields), table.name
            for field, value in zip(table.fields, row, strict=True):
                field.read(field.text(value))  # BadValue if the bundle could not be read back
            filled += 1
    assert filled > 20


def test_the_shared_indicators_are_there_once_each():
    indicators = shared_indicators()
    assert indicators and len({i.key for i in indicators}) == len(indicators)
