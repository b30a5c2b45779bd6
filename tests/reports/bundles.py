"""Bundles for combine tests: made from real group files, and tampered with as an attacker
would (with or without fixing the SHA-256 the descriptor gives)."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from sponsor_app.domain.periods import Period
from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports.generate import write
from sponsor_app.services.reporting.gather import ReportRequest, prepare
from sponsor_app.storage.models import GroupProfile
from sponsor_app.storage.store import Store

from .conftest import MADE_AT


def make_bundle(store: Store, folder: Path, name: str, period: Period) -> Path:
    bundle = folder / f"{name}.zip"
    write(prepare(
        store,
        ReportRequest(ReportKind.EVALUATION, folder / f"{name}.pdf", period, bundle=bundle,
                      generated_at=MADE_AT, invariant=True),
    ))  # fmt: skip
    return bundle


def another_group(path: Path, name: str) -> Store:
    """The group file at `path` made into another group (its own id and name)."""
    store = Store.open(path, actor="tester")
    with store.transaction("Make it another group") as session:
        profile = session.scalars(select(GroupProfile)).one()
        profile.uuid = str(uuid.uuid4())
        profile.name = name
    return store


def tampered(
    bundle: Path,
    out: Path,
    change: Callable[[dict, dict[str, bytes]], None],
    rehash: bool = True,
) -> Path:
    """A copy of `bundle` whose descriptor and files `change` edits in place; with `rehash` the
    descriptor's SHA-256 (and bytes) are made to match the edited files, as a careful attacker
    would."""
    with zipfile.ZipFile(bundle) as source:
        files = {n: source.read(n) for n in source.namelist()}
    package = json.loads(files.pop("datapackage.json"))
    change(package, files)
    if rehash and isinstance(package.get("resources"), list):
        for resource in package["resources"]:
            if isinstance(resource, dict) and resource.get("path") in files:
                content = files[resource["path"]]
                resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
                resource["bytes"] = len(content)
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("datapackage.json", json.dumps(package))
        for name, content in files.items():
            target.writestr(name, content)
    return out


def replace_in(path: str, old: bytes, new: bytes):
    """A change that replaces bytes in one file of the bundle."""

    def change(package: dict, files: dict[str, bytes]) -> None:
        assert old in files[path], (path, old)
        files[path] = files[path].replace(old, new, 1)

    return change
