"""`sponsor-app import volunteers|transactions|bank FILE SOURCE`: the preview's choices as
options, and every problem on its own line (the first 20; --errors FILE.csv writes them all).
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from .domain.errors import Problem, SponsorDeskError
from .domain.messages import english
from .domain.plurals import counted
from .domain.text import fold
from .services.files.outputs import check_output, write_output
from .services.imports.fields import FIELDS, ImportKind, Vocabulary
from .services.imports.model import ImportRejected, ImportRequest, ImportResult

SHOWN = ImportRejected.SHOWN
EXIT_REFUSED = 1
EXIT_USAGE = 2

_ALLOWED = {
    ImportKind.VOLUNTEERS: {"roles", "vetting_status"},
    ImportKind.TRANSACTIONS: {"category", "household", "kind"},
    ImportKind.BANK: {"counterparty"},
}
_TARGETS = {"kind": ("income", "expense")}


class UsageError(Exception):
    pass


def run_import_command(args) -> int:
    from .services.group.groups import open_group
    from .services.imports.engine import run_import

    kind = ImportKind(args.table)
    try:
        request = _request(kind, args)
    except UsageError as error:
        print(f"sponsor-app: {error} (see sponsor-app import --help)", file=sys.stderr)
        return EXIT_USAGE
    if args.errors is not None:  # refused before anything is imported, not after
        check_output(args.errors, inputs=_inputs(args), force=args.force, what="list of problems")
    with open_group(args.file) as store:
        try:
            result = run_import(store, request)
        except ImportRejected as rejected:
            _write_errors(args, rejected.problems)
            print(f"sponsor-app: {str(rejected).splitlines()[0]}", file=sys.stderr)
            for line in _listed(rejected.problems, args.errors):
                print(f"  {line}", file=sys.stderr)
            return EXIT_REFUSED
    _write_errors(args, result.problems)
    for line in summary(kind, result, args.errors):
        print(line)
    return 0


def _request(kind: ImportKind, args) -> ImportRequest:
    values: dict[str, dict[str, str]] = {}
    rename: dict[str, str] = {}
    fields = {f.key for f in FIELDS[kind]}
    for vocabulary, value, target in args.map:
        if vocabulary == "column":
            field = "" if fold(target) in ("", "ignore", "-", "none") else target.strip().lower()
            if field and field not in fields:
                raise UsageError(
                    f"“{target}” is not a field of a {kind.value} import; the fields are: "
                    f"{', '.join(sorted(fields))} (or ignore)"
                )
            rename[value] = field
            continue
        allowed = _ALLOWED[kind] | ({"category"} if kind is ImportKind.BANK else set())
        if vocabulary not in allowed:
            raise UsageError(f"--map {vocabulary}:… does not apply to a {kind.value} import")
        if vocabulary in _TARGETS and fold(target) not in _TARGETS[vocabulary]:
            raise UsageError(f"--map {vocabulary}:{value}={target}: write income or expense")
        if kind is ImportKind.BANK and vocabulary == "category":
            vocabulary = Vocabulary.COUNTERPARTY.value
        if vocabulary == Vocabulary.COUNTERPARTY.value:
            for direction in ("income", "expense"):
                values.setdefault(vocabulary, {})[f"{direction}:{fold(value)}"] = target
            continue
        values.setdefault(vocabulary, {})[fold(value)] = target
    return ImportRequest(
        kind,
        Path(args.source),
        sheet=args.sheet,
        values=values,
        rename=rename,
        create_missing=args.create_missing,
        skip_bad_rows=args.skip_bad_rows,
        mapping_name=args.mapping,
        learn_rules=False,
        encoding={"windows-1252": "cp1252"}.get(args.encoding, args.encoding),
    )


def _listed(problems: list[Problem] | tuple[Problem, ...], errors: Path | None) -> list[str]:
    lines = [f"{p.field}: {p.message}" if p.field else p.message for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        more = f"and {len(problems) - SHOWN:,} more"
        lines.append(more + ("" if errors else " (--errors FILE.csv writes them all)"))
    if errors:
        lines.append(f"every problem is in {errors}")
    return lines


def _inputs(args) -> tuple[Path, ...]:
    return (Path(args.file), Path(args.source))


def _write_errors(args, problems) -> None:
    """Every problem into the --errors CSV, by the one output rule (never onto the group
    file, the source or a file that exists without --force)."""
    if args.errors is None or not problems:
        return
    from .services.imports.tabular import neutralise

    def write(stream) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(("where", "problem"))
        writer.writerows((neutralise(p.field), neutralise(p.message)) for p in problems)
        text.flush()
        text.detach()

    try:
        write_output(
            args.errors, write, inputs=_inputs(args), force=args.force, what="list of problems"
        )
    except SponsorDeskError as error:  # the import itself is done: say so, do not undo it
        print(f"sponsor-app: the problems were not written: {error}", file=sys.stderr)


def _plural(n: int, word: str) -> str:
    return counted(n, word)  # the one plural path (domain/plurals.py)


def summary(kind: ImportKind, result: ImportResult, errors: Path | None = None) -> list[str]:
    lines = []
    rows = "volunteer" if kind is ImportKind.VOLUNTEERS else "transaction"
    already = result.duplicates + result.likely_skipped
    if result.nothing_new and not result.bad_skipped and not result.left_out:
        lines.append(
            f"Nothing new in {result.source}: all {_plural(already, 'row')} are already there."
            if already
            else f"Nothing to import in {result.source}: it has no rows."
        )
    else:
        parts = [f"{_plural(result.added, rows)} added"]
        if kind is ImportKind.VOLUNTEERS:
            parts.append(f"{result.updated:,} updated")
        if result.matched:
            parts.append(f"{_plural(result.matched, 'line')} matched to entries made by hand")
        if result.duplicates:
            parts.append(f"{result.duplicates:,} already in the ledger")
        if result.likely_skipped:
            parts.append(
                f"{_plural(result.likely_skipped, 'likely duplicate')} skipped (same date, "
                "amount and counterparty as a ledger row)"
            )
        if result.left_out:
            parts.append(f"{result.left_out:,} left out")
        lines.append(f"Imported {result.source}: {', '.join(parts)}.")
    if result.created:
        lines.append(f"Created {', '.join(english(c) for c in result.created)}.")
    if result.bad_skipped:
        lines.append(f"Skipped {_plural(result.bad_skipped, 'bad row')}:")
        lines += [f"  {line}" for line in _listed(result.problems, errors)]
    for note in result.notes[:SHOWN]:
        lines.append(f"Note: {english(note)}.")
    if result.note_count > SHOWN:
        lines.append(f"and {result.note_count - SHOWN:,} more notes")
    return lines
