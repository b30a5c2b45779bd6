"""What the dashboard's cards say: titles with the group's own warning windows, what an empty
card tells a person to do first, and the funds card's lines. DashboardPage takes these in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ....services.results import DashboardFigures
from ...formatting import money, requirement_basis, short_date


class DashboardWords:
    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # lupdate files these words under this class; PySide would ask under DashboardPage
        # and find no plural forms ("14 day(s)").
        return QCoreApplication.translate("DashboardWords", text, disambiguation, n)

    def _set_words(self, figures: DashboardFigures) -> None:
        """Titles carry the group's own warning windows; an empty card says what is true and
        what to do first, never more than it knows."""
        windows, households = figures.windows, len(figures.arrivals)
        no_tasks = self.tr(
            "No settlement tasks yet: add a household with its arrival date (Households page, "
            "Ctrl+2) and its plan is laid out."
        )
        self.overdue.set_words(
            self.tr("Overdue tasks"),
            self.tr("Nothing is overdue.") if households else no_tasks,
        )
        self.due_soon.set_words(
            self.tr("Due in the next %n day(s)", "", windows.due_soon_days),
            self.tr(
                "Nothing falls due in the next %n day(s); the Settlement plan (Ctrl+3) shows "
                "what comes later.",
                "",
                windows.due_soon_days,
            )
            if households
            else no_tasks,
        )
        self._people_words(figures)

    def _people_words(self, figures: DashboardFigures) -> None:
        windows = figures.windows
        self.vetting.set_words(
            self.tr("Vetting not current, or expiring within %n day(s)", "", windows.vetting_days),
            self.tr(
                "Every active volunteer's vetting is current for at least %n day(s).",
                "",
                windows.vetting_days,
            )
            if figures.active_volunteers
            else self.tr(
                "No volunteers yet: add them, with their police vetting, on the Volunteers page "
                "(Ctrl+4)."
            ),
        )
        self.leases.set_words(
            self.tr("Leases ending within %n day(s), or ended", "", windows.lease_days),
            self.tr("No lease ends in the next %n day(s).", "", windows.lease_days)
            if figures.live_tenancies
            else self.tr(
                "No home secured yet: record the property and its lease on the Housing page "
                "(Ctrl+5)."
            ),
        )
        self.lapsed.set_words(
            self.tr("Family-facing work without current vetting"),
            self.tr(
                "Every family-facing task with a volunteer has one whose vetting is current, and "
                "every visit and meeting was held by volunteers cleared on the day."
            )
            if figures.family_facing_assigned or figures.lapsed_assignments
            else self.tr(
                "No family-facing task has a volunteer yet: assign them on the Settlement plan "
                "(Ctrl+3); only volunteers with current vetting can take them."
            ),
        )
        self.arrivals.set_words(
            self.tr("Households"),
            self.tr(
                "No households yet: add the family you are preparing for on the Households "
                "page (Ctrl+2)."
            ),
        )
        self.header.set_subtitle(
            self.tr("What needs doing today, as on {}").format(
                short_date(figures.today, figures.locale)
            )
        )

    def _funds_text(self, figures: DashboardFigures) -> str:
        funds, rent, locale = figures.funds, figures.rent, figures.locale
        requirement = funds.requirement
        lines = [
            self.tr("<b>Balance held:</b> {}").format(money(funds.held, locale)),
            self.tr("<b>Required:</b> {} ({})").format(
                money(requirement.required, locale), requirement_basis(requirement)
            ),
        ]
        if requirement.cash_required is not None:
            lines.append(
                self.tr("<b>Of which in cash:</b> {}").format(
                    money(requirement.cash_required, locale)
                )
            )
        if requirement.required.minor == 0:
            lines.append(
                self.tr("No requirement yet: set a budget on the Funds page to compare against.")
            )
        elif funds.met:
            lines.append(self.tr("✔ Requirement met."))
        else:
            lines.append(self.tr("✖ Short by <b>{}</b>.").format(money(funds.shortfall, locale)))
        if rent.expected.minor or rent.paid.minor:
            behind = (
                self.tr(" (✖ {} behind)").format(money(rent.behind, locale))
                if rent.behind.minor
                else ""
            )
            lines.append(
                self.tr("<b>Rent:</b> {} due to date, {} paid{}").format(
                    money(rent.expected, locale), money(rent.paid, locale), behind
                )
            )
        return "<br>".join(lines)
