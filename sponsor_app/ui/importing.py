"""Choose a file, preview it, then import it as one undoable step with a cancellable bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..services.imports.fields import ImportKind
from ..services.imports.model import ImportResult
from .dialogs.import_preview import ImportPreviewDialog, import_choices
from .files import chosen_in, export_with_dialog, start_in
from .words import error_words, said


def choose_source(parent: QWidget, kind: ImportKind) -> Path | None:
    titles = {
        ImportKind.VOLUNTEERS: parent.tr("Import volunteers"),
        ImportKind.TRANSACTIONS: parent.tr("Import transactions"),
        ImportKind.BANK: parent.tr("Import a bank statement"),
    }
    filters = parent.tr("Spreadsheets (*.csv *.xlsx *.txt)")
    if kind is ImportKind.BANK:
        filters = parent.tr("Bank statements (*.csv *.ofx *.qfx *.xlsx);;All files (*)")
    folder = "bank statement" if kind is ImportKind.BANK else "import"
    chosen, _ = QFileDialog.getOpenFileName(parent, titles[kind], start_in(folder), filters)
    chosen_in(folder, chosen)
    return Path(chosen) if chosen else None


def import_chosen(page, kind: ImportKind) -> None:
    """Ask for the file (File ▸ Import), then preview and import it."""
    source = choose_source(page, kind)
    if source is not None:
        import_with_preview(page, kind, source)


class ImportsFiles:
    """A page that imports one kind of file (File ▸ Import): `imports` says which."""

    imports: ImportKind

    def import_file(self) -> None:
        import_chosen(self, self.imports)

    def import_from(self, source: Path) -> ImportPreviewDialog:
        """Preview the file, then import it as one undoable step."""
        return import_with_preview(self, self.imports, source)

    def export_file(self) -> None:
        """File ▸ Export: every record of the kind, in a workbook that imports back."""
        export_kind(self, self.imports)


def export_kind(page, kind: ImportKind) -> None:
    from ..services.imports.transaction_io import export_transactions
    from ..services.imports.volunteer_io import export_volunteers

    title, name, export, done = {
        ImportKind.VOLUNTEERS: (
            page.tr("Export volunteers"),
            "volunteers.xlsx",
            export_volunteers,
            page.tr("Exported the roster to {}"),
        ),
        ImportKind.TRANSACTIONS: (
            page.tr("Export transactions"),
            "ledger.xlsx",
            export_transactions,
            page.tr("Exported the ledger to {}"),
        ),
    }[kind]
    store = page.context.store
    export_with_dialog(page, title, name, lambda path: export(store, path), done)


def import_with_preview(page, kind: ImportKind, source: Path) -> ImportPreviewDialog:
    """Show the preview; on Import, run the import through the context (one undo step)."""
    from ..services.imports.engine import run_import

    context = page.context
    store = context.store
    dialog = ImportPreviewDialog(store, kind, source, import_choices(store), parent=page)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return dialog
    request = dialog.request()
    text = {
        ImportKind.VOLUNTEERS: page.tr("Import volunteers from {}"),
        ImportKind.TRANSACTIONS: page.tr("Import transactions from {}"),
        ImportKind.BANK: page.tr("Import the bank statement {}"),
    }[kind].format(source.name)

    def done(result: ImportResult) -> None:
        QMessageBox.information(page, page.tr("Import finished"), describe(page, kind, result))

    context.run_write(
        page,
        text,
        page.tr("Importing {}…").format(source.name),
        lambda progress: run_import(store, request, progress.report, progress.cancelled),
        done,
        lambda error: QMessageBox.warning(
            page, page.tr("Nothing was imported"), error_words(error)
        ),
        cancellable=True,
    )
    return dialog


def describe(widget: QWidget, kind: ImportKind, result: ImportResult) -> str:
    # One context for these words, whichever page imported (lupdate reads the full call).
    if result.nothing_new and not result.bad_skipped:
        return QCoreApplication.translate(
            "importing", "Nothing new in {}: every row is already there."
        ).format(result.source)
    added = result.added  # a plain name: lupdate reads no expression as a count
    if kind is ImportKind.VOLUNTEERS:
        text = QCoreApplication.translate(
            "importing", "{}: %n volunteer(s) added, {} updated.", "", added
        ).format(result.source, result.updated)
    else:
        text = QCoreApplication.translate(
            "importing", "{}: %n transaction(s) added.", "", added
        ).format(result.source)
    text += _what_else(result)
    if result.created:
        text += " " + QCoreApplication.translate("importing", "Created {}.").format(
            ", ".join(said(c) for c in result.created)
        )
    if result.note_count:
        text += "\n\n" + "\n".join(said(n) for n in result.notes[:10])
    return text


def _what_else(result: ImportResult) -> str:
    """The rows matched, skipped or left out, and the rules learned, each said when any."""
    extras = [
        (
            result.matched,
            lambda n: QCoreApplication.translate(
                "importing", "Matched to entries made by hand: %n statement line(s).", "", n
            ),
        ),
        (
            result.duplicates,
            lambda n: QCoreApplication.translate(
                "importing", "Already in the ledger: %n row(s).", "", n
            ),
        ),
        (
            result.likely_skipped,
            lambda n: QCoreApplication.translate(
                "importing", "Likely duplicates left out: %n row(s).", "", n
            ),
        ),
        (
            result.left_out,
            lambda n: QCoreApplication.translate("importing", "Left out: %n row(s).", "", n),
        ),
        (
            result.bad_skipped,
            lambda n: QCoreApplication.translate(
                "importing", "Skipped as unreadable: %n row(s).", "", n
            ),
        ),
        (
            result.rules_learned,
            lambda n: QCoreApplication.translate(
                "importing",
                "%n new rule(s) will categorise these counterparties next time.",
                "",
                n,
            ),
        ),
    ]
    return "".join(" " + words(n) for n, words in extras if n)
