"""Settlement plan page: every household's tasks by phase or outcome area, with the contact
log, the family's goals, household indicators and the template beside them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.enums import OutcomeArea, Phase, TaskStatus
from ...domain.settlement import TaskFilter, area_of, progress_by
from ...domain.text import isolate
from ...services.households.households import list_households
from ...services.plan import plan as service
from ...services.plan.tasks import assignee_options
from ...services.roster.volunteers import list_volunteers
from ..dialogs.plan_dialogs import SkipDialog, TaskFormDialog
from ..files import chosen_in, start_in
from ..models.plan_model import TASK_ROLE, PlanModel
from ..widgets.progress_strip import ProgressStrip
from .base import Page, empty_state
from .plan_tabs import CheckInsTab, GoalsTab, IndicatorsTab, TemplateTab

ALL_OPEN = "open"


class PlanPage(Page):
    title = "Settlement plan"
    watches = frozenset(
        {
            "task",
            "household",
            "volunteer",
            "vetting_check",
            "check_in",
            "check_in_volunteer",
            "goal",
            "goal_review",
            "indicator_reading",
            "task_template",
        }
    )

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._tasks: list[service.PlanTask] = []
        self._columns_sized = False
        self._stale_tabs: set = set()
        self.household_codes: dict[int, str] = {}
        self.model = PlanModel(self.locale, self)

        # what to show -----------------------------------------------------------------
        self.household = QComboBox()
        self.household.setAccessibleName(self.tr("Household"))
        self.group_by = QComboBox()
        self.group_by.setAccessibleName(self.tr("Group by"))
        self.group_by.addItems([self.tr("By phase"), self.tr("By outcome area")])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setClearButtonEnabled(True)
        self.volunteer = QComboBox()
        self.volunteer.setAccessibleName(self.tr("Volunteer"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("To do or in progress"), ALL_OPEN)
        self.status.addItem(self.tr("Any status"), None)
        for status in TaskStatus:
            self.status.addItem(status.label, status)
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Outcome area"))
        self.area.addItem(self.tr("Every area"), None)
        for area in OutcomeArea:
            self.area.addItem(area.label, area)
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        self.phase.addItem(self.tr("Every phase"), None)
        for phase in Phase:
            self.phase.addItem(phase.label, phase)
        self.overdue = QCheckBox(self.tr("&Overdue"))
        self.this_week = QCheckBox(self.tr("Due this &week"))
        self.clear_filters = QPushButton(self.tr("C&lear filters"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Household:")))
        top.addWidget(self.household)
        top.addWidget(self.group_by)
        top.addWidget(self.search, 1)
        filters = QHBoxLayout()
        for widget in (self.volunteer, self.status, self.area, self.phase):
            filters.addWidget(widget, 1)
        for widget in (self.overdue, self.this_week, self.clear_filters):
            filters.addWidget(widget)

        # the tasks ----------------------------------------------------------------------
        self.progress = ProgressStrip(
            [(self.tr("Phases"), list(Phase)), (self.tr("Areas"), list(OutcomeArea))]
        )
        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Settlement tasks"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Tasks shown"))
        self.done_button = QPushButton(self.tr("Mark &done (Space)"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.add_button = QPushButton(self.tr("&Add task…"))
        self.skip_button = QPushButton(self.tr("S&kip…"))
        self.reapply_button = QPushButton(self.tr("Re-apply &template"))
        self.calendar_button = QPushButton(self.tr("Volunteer's &calendar…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (
            self.done_button,
            self.edit_button,
            self.add_button,
            self.skip_button,
            self.reapply_button,
            self.calendar_button,
        ):
            buttons.addWidget(button)
        tasks_tab = QWidget()
        tasks_layout = QVBoxLayout(tasks_tab)
        tasks_layout.addLayout(filters)
        tasks_layout.addWidget(self.progress)
        self.tree_empty = empty_state("")
        self.tree_stack = QStackedWidget()
        self.tree_stack.addWidget(self.tree)
        self.tree_stack.addWidget(self.tree_empty)
        tasks_layout.addWidget(self.tree_stack, 1)
        tasks_layout.addLayout(buttons)

        self.check_ins = CheckInsTab(self)
        self.goals = GoalsTab(self)
        self.indicators = IndicatorsTab(self)
        self.template = TemplateTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(tasks_tab, self.tr("&Tasks"))
        self.tabs.addTab(self.check_ins, self.tr("C&heck-ins"))
        self.tabs.addTab(self.goals, self.tr("&Goals"))
        self.tabs.addTab(self.indicators, self.tr("&Indicators"))
        self.tabs.addTab(self.template, self.tr("Te&mplate"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible_tab())

        # keys: Space only where the tasks are, so typing a space in a search box stays one
        self._space = QAction(self.tr("Mark done"), self.tree)
        self._space.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self._space.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._space.triggered.connect(self.toggle_done)
        self.tree.addAction(self._space)
        enter = QAction(self.tr("Edit task"), self.tree)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.edit_task)
        self.tree.addAction(enter)
        self.add_shortcuts(
            (
                (self.tr("Find"), QKeySequence.StandardKey.Find, self._find),
                (self.tr("Edit task"), QKeySequence("F2"), self.edit_task),
                (self.tr("Add task"), QKeySequence("Ctrl+Shift+N"), self.add_task),
                (self.tr("Skip task"), QKeySequence("Ctrl+Shift+K"), self.skip_task),
                (
                    self.tr("Record check-in"),
                    QKeySequence("Ctrl+Shift+C"),
                    lambda: self.check_ins.record(),
                ),
            )
        )
        self.done_button.setToolTip(self.tr("Space"))
        self.edit_button.setToolTip("F2 / Enter")
        self.add_button.setToolTip("Ctrl+Shift+N")
        self.skip_button.setToolTip("Ctrl+Shift+K")

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
        self.edit_button.clicked.connect(self.edit_task)
        self.add_button.clicked.connect(self.add_task)
        self.skip_button.clicked.connect(self.skip_task)
        self.reapply_button.clicked.connect(self.reapply_template)
        self.calendar_button.clicked.connect(self.export_calendar)
        context.closed.connect(self._forget_file)

    def locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    # --- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        with store.read():
            households = list_households(store)
            volunteers = [v for v in list_volunteers(store) if v.active]
            self._tasks = service.plan_tasks(store)
        self.household_codes = {h.id: h.code for h in households}
        self._fill_combo(
            self.household,
            self.tr("All households"),
            [(h.id, f"{h.code} {isolate(h.family_name)}".strip()) for h in households],
        )
        self._fill_combo(
            self.volunteer, self.tr("Anyone's tasks"), [(v.id, v.full_name) for v in volunteers]
        )
        self._columns_sized = False
        self.apply_filters()
        self._stale_tabs = {self.check_ins, self.goals, self.indicators, self.template}
        self._refresh_visible_tab()

    def _refresh_visible_tab(self) -> None:
        """The other tabs read the file when they are shown, not on every refresh."""
        tab = self.tabs.currentWidget()
        if tab in self._stale_tabs and self.context.is_open:
            self._stale_tabs.discard(tab)
            tab.refresh()

    @staticmethod
    def _fill_combo(combo: QComboBox, everyone: str, items: list[tuple[int, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def household_id(self) -> int | None:
        """The household chosen at the top (None: all of them), for what is shown."""
        return self.household.currentData()

    def acting_household_id(self) -> int | None:
        """The household an action is for: the one chosen, or the group's only one."""
        chosen = self.household_id()
        if chosen is None and len(self.household_codes) == 1:
            return next(iter(self.household_codes))
        return chosen

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
        today = clock.today()
        selected = self.selected_task()
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
        by_phase = progress_by(household_tasks, lambda t: t.phase)
        by_area = progress_by(household_tasks, area_of)  # the group's own tasks apart
        self.progress.set_progress({**by_phase, **by_area})
        shown = len(self.model.shown_tasks())
        self.summary.setText(
            self.tr("{} of %n task(s) shown", "", len(household_tasks)).format(shown)
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
        if selected is not None:
            self.select_task(selected.id)
        self._update_buttons()

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
        self._stale_tabs |= {self.check_ins, self.goals, self.indicators}
        self._refresh_visible_tab()

    def _find(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _forget_file(self) -> None:
        self._tasks = []
        self.search.clear()

    # --- the current task -------------------------------------------------------------------
    def selected_task(self) -> service.PlanTask | None:
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

    # --- writing ---------------------------------------------------------------------------
    def toggle_done(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        store = self.context.store
        text = (
            self.tr("Reopen “{}”") if task.status is TaskStatus.DONE else self.tr("Complete “{}”")
        ).format(isolate(task.title))
        self.context.execute(text, lambda: service.toggle_done(store, task.id))
        self.select_task(task.id)

    def _task_dialog(self, title: str, task: service.PlanTask | None) -> TaskFormDialog:
        store = self.context.store
        options = assignee_options(store, task.id if task else None)
        return TaskFormDialog(title, options, self.locale(), task, self)

    def edit_task(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        store = self.context.store
        dialog = self._task_dialog(self.tr("Task for {}").format(task.household_code), task)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit “{}”").format(isolate(task.title)),
            lambda: service.edit_task(store, task.id, data),
        )
        if dialog.exec():
            self.select_task(task.id)

    def add_task(self) -> None:
        household_id = self.choose_household(self.tr("Add task"))
        if household_id is None:
            return
        store = self.context.store
        dialog = self._task_dialog(
            self.tr("A task for {} only").format(self.household_codes.get(household_id, "")),
            None,
        )
        added: list[int] = []

        def save(data):
            task = self.context.execute(
                self.tr("Add task “{}”").format(isolate(data.title.strip())),
                lambda: service.add_custom_task(store, household_id, data),
            )
            added.append(task.id)

        dialog.save_callback = save
        if dialog.exec() and added:
            self.reset_filters()
            self.select_task(added[0])

    def skip_task(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        store = self.context.store
        dialog = SkipDialog(task, self)
        dialog.save_callback = lambda reason: self.context.execute(
            self.tr("Skip “{}”").format(isolate(task.title)),
            lambda: service.skip_task(store, task.id, reason),
            removal=self.tr("“{}” skipped.").format(isolate(task.title)),
        )
        dialog.exec()

    def reapply_template(self) -> None:
        household_id = self.acting_household_id()
        if household_id is None:
            return
        store = self.context.store
        added = self.context.execute(
            self.tr("Re-apply the template to {}").format(self.household.currentText()),
            lambda: service.reapply_template(store, household_id),
        )
        self.window().statusBar().showMessage(
            self.tr("The template added %n task(s).", "", added)
            if added
            else self.tr("{} already has every task in the template.").format(
                self.household.currentText()
            ),
            8000,
        )

    def export_calendar(self) -> None:
        from ...services.plan.calendar import write_calendar

        store = self.context.store
        volunteers = [v for v in list_volunteers(store) if v.active]
        if not volunteers:
            return
        names = [v.full_name for v in volunteers]
        current = self.volunteer.currentData()
        start = next((n for n, v in enumerate(volunteers) if v.id == current), 0)
        name, chosen = QInputDialog.getItem(
            self,
            self.tr("Volunteer's calendar"),
            self.tr("Whose open tasks? (an .ics file their phone's calendar can open)"),
            names,
            start,
            False,
        )
        if not chosen:
            return
        volunteer = volunteers[names.index(name)]
        suggestion = start_in("calendar", f"Tasks of {volunteer.full_name}.ics")
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the calendar"), suggestion, self.tr("Calendar files (*.ics)")
        )
        if not target:
            return
        chosen_in("calendar", target)
        from ...domain.errors import SponsorDeskError
        from ..errors import show_known_error

        try:
            # the save dialog has already asked about replacing an existing file
            written = write_calendar(store, volunteer.id, target, force=True)
        except SponsorDeskError as error:
            show_known_error(self, error)
            return
        self.window().statusBar().showMessage(
            self.tr("Saved %n open task(s) to {}", "", written.events).format(written.path), 8000
        )

    def task_id_at(self, index) -> int | None:
        return self.model.data(index, TASK_ROLE)
