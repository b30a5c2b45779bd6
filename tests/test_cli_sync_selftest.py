"""The self-test's sync step (`sponsor-app --self-test`): two copies of the protected file sync
through a folder and converge. Run here on its own (the whole self-test opens the window and
is run by the bundle's test)."""

from __future__ import annotations

from sponsor_app import selftest


def test_the_self_test_syncs_two_copies_of_a_protected_file(tmp_path):
    work = selftest.Workspace(tmp_path)
    selftest.create_group_file(work)
    selftest.protect_with_passphrase(work)
    selftest.sync_through_folder(work)  # raises, naming what differs, when they do not converge
    segments = list((tmp_path / "shared folder").rglob("*.sdseg"))
    assert len({p.parent.name for p in segments}) == 2  # both laptops sent their change sets
