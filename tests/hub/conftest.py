"""A real PostgreSQL for the hub's tests, started once per run (see server.py).

Each test gets its own database, copied from a template on which `hub init` ran, with the
administrator's URL. Without PostgreSQL the tests skip with how to install it; with CI set, a
missing PostgreSQL fails them (.ci/run installs it).
"""

from __future__ import annotations

import itertools
import os

import pytest

from sponsor_app.hub.admin import init

from .server import INSTALL_HINT, LocalPostgres

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres():
    server = LocalPostgres.find()
    if server is None:
        if os.environ.get("CI"):
            pytest.fail(f"the hub's tests must run under CI. {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    try:
        server.start()
        template = server.new_database("hub_template")
        init(template)
        yield server
    finally:
        server.remove()


@pytest.fixture
def hub(postgres) -> str:
    """The administrator's URL of a new hub database, already set up by `hub init`."""
    name = f"hub_{os.getpid()}_{next(_numbers)}"
    url = postgres.new_database(name, template="hub_template")
    yield url
    postgres.superuser(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
