"""The import preview: the file as it will be read, before anything is written.

Each column is matched to a field (by name; the person can change a match or ignore a
column), each value the group has no record of gets a choice (map it, create it, leave its
rows out), bad rows are listed by line, and likely duplicates are shown greyed to be ticked
in. Every change reads the file again off the GUI thread, so what the preview shows is what
the import will do. Import stays off until nothing is left undecided.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import SponsorDeskError
from ...services.imports.fields import IGNORE, ImportKind, Vocabulary
from ...services.imports.model import (
    ImportPreview,
    ImportRequest,
    RowStatus,
    UnknownValue,
)
from ...services.imports.sources import ENCODINGS
from ..words import error_words, problem_words, said
from ..worker import run_in_background
from .import_tables import PreviewTables


@dataclass(frozen=True)
class ImportChoices:
    """What a value can be mapped to: the group's roles, categories and household codes."""

    roles: tuple = ()
    categories: tuple = ()
    households: tuple[str, ...] = ()


def import_choices(store) -> ImportChoices:
    from ...services.funds.ledger import list_categories
    from ...services.households.households import list_households
    from ...services.roster.roles import list_roles

    return ImportChoices(
        tuple(list_roles(store)),
        tuple(c for c in list_categories(store) if not c.archived),
        tuple(h.code for h in list_households(store)),
    )


