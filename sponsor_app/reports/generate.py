"""Make a report file: gather its data through the services (one read of the group file), lay
it out, and write it so that a failure leaves nothing half-written. The window and the command
line both come here."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.errors import SponsorDeskError
from ..domain.periods import Period
from ..domain.reports import ReportKind
from ..services.bundle import bundle_bytes
from ..services.combine import combine, load_bundles
from ..services.combined_export import combined_csv_bytes
from ..services.disclosure import Released
from ..services.evaluation_data import evaluation_data
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


def check_target(path: Path, force: bool) -> None:
    """One sentence for each reason a file cannot be written there."""
    path = Path(path)
    if path.is_dir():
        raise CannotWrite(f"{path} is a folder: give a file name for the report.")
    if path.exists() and not force:
        raise CannotWrite(
            f"{path} already exists; choose another name or add --force to replace it."
        )
    folder = path.parent
    if not folder.is_dir():
        raise CannotWrite(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise CannotWrite(f"Cannot write {path}: the folder {folder} is not writable.")


def write_file(path: Path, make: Callable[[object], None]) -> None:
    """Write through a temporary file in the same folder, owner-only, then put it in place."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            make(stream)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CannotWrite(f"Cannot write {path}: {error.strerror or error}.") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Gathered:
    """A report's data read from the file, ready to lay out: what `write` puts on paper is
    exactly this, so the typed lines shown before writing are the ones written."""

    request: ReportRequest
    data: object
    layout: Callable
    bundle: bytes | None = None

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
    match r.kind:
        case ReportKind.EVALUATION:
            data = evaluation_data(store, r.period, r.named, ids, **extra)
            bundle = bundle_bytes(data) if r.bundle is not None else None
            return Gathered(r, data, evaluation.build, bundle)
        case ReportKind.FINANCES:
            return Gathered(r, statement_data(store, r.period, r.named, **extra), finances.build)
        case ReportKind.ROSTER:
            return Gathered(r, roster_data(store, r.period, **extra), lists.build_roster)
        case ReportKind.CHECKLIST:
            data = checklist_data(store, r.period, r.named, ids, **extra)
            return Gathered(r, data, lists.build_checklist)
        case ReportKind.HOUSING:
            data = housing_data(store, r.period, r.named, ids, **extra)
            return Gathered(r, data, lists.build_housing)
    raise CannotWrite(f"There is no {r.kind.value} report of one group.")


def check_targets(request: ReportRequest) -> None:
    r = request
    check_target(r.out, r.force)
    if r.bundle is not None:
        check_target(r.bundle, r.force)
        if Path(r.bundle).resolve() == Path(r.out).resolve():
            raise CannotWrite("The bundle and the report need different file names.")
    if r.kind is ReportKind.EVALUATION:
        check_target(accessible_path(r), r.force)


def write(gathered: Gathered) -> GeneratedReport:
    """Lay out what was gathered and write it (its bundle, and for the evaluation its
    accessible HTML version) where the request says."""
    r = gathered.request
    check_targets(r)
    html_path = accessible_path(r) if r.kind is ReportKind.EVALUATION else None
    write_file(r.out, lambda stream: gathered.layout(gathered.data, stream, invariant=r.invariant))
    if gathered.bundle is not None:
        write_file(r.bundle, lambda stream: stream.write(gathered.bundle))
    if html_path is not None:
        page = evaluation.html(gathered.data).encode("utf-8")
        write_file(html_path, lambda stream: stream.write(page))
    return GeneratedReport(r.kind, Path(r.out), r.bundle, r.period, gathered.named, html_path)


def generate(store: Store, request: ReportRequest) -> GeneratedReport:
    if request.bundle is not None and request.kind is not ReportKind.EVALUATION:
        raise CannotWrite("A data bundle goes with the evaluation report only.")
    check_targets(request)  # before the work of gathering: a wrong name says so at once
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
    check_target(out, force)
    if csv_out is not None:
        check_target(csv_out, force)
    data = combine(load_bundles(paths), generated_at)
    write_file(out, lambda stream: combined.build(data, stream, invariant=invariant))
    if csv_out is not None:
        content = combined_csv_bytes(data)
        write_file(csv_out, lambda stream: stream.write(content))
    return data
