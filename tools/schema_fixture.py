"""Write tests/fixtures/schema-NNNN.sponsor: a real group file written by the code of the
commit at which NNNN was the newest schema, kept so that every later version is tested on it
(tests/storage/test_migrations.py upgrades each to head).

    .venv/bin/python tools/schema_fixture.py 0012 97ab87a

The commit is checked out in a temporary git worktree and its own `sponsor-app demo` writes
the small demo there, with the app's folders in a temporary folder (nothing of yours is read
or written). With --from FIXTURE --target NNNN instead, that commit's migrations bring an
earlier fixture up to NNNN (for a revision that was never the newest on its own: 0005 came
with 0006).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = "2026-06-15"

UPGRADE = """
import sys
from pathlib import Path
from sponsor_app.storage import migrate
from sponsor_app.storage.store import make_engine
path, target = Path(sys.argv[1]), sys.argv[2]
engine = make_engine(path)
migrate.upgrade(engine, path, backup_first=False, target=target)
engine.dispose()
"""


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def as_one_file(path: Path) -> None:
    """Every commit in the file itself and no log beside it (the fixtures are single files)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="the schema revision, e.g. 0012")
    parser.add_argument("commit", help="a commit whose newest schema revision is VERSION")
    parser.add_argument("--from", dest="start", type=Path, help="an earlier fixture to upgrade")
    args = parser.parse_args()
    out = FIXTURES / f"schema-{args.version}.sponsor"
    with tempfile.TemporaryDirectory(prefix="schema-fixture-") as work:
        tree = Path(work) / "tree"
        subprocess.run(
            [
                "git",
                "-C",
                str(REPO),
                "worktree",
                "add",
                "--detach",
                "--quiet",
                str(tree),
                args.commit,
            ],
            check=True,
        )
        try:
            env = {
                **os.environ,
                "PYTHONPATH": str(tree),
                "SPONSOR_DESK_HOME": str(Path(work) / "home"),
                "SPONSOR_DESK_TODAY": TODAY,
                "QT_QPA_PLATFORM": "offscreen",
            }
            made = Path(work) / "group.sponsor"
            if args.start is None:
                command = ["-m", "sponsor_app", "demo", str(made), "--size", "small"]
            else:
                shutil.copyfile(args.start, made)
                command = ["-c", UPGRADE, str(made), args.version]
            subprocess.run([sys.executable, *command], env=env, cwd=work, check=True)
            found = revision_of(made)
            if found != args.version:
                print(f"{args.commit} wrote schema {found}, not {args.version}", file=sys.stderr)
                return 1
            as_one_file(made)
            shutil.copyfile(made, out)
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True
            )
    print(f"wrote {out.relative_to(REPO)} (schema {args.version}, from {args.commit})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
