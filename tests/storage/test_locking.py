"""The write lock follows the file, not the path: real processes, real links and mounts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sponsor_app.cli import run
from sponsor_app.services.group.groups import NewGroup, create_group
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer, list_volunteers
from sponsor_app.storage.errors import FileLocked, LockInTheWay, ReadOnlyFile
from sponsor_app.storage.lock import identity_lock_path, lock_path
from sponsor_app.storage.store import Store

from .disks import make_read_only, small_disk
from .helpers import hold_open, release

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links and mounts as on POSIX")


@pytest.fixture
def group(tmp_path) -> Path:
    path = tmp_path / "home" / "group.sponsor"
    create_group(path, NewGroup(name="Riverside")).close()
    return path


@posix_only
@pytest.mark.parametrize("where", ["same folder", "another folder"])
def test_a_hard_link_cannot_open_a_file_another_process_writes(group, tmp_path, where):
    """Failure 3: the lock was per path, so the same file through a hard link got a second
    writer and the first window's changes were lost."""
    folder = group.parent if where == "same folder" else tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    link = folder / "riverside-link.sponsor"
    os.link(group, link)
    holder = hold_open(group)
    try:
        with pytest.raises(
            FileLocked, match=r"already open in another Sponsor Desk window \(since "
        ):
            Store.open(link)
    finally:
        release(holder)
    holder = hold_open(link)  # and the other way round
    try:
        with pytest.raises(FileLocked):
            Store.open(group)
    finally:
        release(holder)
    with Store.open(link) as store:  # free again: either name opens it
        add_volunteer(store, VolunteerInput("Through the link", ("volunteer",)))
    with Store.open(group) as store:
        assert [v.full_name for v in list_volunteers(store)] == ["Through the link"]


@posix_only
def test_a_symlink_and_a_linked_folder_are_the_same_file(group, tmp_path):
    link = tmp_path / "shortcut.sponsor"
    link.symlink_to(group)
    linked_folder = tmp_path / "same-folder"
    linked_folder.symlink_to(group.parent, target_is_directory=True)
    holder = hold_open(group)
    try:
        for other in (link, linked_folder / group.name):
            with pytest.raises(FileLocked):
                Store.open(other)
    finally:
        release(holder)


@posix_only
def test_the_same_folder_mounted_twice_is_the_same_file(group, tmp_path):
    second = tmp_path / "bind"
    second.mkdir()
    done = subprocess.run(["mount", "--bind", str(group.parent), str(second)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        holder = hold_open(group)
        try:
            with pytest.raises(FileLocked):
                Store.open(second / group.name)
        finally:
            release(holder)
    finally:
        subprocess.run(["umount", "-l", str(second)], capture_output=True)


@posix_only
def test_the_lock_moves_with_the_file(group, tmp_path):
    holder = hold_open(group)
    try:
        moved = tmp_path / "moved.sponsor"
        os.rename(group, moved)
        with pytest.raises(FileLocked):
            Store.open(moved)
    finally:
        release(holder)


@posix_only
def test_a_killed_holder_leaves_no_lock(group):
    holder = hold_open(group)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stdin.close()
    holder.stdout.close()
    assert lock_path(group).exists(), "killed before it could remove its lock file"
    Store.open(group).close()  # the OS released the lock with the process
    assert not lock_path(group).exists()
    assert not identity_lock_path(os.stat(group)).exists()


def test_a_folder_where_the_lock_goes_is_a_sentence(group, capsys):
    lock_path(group).mkdir()
    with pytest.raises(LockInTheWay, match="is in the way"):
        Store.open(group)
    assert run(["revert", str(group), "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "in the way" in err and "Traceback" not in err


@posix_only
def test_a_read_only_folder_opens_for_reading_and_says_so_for_writing(tmp_path, capsys):
    with small_disk(tmp_path / "stick", 2048) as stick:
        path = stick / "group.sponsor"
        with create_group(path, NewGroup(name="On a stick")) as store:
            add_volunteer(store, VolunteerInput("Aroha Ngata", ("volunteer",)))
        before = path.read_bytes()
        make_read_only(stick)
        with pytest.raises(ReadOnlyFile, match="read-only"):
            Store.open(path)
        for command, words in [
            (["revert", str(path), "2"], "read-only"),
            (["new", str(stick / "new.sponsor"), "--name", "X"], "read-only"),
            (["backup", str(tmp_path / "copy.sponsor"), "--to", str(stick)], ""),
            (["restore", str(path), str(stick / "again.sponsor")], "read-only"),
        ]:
            assert run(command) == 1, command
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and words in err and "Traceback" not in err, err
        # Reading needs no writing: check, history and a backup elsewhere work on the stick.
        assert run(["check", str(path)]) == 0
        assert run(["history", str(path)]) == 0
        assert run(["backup", str(path), "--to", str(tmp_path / "copies")]) == 0
        assert path.read_bytes() == before


CHILD_AS_ANOTHER_USER = 65534  # nobody


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="needs root to act as another user"
)
def test_a_stale_lock_left_by_another_user_is_taken_over(tmp_path):
    """Another user's Sponsor Desk was killed and left its lock files (not writable by us):
    they are free, so the file opens, and the lock is ours afterwards."""
    shared = Path(tempfile.mkdtemp(prefix="sponsor-shared-", dir="/tmp"))
    try:
        os.chmod(shared, 0o777)
        path = shared / "group.sponsor"
        create_group(path, NewGroup(name="Shared")).close()
        os.chmod(path, 0o666)
        for stale in (lock_path(path), identity_lock_path(os.stat(path))):
            stale.write_text(' {"who": "root on here", "pid": 1, "since": "2026-06-01"}')
            os.chmod(stale, 0o644)  # another user's: we may read it, not write it
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            os.close(read_end)
            try:
                os.environ["SPONSOR_DESK_HOME"] = str(shared / "their-home")
                os.setgid(CHILD_AS_ANOTHER_USER)
                os.setuid(CHILD_AS_ANOTHER_USER)
                store = Store.open(path)
                holder = lock_path(path).read_text()
                store.close()
                answer = f"opened {holder}"
            except BaseException as error:
                answer = f"{type(error).__name__}: {error}"
            os.write(write_end, answer.encode())
            os._exit(0)
        os.close(write_end)
        os.waitpid(child, 0)
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read().decode()
        assert answer.startswith("opened"), answer
        assert '"pid": 1,' not in answer, "the stale holder's name would be shown to others"
    finally:
        subprocess.run(["rm", "-rf", str(shared)], check=False)
