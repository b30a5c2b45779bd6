"""A second start of the app while one runs: the running window comes forward and opens the
file; no second window. Real processes, each a whole `python -m sponsor_app`, offscreen."""

from __future__ import annotations

import configparser
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from sponsor_app.ui.single_instance import hand_over, server_name

pytestmark = pytest.mark.slow
WAIT = 30


@pytest.fixture
def socket_folder(monkeypatch):
    """Qt's local sockets go in TMPDIR: a short folder of the test's own (a Unix socket's path
    is limited to about 100 characters), so a killed window's socket is the test's alone."""
    with tempfile.TemporaryDirectory(prefix="sd-", dir="/tmp" if os.name == "posix" else None) as d:
        monkeypatch.setenv("TMPDIR", d)
        yield Path(d)


def _start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "sponsor_app", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {WAIT} s for {what}")
        time.sleep(0.1)


def _last_file(app_home: Path) -> str | None:
    settings = configparser.ConfigParser()
    settings.read(app_home / "config" / "settings.ini")
    return settings.get("files", "last", fallback=None)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL if os.name == "posix" else signal.SIGTERM)
    process.communicate(timeout=WAIT)


def test_a_second_start_hands_the_file_to_the_running_window(qapp, demo, app_home, socket_folder):
    first = _start()
    try:
        _until(lambda: first.poll() is not None or hand_over(None), "the first window")
        assert first.poll() is None, first.communicate()
        assert _last_file(app_home) is None  # it started on the welcome page

        second = _start(str(demo))
        out, err = second.communicate(timeout=WAIT)

        assert second.returncode == 0, err
        assert "already open" in out  # and it said so, rather than opening a window
        _until(lambda: _last_file(app_home) == str(demo), "the running window to open it")
        assert first.poll() is None  # the first window carries on
    finally:
        _stop(first)


def test_a_killed_window_does_not_stop_the_next_start(qapp, demo, app_home, socket_folder):
    """kill -9 leaves the socket file behind: the next start clears it and is the window."""
    first = _start()
    try:
        _until(lambda: first.poll() is not None or hand_over(None), "the first window")
    finally:
        _stop(first)
    assert list(socket_folder.glob("sponsor-desk-*")), "the killed window left no socket"

    second = _start(str(demo))
    try:
        _until(lambda: _last_file(app_home) == str(demo), "the new window to open the file")
        assert second.poll() is None  # it is the window now, not a hand-over that ended
        assert hand_over(None)  # and it answers the next start
    finally:
        _stop(second)


def test_each_user_folder_has_its_own_window(monkeypatch, tmp_path):
    """Two people, or a portable copy with its own SPONSOR_DESK_HOME, never hand over to
    each other's window."""
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "one"))
    one = server_name()
    monkeypatch.setenv("SPONSOR_DESK_HOME", str(tmp_path / "two"))
    assert server_name() != one
    assert len(server_name()) < 40


def test_brought_forward_from_minimised_it_opens_the_file(qtbot, demo, tmp_path):
    from sponsor_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.showMinimized()

    window.bring_forward(demo)

    assert not window.isMinimized()
    qtbot.waitUntil(lambda: window.context.is_open, timeout=WAIT * 1000)
    assert window.context.path == demo
    window.bring_forward(demo)  # the same file again: nothing to reopen
    assert window.context.is_open
    window.close()
