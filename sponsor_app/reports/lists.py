"""The listing reports: the volunteer roster (named, confidential), the printable settlement
checklist (tick boxes and a notes line, for a hall with no laptop) and the housing summary."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak, Table

from ..domain.plurals import counted
from ..services.reporting.report_lists import ChecklistData, HousingData, RosterData
from . import styles
from .blocks import cell, gap, heading, key_values, nothing, para, table, table_or_nothing, wrap
from .template import ReportDocTemplate, RunningLabel
from .words import arrival_text, hours, money_writer, short_date, standing_cell


# --- roster --------------------------------------------------------------------------------
def build_roster(data: RosterData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    doc = ReportDocTemplate(out, data.meta, invariant=invariant)
    meta, width = data.meta, doc.width
    story = [*heading("Volunteers", "section-1")]
    story.append(
        para(
            f"{counted(len(data.people), 'active volunteer')}. Hours are those logged in the period; "
            "vetting and training as they stood at its end: each requirement of the programme "
            "with its state and date (EXPIRED and NOT CLEARED keep the volunteer from the "
            "family, as does anything missing or waiting); other courses under Other training.",
            "note",
        )
    )
    if not data.people:
        story.append(nothing("The group has no active volunteers."))
    else:
        rows = [
            [
                wrap(p.name),
                wrap(p.roles),
                wrap("\n".join(x for x in (p.email, p.phone) if x) or "–"),
                wrap(p.languages or "–"),
                wrap(
                    "\n".join(
                        standing_cell(s, meta.locale) for s in p.vetting.standings
                    )
                    or "nothing required"
                ),
                wrap(p.training or "–"),
                hours(p.minutes),
            ]
            for p in data.people
        ]  # fmt: skip
        story.append(
            table(
                ("Name", "Roles", "Contact", "Languages", "Vetting", "Other training", "Hours"),
                rows,
                (78, 64, 96, 56, width - 382, 56, 32),
                numeric=(6,),
            )
        )
    doc.build_story(story)


# --- checklist -----------------------------------------------------------------------------
class TickBox(Flowable):
    """A square to tick by hand; ticked already when the task is done."""

    def __init__(self, done: bool, size: float = 9):
        super().__init__()
        self.done, self.size = done, size
        self.width = self.height = size

    def draw(self) -> None:
        canvas, s = self.canv, self.size
        canvas.setStrokeColor(styles.INK)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, s, s)
        if self.done:
            canvas.setLineWidth(1.2)
            canvas.lines([(1.8, s * 0.5, s * 0.42, 1.8), (s * 0.42, 1.8, s - 1.2, s - 1.2)])


def build_checklist(
    data: ChecklistData, out: Path | str | BinaryIO, invariant: bool = False
) -> None:
    doc = ReportDocTemplate(out, data.meta, invariant=invariant)
    meta, width = data.meta, doc.width
    story: list = []
    if not data.households:
        story.append(nothing("No households were chosen for this checklist."))
    for number, household in enumerate(data.households):
        if number:
            story.append(PageBreak())
        arrival = arrival_text(household.arrival_date, household.arrival_month, meta.locale)
        story.append(RunningLabel(f"Household {household.household_code}"))
        story += heading(
            f"Household {household.household_code}", f"household-{household.household_code}"
        )
        story.append(
            para(
                f"Arrival: {arrival}. Tick each task when it is done; write who did it and when "
                "on its notes line. Tasks already done are ticked.",
                "note",
            )
        )
        if not household.phases:
            story.append(nothing("This household has no settlement tasks yet."))
        for phase, lines in household.phases:
            rows = [
                [
                    TickBox(line.done),
                    wrap(line.title),
                    arrival_text(line.due_on, line.due_month, meta.locale, missing=""),
                    wrap(line.who or "–"),
                    "",
                ]
                for line in lines
            ]
            made = table(
                ("", "Task", "Due", "Who", "Notes"),
                rows,
                (18, width - 330, 62, 100, 150),
                zebra=False,
            )
            made.setStyle(
                [
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 1), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
                    ("LINEBELOW", (4, 1), (4, -1), 0.6, styles.INK),
                ]
            )
            # every page names its household (and phase) in its running head
            story.append(RunningLabel(f"Household {household.household_code}: {phase.label}"))
            story += heading(
                phase.label, f"household-{household.household_code}-{phase.value}", level=1
            )
            story.append(made)
    doc.build_story(story)


# --- housing -------------------------------------------------------------------------------
def build_housing(data: HousingData, out: Path | str | BinaryIO, invariant: bool = False) -> None:
    doc = ReportDocTemplate(out, data.meta, invariant=invariant)
    meta, width = data.meta, doc.width
    money = money_writer(meta.currency, meta.locale)
    story: list = []
    if not meta.named:
        story.append(
            para(
                "Addresses are shown as the town (a suburb only in a large city); landlords, bond "
                "holders and inspection notes are left out: ask for a named summary to include "
                "them.",
                "note",
            )
        )
    if not data.properties:
        story += heading("Properties", "section-1")
        story.append(nothing("No property is recorded for the chosen households."))
    for number, prop in enumerate(data.properties, start=1):
        story += heading(f"{number}. {prop.place}", f"property-{number}")
        facts = [("Kind", prop.kind or "not recorded"), ("Bedrooms", f"{prop.bedrooms}")]
        if meta.named:
            facts.append(("Landlord", prop.landlord or "not recorded"))
        story.append(key_values(facts, (120, 260)))
        story.append(para("Tenancies, rent and who pays", "h2"))
        story.append(
            table_or_nothing(
                "No tenancy is recorded for this property.",
                ("Household", "Status", "Lease", "Rent", "Group pays", "Household pays", "Bond"),
                [
                    [
                        cell(t.household_code or "–"),
                        t.status,
                        wrap(f"{short_date(t.lease_start, meta.locale) or 'start not recorded'} to {short_date(t.lease_end, meta.locale) or 'open'}"),
                        wrap(f"{money(t.rent)} {t.frequency}", "cell_right"),
                        money(t.group_share),
                        money(t.household_share),
                        wrap(f"{money(t.bond)}" + (f", held by {t.bond_holder}" if t.bond_holder else "")),
                    ]
                    for t in prop.tenancies
                ],
                (56, 52, 100, 72, 60, 64, width - 404),
                numeric=(3, 4, 5),
            )
        )  # fmt: skip
        story.append(para("Inspections", "h2"))
        if prop.inspections:
            header = ("Date", "Kind", "Result", *(("Issues",) if meta.named else ()), "Next due")
            widths = (70, 90, 80, width - 330, 90) if meta.named else (70, 90, 80, 90)
            story.append(
                table(
                    header,
                    [
                        [short_date(i.inspected_on, meta.locale), i.kind.capitalize(), i.result]
                        + ([wrap(i.issues or "–")] if meta.named else [])
                        + [short_date(i.next_due, meta.locale) or "–"]
                        for i in prop.inspections
                    ],
                    widths,
                )
            )
        else:
            story.append(nothing("No inspection is recorded."))
        story.append(para("Move-in checklist", "h2"))
        if prop.move_in:
            done = sum(1 for _, ticked in prop.move_in if ticked)
            story.append(para(f"{done} of {len(prop.move_in)} done.", "note"))
            items = Table(
                [[TickBox(ticked), cell(label)] for label, ticked in prop.move_in],
                colWidths=(18, 240),
                hAlign="LEFT",
            )
            items.setStyle(styles.table_style(header_rows=0, zebra=False))
            story.append(items)
        else:
            story.append(nothing("No move-in checklist (no current tenancy)."))
        story.append(gap(10))
    doc.build_story(story)
