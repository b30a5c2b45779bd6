"""`make run` explains a missing system library in one sentence instead of Qt's abort."""

import ctypes

from sponsor_app import qt_check


def test_names_the_package_for_a_missing_xcb_library(monkeypatch):
    real = ctypes.CDLL

    def fake_cdll(name, *args, **kwargs):
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", fake_cdll)
    missing = qt_check.missing_packages({"DISPLAY": ":0"})
    assert "libxcb-cursor0" in missing


def test_offscreen_needs_nothing():
    assert qt_check.missing_packages({"QT_QPA_PLATFORM": "offscreen"}) == []


def test_no_display_is_one_sentence(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(qt_check.sys, "platform", "linux")
    assert qt_check.main() == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "desktop session" in err
