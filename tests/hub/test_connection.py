"""Hub URLs: what is shown of them in a message, and what is refused before connecting."""

from __future__ import annotations

import pytest

from sponsor_app.hub.admin import group_url, insecure_transport
from sponsor_app.hub.connection import parts_of, shown
from sponsor_app.storage.sync.transport import SyncCode, SyncProblem


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://sdg_1:S3CRETPASSWORD@hub.example.org:6543/hub?sslmode=verify-full",
        "host=hub.example.org port=6543 dbname=hub user=sdg_1 password=S3CRETPASSWORD",
    ],
)
def test_a_message_names_the_hub_never_its_password(url):
    assert shown(url) == "sdg_1@hub.example.org:6543/hub"
    assert "S3CRET" not in shown(url)


@pytest.mark.parametrize(
    "url", ["", "https://hub.example.org", "hub.example.org", "postgresql://a b@/c d?x"]
)
def test_what_is_not_a_postgresql_url_is_refused_saying_how_to_write_one(url):
    with pytest.raises(SyncProblem) as raised:
        parts_of(url)
    assert raised.value.code is SyncCode.BAD_URL
    assert "postgresql://USER@HOST/DATABASE" in str(raised.value)


def test_a_groups_url_keeps_the_server_database_and_tls_and_nothing_else_of_the_admins():
    admin = parts_of(
        "postgresql://admin:adminpw@db.example.org:6543/sponsor?sslmode=verify-full"
        "&sslrootcert=/etc/ca.pem&application_name=psql"
    )
    url = group_url(admin, "sdg_ab", "PW")
    assert url == (
        "postgresql://sdg_ab:PW@db.example.org:6543/sponsor"
        "?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
    )
    assert parts_of(url)["sslrootcert"] == "/etc/ca.pem"
    socket = group_url(parts_of("postgresql://admin@/hub?host=/run/postgresql&port=5433"), "r", "p")
    assert parts_of(socket) == {
        "user": "r",
        "password": "p",
        "dbname": "hub",
        "host": "/run/postgresql",
        "port": "5433",
    }


def test_a_server_across_a_network_without_verify_full_is_insecure():
    assert insecure_transport(parts_of("postgresql://a@db.example.org/hub"))
    assert insecure_transport(parts_of("postgresql://a@db.example.org/hub?sslmode=require"))
    assert not insecure_transport(parts_of("postgresql://a@db.example.org/hub?sslmode=verify-full"))
    assert not insecure_transport(parts_of("postgresql://a@localhost/hub"))
    assert not insecure_transport(parts_of("postgresql://a@/hub?host=/run/postgresql"))
