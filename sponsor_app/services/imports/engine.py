"""One pass over a file: read every row as its kind reads it, for a preview or an import.

The preview and the import run the same pass, so what the preview shows is what the import
does. An import runs inside one change set: rows are written in batches as they are read, and
if any row is bad (and the person did not choose to skip bad rows), or the person cancels, the
transaction rolls back and the file is exactly as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ...domain.errors import Problem
from ...domain.messages import ImportFields, Imports, Listed, Message, english
from ...domain.text import fold
from ...domain.words import control_character, header_key
from ...storage.store import Store
from .banks import layout_for, layout_named
from .fields import FIELDS, IGNORE, ImportKind, Vocabulary, field_of, match_columns, missing_fields
from .model import (
    ImportCancelled,
    ImportPreview,
    ImportRejected,
    ImportRequest,
    ImportResult,
    PreviewRow,
    RowStatus,
    UnknownValue,
)
from .passes import LISTED, LeftOut, Pass, Row, RowProblem, Waiting
from .remember import load_mapping, save_mapping
from .sources import Source, open_source
from .tabular import restore
from .xlsx import Unevaluated

PREVIEW_ROWS = 100
BATCH = 2000
TICK = 500  # rows between progress reports and cancel checks

Progress = Callable[[int, int], None]


def _resolve_columns(
    p: Pass, source: Source, request: ImportRequest
) -> tuple[tuple[str, ...], str, str]:
    """The field of each column, the bank layout recognised, and the saved mapping's name."""
    kind, header = request.kind, source.header
    saved = load_mapping(p.session, kind, header, request.mapping_name)
    layout = None
    if kind is ImportKind.BANK:
        layout = layout_named(request.bank_layout) if request.bank_layout else None
        layout = layout or layout_for(header)
    if saved is not None:
        p.values = {v: dict(m) for v, m in saved.values.items()}
    for vocabulary, chosen in request.values.items():
        p.values.setdefault(vocabulary, {}).update(chosen)
    if request.columns is not None:
        columns = tuple(request.columns[: len(header)]) + (IGNORE,) * (
            len(header) - len(request.columns)
        )
    elif saved is not None and len(saved.columns) == len(header):
        columns = saved.columns
    elif layout is not None:
        columns = layout.fields(header)
    else:
        columns = match_columns(kind, header)
    if request.rename:
        columns = _renamed(source, columns, request)
    return columns, layout.name if layout else "", saved.name if saved else ""


def _renamed(source: Source, columns: tuple[str, ...], request: ImportRequest) -> tuple[str, ...]:
    """The person's own matches (--map column:HEADER=FIELD) over the automatic ones."""
    wanted = {header_key(h): f for h, f in request.rename.items()}
    headers = [header_key(h) for h in source.header]
    unknown = [h for h in request.rename if header_key(h) not in headers]
    if unknown:
        raise ImportRejected(
            source.path,
            [
                Problem(
                    "columns",
                    Imports.NO_COLUMN_CALLED(
                        name=source.name, column=h, columns=tuple(x for x in source.header if x)
                    ),
                )
                for h in unknown
            ],
        )
    fields = set(wanted.values())
    return tuple(
        wanted.get(headers[i], IGNORE if c in fields else c) for i, c in enumerate(columns)
    )


def _bank_header(cells: tuple[str, ...]) -> bool:
    return layout_for(cells) is not None


@dataclass
class _Outcome:
    preview: ImportPreview | None = None
    result: ImportResult | None = None


