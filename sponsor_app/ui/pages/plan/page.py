"""Settlement plan page: every household's tasks by phase or outcome area, with the contact
log, the family's goals, household indicators and the template beside them.

What each action does; the layout is in view.py, the other tabs in their own modules, and
every task write goes through the one task controller."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from .... import clock
from ....domain.changes import Topic
from ....domain.enums import OutcomeArea, Phase, TaskStatus
from ....domain.settlement import TaskFilter, area_of, progress_by
from ....domain.text import isolate
from ....services.households.households import list_households
from ....services.plan.plan import PlanTask
from ....services.roster.volunteers import list_volunteers
from ...models.plan_model import TASK_ROLE, PlanModel
from ...selection import on_selected
from ...task_controller import TaskController
from ...widgets.filter_combo import refill_filter
from ...widgets.lazy_tabs import LazyTabs
from .check_ins import CheckInsTab
from .goals import GoalsTab
from .indicators import IndicatorsTab
from .template_tab import TemplateTab
from .view import ALL_OPEN, PlanView


class PlanPage(PlanView):
    title = "Settlement plan"
    watches = frozenset(
        {
            Topic.TASKS,
            Topic.HOUSEHOLDS,
            Topic.VOLUNTEERS,
            Topic.CHECK_INS,
            Topic.GOALS,
            Topic.INDICATORS,
            Topic.TEMPLATE,
        }
    )

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.task_actions = TaskController(self, context)
        self._tasks: list[PlanTask] = []
        self._columns_sized = False
        self.household_codes: dict[int, str] = {}
        self.model = PlanModel(self.locale, self)
        self.tree.setModel(self.model)
        # The tabs beside the tasks read the file when they are shown, not on every refresh.
        self.lazy = LazyTabs(self.tabs, lambda: self.context.is_open)
        self.check_ins = self.lazy.add(CheckInsTab(self), self.tr("C&heck-ins"))
        self.goals = self.lazy.add(GoalsTab(self), self.tr("&Goals"))
        self.indicators = self.lazy.add(IndicatorsTab(self), self.tr("&Indicators"))
        self.template = self.lazy.add(TemplateTab(self), self.tr("Te&mplate"))
        self._add_keys()
        self._connect()
        context.closed.connect(self._forget_file)

    def _add_keys(self) -> None:
        # Space only where the tasks are, so typing a space in a search box stays one.
        for text, keys, slot in (
            (self.tr("Mark done"), [QKeySequence(Qt.Key.Key_Space)], self.toggle_done),
            (
                self.tr("Edit task"),
                [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
                self.edit_task,
            ),
        ):
            action = QAction(text, self.tree)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self._find),
                (self.tr("Edit task"), QKeySequence("F2"), self.edit_task, self.edit_button),
                (self.tr("Add task"), QKeySequence("Ctrl+Shift+N"), self.add_task, self.add_button),
                (
                    self.tr("Skip task"),
                    QKeySequence("Ctrl+Shift+K"),
                    self.skip_task,
                    self.skip_button,
                ),
                (
                    self.tr("Record check-in"),
                    QKeySequence("Ctrl+Shift+C"),
                    lambda: self.check_ins.record(),
                ),
            )
        )

    def _connect(self) -> None:
        # filtering is cheap: every change refilters the rows already read
        self._refilter_timer = QTimer(self, singleShot=True, interval=120)
        self._refilter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._refilter_timer.start())
        for combo in (self.group_by, self.volunteer, self.status, self.area, self.phase):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        for box in (self.overdue, self.this_week):
            box.toggled.connect(lambda _: self.apply_filters())
        self.household.currentIndexChanged.connect(lambda _: self._household_changed())
        self.clear_filters.clicked.connect(self.reset_filters)
        self.tree.doubleClicked.connect(
            lambda index: self.edit_task() if self.model.task_at(index) else None
        )
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.done_button.clicked.connect(self.toggle_done)
        self.reapply_button.clicked.connect(self.reapply_template)
        self.calendar_button.clicked.connect(self.export_calendar)

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        with store.read():
            households = list_households(store)
            volunteers = [v for v in list_volunteers(store) if v.active]
            self._tasks = self.task_actions.tasks()
        self.household_codes = {h.id: h.code for h in households}
        refill_filter(
            self.household,
            self.tr("All households"),
            [(h.id, f"{h.code} {isolate(h.family_name)}".strip()) for h in households],
        )
        refill_filter(
            self.volunteer, self.tr("Anyone's tasks"), [(v.id, v.full_name) for v in volunteers]
        )
        self._columns_sized = False
        self.apply_filters()
        self.lazy.stale(self.check_ins, self.goals, self.indicators, self.template)

    # --- the household an action is for -------------------------------------------------------
    def household_id(self) -> int | None:
        """The household chosen at the top (None: all of them), for what is shown."""
        return self.household.currentData()

    def acting_household_id(self) -> int | None:
        """The household an action is for: the one chosen, or the group's only one."""
        chosen = self.household_id()
        if chosen is None and len(self.household_codes) == 1:
            return next(iter(self.household_codes))
        return chosen

    def chosen_household(self) -> tuple[int, str] | None:
        """The acting household with its code; None when all of several are shown."""
        household_id = self.acting_household_id()
        if household_id is None:
            return None
        return household_id, self.household_codes.get(household_id, "")

    def household_for(self, what: str) -> tuple[int, str] | None:
        """The household an action is for (with its code), asked when all are shown."""
        household_id = self.choose_household(what)
        if household_id is None:
            return None
        return household_id, self.household_codes.get(household_id, "")

    def choose_household(self, what: str) -> int | None:
        """The household an action is for: the one chosen at the top, the only one, or one
        the person picks now from a list (then the page shows it). None: cancelled or there
        is no household yet (then it says where to add one)."""
        acting = self.acting_household_id()
        if acting is not None:
            return acting
        if not self.household_codes:
            QMessageBox.information(
                self,
                what,
                self.tr("Add a household first, on the Households page (Ctrl+2)."),
            )
            return None
        names = [self.household.itemText(i) for i in range(1, self.household.count())]
        name, chosen = QInputDialog.getItem(
            self, what, self.tr("Which household is it for?"), names, 0, False
        )
        if not chosen:
            return None
        self.household.setCurrentIndex(names.index(name) + 1)
        return self.household.currentData()

    # --- filters --------------------------------------------------------------------------
    def current_filter(self) -> TaskFilter:
        status = self.status.currentData()
        statuses = (
            frozenset({TaskStatus.OPEN, TaskStatus.IN_PROGRESS})
            if status == ALL_OPEN
            else frozenset({status})
            if status is not None
            else frozenset()
        )
        area, phase = self.area.currentData(), self.phase.currentData()
        return TaskFilter(
            household_id=self.household_id(),
            assignee_id=self.volunteer.currentData(),
            overdue=self.overdue.isChecked(),
            due_this_week=self.this_week.isChecked(),
            area=OutcomeArea(area) if area else None,  # combo data comes back as a string
            phase=Phase(phase) if phase else None,
            statuses=frozenset(TaskStatus(s) for s in statuses),
            text=self.search.text().strip(),
        )

    def apply_filters(self) -> None:
        selected = self.selected_task()
        today = clock.today()
        self.model.set_tasks(self._tasks, today)
        self.model.set_view(self.group_by.currentIndex() == 0, self.current_filter())
        self.tree.expandAll()
        if not self._columns_sized and self._tasks:
            # Sized once per refresh: measuring every row again on each filter change costs
            # more than the filtering itself.
            for column in range(1, 7):
                self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), 320))
            self._columns_sized = True
        household_tasks = [
            t
            for t in self._tasks
            if self.household_id() is None or t.household_id == self.household_id()
        ]
        by_phase = progress_by(household_tasks, lambda t: t.phase, today)
        by_area = progress_by(household_tasks, area_of, today)  # the group's own tasks apart
        self.progress.set_progress({**by_phase, **by_area})
        self._show_counts(len(household_tasks), len(self.model.shown_tasks()))
        if selected is not None:
            self.select_task(selected.id)
        self._update_buttons()

    def _show_counts(self, total: int, shown: int) -> None:
        self.summary.setText(
            self.tr("{} of %n task(s) shown", "", total).format(shown)
            if self._tasks
            else self.tr("No tasks yet.")  # the list's own sentence says what to do
        )
        # An empty list says why: nothing yet, or filters that hide everything.
        if not self._tasks:
            self.tree_empty.setText(
                self.tr(
                    "No tasks yet. Add a household with its arrival date on the Households page "
                    "(Ctrl+2): its settlement plan is laid out from the programme's template."
                )
            )
        elif not shown:
            self.tree_empty.setText(
                self.tr("No task matches these filters. Clear filters shows them all again.")
            )
        self.tree_stack.setCurrentWidget(self.tree if shown else self.tree_empty)

    def reset_filters(self) -> None:
        for combo in (self.volunteer, self.area, self.phase):
            combo.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        for box in (self.overdue, self.this_week):
            box.setChecked(False)
        self.search.clear()
        self._refilter_timer.stop()  # show the result now, not after the typing pause
        self.apply_filters()

    def show_filtered(self, overdue: bool = False, this_week: bool = False) -> None:
        """The dashboard's counts open the page filtered like this."""
        self.reset_filters()
        self.household.setCurrentIndex(0)
        self.tabs.setCurrentIndex(0)
        self.overdue.setChecked(overdue)
        self.this_week.setChecked(this_week)
        self.tree.setFocus()
        first = self.model.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(self.model.index(0, 0, first))

    def _household_changed(self) -> None:
        self.apply_filters()
        self.lazy.stale(self.check_ins, self.goals, self.indicators)

    def _find(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _forget_file(self) -> None:
        self._tasks = []
        self.search.clear()

    # --- the current task -------------------------------------------------------------------
    def selected_task(self) -> PlanTask | None:
        return self.model.task_at(self.tree.currentIndex())

    def select_task(self, task_id: int) -> None:
        index = self.model.index_of_task(task_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def task_id_at(self, index) -> int | None:
        return self.model.data(index, TASK_ROLE)

    def _update_buttons(self) -> None:
        task = self.selected_task()
        for button in (self.done_button, self.edit_button, self.skip_button):
            button.setEnabled(task is not None)
        self.done_button.setText(
            self.tr("Mark to &do (Space)")
            if task is not None and task.status is TaskStatus.DONE
            else self.tr("Mark &done (Space)")
        )
        households = bool(self.household_codes)
        self.add_button.setEnabled(households)
        self.add_button.setToolTip(
            self.tr("A task for one household (Ctrl+Shift+N); it asks which when all are shown")
            if households
            else self.tr("Add a household first, on the Households page (Ctrl+2)")
        )
        self.reapply_button.setEnabled(self.acting_household_id() is not None)

    # --- writing: the task controller does it -----------------------------------------------
    def toggle_done(self) -> None:
        if (task := self.selected_task()) is not None:
            self.task_actions.toggle_done(task)
            self.select_task(task.id)

    def edit_task(self) -> None:
        if (task := self.selected_task()) is not None and self.task_actions.edit(task):
            self.select_task(task.id)

    def add_task(self) -> None:
        chosen = self.household_for(self.tr("Add task"))
        if chosen is not None:
            self.task_actions.add(*chosen, then=self._show_added)

    def _show_added(self, task_id: int) -> None:
        self.reset_filters()
        self.select_task(task_id)

    def skip_task(self) -> None:
        if (task := self.selected_task()) is not None:
            self.task_actions.skip(task)

    @on_selected("acting_household_id")
    def reapply_template(self, household_id) -> None:
        name = self.household.currentText()
        added = self.task_actions.reapply_template(household_id, name)
        self.window().statusBar().showMessage(
            self.tr("The template added %n task(s).", "", added)
            if added
            else self.tr("{} already has every task in the template.").format(name),
            8000,
        )

    def export_calendar(self) -> None:
        self.task_actions.export_calendar(self.volunteer.currentData())
