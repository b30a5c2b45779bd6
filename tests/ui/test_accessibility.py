"""Every input a person can reach has a name a screen reader says: an accessible name, or a
label whose buddy it is (issue 12). Checked on every page and every form, as built."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from sponsor_app.services.funds.ledger import list_categories
from sponsor_app.services.roster import volunteers as roster
from sponsor_app.services.roster.roles import list_roles
from sponsor_app.services.roster.vetting import check_kinds
from sponsor_app.ui.dialogs.funds_dialogs import TransactionDialog
from sponsor_app.ui.dialogs.history_dialog import HistoryDialog
from sponsor_app.ui.dialogs.household_dialog import HouseholdDialog
from sponsor_app.ui.dialogs.housing_dialogs import InspectionDialog, PropertyDialog
from sponsor_app.ui.dialogs.member_dialog import MemberDialog
from sponsor_app.ui.dialogs.volunteer_dialogs import CheckDialog, VolunteerDialog
from sponsor_app.ui.pages.registry import PAGES

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QListWidget)


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    # The line edit inside an editable combo box or a spin box is announced with its owner.
    owner = widget.parentWidget()
    inner = isinstance(owner, (QComboBox, QAbstractSpinBox)) and isinstance(widget, QLineEdit)
    return inner and (bool(owner.accessibleName().strip()) or id(owner) in buddies)


def unnamed_inputs(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root):
            continue
        if not _named(widget, buddies):
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} under "
                f"{type(widget.parentWidget()).__name__}"
            )
    return missing


def _every_form(window) -> list[QWidget]:
    """One of each form a person fills in, built for the open file."""
    store, info = window.context.store, window.context.info
    return [
        VolunteerDialog(roster.requirements_for_new(store), None, window, list_roles(store)),
        TransactionDialog(info.currency, info.locale, list_categories(store), [(1, "H1")]),
        PropertyDialog(),
        InspectionDialog(1),
        HouseholdDialog("H2"),
        MemberDialog("H1"),
        HistoryDialog(window.context, window),
        CheckDialog(check_kinds(store), None, window),
    ]


@pytest.mark.parametrize("key", [entry.key for entry in PAGES])
def test_every_input_on_every_page_is_named(window, small_demo, key):
    window.open_file(small_demo)
    window.show()
    window.show_page(key)
    page = window.page(key)
    missing = unnamed_inputs(page)
    for tabs in page.findChildren(QTabWidget):  # each tab in turn: hidden ones are not seen
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            missing += [f"{tabs.tabText(index)}: {m}" for m in unnamed_inputs(page)]
    assert sorted(set(missing)) == []


def test_every_input_in_the_forms_is_named(window, small_demo):
    window.open_file(small_demo)
    forms = _every_form(window)
    for form in forms:
        form.show()
        assert (type(form).__name__, unnamed_inputs(form)) == (type(form).__name__, [])
        form.close()


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two visible labels or buttons under `root` both claim."""
    claims: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root):
            continue
        text = widget.text().replace("&&", "")
        if "&" in text and text.index("&") + 1 < len(text):
            key = text[text.index("&") + 1].lower()
            claims.setdefault(key, []).append(text)
    return {key: texts for key, texts in claims.items() if len(texts) > 1}


def test_no_two_fields_or_buttons_share_an_alt_key(window, small_demo, qtbot):
    """Alt+N was both "Group name" and "Next": the key went to whichever came first."""
    from sponsor_app.ui.dialogs.new_group_wizard import NewGroupWizard

    window.open_file(small_demo)
    wizard = NewGroupWizard(window)
    wizard.show()
    clashes = {}
    while True:
        found = mnemonic_clashes(wizard)
        if found:
            clashes[f"wizard page {wizard.currentId()}"] = found
        if wizard.nextId() == -1:
            break
        wizard.page(wizard.nextId())  # each page as shown in turn
        wizard.setStartId(wizard.nextId())
        wizard.restart()
    wizard.close()
    forms = _every_form(window)
    for form in forms:
        form.show()
        found = mnemonic_clashes(form)
        if found:
            clashes[type(form).__name__] = found
        form.close()
    assert clashes == {}
