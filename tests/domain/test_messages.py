"""Issue 21 item 6: one catalogue words what the services say. Every code has a template, every
place that makes a message gives exactly the values its template names, the window's
translation file holds every template, and the English counts right."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from sponsor_app.domain.errors import InvalidInput, NotFound, Problem
from sponsor_app.domain.messages import (
    CATALOGUE,
    COUNT,
    Funds,
    Message,
    Records,
    english,
    english_forms,
    template_fields,
)
from sponsor_app.domain.messages.core import Text

PACKAGE = Path(__file__).resolve().parents[2] / "sponsor_app"
TS = PACKAGE / "resources" / "translations" / "sponsor_desk_en.ts"
CODES = [code for area in CATALOGUE for code in area]


def test_every_code_has_a_template():
    for code in CODES:
        assert isinstance(code.template, str) and code.template.strip(), code.key
        assert "{}" not in code.template, f"{code.key}: values are named, never by position"
        assert len(COUNT.findall(code.template)) <= 1, f"{code.key}: one count per message"
        if "(s)" in code.template or "(es)" in code.template or "(ies)" in code.template:
            assert COUNT.search(code.template), f"{code.key}: a plural mark needs a %n count"


def test_each_sentence_is_written_once():
    """Two codes with the same words are one code (an area's enum would alias them)."""
    for area in CATALOGUE:
        assert len(area.__members__) == len(list(area)), f"{area.__name__} repeats a template"
    templates = [code.template for code in CODES]
    assert sorted(t for t in set(templates) if templates.count(t) > 1) == []


def test_the_catalogue_lists_every_area():
    areas = {
        node.name
        for path in (PACKAGE / "domain" / "messages").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any(getattr(b, "id", "") == "Text" for b in node.bases)
    }
    assert areas == {area.__name__ for area in CATALOGUE}


def _message_calls(path: Path):
    """Every `Area.CODE(...)` in a source file: (line, area, code, keywords, has **values)."""
    areas = {area.__name__ for area in CATALOGUE}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in areas
            and node.func.attr.isupper()
        ):
            names = {k.arg for k in node.keywords if k.arg is not None}
            spread = any(k.arg is None for k in node.keywords) or bool(node.args)
            yield node.lineno, node.func.value.id, node.func.attr, names, spread


def test_every_message_made_gives_the_values_its_template_names():
    """Read from the source, so a message made only on a rare path is checked too."""
    by_name = {area.__name__: area for area in CATALOGUE}
    wrong, made = [], 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, area, code, names, spread in _message_calls(path):
            made += 1
            where = f"{path.relative_to(PACKAGE)}:{line} {area}.{code}"
            if code not in by_name[area].__members__:
                wrong.append(f"{where}: no such code")
            elif spread:
                wrong.append(f"{where}: give the values by name")
            elif names != template_fields(by_name[area][code].template):
                wanted = sorted(template_fields(by_name[area][code].template))
                wrong.append(f"{where}: gives {sorted(names)}, the template names {wanted}")
    assert wrong == []
    assert made > 20  # the scan sees the services' messages


def test_a_message_refuses_values_its_template_does_not_name():
    with pytest.raises(TypeError, match=r"Records\.TASK_GONE"):
        Records.TASK_GONE()
    with pytest.raises(TypeError):
        Records.TASK_GONE(id=3, extra="x")


def test_the_translation_file_holds_every_template():
    """`make translations` writes the catalogue into the window's .ts, each area a context."""
    held = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
    }
    missing = [code.key for code in CODES if (code.context, code.template) not in held]
    assert missing == [], "run `make translations`"


def test_english_forms_follow_the_plural_marks():
    assert english_forms("%n file(s)") == ("%n file", "%n files")
    assert english_forms("%Ln person(s) was/were") == ("%Ln person was", "%Ln people were")
    assert english_forms("%n box(es)") == ("%n box", "%n boxes")


class _Sample(Text):
    COUNTED = "{name} holds %Ln file(s)."
    NESTED = "Refused: {why}"
    LISTED = "Choose one of: {choices}."
    DATED = "From {day}."


def test_english_words_values_and_counts():
    assert english(_Sample.COUNTED(name="B.zip", n=1)) == "B.zip holds 1 file."
    assert english(_Sample.COUNTED(name="B.zip", n=1234)) == "B.zip holds 1,234 files."
    nested = _Sample.NESTED(why=_Sample.COUNTED(name="x", n=0))
    assert english(nested) == "Refused: x holds 0 files."
    assert str(_Sample.LISTED(choices=["weekly", "monthly"])) == "Choose one of: weekly, monthly."
    assert english(_Sample.DATED(day=date(2026, 3, 1))) == "From 2026-03-01."


def test_errors_carry_the_code_and_say_the_english():
    error = NotFound(Records.TASK_GONE(id=7))
    assert error.code is Records.TASK_GONE and error.params == {"id": 7}
    assert str(error) == "Task 7 no longer exists."
    invalid = InvalidInput.single("amount", Funds.BUDGET_NEGATIVE())
    (problem,) = invalid.problems
    assert (problem.field, problem.code) == ("amount", Funds.BUDGET_NEGATIVE)
    assert problem.message == str(invalid) == "A budget cannot be negative."
    assert invalid.for_field("amount") == "A budget cannot be negative."
    assert isinstance(invalid.said, Message)
    both = InvalidInput([Problem("a", Funds.DONOR_MISSING()), Problem("b", "As it is.")])
    assert str(both) == "Enter the donor's name. As it is." and both.said is None
    assert str(NotFound(Path("gone.sponsor"))) == "gone.sponsor"  # a value as it is, as before
