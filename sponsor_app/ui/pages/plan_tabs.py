"""The Settlement plan page's other tabs: contact log, goals, indicators and the template."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import GoalStatus
from ...domain.indicators import IndicatorKind, Trend
from ...domain.text import isolate
from ...services.plan import checkins as checkin_service
from ...services.plan import goals as goal_service
from ...services.plan import indicators as indicator_service
from ...services.plan import plan as plan_service
from ...services.roster.volunteers import list_volunteers
from ..dialogs.contact_dialogs import (
    NEEDS_MET,
    CheckInDialog,
    GoalDialog,
    GoalReviewDialog,
    ReadingDialog,
)
from ..dialogs.plan_dialogs import TemplateTaskDialog
from ..formatting import short_date
from ..models.rows_model import Column, RowsModel, RowsProxy
from ..vetting_words import reason_text
from ..widgets.tables import fit_columns, make_table
from ..words import said
from .base import empty_state

TREND_MARK = {
    Trend.UP: "▲ up",
    Trend.DOWN: "▼ down",
    Trend.SAME: "= same",
    Trend.CHANGED: "↔ changed",
    Trend.FIRST: "• first reading",
}


class _Tab(QWidget):
    """A table (or an empty-state sentence) with buttons under it."""

    def __init__(self, page, name: str, columns: list[Column], empty: str):
        super().__init__()
        self.page = page
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self.model, self)
        self.table = make_table(name)
        self.table.setModel(self.proxy)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.empty = empty_state(empty)
        self.stack.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.buttons)

    def button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if tip:
            button.setToolTip(tip)
        self.buttons.addWidget(button)
        return button

    @property
    def context(self):
        return self.page.context

    def locale(self) -> str:
        return self.page.locale()

    def show_rows(self, rows, empty_text: str | None = None) -> None:
        self.model.set_rows(rows)
        if empty_text is not None:
            self.empty.setText(empty_text)
        self.stack.setCurrentIndex(0 if rows else 1)
        fit_columns(self.table, 320)

    def selected(self):
        index = self.table.currentIndex()
        return self.proxy.source_row(index) if index.isValid() else None

    def household(self) -> tuple[int, str] | None:
        """The household chosen at the top of the page, or the group's only one, with its
        code; None when all of several are shown."""
        household_id = self.page.acting_household_id()
        if household_id is None:
            return None
        return household_id, self.page.household_codes.get(household_id, "")

    def household_for(self, what: str) -> tuple[int, str] | None:
        """The household an action is for, asked when all of several are shown."""
        household_id = self.page.choose_household(what)
        if household_id is None:
            return None
        return household_id, self.page.household_codes.get(household_id, "")


class CheckInsTab(_Tab):
    def __init__(self, page):
        loc = lambda: page.locale()  # noqa: E731
        super().__init__(
            page,
            self.tr("Check-ins"),
            [
                Column(
                    self.tr("Date"),
                    lambda c: short_date(c.held_on, loc()),
                    sort_key=lambda c: c.held_on,
                ),
                Column(self.tr("Household"), lambda c: c.household_code),
                Column(self.tr("Kind"), lambda c: c.kind.label),
                Column(self.tr("Who went"), lambda c: ", ".join(c.volunteers)),
                Column(
                    self.tr("Needs met"),
                    lambda c: NEEDS_MET.get(c.needs_met, self.tr("not asked")),
                    sort_key=lambda c: c.needs_met or 0,
                ),
                Column(self.tr("Concern"), lambda c: c.concern),
                Column(
                    self.tr("Resolved"),
                    lambda c: (
                        short_date(c.concern_resolved_on, loc())
                        if c.concern_resolved_on
                        else ("⚠ " + self.tr("open") if c.concern_open else "")
                    ),
                ),
                Column(self.tr("Shared"), lambda c: self.tr("yes") if c.shareable else ""),
                Column(self.tr("Summary"), lambda c: c.summary),
            ],
            "",
        )
        self.button(self.tr("&Record check-in…"), self.record, "Ctrl+Shift+C")
        self.edit_button = self.button(self.tr("Edit…"), self.edit)
        self.delete_button = self.button(self.tr("Delete"), self.delete)
        self.table.doubleClicked.connect(lambda _: self.edit())

    def refresh(self) -> None:
        chosen = self.household()
        rows = checkin_service.list_check_ins(self.context.store, chosen[0] if chosen else None)
        self.show_rows(
            rows,
            self.tr(
                "No check-ins yet. Record each visit, call or meeting with “Record check-in…”: "
                "the evaluation counts them, and the family's needs-met rating shows how they "
                "feel it is going."
            ),
        )

    def _dialog(self, household_id: int, code: str, current=None) -> CheckInDialog:
        store = self.context.store
        with store.read():
            volunteers = [v for v in list_volunteers(store) if v.active]
            meetings = checkin_service.meetings_due(store, household_id)
            goals = [
                g
                for g in goal_service.list_goals(store, household_id)
                if g.status is not GoalStatus.ACHIEVED
            ]
        return CheckInDialog(
            household_id, code, volunteers, meetings, goals, current, self, self.locale()
        )

    def _confirmed(self, dialog, data):
        """The data to save, after asking about anyone at a visit or meeting whose vetting
        was not current on the day; None when the person chose not to record it."""
        unvetted = checkin_service.check_in_vetting(self.context.store, data)
        if not unvetted:
            return data
        names = "\n".join(
            reason_text(name, vetting, self.locale()) for _id, name, vetting in unvetted
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Vetting not current"),
            self.tr(
                "A {} meets the family, and only volunteers with current vetting should. On {} "
                "it was not current for:"
            ).format(data.kind.label.lower(), short_date(data.held_on, self.locale()))
            + "\n\n"
            + names
            + "\n\n"
            + self.tr(
                "Record the check-in as it happened? The dashboard will list it under "
                "family-facing work without current vetting."
            ),
            QMessageBox.StandardButton.Cancel,
            dialog,
        )
        record = box.addButton(self.tr("&Record anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not record:
            return None
        return replace(data, vetting_confirmed=True)

    def _saver(self, dialog, describe: str, save):
        def callback(data):
            confirmed = self._confirmed(dialog, data)
            if confirmed is None:
                return False  # keep the form open, as it was
            return self.context.execute(describe, lambda: save(confirmed))

        return callback

    def record(self) -> None:
        chosen = self.household_for(self.tr("Record a check-in"))
        if chosen is None:
            return
        store = self.context.store
        dialog = self._dialog(*chosen)
        dialog.save_callback = self._saver(
            dialog,
            self.tr("Record a check-in with {}").format(chosen[1]),
            lambda data: checkin_service.record_check_in(store, data),
        )
        dialog.exec()

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        store = self.context.store
        dialog = self._dialog(row.household_id, row.household_code, row)
        dialog.save_callback = self._saver(
            dialog,
            self.tr("Edit the check-in of {}").format(short_date(row.held_on, self.locale())),
            lambda data: checkin_service.edit_check_in(store, row.id, data),
        )
        dialog.exec()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete the check-in of {}").format(short_date(row.held_on, self.locale())),
            lambda: checkin_service.delete_check_in(store, row.id),
            removal=self.tr("Check-in deleted."),
        )


class GoalsTab(_Tab):
    def __init__(self, page):
        loc = lambda: page.locale()  # noqa: E731
        super().__init__(
            page,
            self.tr("Goals"),
            [
                Column(self.tr("Household"), lambda g: g.household_code),
                Column(self.tr("Area"), lambda g: g.outcome_area.label),
                Column(self.tr("Goal"), lambda g: g.text),
                Column(
                    self.tr("Set"),
                    lambda g: short_date(g.set_on, loc()),
                    sort_key=lambda g: g.set_on,
                ),
                Column(
                    self.tr("Target"),
                    lambda g: short_date(g.target_on, loc()),
                    sort_key=lambda g: g.target_on,
                ),
                Column(self.tr("Status"), lambda g: g.status.label),
                Column(
                    self.tr("Last reviewed"),
                    lambda g: short_date(g.last_reviewed_on, loc()) or self.tr("not yet"),
                    sort_key=lambda g: g.last_reviewed_on,
                ),
            ],
            "",
        )
        self.button(self.tr("&Add goal…"), self.add)
        self.button(self.tr("Re&view…"), self.review)
        self.button(self.tr("Edit…"), self.edit)
        self.button(self.tr("Delete"), self.delete)
        self.table.doubleClicked.connect(lambda _: self.review())

    def refresh(self) -> None:
        chosen = self.household()
        rows = goal_service.list_goals(self.context.store, chosen[0] if chosen else None)
        self.show_rows(
            rows,
            self.tr(
                "No goals yet. Write down the goals the family sets at the first meeting, in "
                "their words; review them at later check-ins."
            ),
        )

    def add(self) -> None:
        chosen = self.household_for(self.tr("Add a goal"))
        if chosen is None:
            return
        store = self.context.store
        dialog = GoalDialog(*chosen, parent=self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add a goal for {}").format(chosen[1]),
            lambda: goal_service.add_goal(store, data),
        )
        dialog.exec()

    def edit(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        store = self.context.store
        dialog = GoalDialog(goal.household_id, goal.household_code, goal, self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Edit a goal of {}").format(goal.household_code),
            lambda: goal_service.edit_goal(store, goal.id, data),
        )
        dialog.exec()

    def review(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        store = self.context.store
        dialog = GoalReviewDialog(goal, self)
        dialog.save_callback = lambda value: self.context.execute(
            self.tr("Review a goal of {}").format(goal.household_code),
            lambda: goal_service.review_goal(store, goal.id, *value),
        )
        dialog.exec()

    def delete(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        store = self.context.store
        self.context.execute(
            self.tr("Delete a goal of {}").format(goal.household_code),
            lambda: goal_service.delete_goal(store, goal.id),
            removal=self.tr("Goal deleted."),
        )


class IndicatorsTab(_Tab):
    def __init__(self, page):
        loc = lambda: page.locale()  # noqa: E731

        def latest(s):
            if s.latest is None:
                return self.tr("no reading yet")
            if s.indicator.kind is IndicatorKind.DATE:
                return short_date(date.fromisoformat(s.latest.value), loc())
            unit = (
                f" {s.indicator.unit}"
                if s.indicator.unit and s.indicator.unit != "%"
                else s.indicator.unit
            )
            return f"{s.latest.value}{unit}"

        super().__init__(
            page,
            self.tr("Indicators"),
            [
                Column(self.tr("Topic"), lambda s: s.indicator.topic),
                Column(self.tr("Indicator"), lambda s: s.indicator.label),
                Column(self.tr("Latest"), latest),
                Column(
                    self.tr("As on"),
                    lambda s: short_date(s.latest.recorded_on, loc()) if s.latest else "",
                    sort_key=lambda s: s.latest.recorded_on if s.latest else None,
                ),
                Column(self.tr("Trend"), lambda s: self.tr(TREND_MARK[s.trend]) if s.trend else ""),
                Column(
                    self.tr("Readings"),
                    lambda s: str(s.readings),
                    numeric=True,
                    sort_key=lambda s: s.readings,
                ),
            ],
            "",
        )
        self.history = make_table(self.tr("Readings of the chosen indicator"), sortable=False)
        self.history_model = RowsModel(
            [
                Column(self.tr("As on"), lambda r: short_date(r.recorded_on, loc())),
                Column(self.tr("Value"), lambda r: r.value),
                Column(self.tr("Note"), lambda r: r.note),
            ],
            self,
        )
        self.history.setModel(self.history_model)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.layout().removeWidget(self.stack)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)
        self.layout().insertWidget(0, splitter, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.layout().insertWidget(0, self.hint)
        self.record_button = self.button(self.tr("&Record reading…"), self.record)
        self.delete_button = self.button(self.tr("Delete reading"), self.delete_reading)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.table.doubleClicked.connect(lambda _: self.record())
        self._readings = []

    def refresh(self) -> None:
        chosen = self.household()
        self.record_button.setEnabled(bool(self.page.household_codes))  # it asks which
        self.delete_button.setEnabled(chosen is not None)
        if chosen is None:
            self._readings = []
            self.show_rows(
                [], self.tr("Choose a household at the top of the page to see its indicators.")
            )
            self.history_model.set_rows([])
            self.hint.clear()
            return
        store = self.context.store
        with store.read():
            summaries = indicator_service.latest_indicators(store, chosen[0])
            self._readings = indicator_service.readings(store, chosen[0])
        self.show_rows(summaries)
        missing = sum(1 for s in summaries if s.latest is None)
        self.hint.setText(
            self.tr(
                "Readings at 3, 6, 12 and 24 months after arrival let evaluators compare groups; "
                "the plan has a task for each. Indicators with no reading yet: {} of {}."
            ).format(missing, len(summaries))
        )
        self._show_history()

    def _show_history(self) -> None:
        summary = self.selected()
        if summary is None:
            self.history_model.set_rows([])
            return
        series = [r for r in self._readings if r.indicator == summary.indicator.key]
        self.history_model.set_rows(list(reversed(series)))
        fit_columns(self.history)

    def record(self) -> None:
        chosen = self.household_for(self.tr("Record a reading"))
        if chosen is None:
            return
        store = self.context.store
        dialog = ReadingDialog(chosen[1], indicator_service.indicators(store), self)
        if (summary := self.selected()) is not None:
            dialog.select(summary.indicator.key)

        def save(value):
            key, day, typed, note = value
            self.context.execute(
                self.tr("Record {} for {}").format(dialog.chosen().label.lower(), chosen[1]),
                lambda: indicator_service.record_reading(store, chosen[0], key, day, typed, note),
            )

        dialog.save_callback = save
        dialog.exec()

    def delete_reading(self) -> None:
        index = self.history.currentIndex()
        if not index.isValid():
            QMessageBox.information(
                self,
                self.tr("Delete reading"),
                self.tr("Choose the reading in the list below first."),
            )
            return
        reading = self.history_model.row_at(index.row())
        store = self.context.store
        self.context.execute(
            self.tr("Delete a reading"),
            lambda: indicator_service.delete_reading(store, reading.id),
            removal=self.tr("Reading deleted."),
        )


class TemplateTab(_Tab):
    def __init__(self, page):
        super().__init__(
            page,
            self.tr("Template"),
            [
                Column(self.tr("Phase"), lambda t: t.phase.label, sort_key=lambda t: t.offset_days),
                Column(
                    self.tr("Day"),
                    lambda t: f"{t.offset_days:+d}",
                    numeric=True,
                    sort_key=lambda t: t.offset_days,
                ),
                Column(self.tr("Area"), lambda t: t.outcome_area.label),
                Column(self.tr("Task"), lambda t: t.title),
                Column(
                    self.tr("Meets the family"), lambda t: self.tr("yes") if t.family_facing else ""
                ),
                Column(self.tr("Kind"), lambda t: t.kind.label),
                Column(self.tr("Source"), lambda t: said(t.source)),
            ],
            "",
        )
        note = QLabel(
            self.tr(
                "The programme's tasks, dated from each household's arrival, and the group's own. "
                "Tasks added here go to households added from now on; “Re-apply template” on the "
                "Tasks tab gives an existing household the ones it lacks."
            )
        )
        note.setWordWrap(True)
        self.layout().insertWidget(0, note)
        self.button(self.tr("Add to the &template…"), self.add)
        self.remove_button = self.button(self.tr("Remove from the template"), self.remove)

    def refresh(self) -> None:
        self.show_rows(plan_service.template(self.context.store))

    def add(self) -> None:
        store = self.context.store
        dialog = TemplateTaskDialog(self)
        dialog.save_callback = lambda data: self.context.execute(
            self.tr("Add “{}” to the template").format(isolate(data.title.strip())),
            lambda: plan_service.add_template_task(store, data),
        )
        dialog.exec()

    def remove(self) -> None:
        template = self.selected()
        if template is None:
            return
        if template.group_template_id is None:
            QMessageBox.information(
                self,
                self.tr("Remove from the template"),
                self.tr(
                    "“{}” is the programme's own task. Skip it on a household's plan instead, "
                    "saying why it does not apply."
                ).format(isolate(template.title)),
            )
            return
        store = self.context.store
        self.context.execute(
            self.tr("Remove “{}” from the template").format(isolate(template.title)),
            lambda: plan_service.retire_template_task(store, template.group_template_id),
            removal=self.tr("“{}” removed from the template.").format(isolate(template.title)),
        )
