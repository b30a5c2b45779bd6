"""`sponsor-app hub init|add-group|status` against a real PostgreSQL, as an administrator
would type them, and the printed URL used as it is by a laptop."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict

from sponsor_app.cli import run
from sponsor_app.hub.transport import HubTransport
from sponsor_app.services.group.groups import group_info, open_to_read
from sponsor_app.storage.sync.seal import Header, seal
from sponsor_app.storage.sync.transport import Channel, Kind
from tests.storage.sync.folder_writer import KEYS, record

GENESIS = "00000000-0000-4000-8000-0000000000ee"


def test_an_administrator_sets_up_a_hub_adds_a_group_and_sees_its_laptop(postgres, demo, capsys):
    url = postgres.new_database("cli_hub")
    try:
        assert run(["hub", "init", url]) == 0
        out = capsys.readouterr().out
        assert "is ready" in out
        assert "admin-password" not in out  # the administrator's password is never echoed

        assert (
            run(["hub", "add-group", url, "--group-file", str(demo), "--label", "Riverside"]) == 0
        )
        printed = capsys.readouterr().out.splitlines()
        group_url = printed[-1]
        assert conninfo_to_dict(group_url)["user"].startswith("sdg_")
        store = open_to_read(demo)
        try:
            group = group_info(store).uuid
        finally:
            store.close()
        assert group in printed[0]

        laptop = HubTransport(group_url)
        laptop.open(Channel(group, KEYS.key_id, GENESIS))
        replica = "00000000-0000-4000-8000-00000000000a"
        laptop.push([record(replica, 1, 40)])
        seen = seal(KEYS, Header(Kind.SEEN, group, KEYS.key_id, replica, 1, "0013"), b"v")
        laptop.publish_seen(seen)
        laptop.close()

        assert run(["hub", "status", url]) == 0
        status = capsys.readouterr().out
        assert "1 group:" in status and "Riverside: 1 laptop, 1 change set" in status
        assert "laptop 00000000: synced" in status

        assert run(["hub", "add-group", url, "--group-file", str(demo)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "already has a login" in err and "Riverside" in err
    finally:
        postgres.superuser("DROP DATABASE IF EXISTS cli_hub WITH (FORCE)")


def test_a_database_without_a_hub_and_a_group_url_are_named(postgres, hub, capsys):
    url = postgres.new_database("no_hub")
    try:
        assert run(["hub", "status", url]) == 1
        assert "holds no Sponsor Desk hub" in capsys.readouterr().err
    finally:
        postgres.superuser("DROP DATABASE IF EXISTS no_hub WITH (FORCE)")


def test_a_user_who_may_not_create_logins_is_told_to_use_the_administrators_url(
    postgres, demo, capsys
):
    postgres.superuser("CREATE ROLE plain_user LOGIN PASSWORD 'plain-password'")
    postgres.superuser("CREATE DATABASE plain_db OWNER plain_user")
    url = postgres.url("plain_user", "plain_db", "plain-password")
    try:
        run(["hub", "init", url])  # may succeed: the group role exists on this server already
        capsys.readouterr()
        assert run(["hub", "add-group", url, "--group-file", str(demo)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "may not create logins" in err
        assert "plain-password" not in err
    finally:
        postgres.superuser("DROP DATABASE IF EXISTS plain_db WITH (FORCE)", "DROP ROLE plain_user")
