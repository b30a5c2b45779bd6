"""The plan page's Goals tab: the family's goals in their words, reviewed at later check-ins."""

from __future__ import annotations

from ....services.plan import goals as goal_service
from ...dialogs.contact_dialogs import GoalDialog, GoalReviewDialog
from ...formatting import short_date
from ...models.rows_model import Column
from ...selection import on_selected
from .tab_view import TableTab


class GoalsTab(TableTab):
    def __init__(self, page):
        super().__init__(page, self.tr("Goals"), self._columns(page))
        self.button(self.tr("&Add goal…"), self.add)
        self.button(self.tr("Re&view…"), self.review)
        self.button(self.tr("Edit…"), self.edit)
        self.button(self.tr("Delete"), self.delete)
        self.table.doubleClicked.connect(lambda _: self.review())

    def _columns(self, page) -> list[Column]:
        loc = page.locale
        return [
            Column(self.tr("Household"), lambda g: g.household_code),
            Column(self.tr("Area"), lambda g: g.outcome_area.label),
            Column(self.tr("Goal"), lambda g: g.text),
            Column(
                self.tr("Set"), lambda g: short_date(g.set_on, loc()), sort_key=lambda g: g.set_on
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
        ]

    def refresh(self) -> None:
        chosen = self.page.chosen_household()
        rows = goal_service.list_goals(self.page.context.store, chosen[0] if chosen else None)
        self.show_rows(
            rows,
            self.tr(
                "No goals yet. Write down the goals the family sets at the first meeting, in "
                "their words; review them at later check-ins."
            ),
        )

    def add(self) -> None:
        chosen = self.page.household_for(self.tr("Add a goal"))
        if chosen is None:
            return
        self.page.edits.with_dialog(
            GoalDialog(*chosen, parent=self),
            self.tr("Add a goal for {}").format(chosen[1]),
            goal_service.add_goal,
        )

    @on_selected("selected")
    def edit(self, goal) -> None:
        self.page.edits.with_dialog(
            GoalDialog(goal.household_id, goal.household_code, goal, self),
            self.tr("Edit a goal of {}").format(goal.household_code),
            lambda store, data: goal_service.edit_goal(store, goal.id, data),
        )

    @on_selected("selected")
    def review(self, goal) -> None:
        self.page.edits.with_dialog(
            GoalReviewDialog(goal, self),
            self.tr("Review a goal of {}").format(goal.household_code),
            lambda store, value: goal_service.review_goal(store, goal.id, *value),
        )

    @on_selected("selected")
    def delete(self, goal) -> None:
        self.page.edits.now(
            self.tr("Delete a goal of {}").format(goal.household_code),
            lambda store: goal_service.delete_goal(store, goal.id),
            removal=self.tr("Goal deleted."),
        )
