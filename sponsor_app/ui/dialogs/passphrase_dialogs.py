"""The passphrase dialogs: set or change one (typed twice, with a strength meter), the recovery
code page. The prompt that opens a protected file is `unlock_dialog.py`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput
from ...services.files.protection import check_new_passphrase, strength
from ..widgets.form import FormDialog
from ..words import said


def passphrase_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


def note_label(text: str, warning: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if warning:
        label.setStyleSheet("font-weight: 600;")
    return label


class StrengthMeter(QWidget):
    """How hard the passphrase is to guess, in five steps, with the estimator's advice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.words = QLabel()
        self.words.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 2, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.bar)
        column.addWidget(self.words)
        self.score = 0
        self.show_strength("", ())

    def show_strength(self, passphrase: str, context: tuple[str, ...]) -> None:
        rated = strength(passphrase, context)
        self.score = rated.score
        self.bar.setValue(rated.score if passphrase else 0)
        names = [
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        ]
        colours = ["#c62828", "#c62828", "#b26a00", "#2e7d32", "#2e7d32"]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[rated.score]}; }}")
        if not passphrase:
            self.words.setText(self.tr("Strength: a few unrelated words are strong and easy."))
            return
        advice = said(rated.warning) or (rated.suggestions[0] if rated.suggestions else "")
        self.words.setText(
            self.tr("Strength: {}").format(names[rated.score]) + (f" — {advice}" if advice else "")
        )
        self.bar.setAccessibleDescription(names[rated.score])


class NewPassphraseDialog(FormDialog):
    """Protect a file, or change its passphrase: typed twice, its strength shown as it is
    typed, and, before it is set, the warning that a forgotten one cannot be recovered."""

    KEEP, PROTECT, DELETE = "keep", "protect", "delete"

    def __init__(
        self,
        file_name: str,
        changing: bool = False,
        context: tuple[str, ...] = (),
        parent: QWidget | None = None,
        copies: tuple[Path, ...] = (),
    ):
        title = self.tr("Change Passphrase") if changing else self.tr("Protect with a Passphrase")
        super().__init__(title, parent)
        self.setMinimumWidth(480)
        self._context = (*context, Path(file_name).stem)
        intro = (
            self.tr(
                "The new passphrase opens {} from now on. The file's recovery code stays the same."
            )
            if changing
            else self.tr(
                "{} will be encrypted: without the passphrase (or its recovery code) nobody can "
                "read it, its backups or the copies made of it from now on, on this computer or "
                "any other."
            )
        ).format(file_name)
        self._layout.insertWidget(0, note_label(intro))
        self.passphrase = self.form.add_field(
            "passphrase", self.tr("&New passphrase:"), passphrase_field()
        )
        self.meter = StrengthMeter()
        self.form.addRow("", self.meter)
        self.again = self.form.add_field("again", self.tr("&Type it again:"), passphrase_field())
        self.show_typed = QCheckBox(self.tr("S&how what I type"))
        self.form.addRow("", self.show_typed)
        self.warning = note_label(
            self.tr(
                "A forgotten passphrase cannot be recovered: Sponsor Desk keeps no copy and has "
                "no way round it. Only the recovery code, shown next for you to print, opens "
                "the file without it."
            ),
            warning=True,
        )
        self.warning.setObjectName("forgotten-warning")
        self._layout.insertWidget(self._layout.count() - 1, self.warning)
        self.copies_choice = None
        if copies and not changing:
            self._add_copies(copies)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Change Passphrase") if changing else self.tr("&Protect"))
        self.passphrase.textChanged.connect(self._on_typed)
        self.again.textChanged.connect(self._on_typed)
        self.show_typed.toggled.connect(self._on_show_typed)

    def _add_copies(self, copies: tuple[Path, ...]) -> None:
        """Copies made before protecting (Back Up To, Save a Copy) stay readable: say so, say
        where they are, and offer to protect or delete them with the file."""
        from PySide6.QtWidgets import QComboBox

        listed = "\n".join(f"• {copy}" for copy in copies)
        note = note_label(
            self.tr(
                "Made before, %n copy(ies) of the file can still be read by whoever reaches "
                "them (the backups in Sponsor Desk's own folder are protected with the file):",
                "",
                len(copies),
            )
            + "\n"
            + listed
        )
        note.setObjectName("copies-before")
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(note)  # right above the choice it explains
        self.copies_choice = QComboBox()
        self.copies_choice.addItem(self.tr("Leave them as they are"), self.KEEP)
        self.copies_choice.addItem(self.tr("Protect them with the same passphrase"), self.PROTECT)
        self.copies_choice.addItem(self.tr("Delete them"), self.DELETE)
        self.copies_choice.setAccessibleName(self.tr("Copies made before"))
        self.form.addRow(self.tr("&Copies made before:"), self.copies_choice)
        self.copies = copies

    def copies_wanted(self) -> str:
        """What to do with the copies made before: KEEP, PROTECT or DELETE."""
        if self.copies_choice is None:
            return self.KEEP
        return self.copies_choice.currentData()

    def _on_typed(self, _text: str = "") -> None:
        self.meter.show_strength(self.passphrase.text(), self._context)
        problems = check_new_passphrase(self.passphrase.text(), self.again.text(), self._context)
        first = {p.field: said(p.said) for p in problems}
        self.form.set_problem("passphrase", first.get("passphrase"))
        self.form.set_problem("again", first.get("again") if self.again.text() else None)

    def _on_show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.again.setEchoMode(mode)

    def value(self) -> str:
        problems = check_new_passphrase(self.passphrase.text(), self.again.text(), self._context)
        if problems:
            raise InvalidInput(problems)
        return self.passphrase.text()


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once, to print or write down; Done only once that is done."""

    def __init__(self, code: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery Code"))
        self.setMinimumWidth(520)
        self.code = code
        self.file_name = file_name
        column = QVBoxLayout(self)
        column.addWidget(
            note_label(
                self.tr(
                    "This code opens {} if the passphrase is forgotten, or when the person who "
                    "knows it has left the group. Print it or write it down, and keep it "
                    "somewhere safe away from the computer. It is shown only now."
                ).format(file_name)
            )
        )
        self.code_label = QLabel(code)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_label.setMinimumHeight(56)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        column.addWidget(self.code_label)
        column.addWidget(
            note_label(
                self.tr(
                    "Anyone holding the code can open the file, so treat it like a key. Capital "
                    "letters or small, with or without the dashes: both work."
                )
            )
        )
        row = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.copy_button = QPushButton(self.tr("C&opy"))
        row.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        row.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        column.addWidget(row)
        self.kept = QCheckBox(self.tr("I have &printed or written down the recovery code"))
        column.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.done_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText(self.tr("&Done"))
        self.done_button.setEnabled(False)
        column.addWidget(self.buttons)
        self.kept.toggled.connect(self.done_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.print_button.clicked.connect(self._print)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code))

    def page(self) -> QTextDocument:
        """What is printed: the file's name, the code large, and what it is for."""
        document = QTextDocument()
        document.setHtml(
            "<h2>{}</h2><p>{}</p><p style='font-size:20pt; font-family:monospace'><b>{}</b></p>"
            "<p>{}</p>".format(
                self.tr("Sponsor Desk recovery code"),
                self.tr("For the group file {}").format(self.file_name),
                self.code,
                self.tr(
                    "It opens the file without its passphrase. Keep it somewhere safe, away "
                    "from the computer."
                ),
            )
        )
        return document

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.page().print_(printer)
            self.kept.setChecked(True)

    def reject(self) -> None:  # Escape does not skip the code unseen
        if self.kept.isChecked():
            super().reject()
