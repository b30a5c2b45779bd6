"""Laptops of one group for sharing's service tests: a group file shared through a real folder
by the real founding (share_file), and copies of it, each opened as the app opens a file."""

from __future__ import annotations

import shutil
from pathlib import Path

from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.sharing.share import share_file
from sponsor_app.storage.store import Store
from sponsor_app.storage.sync.folder import FolderTransport


def place(folder: Path, store: Store) -> FolderTransport:
    return FolderTransport(folder, store.path)


def shared_laptops(tmp_path: Path, count: int) -> tuple[Path, list[Store]]:
    """The folder they share through, and `count` open laptops (the first founded it)."""
    share = tmp_path / "shared folder"
    share.mkdir()
    first = tmp_path / "laptop-a.sponsor"
    create_group(first, NewGroup(name="Shared group")).close()
    with Store.open(first, actor="Lead on laptop-a") as store:
        share_file(store, place(share, store))
    paths = [first]
    for letter in "bcdefg"[: count - 1]:
        copy = tmp_path / f"laptop-{letter}.sponsor"
        shutil.copyfile(first, copy)
        paths.append(copy)
    return share, [Store.open(p, actor=f"Lead on {p.stem}") for p in paths]
