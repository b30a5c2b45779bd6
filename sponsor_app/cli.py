"""The command line: the same services as the window, no window.

Errors a person can act on print one line to stderr and exit non-zero; bugs still raise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__, clock
from .domain.errors import SponsorDeskError
from .domain.plurals import counted
from .domain.programmes import DEFAULT_PROGRAMME, all_programmes

COMMANDS = (
    "new",
    "demo",
    "check",
    "backup",
    "restore",
    "import",
    "export",
    "history",
    "revert",
    "tasks",
    "calendar",
    "report",
    "combine",
    "protect",
    "unprotect",
    "subject",
    "hub",
    "sync",
)
TABLES = ("volunteers", "transactions")
IMPORTS = (*TABLES, "bank")

EXIT_USER_ERROR = 1
EXIT_UNHEALTHY = 3

PASSPHRASE_VARIABLE = "SPONSOR_APP_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "SPONSOR_APP_NEW_PASSPHRASE"
PASSPHRASE_TRIES = 3


def printable(text: str) -> str:
    """Stored text as a terminal may show it: control characters written out (domain.words,
    loaded only when a command prints such text)."""
    from .domain.words import printable as written_out

    return written_out(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        if message.startswith("argument COMMAND: invalid choice"):
            wrong = message.split("'")[1]
            message = f"there is no command “{wrong}”; the commands are {', '.join(COMMANDS)}"
        self.exit(2, f"sponsor-app: {message} (see sponsor-app --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sponsor-app",
        description="Sponsor Desk: records and reports for a community refugee sponsorship group. "
        "With no command (or just FILE) the window opens.",
        epilog=_PROTECTED_FILES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Sponsor Desk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works, in a temporary folder (touches none of yours)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = commands.add_parser("new", help="create an empty group file")
    new.add_argument("file", type=Path)
    new.add_argument("--name", required=True, help="the group's name")
    new.add_argument("--programme", default=DEFAULT_PROGRAMME, choices=list(all_programmes()))

    demo = commands.add_parser("demo", help="write a demo group file with realistic records")
    demo.add_argument("file", type=Path)
    demo.add_argument("--size", default="small", choices=["small", "large", "huge"])

    check = commands.add_parser("check", help="print schema version, row counts and integrity")
    check.add_argument("file", type=Path)

    backup = commands.add_parser(
        "backup", help="write a consistent copy of a group file (works while a window has it open)"
    )
    backup.add_argument("file", type=Path)
    backup.add_argument("--to", type=Path, help="folder for the copy (default: the app's backups)")

    restore = commands.add_parser(
        "restore",
        help="put a backup in place of a group file (keeping a copy of it) or in a new one",
    )
    restore.add_argument("backup", type=Path)
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--force", action="store_true", help="replace the file even if it holds another group"
    )

    importing = commands.add_parser(
        "import",
        help="add or update rows from a CSV or XLSX file, or a bank statement (CSV, OFX, QFX)",
    )
    importing.add_argument("table", choices=IMPORTS)
    importing.add_argument("file", type=Path)
    importing.add_argument("source", type=Path)
    _import_options(importing)

    exporting = commands.add_parser("export", help="write a table as CSV or XLSX")
    exporting.add_argument("table", choices=TABLES)
    exporting.add_argument("file", type=Path)
    exporting.add_argument("--out", type=Path, required=True)
    exporting.add_argument("--force", action="store_true", help="replace the file if it exists")

    history = commands.add_parser("history", help="list the file's change sets, newest first")
    history.add_argument("file", type=Path)
    history.add_argument("--limit", type=_positive, default=30, help="how many (default 30)")
    history.add_argument("--table", help="only change sets touching this table (e.g. household)")

    revert = commands.add_parser(
        "revert", help="take back one change set, restoring every row it touched"
    )
    revert.add_argument("file", type=Path)
    revert.add_argument("change_set", type=_change_set_id, metavar="CHANGE_SET_ID")

    tasks = commands.add_parser("tasks", help="list settlement tasks, with filters")
    tasks.add_argument("file", type=Path)
    tasks.add_argument("--household", metavar="CODE", help="one household (H1, H2...)")
    tasks.add_argument("--overdue", action="store_true", help="only tasks past their due date")
    tasks.add_argument(
        "--due-within", type=_whole, metavar="DAYS", help="overdue or due in the next DAYS days"
    )
    tasks.add_argument(
        "--assignee", metavar="NAME", help="one volunteer's tasks (name, email or #number)"
    )
    tasks.add_argument("--all", action="store_true", help="done and not-applicable tasks too")
    tasks.add_argument("--csv", action="store_true", help="CSV on standard output")

    calendar = commands.add_parser(
        "calendar", help="a volunteer's open tasks as an iCalendar (.ics) file"
    )
    _one_volunteer_written_out(calendar, "the .ics file to write", "replace the file if it exists")
    _add_report_commands(commands)
    _add_privacy_commands(commands)
    from .cli_hub import add_hub_parser

    add_hub_parser(commands, _Parser)
    from .cli_sync import add_sync_parser

    add_sync_parser(commands)
    return parser


_PROTECTED_FILES_HELP = f"""\
A file protected with a passphrase is opened with the passphrase in {PASSPHRASE_VARIABLE}
(its recovery code works there too), or the command asks for it on the terminal (three tries).
Its key file, FILE-key, lies beside it: copy both together."""


def _add_privacy_commands(commands) -> None:
    protect = commands.add_parser(
        "protect",
        help="protect a group file with a passphrase, or change its passphrase "
        f"(the new one from {NEW_PASSPHRASE_VARIABLE}, or asked twice)",
        description="Encrypt FILE (and its backups in the app's folder) with a passphrase, or "
        "change the passphrase of a protected FILE. A new protection prints a recovery code: "
        "print it or write it down, as a forgotten passphrase cannot be recovered. The new "
        f"passphrase comes from {NEW_PASSPHRASE_VARIABLE}, or is asked twice on the terminal; "
        f"a protected file's current one from {PASSPHRASE_VARIABLE}, or is asked.",
        epilog=_PROTECTED_FILES_HELP,
    )
    protect.add_argument("file", type=Path, help="the group file")
    protect.add_argument(
        "--copies",
        choices=("keep", "protect", "delete"),
        default="keep",
        help="copies of the file made before with backup --to, Back Up To or Save a Copy: "
        "leave them readable (keep, the default: they are listed), protect them with the same "
        "passphrase, or delete them",
    )
    protect.add_argument(
        "--new-key",
        action="store_true",
        help="with a new passphrase, also encrypt the file with a new key and recovery code, "
        "so old key files and the old code no longer open it",
    )
    unprotect = commands.add_parser(
        "unprotect",
        help="remove a group file's passphrase",
        description="Write FILE plain again, readable without a passphrase, and remove its "
        f"key file. Its passphrase (or recovery code) comes from {PASSPHRASE_VARIABLE}, or is "
        "asked on the terminal.",
    )
    unprotect.add_argument("file", type=Path, help="the group file")
    subject = commands.add_parser(
        "subject", help="write everything the file holds about one person into a folder"
    )
    _one_volunteer_written_out(subject, "the folder to write", "write into a folder that exists")


def _one_volunteer_written_out(command: argparse.ArgumentParser, out: str, force: str) -> None:
    """A command about one volunteer of the group file that writes to --out."""
    command.add_argument("file", type=Path)
    command.add_argument(
        "--volunteer", required=True, metavar="NAME", help="name, email or #number"
    )
    command.add_argument("--out", type=Path, required=True, help=out)
    command.add_argument("--force", action="store_true", help=force)


def _add_report_commands(commands) -> None:
    from .domain.reports import GROUP_REPORTS

    report = commands.add_parser(
        "report", help="write a PDF report: evaluation, finances, roster, checklist or housing"
    )
    report.add_argument(
        "kind",
        choices=[k.value for k in GROUP_REPORTS],
        metavar="KIND",
        help=f"one of: {', '.join(k.value for k in GROUP_REPORTS)}",
    )
    report.add_argument("file", type=Path)
    report.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the PDF to write (evaluation: its accessible HTML version goes beside it, .html)",
    )
    report.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help="first day (default: the group's start)",
    )
    report.add_argument(
        "--to", dest="end", type=_date, metavar="DATE", help="last day (default: today)"
    )
    report.add_argument(
        "--named", action="store_true", help="include names (the report is then confidential)"
    )
    report.add_argument(
        "--bundle",
        type=Path,
        metavar="ZIP",
        help="evaluation only: also write its figures as a data bundle",
    )
    report.add_argument("--force", action="store_true", help="replace files that exist")

    combine = commands.add_parser(
        "combine", help="one cross-group summary from many groups' bundles"
    )
    combine.add_argument("bundles", type=Path, nargs="+", metavar="BUNDLE")
    combine.add_argument("--out", type=Path, required=True, help="the summary PDF to write")
    combine.add_argument(
        "--csv", type=Path, metavar="ZIP", help="also the exact figures as CSV files in a zip"
    )
    combine.add_argument("--force", action="store_true", help="replace files that exist")


def _date(text: str) -> date:
    return _bounded(
        text,
        date.fromisoformat,
        "a date such as 2026-03-31",
        (FIRST_DATE, LAST_DATE),
        f"a date from {FIRST_DATE} to {LAST_DATE}",
    )


def _import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        type=_mapping,
        metavar="WHAT:VALUE=TARGET",
        help="what a value in the file means: roles:lead=group_lead, statuses:ok=current, "
        "categories:koha=Donations, households:A=H1, kinds:in=income; or which field a "
        "column is: column:Total=amount (column:Notes=ignore). Repeat for each.",
    )
    parser.add_argument(
        "--create-missing",
        action="store_true",
        help="create the roles, categories and households the file names that the group lacks",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows and list the bad ones (else one bad row and nothing changes)",
    )
    parser.add_argument(
        "--errors", type=Path, metavar="FILE.csv", help="write every problem to this CSV file"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the --errors file if it exists"
    )
    parser.add_argument("--sheet", help="the workbook's sheet to read (default: the first)")
    parser.add_argument(
        "--encoding",
        choices=("utf-8", "cp1252", "windows-1252", "utf-16"),
        help="how a CSV's text is written (default: recognised; a UTF-8 file with a stray "
        "byte is refused, naming the line, rather than guessed)",
    )
    parser.add_argument(
        "--mapping",
        metavar="NAME",
        help="use (or save) the column mapping of this name, e.g. your bank's",
    )


_VOCABULARIES = {
    "role": "roles",
    "roles": "roles",
    "status": "vetting_status",
    "statuses": "vetting_status",
    "vetting": "vetting_status",
    "vetting_status": "vetting_status",
    "category": "category",
    "categories": "category",
    "household": "household",
    "households": "household",
    "kind": "kind",
    "kinds": "kind",
    "counterparty": "counterparty",
    "payee": "counterparty",
    "column": "column",
    "columns": "column",
}


def _mapping(text: str) -> tuple[str, str, str]:
    what, colon, rest = text.partition(":")
    value, equals, target = rest.partition("=")
    vocabulary = _VOCABULARIES.get(what.strip().lower())
    if not colon or not equals or not value.strip() or vocabulary is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not WHAT:VALUE=TARGET (WHAT is roles, statuses, categories, "
            "households, kinds, counterparty or column)"
        )
    return vocabulary, value.strip(), target.strip()


# Every number and date a command takes has a range: a value outside it is a usage mistake
# (one line, exit 2), never a traceback deep inside (a date past 9999, an integer SQLite
# cannot hold).
MAX_DAYS_AHEAD = 3660  # --due-within: ten years
MAX_LISTED = 1_000_000  # --limit
MAX_ID = 2**63 - 1  # SQLite's largest integer
FIRST_DATE = date(1950, 1, 1)
LAST_DATE = date(2099, 12, 31)


def _bounded(text: str, read: Callable[[str], Any], what: str, span: tuple, words: str):
    """One argument as argparse takes it: read from the text (else "is not `what`"), then
    kept within `span` (else "is out of range: give `words`")."""
    try:
        value = read(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
    low, high = span
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range: give {words}")
    return value


def _number(low: int, high: int, name: str = ""):
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        return _bounded(text, int, "a whole number", (low, high), f"{low:,} to {high:,}{name}")

    parse.__name__ = "number"  # argparse names the type in its own messages
    return parse


_whole = _number(0, MAX_DAYS_AHEAD, " days")
_positive = _number(1, MAX_LISTED)
_change_set_id = _number(1, MAX_ID)


def run(argv: Sequence[str]) -> int:
    from .services.files.backups import DamagedFile, offering_backup

    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage mistake already explained
        return int(done.code or 0)
    if args.self_test:  # __main__ runs `sponsor-app --self-test`: the window is part of it
        print("sponsor-app: --self-test takes no other arguments", file=sys.stderr)
        return 2
    if args.command is None:
        build_parser().print_usage(sys.stderr)
        return 2
    try:
        _prepare_app_folder(args)
        for path in _group_files_of(args):
            _clean_beside(path)  # check and backup never open a Store, which would do it
            _unlock(path)
        return _COMMANDS[args.command](args)
    except SponsorDeskError as error:
        if isinstance(error, DamagedFile):
            error = offering_backup(error)  # this group's newest good backup, and how
        # One line: an import's row-by-row list is joined with "; " rather than wrapped.
        message = " ".join(line.strip() for line in str(error).splitlines())
        print(f"sponsor-app: {printable(message)}", file=sys.stderr)
        return _exit_status_of_error(args)
    except KeyboardInterrupt:
        print("sponsor-app: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except (ValueError, LookupError, TypeError):
        # A value of the wrong kind stored by another program fails wherever it is used:
        # name the row. Anything else is a bug and stays one.
        wrong = _wrong_value_in(args)
        if wrong is None:
            raise
        print(f"sponsor-app: {wrong}", file=sys.stderr)
        return EXIT_USER_ERROR


def _exit_status_of_error(args) -> int:
    """`sync` says "nothing was synced" with 2 (1 is its "synced, but some records wait")."""
    if args.command == "sync":
        from .cli_sync import EXIT_NOT_SYNCED

        return EXIT_NOT_SYNCED
    return EXIT_USER_ERROR


def _wrong_value_in(args):
    from .services.files.health import first_wrong_value

    for path in _group_files_of(args):
        wrong = first_wrong_value(path)
        if wrong is not None:
            return wrong
    return None


# Commands that write the group file (or restore over it) need the app's own folder for the
# backup taken first; the others only read the file and work without it (a read-only disk).
NEEDS_APP_FOLDER = frozenset({"import", "revert", "protect", "unprotect", "restore", "sync"})


def _needs_app_folder(args) -> bool:
    return args.command in NEEDS_APP_FOLDER or (
        args.command == "backup" and getattr(args, "to", None) is None
    )


def _prepare_app_folder(args) -> None:
    from .services.files.temporary_files import prepare_app_folder

    prepare_app_folder(args.command, writes=_needs_app_folder(args))


def _clean_beside(path: Path) -> None:
    from .services.files.backups import clean_up_beside

    clean_up_beside(path)


# --- protected files -------------------------------------------------------------------------
def _group_files_of(args) -> list[Path]:
    """The group files (and backups) a command reads, so a protected one is unlocked first."""
    if args.command in ("new", "demo", "combine"):
        return []
    places = [getattr(args, name, None) for name in ("backup", "file")]
    return [Path(p) for p in places if p is not None and Path(p).is_file()]


def _unlock(path: Path) -> None:
    """Unlock a protected file with SPONSOR_APP_PASSPHRASE, or by asking on the terminal (a
    recovery code is taken too); three wrong tries end the command."""
    import os

    from .services.files.protection import (
        WrongPassphrase,
        WrongRecoveryCode,
        is_protected,
        is_unlocked,
        unlock_with_either,
    )

    if not is_protected(path) or is_unlocked(path):
        return
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given is not None:
        unlock_with_either(path, given)
        _finish_protection(path)
        return
    if not sys.stdin.isatty():
        raise SponsorDeskError(
            f"{path} is protected with a passphrase: set {PASSPHRASE_VARIABLE}, or run the "
            "command in a terminal to be asked for it."
        )
    for attempt in range(1, PASSPHRASE_TRIES + 1):
        typed = _ask(f"Passphrase (or recovery code) for {path.name}: ")
        try:
            unlock_with_either(path, typed)
            _finish_protection(path)
            return
        except (WrongPassphrase, WrongRecoveryCode) as wrong:
            if attempt == PASSPHRASE_TRIES:
                raise SponsorDeskError(
                    f"{counted(PASSPHRASE_TRIES, 'wrong try')}: {path} was not opened."
                ) from wrong
            print(str(wrong).replace(" Nothing was changed.", ""), file=sys.stderr)


def _finish_protection(path: Path) -> None:
    """A protect killed before it showed the recovery code: its backups are protected now and
    the code is shown here, once."""
    from .services.files.protection import finish_interrupted_protection, recovery_code_shown

    code = finish_interrupted_protection(path)
    if code is None:
        return
    print(
        f"{path} was protected by a run that stopped before it showed the recovery code; the "
        "protection is finished now."
    )
    print(f"Recovery code (print it or write it down, and keep it apart from the computer): {code}")
    recovery_code_shown(path)


def _ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:  # Ctrl-D, or the input ran out
        print(file=sys.stderr)
        raise SponsorDeskError("No passphrase was typed: nothing was opened or changed.") from None


def _new_passphrase(path: Path) -> str:
    """The new passphrase: SPONSOR_APP_NEW_PASSPHRASE, or typed twice on the terminal."""
    import os

    from .services.files.protection import guessable_words, require_new_passphrase

    context = guessable_words(path)
    given = os.environ.get(NEW_PASSPHRASE_VARIABLE)
    if given is not None:
        require_new_passphrase(given, given, context)
        return given
    if not sys.stdin.isatty():
        raise SponsorDeskError(
            f"Set {NEW_PASSPHRASE_VARIABLE} to the new passphrase, or run the command in a "
            "terminal to be asked for it."
        )
    print(
        "A forgotten passphrase cannot be recovered: only the recovery code printed next "
        "opens the file without it.",
        file=sys.stderr,
    )
    first = _ask("New passphrase: ")
    require_new_passphrase(first, first, context)
    require_new_passphrase(first, _ask("The same passphrase again: "), context)
    return first


def _protect(args) -> int:
    from .services.files.protection import (
        change_passphrase,
        check_is_group_file,
        copies_left_plain,
        is_protected,
        protect_file,
        recovery_code_shown,
    )

    check_is_group_file(args.file)
    if is_protected(args.file):  # unlocked above with the current passphrase
        return _change_passphrase(args, change_passphrase)
    copies = [c.path for c in copies_left_plain(args.file)]
    done = protect_file(args.file, _new_passphrase(args.file))
    backups = "backup" if done.backups == 1 else "backups"
    print(f"Protected {args.file} and its {done.backups} {backups} in the app's folder.")
    print(
        f"Recovery code (print it or write it down, and keep it apart from the computer): "
        f"{done.recovery_code}"
    )
    recovery_code_shown(args.file)
    print(
        f"Keep {args.file.name}-key beside the file (copy both): with it the passphrase opens "
        "the file on another computer; without it only the recovery code does."
    )
    _copies_made_before(args, copies)
    return 0


def _copies_made_before(args, copies: list[Path]) -> None:
    """Copies made elsewhere before protecting stay readable unless --copies says otherwise."""
    from .services.files.protection import delete_copies, protect_copies

    if not copies:
        return
    if args.copies == "keep":
        print(
            f"{_count(len(copies), 'copy', 'copies')} made before "
            f"{'stays' if len(copies) == 1 else 'stay'} readable by anyone who can reach "
            f"{'it' if len(copies) == 1 else 'them'} (--copies protect or --copies delete "
            "deals with them):"
        )
        for copy in copies:
            print(f"  {copy}")
        return
    act = protect_copies if args.copies == "protect" else delete_copies
    word = "Protected" if args.copies == "protect" else "Deleted"
    for copy, problem in act(args.file, copies):
        print(f"  {word} {copy}" if problem is None else f"  Not changed: {copy}: {problem}")


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _change_passphrase(args, change_passphrase) -> int:
    from .services.files.protection import new_recovery_code

    if args.new_key:
        code = new_recovery_code(args.file, _new_passphrase(args.file))
        print(f"Changed the passphrase and the key of {args.file}: old key files, the old")
        print("passphrase and the old recovery code no longer open it (its older backups keep")
        print(f"the old key). New recovery code: {code}")
        return 0
    change_passphrase(args.file, _new_passphrase(args.file))
    print(f"Changed the passphrase of {args.file}; its recovery code still opens it.")
    print(
        "Old copies of its key file still open it with the old passphrase; add --new-key to "
        "retire them (and the old recovery code)."
    )
    return 0


def _unprotect(args) -> int:
    from .services.files.protection import (
        NotProtected,
        check_is_group_file,
        is_protected,
        unprotect_file,
    )

    check_is_group_file(args.file)
    if not is_protected(args.file):
        raise NotProtected(args.file)
    unprotect_file(args.file)
    print(
        f"Removed the passphrase of {args.file}: anyone who can read the file can read its "
        "records. Its backups in the app's folder stay protected."
    )
    return 0


def _subject(args) -> int:
    from .services.files.subject import write_subject_access
    from .services.group.groups import open_to_read

    with open_to_read(args.file) as store:
        written = write_subject_access(store, args.volunteer, args.out, force=args.force)
    print(
        f"Wrote everything {args.file.name} holds about {printable(written.name)} to "
        f"{written.folder}"
    )
    return 0


def _new(args) -> int:
    from .services.group.groups import NewGroup, create_group

    store = create_group(args.file, NewGroup(name=args.name, programme_key=args.programme))
    store.close()
    print(f"Created {args.file} for “{args.name}” ({all_programmes()[args.programme].name}).")
    return 0


def _demo(args) -> int:
    from .services.demo.demo import SIZES, write_demo

    write_demo(args.file, args.size)
    spec = SIZES[args.size]
    print(
        f"Wrote the {args.size} demo group to {args.file}: {counted(spec.households, 'household')}, "
        f"{counted(spec.volunteers, 'volunteer')}, {counted(spec.transactions, 'transaction')}."
    )
    return 0


def _check(args) -> int:
    from .services.files.health import check_file

    report = check_file(args.file)
    print(f"File:      {report.path}")
    print(f"Schema:    {report.schema_version}")
    print("Rows:")
    for table, count in report.row_counts.items():
        print(f"  {table:<20} {count:>9,}")
    print(f"Integrity: {'; '.join(report.integrity)}")
    print(
        f"Foreign keys: {'ok' if report.foreign_key_problems == 0 else report.foreign_key_problems}"
    )
    for problem in _consistency_problems(report):
        print(f"Problem:   {problem}")
    if report.healthy:
        print("Healthy.")
    elif report.repairable_only:
        print("NOT healthy, but the next open puts it right: open it in the window, or run any")
        print("command that writes (nothing is lost).")
    else:
        print("NOT healthy: restore a backup or ask for help.")
    return 0 if report.healthy else EXIT_UNHEALTHY


def _consistency_problems(report) -> list[str]:
    problems = []
    if report.schema_problem:
        problems.append(report.schema_problem)
    problems += [f"the table {name} is missing" for name in report.missing_tables]
    if not report.has_group_profile:
        problems.append("the group profile is missing")
    if not report.audit_triggers:
        problems.append("audit triggers missing or out of date (put back at the next open)")
    problems += [f"a stored value of the wrong kind: {wrong}" for wrong in report.wrong_values]
    if report.wrong_value_count > len(report.wrong_values):
        problems.append(f"and {report.wrong_value_count - len(report.wrong_values):,} more")
    for change_set_id in report.left_open:
        problems.append(
            f"change {change_set_id} was left open by a crash or another program, which "
            "blocks every save (closed as it stands at the next open in the window, or by "
            "any command that writes)"
        )
    return problems


def _backup(args) -> int:
    from .services.files.backups import back_up

    # No write lock: a backup only reads, so it works while a window has the file open, and
    # its read connection sees every change saved there.
    copy = back_up(args.file, to_dir=args.to)
    print(f"Backed up {args.file} to {copy}")
    return 0


def _restore(args) -> int:
    from .services.files.backups import restore

    # --force is the person's yes to both: another group's file, and losing its passphrase.
    done = restore(args.backup, args.file, another_group=args.force, unprotect=args.force)
    print(f"Restored {args.file} (“{done.group_name}”) from {args.backup}.")
    if done.kept:
        print(f"The file it replaced was kept as {done.kept}")
    if done.set_aside:
        print(f"The damaged file it replaced was kept as {done.set_aside}")
    return 0


def _import(args) -> int:
    from .cli_imports import run_import_command

    return run_import_command(args)


def _export(args) -> int:
    from .services.group.groups import open_to_read
    from .services.imports.transaction_io import export_transactions
    from .services.imports.volunteer_io import export_volunteers

    with open_to_read(args.file) as store:
        export = export_volunteers if args.table == "volunteers" else export_transactions
        export(store, args.out, force=args.force)
    print(f"Wrote {args.out}")
    return 0


def _history(args) -> int:
    from .services.files.history import list_change_sets
    from .services.group.groups import open_to_read

    with open_to_read(args.file) as store:
        rows = list_change_sets(store, limit=args.limit, table=args.table)
    if not rows:
        print("No change sets" + (f" touching {args.table}." if args.table else "."))
        return 0
    print(f"{'id':>6}  {'when (local time)':<16}  {'who':<24}  {'rows':>6}  what")
    for row in rows:
        when = row.at.astimezone().strftime("%Y-%m-%d %H:%M")
        what = row.description or "(no description)"
        if row.kind == "revert" and row.reverts_id:
            what += f"  [reverts {row.reverts_id}]"
        elif row.kind in ("schema", "legacy", "access", "erasure"):
            what += f"  [{row.kind}]"
        actor = printable(row.actor)[:24]
        print(f"{row.id:>6}  {when:<16}  {actor:<24}  {row.rows_touched:>6}  {printable(what)}")
    return 0


def _revert(args) -> int:
    from .services.files.history import description_of, revert
    from .services.group.groups import open_group

    with open_group(args.file) as store:
        what = description_of(store, args.change_set)
        changes = revert(store, args.change_set, f"Revert change {args.change_set}: {what}")
    print(
        f"Reverted change {args.change_set} (“{what}”): {counted(changes.row_count, 'row')} restored, "
        f"recorded as change {changes.change_set_id}."
    )
    return 0


def _tasks(args) -> int:
    import csv

    from .domain.settlement import TaskFilter
    from .services.group.groups import open_to_read
    from .services.households.households import household_by_code
    from .services.imports.tabular import neutralise
    from .services.plan.calendar import find_volunteer
    from .services.plan.plan import plan_tasks

    with open_to_read(args.file) as store, store.read():
        household = household_by_code(store, args.household) if args.household else None
        assignee = find_volunteer(store, args.assignee) if args.assignee else None
        wanted = TaskFilter(
            household_id=household.id if household else None,
            assignee_id=assignee.id if assignee else None,
            overdue=args.overdue,
            due_within_days=args.due_within,
        )
        today = clock.today()
        rows = [
            t
            for t in plan_tasks(store)
            if wanted.matches(t, today) and (args.all or t.status.is_open)
        ]
    header = ("household", "due", "phase", "area", "title", "assignee", "status")
    lines = [
        (
            printable(t.household_code),
            t.due_on.isoformat() if t.due_on else "",
            t.phase.label,
            t.outcome_area.label,
            printable(t.title),
            printable(t.assignee),
            t.status.label,
        )
        for t in rows
    ]
    if args.csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(header)
        out.writerows([neutralise(cell) for cell in line] for line in lines)
        return 0
    if not lines:
        print("No tasks match.")
        return 0
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    widths[4] = min(widths[4], 48)
    for line in (header, *lines):
        cells = [
            cell if len(cell) <= widths[i] else cell[: widths[i] - 1] + "…"
            for i, cell in enumerate(line)
        ]
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)).rstrip())
    print(f"{len(lines)} task{'s' if len(lines) != 1 else ''}.")
    return 0


def _calendar(args) -> int:
    from .services.group.groups import open_to_read
    from .services.plan.calendar import find_volunteer, write_calendar

    with open_to_read(args.file) as store:
        volunteer = find_volunteer(store, args.volunteer)
        written = write_calendar(store, volunteer.id, args.out, force=args.force)
    tasks = "open task" if written.events == 1 else "open tasks"
    print(f"Wrote {written.events} {tasks} of {printable(volunteer.full_name)} to {written.path}")
    return 0


def _report(args) -> int:
    from .domain.reports import ReportKind
    from .reports.generate import write
    from .services.group.groups import open_to_read
    from .services.reporting.gather import ReportRequest, prepare
    from .services.reporting.report_data import checked_period

    kind = ReportKind(args.kind)
    if args.bundle is not None and kind is not ReportKind.EVALUATION:
        print("sponsor-app: --bundle goes with the evaluation report only.", file=sys.stderr)
        return 2
    with open_to_read(args.file) as store:
        period = checked_period(args.start, args.end, store)
        made = write(
            prepare(
                store,
                ReportRequest(
                    kind, args.out, period, args.named, bundle=args.bundle, force=args.force
                ),
            )
        )
    note = " (named: confidential)" if made.named else ""
    print(f"Wrote the {kind.title.lower()}{note} to {made.path}")
    if made.bundle is not None:
        print(f"Wrote its data bundle to {made.bundle}")
    if made.html is not None:
        print(f"Wrote its accessible version (HTML, for screen readers) to {made.html}")
    return 0


def _combine(args) -> int:
    from .reports.combined import difference_lines
    from .reports.generate import combine_bundles
    from .services.reporting.combine import BundlesRefused

    try:
        data = combine_bundles(args.bundles, args.out, args.csv, force=args.force)
    except BundlesRefused as refused:  # one line per bundle refused; nothing was written
        for line in refused.lines:
            print(f"sponsor-app: {line}", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"Combined {counted(len(data.groups), 'group')} into {args.out}")
    for line in difference_lines(data):
        print(line)
    if args.csv is not None:
        print(f"Wrote the exact figures (not rounded) to {args.csv}")
    return 0


def _hub(args) -> int:
    from .cli_hub import run_hub_command

    return run_hub_command(args)


def _sync(args) -> int:
    from .cli_sync import run_sync_command

    return run_sync_command(args)


_COMMANDS = {
    "new": _new,
    "demo": _demo,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "import": _import,
    "export": _export,
    "history": _history,
    "revert": _revert,
    "tasks": _tasks,
    "calendar": _calendar,
    "report": _report,
    "combine": _combine,
    "protect": _protect,
    "unprotect": _unprotect,
    "subject": _subject,
    "hub": _hub,
    "sync": _sync,
}


def is_command_line(argv: Sequence[str]) -> bool:
    """Subcommands, --help/--version and mistakes go to the command line; no argument, or a
    group file to open, starts the window."""
    if not argv:
        return False
    first = argv[0]
    if first in COMMANDS or first.startswith("-"):
        return True
    return not _names_a_group_file(first)


def _names_a_group_file(text: str) -> bool:
    """`sponsor-app riverside.sponsor` opens it; `sponsor-app frobnicate` is a typo."""
    from .locations import GROUP_FILE_SUFFIX

    return text.endswith(GROUP_FILE_SUFFIX) or Path(text).exists()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
