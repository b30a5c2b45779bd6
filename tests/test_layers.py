"""The layering rule of DESIGN.md, checked on the source so a stray import fails the build."""

import ast
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