def run_pass(
    store: Store,
    request: ImportRequest,
    writing: bool,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> _Outcome:
    from . import importers

    path = request.path
    opened = (
        store.transaction(f"Import {request.kind.value} from {path.name}")
        if writing
        else store.read()
    )
    with opened as session:
        p = Pass(session, request, writing)
        source = _open(request, p)
        with source:
            columns, layout, mapping_name = _resolve_columns(p, source, request)
            if layout:
                p.date_locale = importers.date_locale_for(layout, p.locale)
            header_names = [fold(h) for h in source.header if h.strip()]
            doubled = tuple(
                h for h in source.header if h.strip() and header_names.count(fold(h)) > 1
            )
            doubled = tuple(dict.fromkeys(doubled))
            missing = tuple(missing_fields(request.kind, columns))
            doubled_fields = [f for f, n in Counter(c for c in columns if c).items() if n > 1]
            if writing:
                _refuse_columns(request, source, columns, missing, doubled, doubled_fields)
            importer = importers.make(request.kind, p, layout)
            if doubled_fields and not writing:  # the preview blocks the import until one is left
                missing += tuple(
                    ImportFields.NEEDS_ONE_COLUMN(field=field_of(request.kind, key).said)
                    for key in doubled_fields
                )
            outcome = _read_rows(p, source, columns, importer, missing, progress, cancelled)
            # What the importer says of the rows as a whole comes before any line's note.
            p.notes[:0] = importer.summary() if hasattr(importer, "summary") else []
            if not writing:
                return _Outcome(
                    preview=_preview(
                        p,
                        request,
                        source,
                        columns,
                        importer,
                        outcome,
                        missing,
                        doubled,
                        layout,
                        mapping_name,
                    )
                )
            result = _finish(p, request, source, columns, importer, outcome, mapping_name)
        return _Outcome(result=result)


def _open(request: ImportRequest, p: Pass) -> Source:
    from .ofx import SUFFIXES as OFX_SUFFIXES
    from .ofx import open_ofx
    from .sources import check_readable

    path = request.path
    if request.kind is ImportKind.BANK and path.suffix.lower() in OFX_SUFFIXES:
        check_readable(path)  # a missing file, a folder or a pipe is a sentence
        return open_ofx(path, p.currency)
    header_at = (
        _bank_header if request.kind is ImportKind.BANK and not request.mapping_name else None
    )
    return open_source(path, request.sheet, header_at, request.encoding)


_SEPARATORS = {
    ",": Imports.SEPARATED_BY_COMMAS,
    ";": Imports.SEPARATED_BY_SEMICOLONS,
    "\t": Imports.SEPARATED_BY_TABS,
    "|": Imports.SEPARATED_BY_BARS,
}


def _no_column_for(source: Source, missing) -> Message:
    """No column for a required field; a CSV says how it was read, as the refusal may come
    from a wrong guess of its encoding or separator."""
    have = tuple(h for h in source.header if h) or Imports.NONE()
    if not source.delimiter:
        return Imports.NO_COLUMN_FOR(name=source.name, fields=tuple(missing), columns=have)
    from .sources import ENCODINGS

    return Imports.NO_COLUMN_FOR_READ_AS(
        name=source.name,
        fields=tuple(missing),
        columns=have,
        encoding=ENCODINGS.get(source.encoding, source.encoding),
        separator=_SEPARATORS[source.delimiter](),
    )


def _refuse_columns(request, source, columns, missing, doubled, doubled_fields) -> None:
    problems = []
    if missing:
        problems.append(Problem("columns", _no_column_for(source, missing)))
    if doubled and request.columns is None:
        for name in doubled:
            twice = Imports.COLUMN_TWICE(name=source.name, column=name)
            problems.append(Problem("columns", twice))
    for key in doubled_fields:
        field = field_of(request.kind, key).said
        problems.append(Problem("columns", Imports.FIELD_MATCHED_TWICE(field=field)))
    if problems:
        raise ImportRejected(source.path, problems)


@dataclass
class _Read:
    counts: Counter
    rows: list[Row]
    likely: list[Row]
    problems: list[Problem]
    problem_count: int
    waiting_lines: int
    total: int
    samples: list[str] = field(default_factory=list)


def _read_rows(p, source, columns, importer, missing, progress, cancelled) -> _Read:
    counts: Counter = Counter()
    shown: list[Row] = []
    likely: list[Row] = []
    problems: list[Problem] = []
    problem_count = waiting = total = 0
    batch: list[Row] = []
    width = len(columns)
    expected = p.request.expected_rows
    samples = [""] * width
    if missing:
        return _Read(counts, shown, likely, problems, 0, 0, 0, _samples(source, width))
    for raw in source.rows():
        total += 1
        if total <= 20:
            for index, text in enumerate(raw.cells[:width]):
                if not samples[index] and text.strip():
                    samples[index] = text.strip()[:60]
        try:
            values = _values(raw, columns, width)
            row = importer.read(raw.line, values)
        except RowProblem as problem:
            reasons = Listed(problem.messages)
            row = Row(raw.line, RowStatus.BAD, None, (), Imports.ROW_NOTE(reasons=reasons))
            problem_count += 1
            if len(problems) < LISTED or p.writing:
                ended = english(reasons[-1]).endswith((".", "?", "!")) if reasons else False
                said = Imports.ROW_NOTE if ended else Imports.ROW_PROBLEM  # one full stop
                problems.append(Problem(f"line {raw.line}", said(reasons=reasons)))
        except Waiting:
            row = Row(raw.line, RowStatus.WAITING, None, (), "")
            waiting += 1
        except LeftOut:
            row = Row(raw.line, RowStatus.LEFT_OUT, None, (), "")
        counts[row.status] += 1
        if len(shown) < PREVIEW_ROWS:
            shown.append(row if row.shown else _raw_row(row, raw, columns, importer))
        if row.status in (RowStatus.LIKELY, RowStatus.MATCHED) and len(likely) < LISTED:
            likely.append(row)
        if p.writing and row.status in importer.WRITTEN:
            batch.append(row)
            if len(batch) >= BATCH:
                importer.write(batch)
                batch = []
        if total % TICK == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled(source.path)
            if progress is not None:
                progress(total, max(expected, total))
    if p.writing and batch:
        importer.write(batch)
    if progress is not None:
        progress(total, max(expected, total))
    return _Read(counts, shown, likely, problems, problem_count, waiting, total, samples)


def _samples(source, width) -> list[str]:
    samples = [""] * width
    for n, raw in enumerate(source.rows()):
        for index, text in enumerate(raw.cells[:width]):
            if not samples[index] and text.strip():
                samples[index] = text.strip()[:60]
        if n >= 20:
            break
    return samples


def _values(raw, columns, width) -> dict[str, str]:
    cells = raw.cells
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        raise RowProblem(
            Imports.CELLS_BEYOND_HEADER(
                n=len(cells), columns=Imports.COLUMN_COUNT(n=width), extra=extra[0][:40]
            )
        )
    values: dict[str, str] = {}
    for column, text in zip(columns, cells, strict=False):
        if not column:
            continue
        if isinstance(text, Unevaluated):
            raise RowProblem(Imports.FORMULA_NO_VALUE(column=column, formula=text[:60]))
        bad = control_character(text)
        if bad:
            raise RowProblem(Imports.CONTROL_IN_CELL(column=column, character=bad))
        values[column] = restore(text.strip())
    return values


def _raw_row(row: Row, raw, columns, importer) -> Row:
    """A row that could not be read, shown with the file's own text under each field."""
    by_field = dict(zip(columns, raw.cells, strict=False))
    return Row(
        row.line, row.status, None, tuple(by_field.get(f, "") for f in importer.SHOWN), row.note
    )


def _unknown_values(p: Pass) -> tuple[UnknownValue, ...]:
    return tuple(
        UnknownValue(u.vocabulary, u.key, u.text, u.kind, u.count, tuple(u.lines), u.choice, u.how)
        for u in sorted(
            p.unknowns.values(), key=lambda u: (u.vocabulary.value, u.kind, fold(u.text))
        )
    )


def _preview(p, request, source, columns, importer, read, missing, doubled, layout, mapping_name):
    return ImportPreview(
        kind=request.kind,
        source=source.path,
        sheets=source.sheets,
        sheet=source.sheet,
        header=source.header,
        header_line=source.header_line,
        columns=tuple(columns),
        samples=tuple(read.samples[: len(source.header)])
        + ("",) * (len(source.header) - len(read.samples)),
        fields=tuple(importer.SHOWN),
        rows=tuple(PreviewRow(r.line, r.status, r.shown, r.note) for r in read.rows),
        total=read.total,
        counts=dict(read.counts),
        problems=tuple(read.problems),
        problem_count=read.problem_count,
        unknown=_unknown_values(p),
        likely=tuple(PreviewRow(r.line, r.status, r.shown, r.note) for r in read.likely),
        notes=tuple(p.notes),
        note_count=p.note_count,
        missing=missing,
        duplicate_columns=doubled,
        layout=layout,
        mapping_name=mapping_name,
        encoding=source.encoding,
        delimiter=source.delimiter,
    )


def _waiting_problems(p: Pass, importer) -> list[Problem]:
    problems = []
    for u in _unknown_values(p):
        if u.choice is None and u.vocabulary is not Vocabulary.COUNTERPARTY:
            problems.append(importer.unknown_problem(u))
    return problems


def _finish(p, request, source, columns, importer, read, mapping_name) -> ImportResult:
    problems = list(read.problems)
    waiting = _waiting_problems(p, importer)
    if (problems or waiting) and not request.skip_bad_rows:
        raise ImportRejected(source.path, waiting + problems)
    done = importer.finish()
    save_mapping(
        p.session,
        request.kind,
        source.header,
        columns,
        p.values,
        request.mapping_name or mapping_name,
    )
    c = read.counts
    return ImportResult(
        source=source.name,
        added=c[RowStatus.NEW],
        updated=c[RowStatus.UPDATE],
        duplicates=c[RowStatus.DUPLICATE],
        likely_skipped=c[RowStatus.LIKELY],
        matched=c[RowStatus.MATCHED],
        left_out=c[RowStatus.LEFT_OUT],
        bad_skipped=c[RowStatus.BAD] + c[RowStatus.WAITING],
        created=tuple(p.created),
        rules_learned=done.get("rules", 0),
        problems=tuple(waiting + problems),
        notes=tuple(p.notes),
        note_count=p.note_count,
    )


def preview_import(
    store: Store, request: ImportRequest, progress=None, cancelled=None
) -> ImportPreview:
    """Read the whole file as the import would, writing nothing."""
    return run_pass(store, request, False, progress, cancelled).preview


def run_import(store: Store, request: ImportRequest, progress=None, cancelled=None) -> ImportResult:
    """Import as one change set: every row, or (when asked) every good row; else nothing."""
    return run_pass(store, request, True, progress, cancelled).result


__all__ = ["FIELDS", "preview_import", "run_import"]
