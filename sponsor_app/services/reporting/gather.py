"""What a report will say, read from the group file before anything is laid out: one read of
the file (one snapshot) per report, and the check of every file it would write, made before
that work. The window and the command line both come here; reports/generate.py lays out and
writes what was gathered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...domain.errors import SponsorDeskError
from ...domain.messages import Reporting
from ...domain.periods import Period
from ...domain.reports import ReportKind
from ...storage.store import Store
from ..files.outputs import OutputRefused, check_output
from .bundle import bundle_bytes
from .disclosure import Released
from .evaluation_data import evaluation_data
from .report_data import ReportScope
from .report_lists import checklist_data, housing_data, roster_data
from .statement_data import statement_data


class CannotWrite(SponsorDeskError):
    """The report's file cannot be written where it was asked for."""


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    out: Path
    period: Period
    named: bool = False
    household_ids: tuple[int, ...] | None = None
    bundle: Path | None = None  # the evaluation's data bundle, beside the PDF
    # The evaluation's accessible HTML version (for a screen reader); None: beside the PDF,
    # with its name and ".html". The evaluation report always comes with one.
    html: Path | None = None
    force: bool = False  # replace files that exist
    invariant: bool = False  # same data, same bytes (tests)
    generated_at: datetime | None = None

    @property
    def scope(self) -> ReportScope:
        return ReportScope(self.period, self.named, self.household_ids, self.generated_at)


@dataclass(frozen=True)
class Gathered:
    """A report's data read from the file, ready to lay out: what is put on paper is exactly
    this, so the typed lines shown before writing are the ones written."""

    request: ReportRequest
    data: object
    bundle: bytes | None = None
    inputs: tuple[Path, ...] = ()  # what the report was read from: never written onto

    @property
    def released(self) -> tuple[Released, ...]:
        """Every typed line the report gives, as it gives it (none in a named report)."""
        return getattr(self.data, "released", ())

    @property
    def named(self) -> bool:
        return self.data.meta.named


def gather(store: Store, request: ReportRequest) -> Gathered:
    """Read everything the report prints, in one snapshot of the file."""
    r = request
    if r.bundle is not None and r.kind is not ReportKind.EVALUATION:
        raise CannotWrite(Reporting.BUNDLE_WITH_EVALUATION_ONLY())
    extra = {"generated_at": r.generated_at}
    inputs = (store.path,)
    match r.kind:
        case ReportKind.EVALUATION:
            data = evaluation_data(store, r.scope)
            bundle = bundle_bytes(data) if r.bundle is not None else None
            return Gathered(r, data, bundle, inputs)
        case ReportKind.FINANCES:
            data = statement_data(store, r.period, r.named, **extra)
        case ReportKind.ROSTER:
            data = roster_data(store, r.period, **extra)
        case ReportKind.CHECKLIST:
            data = checklist_data(store, r.scope)
        case ReportKind.HOUSING:
            data = housing_data(store, r.scope)
        case _:
            raise CannotWrite(Reporting.NO_GROUP_REPORT(kind=r.kind.value))
    return Gathered(r, data, inputs=inputs)


def prepare(store: Store, request: ReportRequest) -> Gathered:
    """Check every file the request would write, then gather: a wrong name says so before
    the work of reading the file."""
    if request.bundle is not None and request.kind is not ReportKind.EVALUATION:
        raise CannotWrite(Reporting.BUNDLE_WITH_EVALUATION_ONLY())
    check_targets(request, (store.path,))
    return gather(store, request)


def check_target(
    path: Path, force: bool, inputs: Iterable[Path | None] = (), what: str = "report"
) -> Path:
    """One sentence for each reason a file cannot be written there: the one output rule
    (services/files/outputs.py), with the files the command reads as `inputs`."""
    try:
        return check_output(path, inputs=inputs, force=force, what=what)
    except OutputRefused as refused:
        raise CannotWrite(str(refused)) from None


def check_targets(request: ReportRequest, inputs: tuple[Path, ...]) -> None:
    """Every file the request would write, by the one output rule, before any work."""
    r = request
    check_target(r.out, r.force, inputs)
    if r.bundle is not None:
        check_target(r.bundle, r.force, inputs, what="data bundle")
        if Path(r.bundle).resolve() == Path(r.out).resolve():
            raise CannotWrite(Reporting.BUNDLE_ONTO_REPORT())
    if r.kind is ReportKind.EVALUATION:
        check_target(accessible_path(r), r.force, inputs, what="accessible version")


def accessible_path(request: ReportRequest) -> Path:
    """Where the evaluation's HTML version goes: as asked, else beside the PDF ("X.html" for
    "X.pdf"); never onto the PDF or the bundle."""
    path = (
        Path(request.html) if request.html is not None else Path(request.out).with_suffix(".html")
    )
    taken = [Path(request.out)] + ([Path(request.bundle)] if request.bundle is not None else [])
    if any(path.resolve() == other.resolve() for other in taken):
        raise CannotWrite(Reporting.ACCESSIBLE_ONTO(path=path))
    return path
