"""The import preview's tables: the file's columns, its rows as they will be read, the values
to map and the likely duplicates, each filled from an `ImportPreview`.

A part of `ImportPreviewDialog` (kept apart so each module stays readable); it reads the
dialog's `kind`, `choices` and `_request` and calls its `_on_column_changed`,
`_on_value_chosen` handlers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from ...services.imports.fields import FIELDS, IGNORE, ImportKind, Vocabulary, field_of
from ...services.imports.model import CREATE, LEAVE_OUT, ImportPreview, RowStatus, UnknownValue
from ..words import said

_BAD = QColor("#c62828")  # always with a ⚠ beside it, never colour alone
_WAIT = QColor("#8a5a00")
STATUS_WORDS = ("current", "pending", "expired", "not cleared", "missing")


class PreviewTables:
    """Fills the preview dialog's tables; mixed into `ImportPreviewDialog`."""

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setAccessibleName(name)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- reading ----------------------------------------------------------------------------
    def _fill_columns(self, p: ImportPreview) -> None:
        table = self.columns
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Read as")]
        )
        table.setRowCount(len(p.header))
        fields = FIELDS[self.kind]
        for row, (name, sample, chosen) in enumerate(
            zip(p.header, p.samples, p.columns, strict=False)
        ):
            shown = name or self.tr("(no name)")
            if name and p.duplicate_columns and name in p.duplicate_columns:
                shown = "⚠ " + shown + self.tr(" (this name is used twice)")
            table.setItem(row, 0, QTableWidgetItem(shown))
            table.setItem(row, 1, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column {}").format(name or row + 1))
            combo.addItem(self.tr("(ignore this column)"), IGNORE)
            for f in fields:
                combo.addItem(said(f.said), f.key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(self._on_column_changed)
            table.setCellWidget(row, 2, combo)
        table.resizeColumnsToContents()

    def column_combo(self, index: int) -> QComboBox:
        return self.columns.cellWidget(index, 2)

    def _fill_values(self, p: ImportPreview) -> None:
        table = self.values
        table.clear()
        table.setColumnCount(5)
        means = self.tr("Category") if self.kind is ImportKind.BANK else self.tr("Means")
        table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("In the file"), self.tr("Rows"), means, ""]
        )
        table.setRowCount(len(p.unknown))
        for row, value in enumerate(p.unknown):
            what = said(field_of(self.kind, _field_key(value.vocabulary)).said)
            if value.kind:
                what += f" ({value.kind})"
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(value.text or self.tr("(empty)")))
            table.setItem(row, 2, QTableWidgetItem(f"{value.count:,} ({said(value.where)})"))
            combo = self._choice_combo(value)
            table.setCellWidget(row, 3, combo)
            table.setItem(row, 4, QTableWidgetItem(said(value.how)))
        table.resizeColumnsToContents()
        table.setColumnWidth(3, max(260, min(table.columnWidth(3), 360)))

    def value_combo(self, text: str) -> QComboBox | None:
        """The choice for a value as the file writes it (tests and keyboard users)."""
        for row in range(self.values.rowCount()):
            if self.values.item(row, 1).text() == text:
                return self.values.cellWidget(row, 3)
        return None

    def _choice_combo(self, value: UnknownValue) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("What “{}” means").format(value.text))
        vocabulary = value.vocabulary
        if vocabulary is not Vocabulary.COUNTERPARTY:
            combo.addItem(self.tr("Choose…"), None)
        if vocabulary.creatable:
            combo.addItem(self.tr("Create “{}”").format(value.text), CREATE)
        for label, target in self._targets(value):
            combo.addItem(label, target)
        if vocabulary is not Vocabulary.COUNTERPARTY:
            combo.addItem(self.tr("Leave these rows out"), LEAVE_OUT)
        chosen = self._request.values.get(vocabulary.value, {}).get(value.key, value.choice)
        index = combo.findData(chosen) if chosen is not None else 0
        if index < 0 and chosen is not None:  # a name as the mapping wrote it
            index = combo.findText(chosen, Qt.MatchFlag.MatchFixedString)
        combo.setCurrentIndex(max(0, index))
        if value.how:
            combo.setToolTip(said(value.how))
        combo.currentIndexChanged.connect(
            lambda _i, v=value, c=combo: self._on_value_chosen(v, c.currentData())
        )
        return combo

    def _targets(self, value: UnknownValue) -> list[tuple[str, str]]:
        vocabulary = value.vocabulary
        if vocabulary is Vocabulary.ROLES:
            return [(r.name, r.key) for r in self.choices.roles if not r.retired]
        if vocabulary is Vocabulary.STATUS:
            return [(self.tr(w), w) for w in STATUS_WORDS]
        if vocabulary is Vocabulary.KIND:
            return [(self.tr("income"), "income"), (self.tr("expense"), "expense")]
        if vocabulary is Vocabulary.HOUSEHOLD:
            return [(code, code) for code in self.choices.households]
        return [(c.name, c.name) for c in self.choices.categories if c.kind.value == value.kind]

    def _fill_rows(self, table, rows, fields, with_tick: bool) -> None:
        table.blockSignals(True)  # filling is not the person ticking
        table.clear()
        labels = [self.tr("Line"), self.tr("Status")] + [
            said(field_of(self.kind, f).said) for f in fields
        ]
        if with_tick:
            labels.insert(0, self.tr("Import"))
        table.setColumnCount(len(labels))
        table.setHorizontalHeaderLabels(labels)
        table.setRowCount(len(rows))
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for r, row in enumerate(rows):
            cells = [str(row.line), self._status_text(row.status, row.note), *row.values]
            offset = 1 if with_tick else 0
            if with_tick:
                tick = QTableWidgetItem()
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                ticked = row.line in self._request.include_lines
                tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                tick.setData(Qt.ItemDataRole.UserRole, row.line)
                tick.setToolTip(self.tr("Tick to import this row all the same"))
                table.setItem(r, 0, tick)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.status in (RowStatus.BAD,):
                    item.setForeground(_BAD)
                elif row.status is RowStatus.WAITING:
                    item.setForeground(_WAIT)
                elif row.status not in (RowStatus.NEW, RowStatus.UPDATE):
                    item.setForeground(grey)
                if row.note:
                    item.setToolTip(said(row.note))
                table.setItem(r, c + offset, item)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        status = 2 if with_tick else 1
        table.setColumnWidth(status, min(table.columnWidth(status), 280))  # the tooltip has it all

    def _status_text(self, status: RowStatus, note) -> str:
        words = {
            RowStatus.NEW: self.tr("add"),
            RowStatus.UPDATE: self.tr("update"),
            RowStatus.DUPLICATE: self.tr("already there: skipped"),
            RowStatus.LIKELY: self.tr("likely duplicate: skipped"),
            RowStatus.MATCHED: self.tr("matches an entry made by hand"),
            RowStatus.LEFT_OUT: self.tr("left out"),
            RowStatus.WAITING: self.tr("? waits for a value to be chosen"),
            RowStatus.BAD: "⚠ " + (said(note) or self.tr("cannot be read")),
        }
        return words[status]

    # --- the person's choices ----------------------------------------------------------------


def _field_key(vocabulary: Vocabulary) -> str:
    return {
        Vocabulary.ROLES: "roles",
        Vocabulary.STATUS: "vetting_status",
        Vocabulary.CATEGORY: "category",
        Vocabulary.HOUSEHOLD: "household",
        Vocabulary.KIND: "kind",
        Vocabulary.COUNTERPARTY: "counterparty",
    }[vocabulary]
