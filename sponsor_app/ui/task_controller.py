"""The one task controller: what happens when a person edits, adds, skips, completes or
reopens a settlement task, wherever they started (the plan page, the dashboard's lists).

Every call to the task services is in this module, so that a change to those services touches
the window in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ..domain.enums import TaskStatus
from ..domain.errors import SponsorDeskError
from ..domain.text import isolate
from ..services.plan import plan as task_service
from ..services.plan.assignments import assignee_options
from ..services.plan.plan import PlanTask
from .context import GroupContext
from .edits import Edits
from .errors import show_known_error


class TaskController(QObject):
    def __init__(self, owner: QWidget, context: GroupContext):
        super().__init__(owner)
        self.owner = owner
        self.context = context
        self.edits = Edits(context)

    def _locale(self) -> str:
        return self.context.info.locale if self.context.info else "en_NZ"

    def _form(self, title: str, task: PlanTask | None):
        from .dialogs.plan_dialogs import TaskFormDialog

        options = assignee_options(self.context.store, task.id if task else None)
        return TaskFormDialog(title, options, self._locale(), task, self.owner)

    def task(self, task_id: int) -> PlanTask | None:
        """The task as the plan shows it; a task gone since is said, and None returned."""
        try:
            return task_service.plan_task(self.context.store, task_id)
        except SponsorDeskError as error:
            show_known_error(self.owner, error)
            return None

    def tasks(self) -> list[PlanTask]:
        return task_service.plan_tasks(self.context.store)

    def edit(self, task: PlanTask | int) -> bool:
        """The task form for one task (a task or its id); True once saved."""
        if isinstance(task, int):
            task = self.task(task)
            if task is None:
                return False
        return self.edits.with_dialog(
            self._form(self.tr("Task for {}").format(task.household_code), task),
            self.tr("Edit “{}”").format(isolate(task.title)),
            lambda store, data: task_service.edit_task(store, task.id, data),
        )

    def add(self, household_id: int, code: str, then: Callable[[int], None]) -> None:
        """A task of the household's own (not from the template); `then(new task id)`."""
        self.edits.with_dialog(
            self._form(self.tr("A task for {} only").format(code), None),
            lambda data: self.tr("Add task “{}”").format(isolate(data.title.strip())),
            lambda store, data: task_service.add_custom_task(store, household_id, data),
            then=lambda task: then(task.id),
        )

    def skip(self, task: PlanTask) -> None:
        from .dialogs.plan_dialogs import SkipDialog

        self.edits.with_dialog(
            SkipDialog(task, self.owner),
            self.tr("Skip “{}”").format(isolate(task.title)),
            lambda store, reason: task_service.skip_task(store, task.id, reason),
            removal=self.tr("“{}” skipped.").format(isolate(task.title)),
        )

    def toggle_done(self, task: PlanTask) -> None:
        words = (
            self.tr("Reopen “{}”") if task.status is TaskStatus.DONE else self.tr("Complete “{}”")
        )
        self.edits.now(
            words.format(isolate(task.title)),
            lambda store: task_service.toggle_done(store, task.id),
        )

    def reapply_template(self, household_id: int, name: str) -> int:
        """Give the household the template's tasks it lacks; how many were added."""
        return self.edits.now(
            self.tr("Re-apply the template to {}").format(name),
            lambda store: task_service.reapply_template(store, household_id),
        )

    def export_calendar(self, preselected_id: int | None = None) -> None:
        """An active volunteer's open tasks as an .ics file their phone's calendar can open;
        whose is asked first (`preselected_id` offered first)."""
        from ..services.plan.calendar import write_calendar
        from ..services.roster.volunteers import list_volunteers
        from .files import chosen_in, start_in

        volunteers = [v for v in list_volunteers(self.context.store) if v.active]
        if not volunteers:
            return
        names = [v.full_name for v in volunteers]
        start = next((n for n, v in enumerate(volunteers) if v.id == preselected_id), 0)
        name, chosen = QInputDialog.getItem(
            self.owner,
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
            self.owner,
            self.tr("Save the calendar"),
            suggestion,
            self.tr("Calendar files (*.ics)"),
        )
        if not target:
            return
        chosen_in("calendar", target)
        try:
            # the save dialog has already asked about replacing an existing file
            written = write_calendar(self.context.store, volunteer.id, target, force=True)
        except SponsorDeskError as error:
            show_known_error(self.owner, error)
            return
        self.owner.window().statusBar().showMessage(
            self.tr("Saved %n open task(s) to {}", "", written.events).format(written.path),
            8000,
        )
