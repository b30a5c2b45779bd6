"""Reports page: choose a report, its period, households and whether it names people (each
kind keeps its own choice, anonymised unless ticked); type the evaluation's narrative, with the
words an anonymised report masks marked as you type; see every typed line an anonymised report
will contain before it is written; generate it off the GUI thread; open it; the last 20 made
listed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QWidget,
)

from ...domain.changes import Topic
from ...domain.errors import SponsorDeskError
from ...domain.periods import Period, ends_before_start
from ...domain.reports import ReportKind
from ...services.reporting.narratives import Narrative, narrative, save_narrative
from ...services.reporting.report_data import default_period, households
from ..errors import show_known_error
from ..formatting import short_date
from ..settings import AppSettings
from ..worker import run_in_background
from .report_preview import OutgoingPreview
from .reports_view import ReportsView

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """`stem.suffix` in the folder, or `stem (2).suffix`... never an existing file."""
    candidate, number = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem} ({number}){suffix}"
    return candidate


class ReportsPage(ReportsView):
    title = "Reports"
    # Any change may change what a report says: the preview of its typed text is read again.
    watches = frozenset(Topic)

    def __init__(self, context, parent: QWidget | None = None, settings: AppSettings | None = None):
        super().__init__(context, parent)
        self.settings = settings or AppSettings()
        self.last_made: Path | None = None
        # "Include names", per kind: anonymised unless ticked for that kind (issue 19 item 6)
        self.names_for: dict[ReportKind, bool] = {}
        self.preview = OutgoingPreview(self, self.outgoing, (self.highlights, self.challenges))
        self._making = False  # a report is being gathered or written
        for editor in (self.start, self.end):
            editor.changed.connect(self._on_period_changed)
        self.named.toggled.connect(self._on_named_toggled)
        self.choose_button.clicked.connect(self._choose_folder)
        self.save_narrative_button.clicked.connect(self.save_narrative)
        self.generate_button.clicked.connect(self.generate)
        self.open_button.clicked.connect(lambda: self._open(self.last_made))
        self.show_button.clicked.connect(lambda: self._open(self.last_made, folder=True))
        self.recent.itemActivated.connect(lambda item: self._open(Path(item.data(PATH_ROLE))))
        self.preview.readiness_changed.connect(self._offer_generate)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.households.itemChanged.connect(lambda _item: self.preview.schedule())
        self.add_shortcuts(
            [(self.tr("Generate report"), QKeySequence("Ctrl+Return"), self.generate)]
        )
        self._set_result(None)
        self._on_kind_changed()

    # --- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        if self.folder.text() == "" and self.context.path is not None:
            self.folder.setText(str(self.context.path.parent / "Reports"))
        if self.start.property("loaded") is None:
            period = default_period(store)
            for editor, day in ((self.start, period.start), (self.end, period.end)):
                editor.blockSignals(True)
                editor.set_value(day)
                editor.blockSignals(False)
            self.start.setProperty("loaded", True)
        chosen = self._checked_codes()
        self.households.blockSignals(True)
        self.households.clear()
        for household in households(store):
            item = QListWidgetItem(household.code)
            item.setData(PATH_ROLE, household.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = chosen is None or household.code in chosen
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.households.addItem(item)
        self.households.blockSignals(False)
        self._load_narrative()
        self._load_recent()
        self.preview.read_finder()
        self.preview.schedule()

    def _checked_codes(self) -> set[str] | None:
        if self.households.count() == 0:
            return None
        return {
            self.households.item(n).text()
            for n in range(self.households.count())
            if self.households.item(n).checkState() == Qt.CheckState.Checked
        }

    def period(self) -> Period:
        return Period(self.start.value(), self.end.value())

    def period_problem(self) -> str | None:
        """Why the typed period cannot make a report, or None."""
        for editor, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            if (problem := editor.problem()) is not None:
                return self.tr("{}: {}").format(name, problem)
        if ends_before_start(self.start.value(), self.end.value()):
            return self.tr("The period ends before it starts: swap the dates.")
        return None

    def kind_chosen(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def names_included(self, kind: ReportKind | None = None) -> bool:
        """Whether a report of this kind will name people: ticked for that kind, or a kind
        that always does (the roster)."""
        kind = kind or self.kind_chosen()
        return kind.always_named or self.names_for.get(kind, False)

    def _on_kind_changed(self, *_):
        kind = self.kind_chosen()
        evaluation = kind is ReportKind.EVALUATION
        self.narrative_box.setEnabled(evaluation)
        self.bundle.setEnabled(evaluation)
        # each kind shows its own choice: the roster's tick never carries over to another
        self.named.blockSignals(True)
        self.named.setChecked(self.names_included(kind))
        self.named.setEnabled(not kind.always_named)
        self.named.blockSignals(False)
        self.households.setEnabled(kind not in (ReportKind.FINANCES, ReportKind.ROSTER))
        self.preview.names_changed()

    def _on_named_toggled(self, checked: bool) -> None:
        kind = self.kind_chosen()
        if not kind.always_named:
            self.names_for[kind] = checked
        self.preview.names_changed()

    def _on_period_changed(self, *_):
        if self.context.is_open and self.period_problem() is None:
            self._load_narrative()
            self.preview.schedule()

    def _load_narrative(self) -> None:
        """The narrative kept for this period; words being typed for it stay (a change made
        elsewhere reloads the page, and must not take them away)."""
        if self.period_problem() is not None:
            return
        text = narrative(self.context.store, self.period())
        edited = getattr(self, "_narrative_period", None) == self.period() and (
            self._typed_narrative() != getattr(self, "_saved_narrative", None)
        )
        self._saved_narrative = text
        self._narrative_period = self.period()
        if edited:
            return
        self.highlights.setPlainText(text.highlights)
        self.challenges.setPlainText(text.challenges)

    # --- what leaves the file ------------------------------------------------------------------
    def preview_is_current(self) -> bool:
        """Whether "What leaves the file" shows the report as the choices now make it."""
        return self.preview.is_current()

    def request(
        self, out: Path | None = None, bundle: Path | None = None, html: Path | None = None
    ):
        """The report the page's choices ask for (written to `out`, if it is written)."""
        from ...services.reporting.gather import ReportRequest

        kind = self.kind_chosen()
        ids = None
        if self.households.isEnabled():
            ids = tuple(
                self.households.item(n).data(PATH_ROLE)
                for n in range(self.households.count())
                if self.households.item(n).checkState() == Qt.CheckState.Checked
            )
        named = self.names_included(kind)
        return ReportRequest(
            kind, out or Path("preview.pdf"), self.period(), named, ids, bundle, html=html
        )

    def _typed_narrative(self) -> Narrative:
        return Narrative(
            self.highlights.toPlainText().strip(), self.challenges.toPlainText().strip()
        )

    def save_narrative(self) -> bool:
        """Keep what was typed for this period (an undoable change); False if it could not."""
        if (problem := self.period_problem()) is not None:
            show_known_error(self, SponsorDeskError(problem))
            return False
        typed, period, store = self._typed_narrative(), self.period(), self.context.store
        if typed == getattr(self, "_saved_narrative", None):
            return True
        try:
            self.context.execute(
                self.tr("Save the report narrative"), lambda: save_narrative(store, period, typed)
            )
        except SponsorDeskError as error:
            show_known_error(self, error)
            return False
        self._saved_narrative = typed
        return True

    # --- making a report ----------------------------------------------------------------------
    def _offer_generate(self, making: bool | None = None) -> None:
        """Generate is offered when no report is being made and, for an anonymised report,
        once "What leaves the file" shows what it will contain (read in a moment)."""
        if making is not None:
            self._making = making
        # a period that cannot be made is said when Generate is pressed
        current = self.preview_is_current() or self.period_problem() is not None
        self.generate_button.setEnabled(not self._making and current)
        self.generate_button.setToolTip(
            ""
            if current
            else self.tr("Reading what the report will contain, to show it before it is written…")
        )

    def generate(self) -> None:
        """Gather the report off the GUI thread; an anonymised one is written only when its
        typed lines are exactly those the page shows (otherwise they are shown, to check)."""
        from ...services.reporting.gather import gather

        if (problem := self.period_problem()) is not None:
            show_known_error(self, SponsorDeskError(problem))
            return
        kind, period = self.kind_chosen(), self.period()
        if kind is ReportKind.EVALUATION and not self.save_narrative():
            return
        named = self.names_included(kind)
        folder = Path(self.folder.text().strip() or ".")
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            show_known_error(
                self,
                SponsorDeskError(
                    self.tr("Cannot use the folder {}: {}.").format(folder, error.strerror)
                ),
            )
            return  # fmt: skip
        stem = f"{kind.title} {period.start} to {period.end}" + (" named" if named else "")
        out = unique_path(folder, stem, ".pdf")
        bundle = None
        if self.bundle.isChecked() and kind is ReportKind.EVALUATION:
            bundle = unique_path(folder, f"{stem} data", ".zip")
        # The evaluation's accessible HTML version, under a name of its own beside the PDF.
        page = unique_path(folder, out.stem, ".html") if kind is ReportKind.EVALUATION else None
        request = self.request(out, bundle, page)
        shown = _key(self.preview.lines())
        store = self.context.store
        self._offer_generate(making=True)
        self.result.setText(self.tr("Making the {}…").format(kind.title.lower()))
        run_in_background(
            self,
            self.tr("Making the {}…").format(kind.title.lower()),
            lambda: gather(store, request),
            lambda gathered: self._on_gathered(gathered, shown),
            self._on_failed,
            on_bug=lambda: self._offer_generate(making=False),
        )

    def _on_gathered(self, gathered, shown) -> None:
        from ...reports.generate import write

        if not gathered.named and _key(gathered.released) != shown:
            # what would leave the file is not what the lead was shown: show it, write nothing
            self.preview.show_gathered(gathered.released)
            self._offer_generate(making=False)
            self.result.setText(
                self.tr(
                    "Check the typed text this report will contain, under “What leaves the "
                    "file”, then generate again: it was not shown yet, or it has changed."
                )
            )
            return
        run_in_background(
            self,
            self.tr("Writing the {}…").format(gathered.request.kind.title.lower()),
            lambda: write(gathered),
            self._on_made,
            self._on_failed,
            on_bug=lambda: self._offer_generate(making=False),
        )

    def _on_made(self, made) -> None:
        self._offer_generate(making=False)
        entry = {
            "title": made.kind.title + (" (named)" if made.named else ""),
            "path": str(made.path),
            "made": datetime.now().astimezone().isoformat(timespec="minutes"),
            "period": f"{made.period.start} to {made.period.end}",
        }
        self.settings.remember_report(self.context.info.uuid, entry)
        self._set_result(made.path)
        extra = self.tr(" and its data bundle") if made.bundle else ""
        if made.html is not None:
            extra += self.tr(" (with {} for a screen reader)").format(made.html.name)
        self.result.setText(self.tr("Saved {}{}.").format(made.path.name, extra))
        self._load_recent()

    def _on_failed(self, error: SponsorDeskError) -> None:
        self._offer_generate(making=False)
        self.result.setText("")
        show_known_error(self, error)

    def _set_result(self, path: Path | None) -> None:
        self.last_made = path
        self.open_button.setEnabled(path is not None)
        self.show_button.setEnabled(path is not None)

    def _load_recent(self) -> None:
        self.recent.clear()
        locale = self.context.info.locale
        for entry in self.settings.generated_reports(self.context.info.uuid):
            made = entry.get("made", "")
            try:
                when = short_date(datetime.fromisoformat(made).date(), locale)
            except ValueError:
                when = ""
            item = QListWidgetItem(f"{entry.get('title', '')}, {entry.get('period', '')} — {when}")
            item.setToolTip(entry["path"])
            item.setData(PATH_ROLE, entry["path"])
            self.recent.addItem(item)
        self.recent_empty.setVisible(self.recent.count() == 0)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save reports in"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _open(self, path: Path | None, folder: bool = False) -> None:
        if path is None:
            return
        if not Path(path).exists():
            show_known_error(self, SponsorDeskError(self.tr("{} is no longer there.").format(path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent if folder else path)))


def _key(lines) -> list[tuple]:
    """Typed lines compared as what they say, whatever their order."""
    return sorted((line.source.value, line.original, line.text) for line in lines)
