"""Three laptops of one group: a shared file and two copies of it, each opened as the app does."""

from __future__ import annotations

import shutil

import pytest

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync import replica

from .memory import MemoryTransport


def make_laptops(folder, count: int = 3) -> list[Store]:
    first = folder / "laptop-a.sponsor"
    create_group(first, NewGroup(name="Shared group")).close()
    with Store.open(first) as store, store.engine.begin() as connection:
        replica.found_group(connection)
    paths = [first]
    for letter in "bcdefg"[: count - 1]:
        copy = folder / f"laptop-{letter}.sponsor"
        shutil.copyfile(first, copy)
        paths.append(copy)
    return [Store.open(path, actor=f"Lead on {path.stem}") for path in paths]


@pytest.fixture
def laptops(tmp_path):
    stores = make_laptops(tmp_path)
    yield stores
    for store in stores:
        store.close()


@pytest.fixture
def place():
    return MemoryTransport()
