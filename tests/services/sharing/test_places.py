"""Where a file syncs (services/sharing/places.py): a folder is checked before anything is
written; a hub's URL when it is reached."""

from __future__ import annotations

import pytest

from sponsor_app.domain.messages import Sharing
from sponsor_app.services.sharing.places import NotAPlace, folder_place, hub_place
from sponsor_app.storage.sync.transport import SyncCode, SyncProblem


def test_a_folder_is_named_by_its_full_path(tmp_path, monkeypatch):
    (tmp_path / "share").mkdir()
    monkeypatch.chdir(tmp_path)
    assert folder_place("share", tmp_path / "g.sponsor").where == str(tmp_path / "share")


def test_a_file_or_the_group_file_is_no_folder(tmp_path):
    group_file = tmp_path / "g.sponsor"
    group_file.write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(NotAPlace) as refused:
        folder_place(group_file, group_file)
    assert refused.value.code is Sharing.FOLDER_IS_FILE
    with pytest.raises(NotAPlace) as refused:
        folder_place(tmp_path / "notes.txt", group_file)
    assert refused.value.code is Sharing.NOT_A_FOLDER


def test_a_hub_url_that_is_none_is_refused_when_reached():
    place = hub_place("not a url")
    with pytest.raises(SyncProblem) as refused:
        place.open(None)
    assert refused.value.code is SyncCode.BAD_URL
