"""The pieces the pages and dialogs now share (issue 21: repeated code written once): a form
filled from a record and read back, the selected-row rule, a filter's refill, the confirm box
and tabs that read when shown. Real widgets, driven as a person would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from sponsor_app.ui.selection import on_selected
from sponsor_app.ui.widgets.confirm import Role, confirmed
from sponsor_app.ui.widgets.filter_combo import refill_filter
from sponsor_app.ui.widgets.form import FormDialog
from sponsor_app.ui.widgets.lazy_tabs import LazyTabs
from sponsor_app.ui.widgets.optional_date import OptionalDateEdit

from .conftest import on_next_modal


@dataclass(frozen=True)
class _Record:
    name: str
    notes: str
    ticked: bool
    rooms: int
    kind: str
    result: str
    due: date | None


class _Dialog(FormDialog):
    def __init__(self):
        super().__init__("Record")
        self.form.add_field("name", "&Name:", QLineEdit())
        self.form.add_field("notes", "N&otes:", QPlainTextEdit())
        self.form.add_field("ticked", "&Ticked:", QCheckBox())
        rooms = self.form.add_field("rooms", "&Rooms:", QSpinBox())
        rooms.setRange(0, 20)
        kind = self.form.add_field("kind", "&Kind:", QComboBox())
        kind.setEditable(True)  # the person may type their own: read as text
        kind.addItems(["House", "Flat"])
        result = self.form.add_field("result", "R&esult:", QComboBox())
        for words, value in (("Passed", "passed"), ("Failed", "failed")):
            result.addItem(words, value)  # read as the data behind the words
        self.form.add_field("due", "&Due:", OptionalDateEdit("none"))

    def value(self):
        return _Record(**self.form.values())


def test_a_form_shows_a_record_and_reads_back_what_it_shows(qtbot):
    record = _Record("Kāpiti flat", "two lines\nof notes", True, 3, "Townhouse", "failed", None)
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.form.load(record)
    assert dialog.value() == record
    fields = dialog.form._fields
    assert fields["kind"].currentText() == "Townhouse"
    assert fields["result"].currentText() == "Failed"
    qtbot.keyClicks(fields["name"], " 2")
    assert dialog.value().name == "Kāpiti flat 2"


def test_a_form_loads_only_the_fields_it_is_told(qtbot):
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.form.load(_Record("A", "B", True, 2, "Flat", "failed", date(2026, 3, 4)), "name")
    assert dialog.form.values("name", "rooms", "due") == {"name": "A", "rooms": 0, "due": None}


class _Rows(QWidget):
    def __init__(self, rows):
        super().__init__()
        self.rows, self.done = rows, []
        self.button = QPushButton("Archive", self)
        self.button.clicked.connect(self.archive)

    def selected(self):
        return self.rows[0] if self.rows else None

    @on_selected("selected")
    def archive(self, row) -> None:
        """Archive the row."""
        self.done.append(row)


def test_an_action_on_the_selected_row_gets_the_row_and_does_nothing_without_one(qtbot):
    page = _Rows(["H1"])
    qtbot.addWidget(page)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert page.done == ["H1"]  # the row, not the button's `checked`
    page.rows = []
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    page.archive()
    assert page.done == ["H1"]
    assert _Rows.archive.__name__ == "archive" and _Rows.archive.__doc__ == "Archive the row."


def test_a_filter_keeps_its_choice_while_offered_and_sends_no_change_on_refill(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    refill_filter(combo, "All households", [(1, "H1"), (2, "H2")])
    combo.setCurrentIndex(2)
    changes.clear()
    refill_filter(combo, "All households", [(3, "H3"), (2, "H2")])
    assert (combo.currentText(), combo.currentData(), changes) == ("H2", 2, [])
    refill_filter(combo, "All households", [(3, "H3")])
    assert (combo.currentText(), combo.currentData(), changes) == ("All households", None, [])


def test_a_confirm_box_goes_ahead_only_on_its_own_button(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []

    def press(label: str | None):
        def handle(box: QMessageBox) -> None:
            cancel = box.button(QMessageBox.StandardButton.Cancel)
            seen.append((box.text(), box.defaultButton() is cancel))
            if label is None:
                cancel.click()
            else:
                next(b for b in box.buttons() if b.text() == label).click()

        return handle

    with on_next_modal(qtbot, press("&Delete for good")):
        assert confirmed(parent, "Delete", "Delete H1?", "&Delete for good", Role.DestructiveRole)
    with on_next_modal(qtbot, press(None)):
        assert not confirmed(parent, "Delete", "Delete H1?", "&Delete for good")
    with on_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)):
        assert not confirmed(parent, "Delete", "Delete H1?", "&Delete for good")
    assert seen == [("Delete H1?", True)] * 2


class _Tab(QLabel):
    def __init__(self):
        super().__init__()
        self.reads = 0

    def refresh(self) -> None:
        self.reads += 1


def test_a_stale_tab_reads_once_when_it_is_next_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    is_open = [True]
    lazy = LazyTabs(tabs, lambda: is_open[0])
    first, second = lazy.add(_Tab(), "&First"), lazy.add(_Tab(), "&Second")
    lazy.stale(first, second)
    assert (first.reads, second.reads) == (1, 0)  # the one shown reads now
    tabs.setCurrentIndex(1)
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert (first.reads, second.reads) == (1, 1)
    is_open[0] = False  # the file closed: nothing to read
    lazy.stale(second)
    assert second.reads == 1
