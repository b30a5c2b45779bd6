"""Issue 19 item 12: a name put into a sentence is isolated (Unicode FSI ... PDI), so an Arabic
or Dari name keeps its place in English words: "أحمد الحسن will no longer be the principal
applicant." showed as "ill no longer be the أحمد الحسن / .principal applicant". One helper,
domain/text.py:isolate, in the window and the PDFs; this reads the sources for a name put
into a sentence without it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sponsor_app.domain.text import isolate

PACKAGE = Path(__file__).resolve().parents[1] / "sponsor_app"
# What people type that names someone (or something of theirs) and goes into sentences.
NAMED = re.compile(
    r"\b(full_name|family_name|donor|counterparty|_principal_now|group_name)\b"
    r"|\b(task|data|template)\.title\b|\bgoal\.text\b|\boption\.name\b|\bv\.name\b"
    r"|\binfo\.name\b"
)
# Not a sentence: a file name offered to save under (an isolate mark would be in the name).
NOT_SENTENCES = {"ui/task_controller.py: volunteer.full_name"}


def _names_someone(node: ast.AST) -> bool:
    return bool(NAMED.search(ast.unparse(node)))


def _isolated(node: ast.AST) -> bool:
    """isolate(x), the HTML version's _text(x) (each run of another script in <bdi>), or a
    join of isolated items."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("isolate", "_text"):
        return True
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "join" and node.args:
        inner = node.args[0]
        element = getattr(inner, "elt", None)
        return element is not None and _isolated(element)
    if isinstance(node, ast.IfExp):
        return _isolated(node.body) and _isolated(node.orelse)
    return False


def unisolated(paths) -> list[str]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            values = []
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format":
                values = list(node.args)
            elif isinstance(node, ast.JoinedStr) and len(node.values) > 1:
                values = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
            for value in values:
                where = f"{path.relative_to(PACKAGE)}: {ast.unparse(value)}"
                if _names_someone(value) and not _isolated(value) and where not in NOT_SENTENCES:
                    found.append(f"{where} (line {node.lineno})")
    return found


def test_every_name_put_into_a_sentence_is_isolated():
    sources = sorted((PACKAGE / "ui").rglob("*.py")) + sorted((PACKAGE / "reports").rglob("*.py"))
    # The running head is drawn on the canvas, not through the text layer (reports/text.py).
    sources = [
        p for p in sources if not p.name.startswith("screenshots") and p.name != "template.py"
    ]
    assert unisolated(sources) == []


def test_isolate_wraps_right_to_left_text_only():
    assert isolate("أحمد الحسن") == "\u2068أحمد الحسن\u2069"
    assert isolate("Aroha Ngāta") == "Aroha Ngāta"  # nothing to turn around
    assert isolate("") == ""


def test_the_pdfs_draw_no_isolate_marks():
    """The PDF text layer lays lines out itself: the marks are not drawn as boxes."""
    from sponsor_app.reports.text import markup

    assert "\u2068" not in markup(f"{isolate('أحمد الحسن')} family")
