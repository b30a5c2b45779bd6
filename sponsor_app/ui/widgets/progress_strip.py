"""Done out of total for each phase and each outcome area, at a glance, in two rows."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ...domain.settlement import Progress


class ProgressStrip(QWidget):
    """One row of small labelled bars per grouping; clicking is not needed: it is a summary."""

    def __init__(self, rows: list[tuple[str, list]], parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self._bars: dict[object, tuple[QProgressBar, QLabel]] = {}
        for row, (title, keys) in enumerate(rows):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, row * 2, 0, 2, 1)
            for column, key in enumerate(keys, start=1):
                caption = QLabel(key.label)
                caption.setStyleSheet("font-size: 9pt;")
                bar = QProgressBar()
                bar.setTextVisible(False)  # the numbers go in the caption, clear of the bar
                bar.setMaximumHeight(8)
                bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                bar.setAccessibleName(f"{title}: {key.label}")
                grid.addWidget(caption, row * 2, column)
                grid.addWidget(bar, row * 2 + 1, column)
                self._bars[key] = (bar, caption)
        width = max(len(keys) for _, keys in rows)
        for column in range(1, width + 1):
            grid.setColumnStretch(column, 1)

    def set_progress(self, progress: dict) -> None:
        for key, (bar, caption) in self._bars.items():
            value = progress.get(key, Progress(0, 0))
            bar.setMaximum(max(value.total, 1))
            bar.setValue(value.done)
            counts = f"{value.done}/{value.total}" if value.total else "–"
            caption.setText(f"{key.label}  <b>{counts}</b>")
            bar.setToolTip(
                self.tr("{} of %n task(s) done", "", value.total).format(value.done)
                if value.total
                else self.tr("No tasks here")
            )
