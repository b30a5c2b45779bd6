"""Connecting to the hub: a libpq URL (or key=value string) as the person gave it, problems
named by code, and the address shown without its password.

The password comes from the URL, PGPASSWORD or the password file, and TLS is as libpq does it
(sslmode and friends in the URL): psycopg hands all of that to libpq unchanged.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from psycopg.conninfo import conninfo_to_dict

from ..storage.sync.transport import SyncCode, SyncProblem
from . import SCHEMA

CONNECT_TIMEOUT = 10  # seconds: a hub out of reach is named rather than waited on


def parts_of(url: str) -> dict[str, str]:
    """The URL's libpq parameters, or SyncProblem(bad_url)."""
    if not url.strip() or (not url.startswith(("postgresql://", "postgres://")) and "=" not in url):
        raise SyncProblem(SyncCode.BAD_URL, shown(url))
    try:
        return {k: str(v) for k, v in conninfo_to_dict(url).items()}
    except psycopg.ProgrammingError:
        raise SyncProblem(SyncCode.BAD_URL, shown(url)) from None


def shown(url: str) -> str:
    """The hub's address for a message: user, host, port and database, never the password."""
    try:
        parts = {k: str(v) for k, v in conninfo_to_dict(url).items()}
    except psycopg.ProgrammingError:
        return "the URL given" if "@" in url or "password" in url else url
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"{user}{host}{port}/{parts.get('dbname', '')}"


def connect(url: str) -> psycopg.Connection:
    parts_of(url)
    try:
        # autocommit: every step says where its transaction starts and ends
        # (`connection.transaction()`), so nothing is left open between steps.
        connection = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, autocommit=True)
        # A laptop's session never waits forever on a lock or a statement.
        connection.execute("SET statement_timeout = '120s'")
    except psycopg.Error as error:
        raise problem_of(error, url) from None
    return connection


def problem_of(error: psycopg.Error, url: str) -> SyncProblem:
    state = getattr(error, "sqlstate", None) or ""
    text = str(error).lower()
    if (
        state.startswith("28")
        or "no password supplied" in text
        or ("password" in text and "authentication" in text)
    ):
        return SyncProblem(SyncCode.AUTH, shown(url))
    if state == "3D000":  # no such database
        return SyncProblem(SyncCode.NOT_A_HUB, shown(url))
    if state in ("3F000", "42P01"):  # no schema, no table: hub init was never run here
        return SyncProblem(SyncCode.NOT_A_HUB, shown(url))
    return SyncProblem(SyncCode.UNREACHABLE, shown(url))


@contextlib.contextmanager
def named_failures(url: str) -> Iterator[None]:
    """Every database error inside as the SyncProblem a person can act on. A connection lost
    mid-transaction never committed, so nothing of it is on the hub."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege:
        raise  # a programming error, or a group reaching past its rows: never hidden
    except psycopg.Error as error:
        raise problem_of(error, url) from None


def schema_revision(connection: psycopg.Connection) -> str | None:
    """The hub schema's migration revision, or None where the database holds no hub."""
    exists = connection.execute(
        "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.alembic_version",)
    ).fetchone()[0]
    if not exists:
        return None
    row = connection.execute(f"SELECT version_num FROM {SCHEMA}.alembic_version").fetchone()
    return row[0] if row else None
