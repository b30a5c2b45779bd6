"""The hub administrator's side: set the hub up, give a group its login, see who syncs.

These run with the administrator's URL (the schema's owner, allowed to create roles): its reads
pass row-level security. A group's URL is printed once by `add_group` and never stored here.
"""

from __future__ import annotations

import secrets
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from urllib.parse import quote, urlencode

import psycopg

from ..domain.errors import SponsorDeskError
from ..storage.sync.transport import SyncCode, SyncProblem
from . import GROUP_ROLE, HEAD, SCHEMA
from .connection import connect, named_failures, parts_of, schema_revision, shown

S = SCHEMA
PASSWORD_BYTES = 20  # 32 characters of base 32: 160 bits, nothing to guess


class HubRefusal(SponsorDeskError):
    """Something the administrator asked that the hub cannot do, said in one sentence."""


def init(url: str) -> str:
    """Create or bring up to date the hub's schema; returns its revision. Refuses a hub set up
    by a newer Sponsor Desk (never downgrades)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    connection = connect(url)
    try:
        with named_failures(url):
            revision = schema_revision(connection)
    finally:
        connection.close()
    if revision is not None and revision > HEAD:
        raise SyncProblem(SyncCode.HUB_NEWER, shown(url))
    engine = create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(url, connect_timeout=10)
    )
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("sponsor_app.hub") / "migrations")
    )
    try:
        with named_failures(url), engine.begin() as sa_connection:
            config.attributes["connection"] = sa_connection
            command.upgrade(config, "head")
    except Exception as error:  # SQLAlchemy wraps the driver's error
        cause = getattr(error, "orig", None)
        if isinstance(cause, psycopg.errors.InsufficientPrivilege):
            raise HubRefusal(
                f"The user of {shown(url)} may not create the hub's schema or its role: use the "
                "administrator's URL (a user with CREATEROLE that may create schemas)."
            ) from None
        if isinstance(cause, psycopg.Error):
            raise SyncProblem(SyncCode.UNREACHABLE, shown(url)) from None
        raise
    finally:
        engine.dispose()
    return HEAD


@dataclass(frozen=True)
class NewGroup:
    group_id: str
    role_name: str
    url: str  # the group's URL, with its password: shown once


def add_group(url: str, group_id: str, label: str = "") -> NewGroup:
    """A login for the group: a new role in the hub's group role, with a random password sent
    as a SCRAM-SHA-256 verifier computed here (the password itself never reaches the server
    or its logs), and the group's row. Refuses a group that already has one."""
    parts = parts_of(url)
    role = "sdg_" + secrets.token_hex(8)  # reveals nothing about the group in pg_roles
    password = b32encode(secrets.token_bytes(PASSWORD_BYTES)).decode("ascii")
    connection = connect(url)
    try:
        with named_failures(url):
            _require_hub(connection, url)
            verifier = connection.pgconn.encrypt_password(
                password.encode(), role.encode(), b"scram-sha-256"
            ).decode("ascii")
            with connection.transaction():
                held = connection.execute(
                    f"SELECT label FROM {S}.hub_group WHERE group_id = %s", (group_id,)
                ).fetchone()
                if held is not None:
                    raise HubRefusal(
                        f"The group {group_id} already has a login on this hub"
                        + (f" (“{held[0]}”)" if held[0] else "")
                        + "; its laptops use the URL printed when it was added."
                    )
                # Role names and verifiers cannot be bound as parameters; both are ours.
                connection.execute(
                    f"CREATE ROLE {role} LOGIN PASSWORD '{verifier}' IN ROLE {GROUP_ROLE}"
                )
                connection.execute(
                    f"INSERT INTO {S}.hub_group (group_id, role_name, label) VALUES (%s, %s, %s)",
                    (group_id, role, label),
                )
    except psycopg.errors.InsufficientPrivilege:
        raise HubRefusal(
            f"The user of {shown(url)} may not create logins: use the administrator's URL."
        ) from None
    finally:
        connection.close()
    return NewGroup(group_id, role, group_url(parts, role, password))


def group_url(admin: dict[str, str], role: str, password: str) -> str:
    """The administrator's URL with the group's user and password: the same server, port,
    database and TLS settings (ssl* parameters), nothing else of the administrator's."""
    host = admin.get("host", "")
    query = {k: v for k, v in admin.items() if k.startswith("ssl") or k == "target_session_attrs"}
    netloc_host = ""
    if host.startswith("/") or "," in host:  # a Unix socket's folder, or several hosts
        query["host"] = host
    elif host:
        netloc_host = f"[{host}]" if ":" in host else host
    if admin.get("port"):
        if netloc_host:
            netloc_host += f":{admin['port']}"
        else:
            query["port"] = admin["port"]
    user = f"{quote(role, safe='')}:{quote(password, safe='')}@"
    dbname = quote(admin.get("dbname", ""), safe="")
    tail = f"?{urlencode(sorted(query.items()))}" if query else ""
    return f"postgresql://{user}{netloc_host}/{dbname}{tail}"


def insecure_transport(admin: dict[str, str]) -> bool:
    """A server reached over a network without verifying who it is: the password and the
    records' sizes could be read or the server impersonated on the way."""
    host = admin.get("host", "")
    local = not host or host.startswith("/") or host in ("localhost", "127.0.0.1", "::1")
    return not local and admin.get("sslmode") != "verify-full"


@dataclass(frozen=True)
class GroupStatus:
    group_id: str
    label: str
    created_at: datetime
    laptops: int
    records: int
    bytes: int
    last_push: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True)
class LaptopStatus:
    group_id: str
    replica_id: str
    updated_at: datetime


def status(url: str) -> tuple[list[GroupStatus], list[LaptopStatus]]:
    connection = connect(url)
    try:
        with named_failures(url), connection.transaction():
            _require_hub(connection, url)
            groups = [
                GroupStatus(*row)
                for row in connection.execute(
                    f"""
                    SELECT g.group_id::text, g.label, g.created_at,
                        (SELECT count(*) FROM {S}.hub_replica r WHERE r.group_id = g.group_id),
                        count(h.seq), coalesce(sum(h.size), 0), max(h.stored_at),
                        (SELECT max(updated_at) FROM {S}.hub_replica r
                         WHERE r.group_id = g.group_id)
                    FROM {S}.hub_group g LEFT JOIN {S}.hub_record h USING (group_id)
                    GROUP BY g.group_id ORDER BY g.label, g.created_at
                    """
                )
            ]
            laptops = [
                LaptopStatus(*row)
                for row in connection.execute(
                    f"SELECT group_id::text, replica_id::text, updated_at FROM {S}.hub_replica "
                    "ORDER BY group_id, updated_at DESC"
                )
            ]
    finally:
        connection.close()
    return groups, laptops


def _require_hub(connection: psycopg.Connection, url: str) -> None:
    revision = schema_revision(connection)
    if revision is None:
        raise SyncProblem(SyncCode.NOT_A_HUB, shown(url))
    if revision > HEAD:
        raise SyncProblem(SyncCode.HUB_NEWER, shown(url))
