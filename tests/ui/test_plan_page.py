"""The Settlement plan page driven as a group lead would: keys, filters, forms."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
)

from sponsor_app.domain.enums import OutcomeArea, TaskStatus
from sponsor_app.domain.settlement import task_overdue
from sponsor_app.services.plan.checkins import list_check_ins
from sponsor_app.services.plan.indicators import latest_indicators
from sponsor_app.services.plan.plan import plan_tasks
from sponsor_app.ui.dialogs.contact_dialogs import CheckInDialog, ReadingDialog
from sponsor_app.ui.dialogs.plan_dialogs import SkipDialog, TaskFormDialog
from sponsor_app.ui.models.plan_model import PlanModel

from .conftest import TODAY, on_next_modal, press_ok, type_into

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _open(window, path):
    assert window.open_file(path)
    window.show_page("plan")
    return window.page("plan")


def _back_to_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _choose_household(page, code):
    page.household.setCurrentIndex(
        next(
            i for i in range(page.household.count()) if page.household.itemText(i).startswith(code)
        )
    )


def test_space_marks_the_task_done_and_the_dashboard_follows_then_ctrl_z(window, qtbot, large_demo):
    page = _open(window, large_demo)
    overdue_before = len(window.dashboard.figures.overdue) if window.dashboard.figures else None
    page.overdue.setChecked(True)
    page.tree.setFocus()
    first_group = page.model.index(0, 0)
    page.tree.setCurrentIndex(page.model.index(0, 0, first_group))
    task = page.selected_task()
    assert task_overdue(task.status, task.due_on, TODAY)
    shown_before = len(page.model.shown_tasks())

    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    done = next(t for t in plan_tasks(window.context.store) if t.id == task.id)
    assert (done.status, done.completed_on) == (TaskStatus.DONE, TODAY)
    assert len(page.model.shown_tasks()) == shown_before - 1  # no longer overdue: filtered out

    window.show_page("dashboard")
    figures = window.dashboard.figures
    if overdue_before is not None:
        assert len(figures.overdue) == overdue_before - 1
    assert task.id not in [t.id for t in figures.overdue]
    overdue_now = len(figures.overdue)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_Z, CTRL)
    assert len(window.dashboard.figures.overdue) == overdue_now + 1
    assert "overdue" in window.dashboard.to_do.text()


def test_space_on_a_done_task_opens_it_again_and_the_row_changes(window, qtbot, small_demo):
    page = _open(window, small_demo)
    page.status.setCurrentIndex(page.status.findData(TaskStatus.DONE))
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
    task = page.selected_task()
    page.status.setCurrentIndex(page.status.findData(None))  # any status: the row stays in view
    page.select_task(task.id)
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    row = page.selected_task()
    assert row.id == task.id and row.status is TaskStatus.OPEN and row.completed_on is None
    status_cell = page.model.index(
        page.tree.currentIndex().row(), 5, page.tree.currentIndex().parent()
    )
    assert status_cell.data() == "○ To do"


def test_filters_narrow_the_tasks_and_the_progress_follows_the_household(window, qtbot, large_demo):
    page = _open(window, large_demo)
    every = len(page.model.shown_tasks())
    page.area.setCurrentIndex(page.area.findData(OutcomeArea.HEALTH))
    assert page.model.shown_tasks() and all(
        t.outcome_area is OutcomeArea.HEALTH for t in page.model.shown_tasks()
    )
    page.area.setCurrentIndex(0)
    page.this_week.setChecked(True)
    week = page.model.shown_tasks()
    assert all(0 <= (t.due_on - TODAY).days <= 6 for t in week)
    page.this_week.setChecked(False)
    volunteer = page.volunteer.itemData(1)
    page.volunteer.setCurrentIndex(1)
    assert all(t.assignee_id == volunteer for t in page.model.shown_tasks())
    page.volunteer.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "school")
    qtbot.waitUntil(lambda: len(page.model.shown_tasks()) < every)
    assert all("school" in t.title.casefold() for t in page.model.shown_tasks())
    qtbot.mouseClick(page.clear_filters, Qt.MouseButton.LeftButton)
    assert len(page.model.shown_tasks()) == every
    _choose_household(page, "H2")
    assert {t.household_code for t in page.model.shown_tasks()} == {"H2"}
    caption = page.progress._bars[next(iter(page.progress._bars))][1].text()
    assert "/" in caption  # e.g. "Pre-arrival <b>11/11</b>"
    page.group_by.setCurrentIndex(1)
    assert page.model.index(0, 0).data().split(" — ")[0] in {a.label for a in OutcomeArea}


def test_add_a_custom_task_then_skip_one_with_a_reason(window, qtbot, small_demo):
    page = _open(window, small_demo)
    _choose_household(page, "H1")
    page.tree.setFocus()

    def fill(dialog: TaskFormDialog):
        qtbot.keyClicks(dialog.title, "Find a bike for the eldest")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL | SHIFT)
    added = page.selected_task()
    assert added.title == "Find a bike for the eldest" and added.custom
    _back_to_window(qtbot, window)

    seen = {}

    def skip(dialog: SkipDialog):
        _save(qtbot, dialog)  # no reason yet: the message sits under the field
        seen["error"] = dialog.form.errors["skip_reason"].text()
        qtbot.keyClicks(dialog.reason, "A neighbour lent one")
        _save(qtbot, dialog)

    page.select_task(added.id)
    with on_next_modal(qtbot, skip):
        qtbot.keyClick(page.tree, Qt.Key.Key_K, CTRL | SHIFT)
    assert "Say why this task does not apply" in seen["error"]
    skipped = next(t for t in plan_tasks(window.context.store) if t.id == added.id)
    assert skipped.status is TaskStatus.NOT_NEEDED
    assert skipped.skip_reason == "A neighbour lent one"


def test_record_a_check_in_with_the_keyboard(window, qtbot, small_demo):
    page = _open(window, small_demo)
    _choose_household(page, "H1")
    page.tabs.setCurrentIndex(1)
    before = len(list_check_ins(window.context.store))

    def fill(dialog: CheckInDialog):
        dialog.present.item(0).setCheckState(Qt.CheckState.Checked)
        qtbot.keyClicks(dialog.summary, "Helped with the school forms.")
        dialog.needs_met.setCurrentIndex(dialog.needs_met.findData(4))
        qtbot.keyClicks(dialog.concern, "Bus pass not arrived")
        _save(qtbot, dialog)

    page.check_ins.table.setFocus()
    with on_next_modal(qtbot, fill):
        qtbot.keyClick(page.check_ins.table, Qt.Key.Key_C, CTRL | SHIFT)
    rows = list_check_ins(window.context.store)
    assert len(rows) == before + 1
    newest = rows[0]
    assert (newest.held_on, newest.needs_met, newest.concern) == (TODAY, 4, "Bus pass not arrived")
    assert newest.volunteers and page.check_ins.model.rows()[0].id == newest.id


def test_record_an_indicator_reading_and_see_the_latest(window, qtbot, small_demo):
    page = _open(window, small_demo)
    _choose_household(page, "H1")
    page.tabs.setCurrentIndex(3)
    household = page.household_id()

    def fill(dialog: ReadingDialog):
        dialog.select("social_connection")
        _save(qtbot, dialog)  # empty text: refused, said under the field
        assert "Enter a value" in dialog.form.errors["value"].text()
        qtbot.keyClicks(dialog._editor, "Kapa haka group")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.indicators.record_button, Qt.MouseButton.LeftButton)
    latest = {s.indicator.key: s for s in latest_indicators(window.context.store, household)}
    assert latest["social_connection"].latest.value == "Kapa haka group"
    assert latest["social_connection"].latest.recorded_on == TODAY


def test_dashboard_overdue_link_opens_the_plan_filtered(window, qtbot, large_demo):
    assert window.open_file(large_demo)
    label = window.dashboard.to_do
    assert "overdue" in label.text()
    label.linkActivated.emit("overdue")  # what clicking the link sends
    page = window.page("plan")
    assert window.current_page() is page and page.overdue.isChecked()
    assert len(page.model.shown_tasks()) == len(window.dashboard.figures.overdue)


def test_export_a_volunteers_calendar_from_the_page(window, qtbot, small_demo, tmp_path):
    from icalendar import Calendar

    page = _open(window, small_demo)
    target = tmp_path / "mine.ics"

    def choose_volunteer(dialog):
        assert isinstance(dialog, QInputDialog)
        press_ok(qtbot, dialog)

    def choose_file(dialog):
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        type_into(qtbot, name, str(target), leave=False)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    with on_next_modal(qtbot, choose_volunteer), on_next_modal(qtbot, choose_file):
        qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    assert Calendar.from_ical(target.read_bytes()).name == "VCALENDAR"
    assert "open tasks" in window.statusBar().currentMessage()


def test_the_plan_model_passes_the_model_tester(qtmodeltester, qapp, large_demo):
    from sponsor_app.domain.settlement import TaskFilter
    from sponsor_app.storage.store import Store

    with Store.open(large_demo) as store:
        tasks = plan_tasks(store)
    model = PlanModel(lambda: "en_NZ")
    model.set_tasks(tasks, TODAY)
    qtmodeltester.check(model)
    model.set_view(False, TaskFilter(overdue=True))
    qtmodeltester.check(model)
    assert QApplication.instance() is not None


def test_due_this_week_in_the_page_is_today_to_six_days_ahead(window, qtbot, large_demo):
    page = _open(window, large_demo)
    page.status.setCurrentIndex(page.status.findData(None))
    page.this_week.setChecked(True)
    due = {t.due_on for t in page.model.shown_tasks()}
    assert due and all(TODAY <= d <= TODAY + timedelta(days=6) for d in due)


def test_an_empty_plan_says_why(window, qtbot, tmp_path, small_demo):
    from sponsor_app.services.group.groups import NewGroup, create_group

    path = tmp_path / "new.sponsor"
    create_group(path, NewGroup(name="New")).close()
    window.open_file(path)
    window.show_page("plan")
    page = window.page("plan")
    assert page.tree_stack.currentWidget() is page.tree_empty
    assert page.tree_empty.text().startswith("No tasks yet. Add a household")
    window.open_file(small_demo)
    window.show_page("plan")
    assert page.tree_stack.currentWidget() is page.tree
    page.search.setFocus()
    qtbot.keyClicks(page.search, "no task is called this")
    qtbot.waitUntil(lambda: page.tree_stack.currentWidget() is page.tree_empty, timeout=3000)
    assert "No task matches these filters" in page.tree_empty.text()
