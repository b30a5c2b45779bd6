"""A real PostgreSQL server from the machine's packages, in a temporary folder, reached only
through a Unix socket (no TCP: the tests run with network sockets forbidden).

Not pytest-postgresql: it cannot run as root (initdb refuses) and waits on TCP. Here, as root,
initdb and pg_ctl run as the `postgres` user (`runuser`), in a short /tmp folder chowned to it
(a socket's path must stay under 107 bytes; pytest's tmp_path is root's alone).

    server = LocalPostgres.find()      # None: PostgreSQL is not installed
    server.start(); ...; server.stop()

The server has a superuser `postgres` (trusted on the socket, for the tests' own setup) and
every other login authenticates with SCRAM-SHA-256, as a real hub's do.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

INSTALL_HINT = "PostgreSQL is not installed: `sudo apt-get install postgresql` (Debian, Ubuntu)"
ADMIN = "hub_admin"
ADMIN_PASSWORD = "admin-password-for-tests"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin, or PATH's."""
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


class LocalPostgres:
    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="sdpg-", dir="/tmp"))
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False

    @classmethod
    def find(cls) -> LocalPostgres | None:
        found = binaries()
        return cls(found) if found else None

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        (self.data / "pg_hba.conf").write_text(
            "local all postgres trust\nlocal all all scram-sha-256\n"
        )
        if self.as_root:
            shutil.chown(self.data / "pg_hba.conf", "postgres", "postgres")
        self.restart()
        self.superuser(
            f"CREATE ROLE {ADMIN} LOGIN CREATEROLE PASSWORD '{ADMIN_PASSWORD}'",
        )

    def stop(self, mode: str = "immediate") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        """Start the server (again, after `stop`): on the socket only, no TCP."""
        options = (
            f"-k {self.folder} -c listen_addresses='' -c password_encryption=scram-sha-256 "
            "-c max_connections=60"
        )
        log = str(self.folder / "log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-w", "-t", "60", "-l", log, "start"
        )

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, user: str = "postgres", database: str = "postgres", password: str = "") -> str:
        secret = f":{quote(password, safe='')}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={self.folder}"

    def admin_url(self, database: str) -> str:
        return self.url(ADMIN, database, ADMIN_PASSWORD)

    def superuser(self, *statements: str, database: str = "postgres") -> list[tuple]:
        import psycopg

        rows: list[tuple] = []
        with psycopg.connect(self.url(database=database), autocommit=True) as connection:
            for statement in statements:
                cursor = connection.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
        return rows

    def new_database(self, name: str, template: str | None = None) -> str:
        """A database owned by the hub's administrator (as a hosted one would be)."""
        like = f" TEMPLATE {template}" if template else ""
        self.superuser(f"CREATE DATABASE {name} OWNER {ADMIN}{like}")
        return self.admin_url(name)
