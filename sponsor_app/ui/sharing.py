"""The window's sharing actions (issue 22): File ▸ Sharing… (share this file through a folder or
a hub) and File ▸ Sync Now, each run on a worker thread with a bar and Cancel, and the line in
the status bar that says how the last sync went.

A sync is not an undoable step: what it applies are other laptops' change sets (each one can
be reverted from History), so it runs outside the context's undo recording. The pages still
refresh, because the store announces every applied change set to the window."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .. import clock
from ..domain.errors import SponsorDeskError
from ..domain.messages import Sharing
from .dialogs.sharing_dialog import FOLDER, SharingDialog
from .formatting import timestamp
from .window_actions import WindowActions
from .words import error_words, said
from .worker import run_in_background

# Problems that belong to the folder or the hub someone typed: said next to its field.
PLACE_PROBLEMS = {
    "folder_unwritable",
    "folder_missing",
    "folder_holds_file",
    "other_genesis",
    "foreign_group",
    "other_key",
    "bad_url",
    "unreachable",
    "auth",
    "not_a_hub",
    "not_a_group",
    "admin_url",
    "hub_newer",
}


class SharingActions(WindowActions):
    def __init__(self, window):
        super().__init__(window)
        self.running = False
        self.dialog: SharingDialog | None = None
        # A hub URL as typed, password and all, by where it is kept without one: the file
        # keeps no password, so after a restart the hub's password comes from PGPASSWORD or
        # libpq's password file, as for `sponsor-app sync --hub`.
        self.typed_urls: dict[str, str] = {}
        # A file moved away stops writing: nothing can be applied to it, so no Sync Now.
        self.context.file_lost.connect(self.refresh)

    # --- state -------------------------------------------------------------------------------
    def is_shared(self) -> bool:
        from ..services.sharing.share import is_shared

        return self.context.is_open and not self.context.lost and is_shared(self.context.store)

    def last_sync(self):
        from ..services.sharing.status import last_sync

        return last_sync(self.context.store) if self.context.is_open else None

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("never")
        return timestamp(moment.astimezone(), self.context.info.locale)

    def _when_short(self, moment: datetime | None) -> str:
        """The time alone for a sync today (the status bar is one line), else date and time."""
        if moment is None or moment.astimezone().date() != clock.now().astimezone().date():
            return self._when(moment)
        from babel.dates import format_time

        return format_time(moment.astimezone(), "short", locale=self.context.info.locale)

    def outcome_words(self, state) -> str:
        """How a sync with the place ended, as ChannelState.last_result keeps it."""
        result = state.last_result
        words = {
            "ok": self.tr("everything exchanged"),
            "waiting": self.tr("some change sets wait for earlier ones"),
            "newer": self.tr("some change sets wait for a newer Sponsor Desk"),
            "refused": self.tr("some change sets were refused (damaged or foreign)"),
            "cancelled": said(Sharing.SYNC_CANCELLED()),
        }
        if result in words:
            return words[result]
        # A place's refusal keeps its code (storage's SyncCode): the catalogue's message of
        # the same name says it.
        if result.upper() in Sharing.__members__:
            return said(Sharing[result.upper()](where=state.location))
        return result

    def status_text(self) -> str:
        """The status bar's sharing line: empty for a file not shared."""
        if not self.is_shared():
            return ""
        state = self.last_sync()
        if state is None:
            return self.tr("Shared; not synced yet")
        return self.tr("Last sync {} with {}: {}").format(
            self._when_short(state.last_sync_at),
            place_name(state.location),
            self.outcome_words(state),
        )

    def refresh(self) -> None:
        """Sync Now only for a shared file; the status bar's line to match."""
        shared = self.is_shared()
        self.window.sync_now_action.setEnabled(shared and not self.running)
        self.window.sharing_action.setEnabled(self.context.is_open and not self.context.lost)
        state = self.last_sync() if shared else None
        self.window.show_sync_status(
            self.status_text() if shared else "", state.location if state else ""
        )

    # --- File ▸ Sharing… -----------------------------------------------------------------------
    def show_dialog(self) -> SharingDialog | None:
        if not self.context.is_open:
            return None
        dialog = self.dialog = self.make_dialog()
        try:
            dialog.exec()
        finally:
            self.dialog = None
        return dialog

    def make_dialog(self) -> SharingDialog:
        """The dialog for the open file, connected to the work it asks for."""
        from ..services.files.protection import is_protected

        path = self.context.path
        plain = None if is_protected(path) else said(Sharing.PLAIN_FILE(path=path.name))
        dialog = SharingDialog(path.name, plain, self.window)
        self._show_state(dialog)
        dialog.share_requested.connect(lambda kind, typed: self._share(dialog, kind, typed))
        dialog.sync_requested.connect(self.sync_now)
        return dialog

    def _show_state(self, dialog: SharingDialog) -> None:
        if not self.is_shared():
            return
        state = self.last_sync()
        if state is None:
            dialog.show_shared(self.tr("(not synced yet)"), self.tr("never"))
            return
        when = self._when(state.last_sync_at)
        dialog.show_shared(state.location, f"{when}: {self.outcome_words(state)}")

    def _place(self, kind: str, typed: str):
        from ..services.sharing.places import folder_place, hub_place

        if kind == FOLDER:
            return folder_place(typed, self.context.path)
        return hub_place(typed)

    def _share(self, dialog: SharingDialog, kind: str, typed: str) -> None:
        from ..services.sharing.share import share_file

        if self.running:
            return
        try:
            place = self._place(kind, typed)
        except SponsorDeskError as refused:
            dialog.refuse(kind, error_words(refused))
            return
        store = self.context.store

        def done(shared) -> None:
            self.typed_urls[shared.first_sync.where] = typed
            self._ended()
            said_now = [said(Sharing.STARTED(path=store.path.name))]
            said_now += [said(m) for m in shared.first_sync.messages()]
            self._show_state(dialog)
            dialog.show_outcome(" ".join(said_now))

        def failed(error: SponsorDeskError) -> None:
            self._ended()
            self._show_state(dialog)  # a cancel after the place took the founding: shared
            if getattr(getattr(error, "code", None), "value", None) in PLACE_PROBLEMS:
                dialog.refuse(kind, error_words(error))
            else:
                dialog.show_outcome(error_words(error))

        self._run(
            dialog,
            self.tr("Sharing {}…").format(store.path.name),
            lambda progress: share_file(store, place, _reporting(progress), progress.cancelled),
            done,
            failed,
        )

    # --- File ▸ Sync Now -------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.running or not self.is_shared():
            return
        from ..services.sharing.sync import sync

        state = self.last_sync()
        if state is None:
            return  # shared, but its place was never reached: File ▸ Sharing says so
        store = self.context.store
        try:
            place = self._place(state.kind, self.typed_urls.get(state.location, state.location))
        except SponsorDeskError as refused:
            self._sync_failed(state.location, refused)
            return

        def done(result) -> None:
            self._ended()
            after = self.last_sync()
            when = after.last_sync_at if after else None
            sentences = " ".join(said(m) for m in result.messages())
            line = self.tr("Synced {} with {}: {} received, {} sent").format(
                self._when_short(when), place_name(result.where), result.applied, result.pushed
            )
            if after is not None and after.last_result != "ok":
                line += "; " + self.outcome_words(after)
            self.window.show_sync_status(line, sentences)
            if self.dialog is not None:
                self._show_state(self.dialog)
                self.dialog.show_outcome(
                    self.tr("Synced {} with {}.").format(self._when(when), result.where)
                    + " "
                    + sentences
                )

        self._run(
            self.dialog or self.window,
            self.tr("Syncing with {}…").format(state.location),
            lambda progress: sync(store, place, _reporting(progress), progress.cancelled),
            done,
            lambda error: self._sync_failed(state.location, error),
        )

    def _sync_failed(self, where: str, error: SponsorDeskError) -> None:
        self._ended()
        text = self.tr("Not synced with {}: {}").format(where, error_words(error))
        self.window.show_sync_status(
            self.tr("Not synced with {}: {}").format(place_name(where), error_words(error)), text
        )
        if self.dialog is not None:
            self._show_state(self.dialog)
            self.dialog.show_outcome(text)

    # --- the worker ------------------------------------------------------------------------------
    def _run(self, parent, label: str, work, done, failed) -> None:
        self.running = True
        self.window.sync_now_action.setEnabled(False)
        run_in_background(parent, label, work, done, failed, on_bug=self._ended, cancellable=True)

    def _ended(self) -> None:
        self.running = False
        if self.context.is_open:
            self.refresh()


def place_name(where: str) -> str:
    """A short name for the status bar: a folder's own name, a hub's host (the full place is
    in the line's tooltip and in File ▸ Sharing)."""
    if "://" in where:
        host = where.split("://", 1)[1].split("/", 1)[0]
        return host.rsplit("@", 1)[-1] or where
    return Path(where).name or where


def _reporting(progress):
    """The sync's progress as the worker's bar: receiving does not know its total."""

    def report(step) -> None:
        progress.report(step.done, max(step.total, step.done))

    return report
