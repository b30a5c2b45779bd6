"""The plan page's Check-ins tab: the contact log, and recording, editing and deleting a visit,
call or meeting (asking first about anyone there whose vetting was not current on the day)."""

from __future__ import annotations

from dataclasses import replace

from ....services.plan import checkins as checkin_service
from ...dialogs.contact_dialogs import NEEDS_MET, CheckInDialog
from ...formatting import short_date
from ...models.rows_model import Column
from ...selection import on_selected
from ...vetting_words import reason_text
from ...widgets.confirm import confirmed
from .tab_view import TableTab


class CheckInsTab(TableTab):
    def __init__(self, page):
        super().__init__(page, self.tr("Check-ins"), self._columns(page))
        self.button(self.tr("&Record check-in…"), self.record, "Ctrl+Shift+C")
        self.edit_button = self.button(self.tr("Edit…"), self.edit)
        self.delete_button = self.button(self.tr("Delete"), self.delete)
        self.table.doubleClicked.connect(lambda _: self.edit())

    def _columns(self, page) -> list[Column]:
        loc = page.locale
        return [
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
        ]

    def refresh(self) -> None:
        chosen = self.page.chosen_household()
        rows = checkin_service.list_check_ins(
            self.page.context.store, chosen[0] if chosen else None
        )
        self.show_rows(
            rows,
            self.tr(
                "No check-ins yet. Record each visit, call or meeting with “Record check-in…”: "
                "the evaluation counts them, and the family's needs-met rating shows how they "
                "feel it is going."
            ),
        )

    def _dialog(self, household_id: int, code: str, current=None) -> CheckInDialog:
        choices = checkin_service.check_in_choices(
            self.page.context.store, household_id, current.id if current else None
        )
        return CheckInDialog(
            household_id,
            code,
            choices.volunteers,
            choices.meetings,
            choices.goals,
            current,
            self,
            self.page.locale(),
        )

    def _confirmed(self, dialog, data):
        """The data to save, after asking about anyone at a visit or meeting whose vetting
        was not current on the day; None when the person chose not to record it."""
        unvetted = checkin_service.check_in_vetting(self.page.context.store, data)
        if not unvetted:
            return data
        locale = self.page.locale()
        names = "\n".join(reason_text(name, vetting, locale) for _id, name, vetting in unvetted)
        if not confirmed(
            dialog,
            self.tr("Vetting not current"),
            self.tr(
                "A {} meets the family, and only volunteers with current vetting should. On {} "
                "it was not current for:"
            ).format(data.kind.label.lower(), short_date(data.held_on, locale))
            + "\n\n"
            + names
            + "\n\n"
            + self.tr(
                "Record the check-in as it happened? The dashboard will list it under "
                "family-facing work without current vetting."
            ),
            self.tr("&Record anyway"),
        ):
            return None
        return replace(data, vetting_confirmed=True)

    def _save_with(self, dialog, description: str, save) -> None:
        self.page.edits.with_dialog(
            dialog, description, save, confirm=lambda data: self._confirmed(dialog, data)
        )

    def record(self) -> None:
        chosen = self.page.household_for(self.tr("Record a check-in"))
        if chosen is None:
            return
        self._save_with(
            self._dialog(*chosen),
            self.tr("Record a check-in with {}").format(chosen[1]),
            checkin_service.record_check_in,
        )

    @on_selected("selected")
    def edit(self, row) -> None:
        self._save_with(
            self._dialog(row.household_id, row.household_code, row),
            self.tr("Edit the check-in of {}").format(short_date(row.held_on, self.page.locale())),
            lambda store, data: checkin_service.edit_check_in(store, row.id, data),
        )

    @on_selected("selected")
    def delete(self, row) -> None:
        self.page.edits.now(
            self.tr("Delete the check-in of {}").format(
                short_date(row.held_on, self.page.locale())
            ),
            lambda store: checkin_service.delete_check_in(store, row.id),
            removal=self.tr("Check-in deleted."),
        )
