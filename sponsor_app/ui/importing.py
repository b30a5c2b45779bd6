"""Choose a file, preview it, then import it as one undoable step with a cancellable bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..services.imports.fields import ImportKind
from ..services.imports.model import ImportResult
from .dialogs.import_preview import ImportPreviewDialog, import_choices


def choose_source(parent: QWidget, kind: ImportKind) -> Path | None:
    titles = {
        ImportKind.VOLUNTEERS: parent.tr("Import volunteers"),
        ImportKind.TRANSACTIONS: parent.tr("Import transactions"),
        ImportKind.BANK: parent.tr("Import a bank statement"),
    }
    filters = parent.tr("Spreadsheets (*.csv *.xlsx *.txt)")
    if kind is ImportKind.BANK:
        filters = parent.tr("Bank statements (*.csv *.ofx *.qfx *.xlsx);;All files (*)")
    chosen, _ = QFileDialog.getOpenFileName(parent, titles[kind], "", filters)
    return Path(chosen) if chosen else None


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
        lambda error: QMessageBox.warning(page, page.tr("Nothing was imported"), str(error)),
        cancellable=True,
    )
    return dialog


def describe(widget: QWidget, kind: ImportKind, result: ImportResult) -> str:
    tr = widget.tr
    if result.nothing_new and not result.bad_skipped:
        return tr("Nothing new in {}: every row is already there.").format(result.source)
    if kind is ImportKind.VOLUNTEERS:
        text = tr("{}: {} volunteers added, {} updated.").format(
            result.source, result.added, result.updated
        )
    else:
        text = tr("{}: {} transactions added.").format(result.source, result.added)
    extras = [
        (result.matched, tr("{} statement lines matched entries made by hand.")),
        (result.duplicates, tr("{} rows were already in the ledger.")),
        (result.likely_skipped, tr("{} likely duplicates were left out.")),
        (result.left_out, tr("{} rows were left out.")),
        (result.bad_skipped, tr("{} rows that could not be read were skipped.")),
        (result.rules_learned, tr("{} new rules will categorise these counterparties next time.")),
    ]
    text += "".join(" " + words.format(n) for n, words in extras if n)
    if result.created:
        text += " " + tr("Created {}.").format(", ".join(result.created))
    if result.note_count:
        text += "\n\n" + "\n".join(result.notes[:10])
    return text
