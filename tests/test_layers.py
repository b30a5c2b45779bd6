"""The layering rule of DESIGN.md, checked on the source so a stray import fails the build."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sponsor_app"

FORBIDDEN = {
    "domain": {"PySide6", "sqlalchemy", "alembic", "reportlab"},
    "storage": {"PySide6", "reportlab"},
    "services": {"PySide6", "reportlab"},
    "reports": {"PySide6", "sqlalchemy", "alembic"},
    "ui": {"sqlalchemy", "alembic"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(imported_roots(path) & FORBIDDEN[layer])
        for path in (PACKAGE / layer).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_catches_an_offender(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert imported_roots(bad) == {"PySide6", "sqlalchemy"}


def test_ui_reaches_storage_only_through_services():
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and "storage" in (node.module or "").split("."):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_one_module_opens_group_files():
    """Only storage/connect.py may import the SQLite driver: every connection to a group file
    (and later its passphrase) goes through it. Other modules use its DriverError names."""
    drivers = {"sqlite3", "sqlcipher3", "pysqlite2"}
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if imported_roots(path) & drivers and path != PACKAGE / "storage" / "connect.py"
    )
    assert offenders == []


def test_no_sql_above_services():
    """Pages, dialogs and reports ask services; they never build a query themselves."""
    offenders = []
    for layer in ("ui", "reports"):
        for path in (PACKAGE / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if re.search(r"exec_driver_sql|session\.execute|(?<![\w.])(?<!def )select\(", text):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
