"""The layering rule of DESIGN.md (docs/architecture.md draws it), checked on the source so a
stray import fails the build.

Every import counts: at the top of a module or inside a function (a lazy import is still a
dependency), absolute or relative. The graph is built from the source with `ast`, nothing is
imported, so the check also sees modules no test loads.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sponsor_app"
ROOT = PACKAGE.name

# Which layer a module is in: its first folder under sponsor_app/, or for a module at the top
# the role it plays. "base" is what every layer may use (the clock, the app's folders, the
# version); the edges are the command line and the window's start; "app" starts them.
TOP_LEVEL = {
    "sponsor_app": "base",
    "sponsor_app.clock": "base",
    "sponsor_app.locations": "base",
    "sponsor_app.cli": "edge",
    "sponsor_app.cli_imports": "edge",
    "sponsor_app.cli_hub": "edge",
    "sponsor_app.cli_sync": "edge",
    "sponsor_app.selftest": "app",
    "sponsor_app.qt_check": "app",
    "sponsor_app.__main__": "app",
}

# The layers each layer may import besides its own (DESIGN.md: UI, CLI and reports call
# services and nothing below them; nothing imports upward).
MAY_IMPORT = {
    "base": set(),
    "domain": {"base"},
    "storage": {"domain", "base"},
    "services": {"hub", "storage", "domain", "base"},
    # The hub (PostgreSQL, for an umbrella organisation's groups) sits beside storage: it moves
    # sealed records under storage/sync's contract; sharing's services and the command line
    # call it.
    "hub": {"storage", "domain", "base"},
    "reports": {"services", "domain", "base"},
    "ui": {"reports", "services", "domain", "base"},
    "edge": {"reports", "services", "hub", "domain", "base"},
    "app": {"ui", "edge", "reports", "services", "domain", "base"},
}

# Libraries a layer must not import.
FORBIDDEN = {
    "base": {"PySide6", "sqlalchemy", "alembic", "reportlab"},
    "domain": {"PySide6", "sqlalchemy", "alembic", "reportlab"},
    "storage": {"PySide6", "reportlab"},
    "services": {"PySide6", "reportlab"},
    "hub": {"PySide6", "reportlab"},
    "reports": {"PySide6", "sqlalchemy", "alembic"},
    "ui": {"sqlalchemy", "alembic"},
    "edge": {"PySide6", "sqlalchemy", "alembic"},
    "app": {"sqlalchemy", "alembic"},
}

# Where no SQL is written: above services/.
NO_SQL = ("ui", "reports", "edge")
SQL = re.compile(r"exec_driver_sql|session\.execute|(?<![\w.])(?<!def )select\(|\btext\(\s*['\"]")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module (ours: the deepest module that exists), or a library
    line: int
    typing_only: bool  # under `if TYPE_CHECKING:`: no code runs it


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules_of(package: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(path, package): path for path in sorted(package.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree: ast.AST, typing_only: bool = False) -> Iterator[tuple[ast.stmt, bool]]:
    """Every import statement anywhere in the tree (functions, classes, try blocks)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, typing_only
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from _statements(ast.Module(body=[child], type_ignores=[]), True)
            for child in node.orelse:
                yield from _statements(ast.Module(body=[child], type_ignores=[]), typing_only)
        else:
            yield from _statements(node, typing_only)


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    """What the module `name` (at `path`) imports, each resolved to a module name."""
    is_package = path.name == "__init__.py"
    found = []
    for node, typing_only in _statements(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from .storage import lock` imports the module storage.lock
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                for alias in node.names
            ]
        for target in targets:
            if target.split(".")[0] == ROOT:
                while target not in known and "." in target:
                    target = target.rpartition(".")[0]
            found.append(Import(name, target, node.lineno, typing_only))
    return found


@cache
def import_graph(package: Path = PACKAGE) -> tuple[Import, ...]:
    modules = modules_of(package)
    known = set(modules)
    return tuple(found for name, path in modules.items() for found in imports_of(name, path, known))


def layer_of(module: str) -> str:
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    return module.split(".")[1]


def _where(found: Import) -> str:
    return f"{found.source}:{found.line} imports {found.target}"


def test_every_module_has_a_layer():
    assert {layer_of(name) for name in modules_of()} <= set(MAY_IMPORT)


def test_layers_import_only_what_is_below_them():
    """Also imports inside functions: cli.py reached into storage with ten of them."""
    wrong = [
        _where(found)
        for found in import_graph()
        if found.target.split(".")[0] == ROOT
        and layer_of(found.target) != layer_of(found.source)
        and layer_of(found.target) not in MAY_IMPORT[layer_of(found.source)]
    ]
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_libraries(layer):
    wrong = [
        _where(found)
        for found in import_graph()
        if layer_of(found.source) == layer and found.target.split(".")[0] in FORBIDDEN[layer]
    ]
    assert wrong == [], "\n".join(map(str, wrong))


def test_one_module_opens_group_files():
    """Only storage/connect.py may import the SQLite driver: every connection to a group file
    (and its passphrase) goes through it. storage/driver.py names the driver's errors for the
    others (storage/errors.py tells them apart without importing the module that connects)."""
    drivers = {"sqlite3", "sqlcipher3", "pysqlite2"}
    wrong = [
        _where(found)
        for found in import_graph()
        if found.target.split(".")[0] in drivers
        and found.source not in (f"{ROOT}.storage.connect", f"{ROOT}.storage.driver")
    ]
    assert wrong == [], "\n".join(map(str, wrong))
    driver = (PACKAGE / "storage" / "driver.py").read_text(encoding="utf-8")
    assert ".connect(" not in driver and "def " not in driver  # names errors, opens nothing


def test_no_sql_above_services():
    """Pages, dialogs, reports and the command line ask services; they never build a query."""
    wrong = [
        name
        for name, path in modules_of().items()
        if layer_of(name) in NO_SQL and SQL.search(path.read_text(encoding="utf-8"))
    ]
    assert wrong == [], "\n".join(map(str, wrong))


# The audit trail's format (JSON row keys and before/after values written by the triggers)
# is known in storage only (storage/audit_reads.py, storage/erasure.py): services get plain
# values.
AUDIT_FORMAT = re.compile(r"\b(old_values|new_values|row_key)\b|json_extract|json_set|json_remove")


def test_only_storage_knows_the_audit_format():
    """A retention purge rewrote audit rows with SQLite's JSON functions from a service, and
    File history decoded row keys itself: a service depending on the audit format blocks any
    other database (the hub runs on PostgreSQL)."""
    reading = {
        name
        for name, path in modules_of().items()
        if layer_of(name) in ("services", *NO_SQL)
        and AUDIT_FORMAT.search(path.read_text(encoding="utf-8"))
    }
    assert reading == set()


def cycles(imports: tuple[Import, ...]) -> list[list[str]]:
    """The import cycles among our modules: strongly connected components of more than one
    module (Tarjan's algorithm), imports under TYPE_CHECKING left out (they never run)."""
    graph: dict[str, set[str]] = {}
    for found in imports:
        if found.typing_only or found.target.split(".")[0] != found.source.split(".")[0]:
            continue
        graph.setdefault(found.source, set()).add(found.target)
        graph.setdefault(found.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found_cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other == node:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found_cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found_cycles)


def test_no_import_cycles():
    """Modules that import each other (even lazily, inside a function) cannot be understood,
    tested or moved one at a time: storage's backup, errors and connect did."""
    assert cycles(import_graph()) == []


# --- the checks themselves catch what they are for ------------------------------------------
def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / ROOT
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return package


def test_a_lazy_relative_import_is_seen(tmp_path):
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "cli.py": "def run():\n    from .storage.backup import restore\n",
            "storage/__init__.py": "",
            "storage/backup.py": "",
            "reports/__init__.py": "",
            "reports/generate.py": "from ..storage import backup\nimport PySide6.QtCore\n",
        },
    )
    found = {(i.source, i.target) for i in import_graph(package)}
    assert (f"{ROOT}.cli", f"{ROOT}.storage.backup") in found
    assert (f"{ROOT}.reports.generate", f"{ROOT}.storage.backup") in found
    assert (f"{ROOT}.reports.generate", "PySide6.QtCore") in found


def test_a_cycle_through_a_function_level_import_is_found(tmp_path):
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "storage/__init__.py": "",
            "storage/errors.py": "def damaged():\n    from .backup import newest\n",
            "storage/backup.py": "from .connect import connect\n",
            "storage/connect.py": "from .errors import damaged\n",
            "storage/later.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from .backup import newest\n",
            "storage/typed.py": "from . import later\n",
        },
    )
    storage = f"{ROOT}.storage"
    assert cycles(import_graph(package)) == [
        [f"{storage}.backup", f"{storage}.connect", f"{storage}.errors"]
    ]


def test_sql_is_recognised():
    for written in (
        "session.execute(query)",
        "rows = select(Volunteer)",
        "connection.exec_driver_sql('PRAGMA x')",
        "session.scalars(text('SELECT 1'))",
    ):
        assert SQL.search(written), written
    assert not SQL.search("def select(self, row):\nself.view.select(row)")
