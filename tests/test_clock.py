"""One clock for the app: fixed by SPONSOR_DESK_TODAY (as every test does), else the real date."""

from datetime import date

from sponsor_app import clock


def test_the_suite_runs_on_its_fixed_day(fixed_today):
    assert clock.today() == fixed_today == date(2026, 6, 15)


def test_without_the_variable_it_is_the_real_date(monkeypatch):
    monkeypatch.delenv(clock.TODAY_VARIABLE)
    assert clock.today() == date.today()


def test_a_mistyped_day_is_ignored(monkeypatch):
    monkeypatch.setenv(clock.TODAY_VARIABLE, "15/06/2026")
    assert clock.today() == date.today()
