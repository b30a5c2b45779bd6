"""Issue 21 item 6: the window words the services' messages from the same catalogue as the
command line, through Qt's translation: in English the two agree word for word, counts
included, and a name is isolated so a right-to-left one keeps its place."""

from __future__ import annotations

from string import Formatter

import pytest
from PySide6.QtCore import QLocale

from sponsor_app.domain.errors import InvalidInput, NotFound, Problem
from sponsor_app.domain.messages import (
    CATALOGUE,
    COUNT_PARAM,
    Funds,
    Records,
    english,
    template_fields,
)
from sponsor_app.ui.words import error_words, field_words, said

CODES = [code for area in CATALOGUE for code in area]


def _sample(code, n: int):
    """The code with a value for each field: a name, a number where the template formats
    one ({megabytes:,.0f}), the count `n`."""
    specs = {name: spec for _, name, spec, _ in Formatter().parse(code.template) if name}
    number = {name: 1234.5 if spec.endswith("f") else 1234 for name, spec in specs.items() if spec}
    values = {
        name: n if name == COUNT_PARAM else number.get(name, "Kāpiti")
        for name in template_fields(code.template)
    }
    return code(**values)


@pytest.fixture
def english_locale():
    """%Ln writes a number as Qt's default locale does: an English one, as a lead's would be."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_NZ"))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize("n", [0, 1, 2, 1234])
def test_the_window_and_the_command_line_say_the_same_english(n, english_locale):
    different = [
        (code.key, said(_sample(code, n)), english(_sample(code, n)))
        for code in CODES
        if said(_sample(code, n)) != english(_sample(code, n))
    ]
    assert different == []


def test_counts_take_their_plural_form_in_the_window():
    assert said(Funds.RULE_WORDS_TOO_LONG(n=1)) == "Keep the words to 1 character or fewer."
    assert said(Funds.RULE_WORDS_TOO_LONG(n=80)) == "Keep the words to 80 characters or fewer."


def test_a_right_to_left_name_is_isolated_in_the_window_only():
    message = Funds.CATEGORY_CALLED_EXISTS(name="أحمد")
    assert said(message) == "There is already a category called “\u2068أحمد\u2069”."
    assert english(message) == "There is already a category called “أحمد”."


def test_errors_are_worded_by_the_window():
    assert error_words(NotFound(Records.TASK_GONE(id=4))) == "Task 4 no longer exists."
    invalid = InvalidInput([Problem("amount", Funds.BUDGET_NEGATIVE()), Problem("x", "As is.")])
    assert field_words(invalid, "amount") == "A budget cannot be negative."
    assert field_words(invalid, "other") is None
    assert error_words(invalid) == "A budget cannot be negative. As is."


def test_the_plan_says_a_meeting_was_recorded_as_a_check_in(window, small_demo):
    """The words are the window's, from the catalogue; the task row stores none."""
    from datetime import timedelta

    from sponsor_app.domain.enums import CheckInKind
    from sponsor_app.services.group.groups import open_group
    from sponsor_app.services.households.households import HouseholdInput, add_household
    from sponsor_app.services.plan import checkins

    from .conftest import TODAY

    with open_group(small_demo) as store:
        household = add_household(
            store,
            HouseholdInput(
                code="H9", family_name="Nazari", arrival_date=TODAY - timedelta(days=90)
            ),
        )
        meeting_id, _title, _due = checkins.meetings_due(store, household.id)[0]
        checkins.record_check_in(
            store,
            checkins.CheckInInput(
                household.id,
                TODAY - timedelta(days=1),
                CheckInKind.PROGRAMME_REVIEW,
                meeting_task_id=meeting_id,
            ),
            TODAY,
        )
    assert window.open_file(small_demo)
    window.show_page("plan")
    page = window.page("plan")
    page.status.setCurrentIndex(1)  # "Any status": done tasks too
    model = page.model
    shown = {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            task = model.task_at(model.index(row, 0, parent))
            shown[task.id] = model.index(row, 7, parent).data()
    assert shown[meeting_id] == "Recorded as a check-in."
    assert list(shown.values()).count("Recorded as a check-in.") == 1