class ImportPreviewDialog(PreviewTables, QDialog):
    """Build with the store, the kind and the file; `request()` is what to import."""

    def __init__(
        self, store, kind: ImportKind, source: Path, choices, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store, self.kind = store, kind
        self.choices = choices  # ImportChoices: roles, categories, households for the combos
        self._request = ImportRequest(kind, Path(source))
        self.preview: ImportPreview | None = None
        self.busy = False
        self._again = False
        self.setWindowTitle(self._title(Path(source).name))
        self.setMinimumSize(860, 560)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._analyse)
        self._build()
        self._analyse()

    def _title(self, name: str) -> str:
        return {
            ImportKind.VOLUNTEERS: self.tr("Import volunteers from {}"),
            ImportKind.TRANSACTIONS: self.tr("Import transactions from {}"),
            ImportKind.BANK: self.tr("Import the bank statement {}"),
        }[self.kind].format(name)

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.summary = QLabel(self.tr("Reading the file…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.rows = self._table(self.tr("Rows as they will be read"))
        self.columns = self._table(self.tr("Columns"))
        self.values = self._table(self.tr("Values to map"))
        self.likely = self._table(self.tr("Possible duplicates"))
        self.likely.itemChanged.connect(self._on_tick)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        for widget, title in (
            (self.rows, self.tr("&Rows")),
            (self.columns, self.tr("&Columns")),
            (self.values, self.tr("&Values")),
            (self.likely, self.tr("&Duplicates")),
            (self.problems, self.tr("&Problems")),
        ):
            self.tabs.addTab(widget, title)
        layout.addWidget(self.tabs, 1)

        self.skip_bad = QCheckBox(
            self.tr("S&kip the rows that cannot be read, and import the rest")
        )
        self.skip_bad.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_bad)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.mapping_label.setVisible(self.kind is ImportKind.BANK)
        self.mapping_name.setVisible(self.kind is ImportKind.BANK)

    def _top_bar(self) -> QHBoxLayout:
        """The sheet, the encoding and, for a bank, the name to remember the columns by."""
        top = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Sheet"))
        self.sheet_label.setBuddy(self.sheet)
        self.sheet.activated.connect(self._on_sheet_chosen)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(self.tr("Encoding of the file's text"))
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.addItem(self.tr("Recognised"), None)
        for key, name in ENCODINGS.items():
            self.encoding.addItem(name, key)
        self.encoding_label.setBuddy(self.encoding)
        self.encoding.activated.connect(self._on_encoding_chosen)
        csv_file = self._request.path.suffix.lower() in (".csv", ".txt")
        self.encoding_label.setVisible(csv_file)
        self.encoding.setVisible(csv_file)
        top.addWidget(self.encoding_label)
        top.addWidget(self.encoding)
        top.addStretch(1)  # the boxes keep their own width whatever else is shown
        self.layout_label = QLabel()
        top.addWidget(self.layout_label, 1)
        self.mapping_label = QLabel(self.tr("Remember these columns as:"))
        self.mapping_name = QLineEdit()
        self.mapping_name.setPlaceholderText(self.tr("the bank's name, e.g. Credit Union"))
        self.mapping_name.setAccessibleName(self.tr("Name for these columns"))
        top.addWidget(self.mapping_label)
        top.addWidget(self.mapping_name)
        return top

    def _analyse(self) -> None:
        if self.busy:
            self._again = True
            return
        from ...services.imports.engine import preview_import

        self.busy, self._again = True, False
        self.import_button.setEnabled(False)
        request, store = self._request, self.store
        run_in_background(
            self,
            self.tr("Reading {}…").format(request.path.name),
            lambda: preview_import(store, request),
            self._on_read,
            self._on_failed,
            on_bug=self._on_bug,
        )

    def _on_bug(self) -> None:
        self.busy = False

    def _on_failed(self, error: SponsorDeskError) -> None:
        self.busy = False
        self.preview = None
        self.summary.setText("⚠ " + error_words(error))
        self.import_button.setEnabled(False)

    def _on_read(self, preview: ImportPreview) -> None:
        self.busy = False
        self.preview = preview
        if self._request.columns is None:  # from now on the person's matches are kept as shown
            self._request = replace(self._request, columns=preview.columns)
        self._fill()
        if self._again:
            self._analyse()

    def _schedule(self) -> None:
        self.import_button.setEnabled(False)
        self._timer.start()

    # --- showing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        p = self.preview
        self.sheet_label.setVisible(len(p.sheets) > 1)
        self.sheet.setVisible(len(p.sheets) > 1)
        self.sheet.clear()
        self.sheet.addItems(list(p.sheets))
        self.sheet.setCurrentText(p.sheet)
        if p.encoding and self._request.encoding is None:
            self.encoding.setItemText(
                0, self.tr("Recognised: {}").format(ENCODINGS.get(p.encoding, p.encoding))
            )
        if p.layout:
            self.layout_label.setText(self.tr("Recognised: {} export.").format(p.layout))
        elif p.mapping_name:
            self.layout_label.setText(self.tr("Columns as saved for {}.").format(p.mapping_name))
        else:
            self.layout_label.setText("")
        self.layout_label.setVisible(bool(self.layout_label.text()))
        custom = self.kind is ImportKind.BANK and not p.layout  # a known bank needs no name
        self.mapping_label.setVisible(custom)
        self.mapping_name.setVisible(custom)
        if p.mapping_name and not self.mapping_name.text():
            self.mapping_name.setText(p.mapping_name)
        self._fill_columns(p)
        self._fill_rows(self.rows, p.rows, p.fields, with_tick=False)
        self._fill_values(p)
        self._fill_rows(self.likely, p.likely, p.fields, with_tick=True)
        self.problems.clear()
        self.problems.addItems([f"⚠ {x.field}: {problem_words(x)}" for x in p.problems])
        if p.problem_count > len(p.problems):
            self.problems.addItem(self.tr("and {} more").format(p.problem_count - len(p.problems)))
        self.problems.addItems([self.tr("Note: {}.").format(said(n)) for n in p.notes])
        self._retitle(p)
        self._update_buttons()

    def _retitle(self, p: ImportPreview) -> None:
        undecided = len(self._undecided())
        self.tabs.setTabText(1, self.tr("&Columns ({})").format(len(p.header)))
        if self.kind is ImportKind.BANK:
            self.tabs.setTabText(2, self.tr("&Payees and categories ({})").format(len(p.unknown)))
        else:
            self.tabs.setTabText(
                2,
                self.tr("&Values ({} to choose)").format(undecided)
                if undecided
                else self.tr("&Values ({})").format(len(p.unknown)),
            )
        self.tabs.setTabText(3, self.tr("&Duplicates ({})").format(len(p.likely)))
        self.tabs.setTabText(4, self.tr("&Problems ({})").format(p.problem_count + p.note_count))

    def _on_sheet_chosen(self) -> None:
        self._request = replace(self._request, sheet=self.sheet.currentText(), columns=None)
        self._schedule()

    def _on_encoding_chosen(self) -> None:
        """Read the CSV as the person says its text is written (a UTF-8 file with a stray byte
        is refused rather than guessed, naming the line)."""
        self._request = replace(self._request, encoding=self.encoding.currentData(), columns=None)
        self._schedule()

    def _on_column_changed(self) -> None:
        columns = tuple(
            self.column_combo(i).currentData() or IGNORE for i in range(self.columns.rowCount())
        )
        self._request = replace(self._request, columns=columns)
        self._schedule()

    def _on_value_chosen(self, value: UnknownValue, target) -> None:
        values = {k: dict(v) for k, v in self._request.values.items()}
        chosen = values.setdefault(value.vocabulary.value, {})
        if target is None:
            chosen.pop(value.key, None)
        else:
            chosen[value.key] = target
        self._request = replace(self._request, values=values)
        self._schedule()

    def _on_tick(self, item: QTableWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if line is None:
            return
        lines = set(self._request.include_lines)
        if item.checkState() == Qt.CheckState.Checked:
            lines.add(line)
        else:
            lines.discard(line)
        self._request = replace(self._request, include_lines=frozenset(lines))
        self._schedule()

    def _undecided(self) -> list[UnknownValue]:
        p = self.preview
        if p is None:
            return []
        chosen = self._request.values
        return [
            u
            for u in p.unknown
            if u.vocabulary is not Vocabulary.COUNTERPARTY
            and u.choice is None
            and u.key not in chosen.get(u.vocabulary.value, {})
        ]

    def _update_buttons(self) -> None:
        p = self.preview
        if p is None:
            self.import_button.setEnabled(False)
            return
        undecided = self._undecided()
        bad = p.problem_count
        self.skip_bad.setVisible(bad > 0)
        self.skip_bad.setText(
            self.tr("S&kip the %n row(s) that cannot be read, and import the rest", "", bad)
        )
        counts = p.counts
        parts = [
            self.tr("%n row(s)", "", p.total),
            self.tr("{} to add").format(counts.get(RowStatus.NEW, 0)),
        ]
        for status, words in (
            (RowStatus.UPDATE, lambda n: self.tr("{} to update").format(n)),
            (RowStatus.MATCHED, lambda n: self.tr("{} matched to entries made by hand").format(n)),
            (RowStatus.DUPLICATE, lambda n: self.tr("{} already there").format(n)),
            (
                RowStatus.LIKELY,
                lambda n: self.tr("%n likely duplicate(s) (greyed: tick to import)", "", n),
            ),
            (RowStatus.LEFT_OUT, lambda n: self.tr("{} left out").format(n)),
            (RowStatus.WAITING, lambda n: self.tr("{} waiting for a value").format(n)),
            (RowStatus.BAD, lambda n: self.tr("⚠ {} cannot be read").format(n)),
        ):
            if counts.get(status):
                parts.append(words(counts[status]))
        text = ", ".join(parts) + "."
        if p.missing:
            text = "⚠ " + self.tr("Choose the column that holds: {}.").format(
                ", ".join(said(m) for m in p.missing)
            )
        elif undecided:
            text += " " + self.tr("Choose what {} means on the Values tab.").format(
                ", ".join(f"“{u.text}”" for u in undecided[:3])
            )
        elif bad and not self.skip_bad.isChecked():
            text += " " + self.tr("Tick “Skip” to import the rest, or fix the file.")
        self.summary.setText(text)
        ready = (
            not p.missing
            and not undecided
            and not self.busy
            and not self._timer.isActive()
            and (bad == 0 or self.skip_bad.isChecked())
        )
        self.import_button.setEnabled(ready)

    def request(self) -> ImportRequest:
        """What to import: the file, the matches and choices shown, and the row count."""
        total = self.preview.total if self.preview else 0
        name = self.mapping_name.text().strip() or None if self.kind is ImportKind.BANK else None
        return replace(
            self._request,
            skip_bad_rows=self.skip_bad.isChecked(),
            expected_rows=total,
            mapping_name=name,
        )
