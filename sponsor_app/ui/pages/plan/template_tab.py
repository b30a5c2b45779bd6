"""The plan page's Template tab: the programme's tasks and the group's own, dated from each
household's arrival; adding to it, and removing the group's own additions."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from ....domain.text import isolate
from ....services.plan import plan as plan_service
from ...dialogs.plan_dialogs import TemplateTaskDialog
from ...models.rows_model import Column
from ...selection import on_selected
from ...words import said
from .tab_view import TableTab


class TemplateTab(TableTab):
    def __init__(self, page):
        super().__init__(page, self.tr("Template"), self._columns())
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

    def _columns(self) -> list[Column]:
        return [
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
        ]

    def refresh(self) -> None:
        self.show_rows(plan_service.template(self.page.context.store))

    def add(self) -> None:
        self.page.edits.with_dialog(
            TemplateTaskDialog(self),
            lambda data: self.tr("Add “{}” to the template").format(isolate(data.title.strip())),
            plan_service.add_template_task,
        )

    @on_selected("selected")
    def remove(self, template) -> None:
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
        self.page.edits.now(
            self.tr("Remove “{}” from the template").format(isolate(template.title)),
            lambda store: plan_service.retire_template_task(store, template.group_template_id),
            removal=self.tr("“{}” removed from the template.").format(isolate(template.title)),
        )
