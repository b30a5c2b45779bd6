"""Lay out what services/reporting/gather.py read from the group file and write it so that a
failure leaves nothing half-written; the cross-group summary from bundles likewise. The window
and the command line both come here, with what they gathered: nothing here reads a group
file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.messages import Reporting
from ..domain.periods import Period
from ..domain.reports import ReportKind
from ..services.files.outputs import OutputRefused, write_output
from ..services.reporting.gather import (
    CannotWrite,
    Gathered,
    accessible_path,
    check_target,
    check_targets,
)
from . import evaluation, finances, lists

# How each kind of report is laid out.
LAYOUTS: dict[ReportKind, Callable] = {
    ReportKind.EVALUATION: evaluation.build,
    ReportKind.FINANCES: finances.build,
    ReportKind.ROSTER: lists.build_roster,
    ReportKind.CHECKLIST: lists.build_checklist,
    ReportKind.HOUSING: lists.build_housing,
}


@dataclass(frozen=True)
class GeneratedReport:
    kind: ReportKind
    path: Path
    bundle: Path | None
    period: Period
    named: bool
    html: Path | None = None


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


def write(gathered: Gathered) -> GeneratedReport:
    """Lay out what was gathered and write it (its bundle, and for the evaluation its
    accessible HTML version) where the request says, by the one output rule."""
    r, inputs = gathered.request, gathered.inputs
    check_targets(r, inputs)
    html_path = accessible_path(r) if r.kind is ReportKind.EVALUATION else None
    write_file(
        r.out,
        lambda stream: LAYOUTS[r.kind](gathered.data, stream, invariant=r.invariant),
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


def combine_bundles(
    paths: list[Path],
    out: Path,
    csv_out: Path | None = None,
    force: bool = False,
    invariant: bool = False,
    generated_at: datetime | None = None,
):
    """The cross-group summary PDF (and the exact CSV) from many groups' bundles."""
    # here, not at the top: a report from a group file (the usual command) needs none of it
    from ..services.reporting.combine import combine, load_bundles
    from ..services.reporting.combined_export import combined_csv_bytes
    from . import combined

    inputs = tuple(paths)
    check_target(out, force, inputs, what="summary")
    if csv_out is not None:
        check_target(csv_out, force, inputs, what="figures")
        if Path(csv_out).resolve() == Path(out).resolve():
            raise CannotWrite(Reporting.FIGURES_ONTO_SUMMARY())
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
