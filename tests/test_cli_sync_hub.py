"""`sponsor-app sync FILE --hub URL` on a real PostgreSQL (the hub tests' server): the first
sync starts sharing, a copy joins, both converge; the hub holds only ciphertext; a hub shared
from another copy, or an administrator's URL, is refused with one line and exit 2."""

from __future__ import annotations

import shutil

import psycopg

from sponsor_app.hub.admin import add_group
from sponsor_app.services.group.groups import NewGroup, create_group, group_info
from sponsor_app.services.sharing.places import hub_place
from sponsor_app.services.sharing.share import is_shared, share_file
from sponsor_app.services.sharing.status import last_sync
from sponsor_app.services.sharing.sync import sync
from sponsor_app.storage.store import Store

from .hub.conftest import hub, postgres  # noqa: F401 - the hub tests' real PostgreSQL
from .storage.sync.memory import differences, explain
from .test_cli_sync import _add, _codes, sponsor_app


def _group_file(path, name="Riverside"):
    create_group(path, NewGroup(name=name)).close()
    with Store.open(path) as store:
        return group_info(store).uuid


def test_two_laptops_converge_through_the_hub(tmp_path, hub):  # noqa: F811
    first = tmp_path / "laptop-a.sponsor"
    group_url = add_group(hub, _group_file(first)).url
    started = sponsor_app("sync", first, "--hub", group_url)
    assert started.returncode == 0, started.stderr
    assert "Started sharing" in started.stdout
    assert "password" not in started.stdout + started.stderr.replace("passphrase", "")
    second = tmp_path / "laptop-b.sponsor"
    shutil.copyfile(first, second)
    _add(first, "H1")
    _add(second, "H2", "H3")
    for path in (first, second, first):
        done = sponsor_app("sync", path, "--hub", group_url)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    assert _codes(first) == _codes(second) == ["H1", "H2", "H3"]
    with Store.open(first) as a, Store.open(second) as b:
        assert differences(a, b) == {}, explain(differences(a, b))
        state = last_sync(a)
        assert state.kind == "hub" and state.last_result == "ok"
        assert ":" not in state.location.split("@")[0]  # no password kept in the file
    with psycopg.connect(hub) as connection:
        bodies = b"".join(
            bytes(row[0])
            for row in connection.execute("SELECT body FROM sponsor_hub.hub_record").fetchall()
        )
    assert bodies and b"Haddad" not in bodies and b"Nelson" not in bodies


def test_the_service_syncs_through_the_hub_in_pages(tmp_path, hub):  # noqa: F811
    first = tmp_path / "laptop-a.sponsor"
    group_url = add_group(hub, _group_file(first)).url
    second = tmp_path / "laptop-b.sponsor"
    with Store.open(first) as store:
        share_file(store, hub_place(group_url))
    shutil.copyfile(first, second)
    _add(first, *(f"H{n}" for n in range(7)))
    with Store.open(first) as a, Store.open(second) as b:
        assert sync(a, hub_place(group_url), page=3).pushed == 7
        result = sync(b, hub_place(group_url), page=3)
        assert result.applied == 7 and result.outcome == "ok"
        assert differences(a, b) == {}, explain(differences(a, b))


def test_a_hub_shared_from_another_copy_is_refused_changing_nothing(tmp_path, hub):  # noqa: F811
    first, early_copy = tmp_path / "laptop-a.sponsor", tmp_path / "copied too early.sponsor"
    group_url = add_group(hub, _group_file(first)).url
    shutil.copyfile(first, early_copy)
    assert sponsor_app("sync", first, "--hub", group_url).returncode == 0
    done = sponsor_app("sync", early_copy, "--hub", group_url)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "already shares this group from another copy" in done.stderr
    with Store.open(early_copy) as store:  # the founding it tried was taken back
        assert last_sync(store) is None and not is_shared(store)


def test_the_administrators_url_is_refused(tmp_path, hub):  # noqa: F811
    first = tmp_path / "laptop-a.sponsor"
    add_group(hub, _group_file(first))
    done = sponsor_app("sync", first, "--hub", hub)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "administrator's URL" in done.stderr
