"""A count in the window's words ("%n day(s)") is only worded when Qt finds the sentence under
the context lupdate filed it in: the class whose code calls self.tr. At run time PySide asks
under the class of the object, so a count in a mixin or a base class showed "14 day(s)" on
the dashboard. Each such class must translate under its own name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

UI = Path(__file__).resolve().parents[2] / "sponsor_app" / "ui"


def _numerus_calls() -> dict[str, list[str]]:
    """{class name: [its self.tr sources with a count]} over every module of ui/."""
    found: dict[str, list[str]] = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "tr"
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == "self"
                    and len(call.args) == 3
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.setdefault(node.name, []).append(call.args[0].value)
    return found


def _inherited() -> set[str]:
    """Names of ui classes another ui class builds on."""
    names = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names |= {b.id for b in node.bases if isinstance(b, ast.Name)}
                names |= {b.attr for b in node.bases if isinstance(b, ast.Attribute)}
    return names


def test_every_count_is_asked_for_under_the_context_it_was_filed_in():
    inherited = _inherited()
    for name in _numerus_calls():
        if name not in inherited:
            continue  # the object's own class: the contexts agree
        module = next(
            p for p in UI.rglob("*.py") if f"class {name}" in p.read_text(encoding="utf-8")
        )
        assert f'QCoreApplication.translate("{name}"' in module.read_text(encoding="utf-8"), (
            f"{name} is built on by another class: its counts need a tr under its own name"
        )


@pytest.mark.usefixtures("qapp")
def test_the_dashboards_titles_count_their_days(window, small_demo):
    assert window.open_file(small_demo)
    window.show_page("dashboard")
    page = window.dashboard
    titles = [c.title() for c in (page.overdue, page.due_soon, page.vetting, page.leases)]
    assert any("14 days" in t for t in titles), titles
    assert not [t for t in titles if "(s)" in t], titles
    assert QCoreApplication.translate("DashboardWords", "Due in the next %n day(s)", "", 1) == (
        "Due in the next 1 day"
    )
