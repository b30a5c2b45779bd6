"""The plan page's Indicators tab: each indicator's latest reading and trend for the chosen
household, the readings of the one selected, and recording or deleting a reading."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter

from ....domain.indicators import IndicatorKind, Trend
from ....services.plan import indicators as indicator_service
from ...dialogs.contact_dialogs import ReadingDialog
from ...formatting import short_date
from ...models.rows_model import Column, RowsModel
from ...widgets.tables import fit_columns, make_table
from .tab_view import TableTab

TREND_MARK = {
    Trend.UP: "▲ up",
    Trend.DOWN: "▼ down",
    Trend.SAME: "= same",
    Trend.CHANGED: "↔ changed",
    Trend.FIRST: "• first reading",
}


def latest_text(summary, locale: str) -> str:
    if summary.latest is None:
        return QCoreApplication.translate("IndicatorsTab", "no reading yet")
    indicator = summary.indicator
    if indicator.kind is IndicatorKind.DATE:
        return short_date(date.fromisoformat(summary.latest.value), locale)
    unit = f" {indicator.unit}" if indicator.unit and indicator.unit != "%" else indicator.unit
    return f"{summary.latest.value}{unit}"


class IndicatorsTab(TableTab):
    def __init__(self, page):
        super().__init__(page, self.tr("Indicators"), self._columns(page))
        self._add_history(page)
        self.record_button = self.button(self.tr("&Record reading…"), self.record)
        self.delete_button = self.button(self.tr("Delete reading"), self.delete_reading)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.table.doubleClicked.connect(lambda _: self.record())
        self._readings = []

    def _columns(self, page) -> list[Column]:
        loc = page.locale
        return [
            Column(self.tr("Topic"), lambda s: s.indicator.topic),
            Column(self.tr("Indicator"), lambda s: s.indicator.label),
            Column(self.tr("Latest"), lambda s: latest_text(s, loc())),
            Column(
                self.tr("As on"),
                lambda s: short_date(s.latest.recorded_on, loc()) if s.latest else "",
                sort_key=lambda s: s.latest.recorded_on if s.latest else None,
            ),
            Column(self.tr("Trend"), lambda s: self.tr(TREND_MARK[s.trend]) if s.trend else ""),
            Column(
                self.tr("Readings"),
                lambda s: str(s.readings),
                numeric=True,
                sort_key=lambda s: s.readings,
            ),
        ]

    def _add_history(self, page) -> None:
        """The chosen indicator's readings under the table, and a hint above it."""
        loc = page.locale
        self.history = make_table(self.tr("Readings of the chosen indicator"), sortable=False)
        self.history_model = RowsModel(
            [
                Column(self.tr("As on"), lambda r: short_date(r.recorded_on, loc())),
                Column(self.tr("Value"), lambda r: r.value),
                Column(self.tr("Note"), lambda r: r.note),
            ],
            self,
        )
        self.history.setModel(self.history_model)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.layout().removeWidget(self.stack)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)
        self.layout().insertWidget(0, splitter, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.layout().insertWidget(0, self.hint)

    def refresh(self) -> None:
        chosen = self.page.chosen_household()
        self.record_button.setEnabled(bool(self.page.household_codes))  # it asks which
        self.delete_button.setEnabled(chosen is not None)
        if chosen is None:
            self._readings = []
            self.show_rows(
                [], self.tr("Choose a household at the top of the page to see its indicators.")
            )
            self.history_model.set_rows([])
            self.hint.clear()
            return
        store = self.page.context.store
        with store.read():
            summaries = indicator_service.latest_indicators(store, chosen[0])
            self._readings = indicator_service.readings(store, chosen[0])
        self.show_rows(summaries)
        missing = sum(1 for s in summaries if s.latest is None)
        self.hint.setText(
            self.tr(
                "Readings at 3, 6, 12 and 24 months after arrival let evaluators compare groups; "
                "the plan has a task for each. Indicators with no reading yet: {} of {}."
            ).format(missing, len(summaries))
        )
        self._show_history()

    def _show_history(self) -> None:
        summary = self.selected()
        if summary is None:
            self.history_model.set_rows([])
            return
        series = [r for r in self._readings if r.indicator == summary.indicator.key]
        self.history_model.set_rows(list(reversed(series)))
        fit_columns(self.history)

    def record(self) -> None:
        chosen = self.page.household_for(self.tr("Record a reading"))
        if chosen is None:
            return
        household_id, code = chosen
        dialog = ReadingDialog(code, indicator_service.indicators(self.page.context.store), self)
        if (summary := self.selected()) is not None:
            dialog.select(summary.indicator.key)
        self.page.edits.with_dialog(
            dialog,
            lambda _value: self.tr("Record {} for {}").format(dialog.chosen().label.lower(), code),
            lambda store, reading: indicator_service.record_reading(store, household_id, reading),
        )

    def delete_reading(self) -> None:
        index = self.history.currentIndex()
        if not index.isValid():
            QMessageBox.information(
                self,
                self.tr("Delete reading"),
                self.tr("Choose the reading in the list below first."),
            )
            return
        reading = self.history_model.row_at(index.row())
        self.page.edits.now(
            self.tr("Delete a reading"),
            lambda store: indicator_service.delete_reading(store, reading.id),
            removal=self.tr("Reading deleted."),
        )
