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
from ..services.bundle import bundle_bytes
from ..services.combine import combine, combined_csv_bytes, load_bundles
from ..services.evaluation_data import evaluation_data
from ..services.outputs import OutputRefused, check_output, write_output
from ..services.report_lists import checklist_data, housing_data, roster_data
from ..services.statement_data import statement_data
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


def check_target(
    path: Path, force: bool, inputs: Iterable[Path | None] = (), what: str = "report"
) -> Path:
    """One sentence for each reason a file cannot be written there: the one output rule
    (services/outputs.py), with the files the command reads as `inputs`."""
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


def generate(store: Store, request: ReportRequest) -> GeneratedReport:
    r = request
    if r.bundle is not None and r.kind is not ReportKind.EVALUATION:
        raise CannotWrite("A data bundle goes with the evaluation report only.")
    inputs = (store.path,)
    check_target(r.out, r.force, inputs)
    if r.bundle is not None:
        check_target(r.bundle, r.force, inputs, what="data bundle")
        if Path(r.bundle).resolve() == Path(r.out).resolve():
            raise CannotWrite("The bundle and the report need different file names.")
    ids = list(r.household_ids) if r.household_ids is not None else None
    extra = {"generated_at": r.generated_at}
    bundle = None
    match r.kind:
        case ReportKind.EVALUATION:
            data = evaluation_data(store, r.period, r.named, ids, **extra)
            layout = evaluation.build
            if r.bundle is not None:
                bundle = bundle_bytes(data)
        case ReportKind.FINANCES:
            data, layout = statement_data(store, r.period, r.named, **extra), finances.build
        case ReportKind.ROSTER:
            data, layout = roster_data(store, r.period, **extra), lists.build_roster
        case ReportKind.CHECKLIST:
            data = checklist_data(store, r.period, r.named, ids, **extra)
            layout = lists.build_checklist
        case ReportKind.HOUSING:
            data = housing_data(store, r.period, r.named, ids, **extra)
            layout = lists.build_housing
        case _:
            raise CannotWrite(f"There is no {r.kind.value} report of one group.")
    write_file(
        r.out,
        lambda stream: layout(data, stream, invariant=r.invariant),
        force=r.force,
        inputs=inputs,
    )
    if bundle is not None:
        write_file(
            r.bundle,
            lambda stream: stream.write(bundle),
            force=r.force,
            inputs=(*inputs, r.out),
            what="data bundle",
        )
    return GeneratedReport(r.kind, Path(r.out), r.bundle, r.period, data.meta.named)


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
