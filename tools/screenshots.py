"""`make screenshots`: every page with the large demo open, rendered offscreen to PNG."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from sponsor_app import clock

SIZE = (1366, 768)  # the laptop screen issue 12 was tried on
SCALED_SIZE = (1280, 720)  # a 1920x1080 screen at 150 %, in the window's own units


def main(out_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sponsor-shots-") as scratch:
        os.environ["SPONSOR_DESK_HOME"] = str(Path(scratch) / "home")
        from PySide6.QtWidgets import QApplication
        from screenshots_funds import funds_views
        from screenshots_sharing import sharing_views

        from sponsor_app.services.demo.demo import write_demo
        from sponsor_app.ui.main_window import MainWindow
        from sponsor_app.ui.pages.registry import PAGES
        from sponsor_app.ui.translations import install

        # `QT_SCALE_FACTOR=1.5` (make screenshots runs it too): the pages as at 150 %.
        scale = os.environ.get("QT_SCALE_FACTOR")
        tag = f"-{round(float(scale) * 100)}" if scale else ""
        app = QApplication.instance() or QApplication([])
        install(app, "en")  # the plural forms a person sees ("1 day", "2 days")
        window = MainWindow()
        window.resize(*(SCALED_SIZE if scale else SIZE))
        window.show()
        app.processEvents()
        window.grab().save(str(folder / f"welcome{tag}.png"))
        demo = write_demo(
            Path(scratch) / "Kāpiti Welcome Circle.sponsor", "large", today=clock.today()
        )
        window.open_file(demo)
        light = app.palette()
        for suffix, palette in (("", light), ("-dark", dark_palette())):
            app.setPalette(palette)
            for number, entry in enumerate(PAGES):
                window.show_page(number)
                app.processEvents()
                _wait_for_background_reading(app, window.page_stack.currentWidget())
                name = f"{entry.title.lower().replace(' ', '-')}{tag}{suffix}.png"
                window.grab().save(str(folder / name))
                print(f"wrote {folder / name}")
            if scale:
                continue
            for name in dialogs(window, Path(scratch), folder, suffix):
                print(f"wrote {name}")
            for name in form_dialogs(app, window, folder, suffix):
                print(f"wrote {name}")
            for name in plan_and_history_dialogs(app, window, folder, suffix):
                print(f"wrote {name}")
            for name in funds_views(window, folder, suffix):
                print(f"wrote {name}")
        app.setPalette(light)
        for suffix, palette in (("", light), ("-dark", dark_palette())) if not scale else ():
            app.setPalette(palette)
            for name in backup_dialogs(app, window, folder, suffix):
                print(f"wrote {name}")
            for name in privacy_dialogs(app, window, folder, suffix):
                print(f"wrote {name}")
        for suffix, palette in (("", light), ("-dark", dark_palette())) if not scale else ():
            app.setPalette(palette)
            for name in sharing_views(window, Path(scratch), folder, suffix):
                print(f"wrote {name}")
        app.setPalette(light)
        window.close()
        if not scale:
            write_guide_pictures(folder)
    return 0


def _wait_for_background_reading(app, page, seconds: float = 15) -> None:
    """A page that reads part of what it shows off the GUI thread (the Reports page's "What
    leaves the file") is pictured once it has."""
    import time

    current = getattr(page, "preview_is_current", None)
    deadline = time.monotonic() + seconds
    while current is not None and not current() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


GUIDE_PICTURES = (
    "dashboard.png",
    "settlement-plan.png",
    "volunteer-form.png",
    "funds.png",
    "reports.png",
)


def write_guide_pictures(folder: Path) -> None:
    """The user guide (Help ▸ Guide) shows these pages; it ships them, narrower."""
    from importlib import resources

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    guide = Path(str(resources.files("sponsor_app.resources") / "guide"))
    for name in GUIDE_PICTURES:
        picture = QImage(str(folder / name))
        if picture.width() > 820:
            picture = picture.scaledToWidth(820, Qt.TransformationMode.SmoothTransformation)
        picture.save(str(guide / name))
        print(f"wrote {guide / name}")


def form_dialogs(app, window, folder: Path, suffix: str) -> list[Path]:
    """The volunteer form (what the programme requires of each volunteer)."""
    from sponsor_app.services.roster import volunteers as roster
    from sponsor_app.services.roster.roles import list_roles
    from sponsor_app.ui.dialogs.volunteer_dialogs import VolunteerDialog

    store = window.context.store
    window.show_page("volunteers")
    # Someone whose vetting needs attention: the form shows where each requirement stands.
    people = roster.list_volunteers(store)
    person = next((v for v in people if v.vetting.worst is not None), window.volunteers.selected())
    dialog = VolunteerDialog(
        roster.requirements_for_new(store),
        person,
        window,
        roles=list_roles(store),
        locale=window.context.info.locale,
    )
    dialog.show()
    app.processEvents()
    path = folder / f"volunteer-form{suffix}.png"
    dialog.grab().save(str(path))
    dialog.close()
    return [path]


def plan_and_history_dialogs(app, window, folder: Path, suffix: str) -> list[Path]:
    """The check-in form with a volunteer whose vetting lapsed ticked (its warning), the task
    form of a family-facing task (its guidance and who is not offered), and Edit ▸ History."""
    from PySide6.QtCore import Qt

    from sponsor_app.services.plan.assignments import assignee_options
    from sponsor_app.services.plan.plan import plan_tasks
    from sponsor_app.ui.dialogs.plan_dialogs import TaskFormDialog

    store = window.context.store
    written = []

    def grab(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        written.append(folder / f"{name}{suffix}.png")
        widget.grab().save(str(written[-1]))
        widget.close()

    plan = window.page("plan")
    window.show_page("plan")
    plan.household.setCurrentIndex(1)
    app.processEvents()
    checkins = plan.check_ins
    dialog = checkins._dialog(plan.household_id(), plan.household.currentText().split()[0])
    lapsed = next(
        (
            n
            for n in range(dialog.present.count())
            if dialog.present.item(n).foreground().color().name() != "#000000"
            and "  " in dialog.present.item(n).text()
        ),
        None,
    )
    if lapsed is not None:
        dialog.present.item(lapsed).setCheckState(Qt.CheckState.Checked)
    grab(dialog, "check-in-form")

    task = next(t for t in plan_tasks(store) if t.family_facing and t.guidance and t.status.is_open)
    form = TaskFormDialog(
        "Task for " + task.household_code,
        assignee_options(store, task.id),
        window.context.info.locale,
        task,
        window,
    )
    grab(form, "task-form")

    # A few everyday edits first, so the history shows more than the demo's making.
    _everyday_edits(window)
    window.show_history()
    history = window.history_dialog
    history.resize(1100, 640)
    history.change_table.selectRow(1)
    app.processEvents()
    written.append(folder / f"history{suffix}.png")
    history.grab().save(str(written[-1]))
    history.close()
    return written


def _everyday_edits(window) -> None:
    from sponsor_app.services.files import history
    from sponsor_app.services.roster import volunteers as roster

    store = window.context.store
    if len(history.list_change_sets(store, limit=5)) >= 5:
        return  # done for the light pictures already
    people = roster.list_volunteers(store)
    for person in people[:3]:
        data = roster.VolunteerInput(
            person.full_name,
            person.roles,
            person.email,
            person.phone.replace("021", "022"),
            person.languages,
            person.active,
            person.notes,
        )
        window.context.execute(
            f"Edit volunteer {person.full_name}",
            lambda data=data, person=person: roster.edit_volunteer(store, person.id, data),
        )
    window.context.execute(
        f"Archive volunteer {people[4].full_name}",
        lambda: roster.archive_volunteer(store, people[4].id),
    )


def backup_dialogs(app, window, folder: Path, suffix: str) -> list[Path]:
    """File ▸ Restore…, the damaged-file question and the moved-file banner, as people see
    them (the window's large demo open)."""
    from sponsor_app.services.files.backups import DamagedFile, backups_folder, backups_of
    from sponsor_app.ui.dialogs.restore_dialog import RestoreDialog, damaged_file_box

    store = window.context.store
    if len(backups_of(store)) < 3:
        store.backup("close")
        store.backup("before-schema-0007")
    info = window.context.info
    written = []
    dialog = RestoreDialog(info.name, backups_folder(store), backups_of(store), info.locale, window)
    dialog.show()
    app.processEvents()
    written.append(folder / f"restore-dialog{suffix}.png")
    dialog.grab().save(str(written[-1]))
    dialog.close()

    damaged = DamagedFile(window.context.path, "SQLite cannot read it", backups_of(store)[0])
    box, _new, _over = damaged_file_box(window, damaged, info.locale)
    box.show()
    app.processEvents()
    written.append(folder / f"damaged-file{suffix}.png")
    box.grab().save(str(written[-1]))
    box.close()

    window.show_page(0)
    window._on_file_lost()  # what the window shows when its file was moved away
    app.processEvents()
    written.append(folder / f"file-moved{suffix}.png")
    window.grab().save(str(written[-1]))
    window.banner.clear()
    return written


SAMPLE_CODE = "7GRC-GMT2-Y622-HZWD-BB8Z-ZKJM-56DC-4X8A-7JC8"  # the form every code has


def privacy_dialogs(app, window, folder: Path, suffix: str) -> list[Path]:
    """The passphrase dialog (typed, with its strength), the prompt after a wrong try, the
    recovery code page, a member's hidden sensitive details and the retention card."""
    from sponsor_app.services.files.protection import forget_keys
    from sponsor_app.services.households.households import list_members
    from sponsor_app.ui.dialogs.member_dialog import MemberDialog
    from sponsor_app.ui.dialogs.passphrase_dialogs import NewPassphraseDialog, RecoveryCodeDialog
    from sponsor_app.ui.dialogs.unlock_dialog import UnlockDialog

    written = []

    def grab(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        written.append(folder / f"{name}{suffix}.png")
        widget.grab().save(str(written[-1]))
        widget.close()

    path = window.context.path
    protect = NewPassphraseDialog(path.name, context=(window.context.info.name,), parent=window)
    protect.passphrase.setText("tui kererū harbour")
    protect.again.setText("tui kererū harbour")
    grab(protect, "protect-passphrase")
    copies = (
        Path("/media/usb/Kāpiti Welcome Circle backup 2026-12-07 101500.sponsor"),
        Path.home() / "Desktop" / "Kāpiti Welcome Circle copy.sponsor",
    )
    with_copies = NewPassphraseDialog(
        path.name, context=(window.context.info.name,), parent=window, copies=copies
    )
    grab(with_copies, "protect-copies-before")
    weak = NewPassphraseDialog(path.name, context=(window.context.info.name,), parent=window)
    weak.passphrase.setText("kapiti2026")
    weak.form.reveal_all()
    grab(weak, "protect-weak-passphrase")

    def wrong(_typed: str) -> None:
        from sponsor_app.services.files.protection import WrongPassphrase

        raise WrongPassphrase(path)

    prompt = UnlockDialog(path, wrong, window)
    prompt.passphrase.setText("kapiti")
    prompt._try()
    grab(prompt, "open-protected")
    paused = UnlockDialog(path.with_name("paused.sponsor"), wrong, window)
    for typed in ("kapiti", "kapiti 2026", "welcome"):
        paused.passphrase.setText(typed)
        paused._try()
    grab(paused, "open-protected-waiting")
    grab(RecoveryCodeDialog(SAMPLE_CODE, path.name, window), "recovery-code")

    store = window.context.store
    member = list_members(store, 1)[0]
    dialog = MemberDialog("H1", member, parent=window)
    grab(dialog, "member-sensitive")

    previous = os.environ.get(clock.TODAY_VARIABLE)
    os.environ[clock.TODAY_VARIABLE] = "2028-06-15"  # two households' support has ended
    try:
        window.show_page(0)
        window.dashboard.refresh()
        app.processEvents()
        card = window.dashboard.retention
        card.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(card)
        card.view.selectRow(0)
        app.processEvents()
        written.append(folder / f"retention{suffix}.png")
        window.grab().save(str(written[-1]))
    finally:
        if previous is None:
            os.environ.pop(clock.TODAY_VARIABLE, None)
        else:
            os.environ[clock.TODAY_VARIABLE] = previous
        window.dashboard.refresh()
        forget_keys()
    return written


SAMPLE_SHEET = (
    "Full name,E-mail,Role,Police vetting,Vetted on,Expiry,Active\n"
    "Ana Fifita,ana@example.org,lead,submitted,,,✓\n"
    "Tomasi Vea,tomasi@example.org,Volunteer,cleared,2024-01-10,2026-01-10,yes\n"
    "Hana Kato,not-an-email,Volunteer,current,2025-02-01,2028-02-01,y\n"
    "Li Wei,li@example.org,driver,approved,2025-03-01,2028-03-01,n\n"
)


SAMPLE_STATEMENT = (
    "Date,Amount,Other Party,Description,Reference,Particulars,Analysis Code\n"
    "03/02/2026,-84.50,COUNTDOWN PONSONBY,EFTPOS TRANSACTION,03-10:42,4835****,\n"
    "05/02/2026,1250.00,RIVERSIDE CHURCH,DIRECT CREDIT,FEB,KOHA,\n"
    "07/02/2026,-520.00,HARCOURTS RENTALS,AUTOMATIC PAYMENT,WK6,RENT,H1\n"
    "09/02/2026,-12.00,COUNTDOWN PONSONBY,EFTPOS TRANSACTION,09-18:02,4835****,\n"
)


def dialogs(window, scratch: Path, folder: Path, suffix: str) -> list[Path]:
    """The import preview (a group's own sheet, unknown role, bad row) and the roles dialog."""
    from PySide6.QtWidgets import QApplication

    from sponsor_app.services.imports.fields import ImportKind
    from sponsor_app.ui.dialogs.import_preview import ImportPreviewDialog, import_choices
    from sponsor_app.ui.dialogs.roles_dialog import RolesDialog
    from sponsor_app.ui.pages.volunteers.roles import RoleActions

    app = QApplication.instance()
    store = window.context.store
    sheet = scratch / "our volunteers.csv"
    sheet.write_text(SAMPLE_SHEET, encoding="utf-8")
    written = []
    preview = ImportPreviewDialog(
        store, ImportKind.VOLUNTEERS, sheet, import_choices(store), window
    )
    preview.resize(1000, 620)
    preview.show()
    while preview.busy:
        app.processEvents()
    for tab, name in ((0, "import-preview"), (2, "import-values")):
        preview.tabs.setCurrentIndex(tab)
        app.processEvents()
        written.append(folder / f"{name}{suffix}.png")
        preview.grab().save(str(written[-1]))
    preview.reject()
    statement = scratch / "westpac.csv"
    statement.write_text(SAMPLE_STATEMENT, encoding="utf-8")
    bank = ImportPreviewDialog(store, ImportKind.BANK, statement, import_choices(store), window)
    bank.resize(1000, 620)
    bank.show()
    while bank.busy:
        app.processEvents()
    bank.tabs.setCurrentIndex(2)
    app.processEvents()
    written.append(folder / f"import-bank{suffix}.png")
    bank.grab().save(str(written[-1]))
    bank.reject()
    roles = RolesDialog(RoleActions(window.volunteers), window)
    roles.list.setCurrentRow(2)
    roles.show()
    app.processEvents()
    written.append(folder / f"roles{suffix}.png")
    roles.grab().save(str(written[-1]))
    roles.reject()
    return written


def dark_palette():
    """A dark palette like the one a system in dark mode hands Qt (offscreen has none)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2a2a2a"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.Link, "#8ab4f8"),
        (role.Mid, "#4a4a4a"),
        (role.Dark, "#151515"),
        (role.Light, "#505050"),
    ):
        palette.setColor(name, QColor(colour))
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#7a7a7a"))
    return palette


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
