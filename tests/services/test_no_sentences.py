"""Issue 21 item 6: services return codes, not English. This reads every module of services/
and fails on a sentence written where a person would read it: in a `raise`, given to a
class (an error, a Problem, a result the window shows), to `super().__init__` of an error,
or returned by a function. The words belong to the catalogue (domain/messages), worded at
the edge (the window through Qt's translation, the command line and the reports in English).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "sponsor_app" / "services"
# Two words of letters with a space between: "no longer exists", "is a folder".
WORDS = re.compile(r"[A-Za-z]+[,;:.!?’']?\s+[“(]?[A-Za-z]+")

# Where English in services/ is data, not a message to a person. Each with its reason.
ALLOWED = {
    # The demo group's own records: made-up names, tasks and notes, as a group would type them.
    "demo/demo.py": "demo data",
    "demo/demo_money.py": "demo data",
    "demo/demo_names.py": "demo data",
    # The codebook of a data bundle: each table's and field's description, written into the
    # bundle's datapackage.json and workbook for evaluators, as a report is (English, REPORTS.md;
    # a bundle is compared across groups, so its documentation is one language).
    "reporting/bundle_tables.py": "the bundle's codebook",
    "reporting/combined_export.py": "the combined export's codebook",
    # The banks' export layouts: each column header as the bank's file writes it, and the
    # layout's name as the bank calls it (matched against files, never said to a person).
    "imports/banks.py": "bank export layouts",
    # The names people give their columns, matched against a file's header (a field's own
    # heading, shown in the window, is a code: ImportFields).
    "imports/fields.py": "column header synonyms",
}
# Single values that read as words but are data: values in a bundle's tables (its schema
# lists them), places in a file named as the file names them.
DATA = {
    ("reporting/evaluation_data.py", "No home recorded"): "a housing status value of a bundle",
    ("reporting/evaluation_extras.py", "not recorded"): "an age band value of a bundle",
    ("reporting/combine.py", "period end"): "the point a bundle's age bands are counted at",
    ("reporting/evaluation_extras.py", "/ {} (Sponsor Desk {} )"): "a template version string",
    ("reporting/bundle_reader.py", "datapackage.json resources"): "a place in the descriptor",
}
# Still to move to codes: none (a module added to this list needs a reason in the review).
NOT_YET: dict[str, str] = {}


def literal_text(node: ast.AST) -> str | None:
    """The words of a string literal or an f-string (its values left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " {} ".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_super_init(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and _callee(func.value) == "super"
    )


# Raised for a bug, never shown to a person as a message.
BUGS = {"TypeError", "AssertionError", "NotImplementedError", "RuntimeError"}


def _said(node: ast.AST):
    """The value itself, and the branches of a choice or a sum of texts: what is said."""
    yield node
    if isinstance(node, ast.IfExp):
        yield from _said(node.body)
        yield from _said(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _said(value)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _said(node.left)
        yield from _said(node.right)
    elif isinstance(node, ast.Tuple):  # `return RowStatus.DUPLICATE, "already there"`
        for value in node.elts:
            yield from _said(value)


# Lists that gather what is said, to be raised or shown later: `problems.append("amount is
# zero")`, `self.p.note(...)`, `self.p.created.append(...)`.
GATHERED = re.compile(r"problems|reasons|notes?|said|created|warnings", re.IGNORECASE)


def _gathers_words(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    func = node.func
    if func.attr == "note":
        return True
    if func.attr not in ("append", "extend", "insert"):
        return False
    owner = func.value
    name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
    return bool(GATHERED.fullmatch(name))


def _places(tree: ast.AST):
    """The texts a person would read: raised (anything in the raise), given to a class (an
    error, a Problem, a result) or to an error's `super().__init__`, returned."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            call = node.exc if isinstance(node.exc, ast.Call) else None
            if call is None or _callee(call) not in BUGS:
                yield from ast.walk(node.exc)
        elif isinstance(node, ast.Call) and (_callee(node)[:1].isupper() or _is_super_init(node)):
            if _callee(node) not in BUGS:
                for value in [*node.args, *(k.value for k in node.keywords)]:
                    yield from _said(value)
        elif isinstance(node, ast.Return) and node.value is not None:
            yield from _said(node.value)
        elif _gathers_words(node):
            for value in node.args:
                yield from _said(value)


def sentences(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = {  # an f-string's pieces are one sentence, counted once
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    found: dict[int, tuple[int, str]] = {}
    for node in _places(tree):
        text = literal_text(node)
        if text is not None and id(node) not in parts and WORDS.search(text):
            found[id(node)] = (node.lineno, text)
    return sorted(found.values())


def english_in_services(root: Path = SERVICES, allowed=ALLOWED, data=DATA) -> list[str]:
    return [
        f"{path.relative_to(root)}:{line}: {text[:70]!r}"
        for path in sorted(root.rglob("*.py"))
        if str(path.relative_to(root)) not in allowed
        for line, text in sentences(path)
        if (str(path.relative_to(root)), " ".join(text.split())) not in data
    ]


def test_services_say_codes_not_sentences():
    assert english_in_services(allowed=ALLOWED | NOT_YET) == []


def test_the_allowed_files_exist():
    assert [name for name in ALLOWED | NOT_YET if not (SERVICES / name).is_file()] == []
    assert [name for name, _text in DATA if not (SERVICES / name).is_file()] == []


def test_the_scan_finds_what_it_should(tmp_path):
    (tmp_path / "bad.py").write_text(
        "def f(x):\n"
        "    if x:\n"
        "        raise NotFound(f'Task {x} no longer exists.')\n"
        "    problems.append(Problem('name', 'Enter the name.'))\n"
        "    return Row(x, note='Recorded as a check-in.')\n"
        "\n"
        "class E(Exception):\n"
        "    def __init__(self):\n"
        "        super().__init__('That cannot be done.')\n"
        "\n"
        "def g():\n"
        "    return 'is a folder' if x else Row(note='or else this')\n"
        "\n"
        "def h(problems):\n"
        "    problems.append('amount is zero')\n"
        "    return RowStatus.DUPLICATE, 'already in the ledger'\n"
    )
    (tmp_path / "good.py").write_text(
        "def f(x):\n"
        "    '''A docstring says things in English.'''\n"
        "    raise NotFound(Records.TASK_GONE(id=x))\n"
        "    problems.append(Problem('last_month', Funds.BUDGET_NEGATIVE()))\n"
        "    with store.transaction('Record check-in'):\n"
        "        return erase(store, f'Removed the details of {x}')\n"
        "    raise TypeError(f'a snapshot cannot hold a {x}')\n"
        "    problems.append(Imports.AMOUNT_ZERO())\n"
        "    cells.append('two words')\n"
    )
    found = english_in_services(tmp_path, {}, {})
    assert [line.split(":")[0:2] for line in found] == [
        ["bad.py", "3"],
        ["bad.py", "4"],
        ["bad.py", "5"],
        ["bad.py", "9"],
        ["bad.py", "12"],
        ["bad.py", "12"],
        ["bad.py", "15"],
        ["bad.py", "16"],
    ]
