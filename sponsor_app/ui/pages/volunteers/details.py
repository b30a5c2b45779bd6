"""The selected volunteer's checks, training and hours: what each tab shows, and adding,
editing and deleting a record there, each as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QObject

from .... import clock
from ....domain.hours import format_minutes
from ....domain.text import isolate
from ....services.households.households import list_households
from ....services.roster import hours as hours_service
from ....services.roster import vetting as vetting_service
from ...dialogs.volunteer_dialogs import CheckDialog, HoursDialog, TrainingDialog
from ...formatting import month_label, short_date
from ...models.rows_model import Column, RowsModel
from ...selection import on_selected
from ...vetting_words import state_text
from ...widgets.status import status_colour
from ...widgets.tables import fit_columns
from .view import DetailTable


class VolunteerDetails(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.edits = page.edits
        self.checks = self._wire(page.checks, self._check_columns(), self.add_check)
        self.checks.edit_button.clicked.connect(self.edit_check)
        self.checks.delete_button.clicked.connect(self.delete_check)
        self.training = self._wire(page.training, self._training_columns(), self.add_training)
        self.training.edit_button.clicked.connect(self.edit_training)
        self.training.delete_button.clicked.connect(self.delete_training)
        self.hours = self._wire(page.hours, self._hours_columns(), self.log_hours)
        self.hours.delete_button.clicked.connect(self.delete_hours)
        self.checks.view.doubleClicked.connect(lambda _: self.edit_check())
        self.training.view.doubleClicked.connect(lambda _: self.edit_training())

    def _wire(self, table: DetailTable, columns: list[Column], add) -> DetailTable:
        table.model = RowsModel(columns, self)
        table.view.setModel(table.model)
        table.add_button.clicked.connect(add)
        return table

    def _check_columns(self) -> list[Column]:
        loc = self.page.locale
        return [
            Column(self.tr("Check"), lambda c: c.kind_label),
            Column(
                self.tr("Status"),
                lambda c: state_text(c.status),
                foreground=lambda c: status_colour(c.status),
            ),
            Column(
                self.tr("Checked"),
                lambda c: short_date(c.checked_on, loc()),
                sort_key=lambda c: c.checked_on,
            ),
            Column(
                self.tr("Expires"),
                lambda c: short_date(c.expires_on, loc()),
                sort_key=lambda c: c.expires_on,
            ),
            Column(self.tr("Reference"), lambda c: c.reference),
        ]

    def _training_columns(self) -> list[Column]:
        loc = self.page.locale
        return [
            Column(self.tr("Course"), lambda t: t.course_label),
            Column(self.tr("Completed"), lambda t: short_date(t.completed_on, loc())),
            Column(
                self.tr("Expires"),
                lambda t: short_date(t.expires_on, loc()) or self.tr("does not expire"),
            ),
            Column(
                self.tr("Status"),
                lambda t: state_text(t.status),
                foreground=lambda t: status_colour(t.status),
            ),
            Column(self.tr("Certificate"), lambda t: t.certificate),
        ]

    def _hours_columns(self) -> list[Column]:
        loc = self.page.locale
        return [
            Column(
                self.tr("Date"),
                lambda h: short_date(h.worked_on, loc()),
                sort_key=lambda h: h.worked_on,
            ),
            Column(self.tr("Hours"), lambda h: format_minutes(h.minutes), numeric=True),
            Column(self.tr("Activity"), lambda h: h.activity),
            Column(self.tr("Household"), lambda h: h.household_code),
        ]

    # --- reading ------------------------------------------------------------------------
    def show(self, volunteer) -> None:
        """The volunteer's records, or nothing when no one is selected."""
        for table in (self.checks, self.training, self.hours):
            table.model.set_rows([])
        if volunteer is None:
            self.page.hours_summary.clear()
            return
        store = self.page.context.store
        self.checks.model.set_rows(vetting_service.list_checks(store, volunteer.id))
        self.training.model.set_rows(vetting_service.list_training(store, volunteer.id))
        self.hours.model.set_rows(hours_service.list_hours(store, volunteer.id))
        for table in (self.checks, self.training, self.hours):
            fit_columns(table.view)
        self.page.hours_summary.setText(self._hours_summary(volunteer.id))

    def _hours_summary(self, volunteer_id: int) -> str:
        loc = self.page.locale()
        period = hours_service.summary_period(clock.today())
        totals = hours_service.hours_totals(self.page.context.store, period, volunteer_id)
        if not totals.total_minutes:
            return self.tr("No hours logged in the last 12 months.")
        months = ", ".join(
            f"{month_label(m, loc)}: {format_minutes(n)}" for m, n in totals.by_month if n
        )
        activities = ", ".join(f"{a}: {format_minutes(n)}" for a, n in totals.by_activity)
        return self.tr(
            "<b>Last 12 months:</b> {} in all. <b>By month:</b> {}. <b>By activity:</b> {}."
        ).format(format_minutes(totals.total_minutes), months or "-", activities or "-")

    # --- writing ------------------------------------------------------------------------
    @on_selected("page.selected")
    def add_check(self, volunteer) -> None:
        kinds = vetting_service.check_kinds(self.page.context.store)
        self.edits.with_dialog(
            CheckDialog(kinds, parent=self.page),
            self.tr("Add check for {}").format(isolate(volunteer.full_name)),
            lambda store, data: vetting_service.add_check(store, volunteer.id, data).id,
        )

    @on_selected("checks.selected")
    def edit_check(self, check) -> None:
        kinds = vetting_service.check_kinds(self.page.context.store)
        self.edits.with_dialog(
            CheckDialog(kinds, check, parent=self.page),
            self.tr("Edit {}").format(check.kind_label),
            lambda store, data: vetting_service.edit_check(store, check.id, data),
        )

    @on_selected("checks.selected")
    def delete_check(self, check) -> None:
        self.edits.now(
            self.tr("Delete {}").format(check.kind_label),
            lambda store: vetting_service.delete_check(store, check.id),
            removal=self.tr("{} deleted.").format(check.kind_label),
        )

    @on_selected("page.selected")
    def add_training(self, volunteer) -> None:
        courses = vetting_service.training_courses(self.page.context.store)
        self.edits.with_dialog(
            TrainingDialog(courses, parent=self.page),
            self.tr("Add training for {}").format(isolate(volunteer.full_name)),
            lambda store, data: vetting_service.add_training(store, volunteer.id, data).id,
        )

    @on_selected("training.selected")
    def edit_training(self, record) -> None:
        courses = vetting_service.training_courses(self.page.context.store)
        self.edits.with_dialog(
            TrainingDialog(courses, record, parent=self.page),
            self.tr("Edit training"),
            lambda store, data: vetting_service.edit_training(store, record.id, data),
        )

    @on_selected("training.selected")
    def delete_training(self, record) -> None:
        self.edits.now(
            self.tr("Delete training"),
            lambda store: vetting_service.delete_training(store, record.id),
            removal=self.tr("Training record deleted."),
        )

    @on_selected("page.selected")
    def log_hours(self, volunteer) -> None:
        households = [(h.id, h.code) for h in list_households(self.page.context.store)]
        self.edits.with_dialog(
            HoursDialog(volunteer.id, households, parent=self.page),
            self.tr("Log hours for {}").format(isolate(volunteer.full_name)),
            lambda store, data: hours_service.log_hours(store, data).id,
        )

    @on_selected("hours.selected")
    def delete_hours(self, entry) -> None:
        self.edits.now(
            self.tr("Delete hours"),
            lambda store: hours_service.delete_hours(store, entry.id),
            removal=self.tr("Hours deleted."),
        )
