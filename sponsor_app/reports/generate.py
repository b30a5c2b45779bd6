"""Make a report file: gather its data through the services (one read of the group file), lay
it out, and write it so that a failure leaves nothing half-written. The window and the command
line both come here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.errors import SponsorDeskError
from ..domain.periods import Period
from ..domain.reports import ReportKind
from ..services.files.outputs import OutputRefused, check_output, write_output
from ..services.reporting.bundle import bundle_bytes
from ..services.reporting.combine import combine, load_bundles
from ..services.reporting.combined_export import combined_csv_bytes
from ..services.reporting.disclosure import Released
from ..services.reporting.evaluation_data import evaluation_data
from ..services.reporting.report_lists import checklist_data, housing_data, roster_data
from ..services.reporting.statement_data import statement_data
from ..storage.store import Store
from . import combined, evaluation, finances, lists


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


@dataclass(frozen=True)
class GeneratedReport:
    kind: ReportKind
    path: Path
    bundle: Path | None
    period: Period
    named: bool
    html: Path | None = None


def check_target(
    path: Path, force: bool, inputs: Iterable[Path | None] = (), what: str = "report"
) -> Path:
    """One sentence for each reason a file cannot be written there: the one output rule
    (services/files/outputs.py), with the files the command reads as `inputs`."""
    try:
        return check_output(path, inputs=inputs, force=force, what=what)
    except OutputRefused as refused:
        raise CannotWrite(str(refused)) from None


def write_file(
    path: Path,
    make: Callable[[object], None],
    *,
    force: bool = False,
    inputs: Iterable[Path | None] = (),
    what: str = "report",
) -> None:
    """Write by the output rule: through a temporary file in the same folder, owner-only,
    then put in place."""
    try:
        write_output(path, make, inputs=inputs, force=force, what=what)
    except OutputRefused as refused:
        raise CannotWrite(str(refused)) from None


@dataclass(frozen=True)
class Gathered:
    """A report's data read from the file, ready to lay out: what `write` puts on paper is
    exactly this, so the typed lines shown before writing are the ones written."""

    request: ReportRequest
    data: object
    layout: Callable
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
        raise CannotWrite("A data bundle goes with the evaluation report only.")
    ids = list(r.household_ids) if r.household_ids is not None else None
    extra = {"generated_at": r.generated_at}
    inputs = (store.path,)
    match r.kind:
        case ReportKind.EVALUATION:
            data = evaluation_data(store, r.period, r.named, ids, **extra)
            bundle = bundle_bytes(data) if r.bundle is not None else None
            return Gathered(r, data, evaluation.build, bundle, inputs)
        case ReportKind.FINANCES:
            data = statement_data(store, r.period, r.named, **extra)
            return Gathered(r, data, finances.build, inputs=inputs)
        case ReportKind.ROSTER:
            data = roster_data(store, r.period, **extra)
            return Gathered(r, data, lists.build_roster, inputs=inputs)
        case ReportKind.CHECKLIST:
            data = checklist_data(store, r.period, r.named, ids, **extra)
            return Gathered(r, data, lists.build_checklist, inputs=inputs)
        case ReportKind.HOUSING:
            data = housing_data(store, r.period, r.named, ids, **extra)
            return Gathered(r, data, lists.build_housing, inputs=inputs)
    raise CannotWrite(f"There is no {r.kind.value} report of one group.")


def check_targets(request: ReportRequest, inputs: tuple[Path, ...]) -> None:
    """Every file the request would write, by the one output rule, before any work."""
    r = request
    check_target(r.out, r.force, inputs)
    if r.bundle is not None:
        check_target(r.bundle, r.force, inputs, what="data bundle")
        if Path(r.bundle).resolve() == Path(r.out).resolve():
            raise CannotWrite("The bundle and the report need different file names.")
    if r.kind is ReportKind.EVALUATION:
        check_target(accessible_path(r), r.force, inputs, what="accessible version")


def write(gathered: Gathered) -> GeneratedReport:
    """Lay out what was gathered and write it (its bundle, and for the evaluation its
    accessible HTML version) where the request says, by the one output rule."""
    r, inputs = gathered.request, gathered.inputs
    check_targets(r, inputs)
    html_path = accessible_path(r) if r.kind is ReportKind.EVALUATION else None
    write_file(
        r.out,
        lambda stream: gathered.layout(gathered.data, stream, invariant=r.invariant),
        force=r.force,
        inputs=inputs,
    )
    if gathered.bundle is not None:
        write_file(
            r.bundle,
            lambda stream: stream.write(gathered.bundle),
            force=r.force,
            inputs=(*inputs, r.out),
            what="data bundle",
        )
    if html_path is not None:
        page = evaluation.html(gathered.data).encode("utf-8")
        write_file(
            html_path,
            lambda stream: stream.write(page),
            force=r.force,
            inputs=(*inputs, r.out),
            what="accessible version",
        )
    return GeneratedReport(r.kind, Path(r.out), r.bundle, r.period, gathered.named, html_path)


def generate(store: Store, request: ReportRequest) -> GeneratedReport:
    if request.bundle is not None and request.kind is not ReportKind.EVALUATION:
        raise CannotWrite("A data bundle goes with the evaluation report only.")
    check_targets(request, (store.path,))  # before the work of gathering: a wrong name says so
    return write(gather(store, request))


def accessible_path(request: ReportRequest) -> Path:
    """Where the evaluation's HTML version goes: as asked, else beside the PDF ("X.html" for
    "X.pdf"); never onto the PDF or the bundle."""
    path = (
        Path(request.html) if request.html is not None else Path(request.out).with_suffix(".html")
    )
    taken = [Path(request.out)] + ([Path(request.bundle)] if request.bundle is not None else [])
    if any(path.resolve() == other.resolve() for other in taken):
        raise CannotWrite(
            f"The accessible version would be written onto {path}: give the report a name "
            "ending in .pdf."
        )
    return path


def combine_bundles(
    paths: list[Path],
    out: Path,
    csv_out: Path | None = None,
    force: bool = False,
    invariant: bool = False,
    generated_at: datetime | None = None,
):
    """The cross-group summary PDF (and the exact CSV) from many groups' bundles."""
    inputs = tuple(paths)
    check_target(out, force, inputs, what="summary")
    if csv_out is not None:
        check_target(csv_out, force, inputs, what="figures")
        if Path(csv_out).resolve() == Path(out).resolve():
            raise CannotWrite("The summary and its figures need different file names.")
    data = combine(load_bundles(paths), generated_at)
    write_file(
        out,
        lambda stream: combined.build(data, stream, invariant=invariant),
        force=force,
        inputs=inputs,
        what="summary",
    )
    if csv_out is not None:
        content = combined_csv_bytes(data)
        write_file(
            csv_out,
            lambda stream: stream.write(content),
            force=force,
            inputs=(*inputs, out),
            what="figures",
        )
    return data
