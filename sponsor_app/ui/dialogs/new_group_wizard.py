"""File > New: the group, its programme, the first household and where to save."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from ... import clock
from ...domain.errors import InvalidInput, SponsorDeskError
from ...domain.programmes import all_programmes, get_programme
from ...domain.validation import household_code_problems
from ...locations import GROUP_FILE_SUFFIX, default_group_file
from ...services.group.groups import NewGroup
from ...services.households.households import HouseholdInput
from ..widgets.form import ValidatedForm
from ..widgets.optional_date import OptionalDateEdit
from ..words import error_words

# Where groups of the four programmes are, and their neighbours.
LOCALES = ("en_NZ", "en_AU", "en_GB", "en_IE", "en_CA", "fr_CA", "en_US")


def locale_name(code: str) -> str:
    """ "English (New Zealand)": the locale by name, as Babel spells it, not "en_NZ"."""
    from babel import Locale

    return Locale.parse(code).get_display_name("en")


def suggested_path(group_name: str) -> Path:
    folder = default_group_file().parent
    stem = "".join(ch for ch in group_name if ch.isalnum() or ch in " -_'").strip() or "My group"
    candidate = folder / f"{stem}{GROUP_FILE_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} {number}{GROUP_FILE_SUFFIX}"
        number += 1
    return candidate


class GroupPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Your group"))
        self.setSubTitle(
            self.tr("The name evaluators will see, and the programme you sponsor under.")
        )
        self.form = ValidatedForm(self)
        # "Group na&me": Alt+N belongs to the wizard's Next button
        self.name = self.form.add_field("name", self.tr("Group na&me:"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. St Andrew's Welcome Circle"))
        self.programme = self.form.add_field("programme", self.tr("&Programme:"), QComboBox())
        for programme in all_programmes().values():
            self.programme.addItem(programme.name, programme.key)
        self.currency = self.form.add_field("currency", self.tr("&Currency:"), QLineEdit())
        self.currency.setMaxLength(3)
        self.currency.setInputMask(">AAA")
        self.locale = self.form.add_field(
            "locale", self.tr("&Dates and numbers as in:"), QComboBox()
        )
        for code in LOCALES:
            self.locale.addItem(locale_name(code), code)
        self.programme.currentIndexChanged.connect(self._on_programme_changed)
        self.name.textChanged.connect(self.completeChanged)
        self.registerField("name*", self.name)
        self._on_programme_changed()

    def _on_programme_changed(self) -> None:
        programme = get_programme(self.programme.currentData())
        self.currency.setText(programme.currency)
        self.locale.setCurrentIndex(max(self.locale.findData(programme.locale), 0))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and len(self.currency.text()) == 3


class HouseholdPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("The first household"))
        self.setSubTitle(
            self.tr(
                "Tasks of the settlement plan are dated from the arrival. You can add more households later."
            )
        )
        self.form = ValidatedForm(self)
        self.code = self.form.add_field("code", self.tr("Household &code:"), QLineEdit("H1"))
        self.arrival = self.form.add_field(
            "arrival_date",
            self.tr("Expected &arrival:"),
            OptionalDateEdit(self.tr("not known yet")),
        )
        expected = clock.today() + timedelta(weeks=12)  # UK guidance: 8-12 weeks after acceptance
        self.arrival.set_value(None, fallback=expected)
        self.arrival.changed.connect(self.completeChanged)
        self.code.textChanged.connect(self._on_code_edited)

    def _on_code_edited(self, text: str) -> None:
        problems = household_code_problems("code", text)
        self.form.set_problem("code", problems[0].message if problems else None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            not household_code_problems("code", self.code.text()) and self.arrival.problem() is None
        )


class SavePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Where to keep the group file"))
        self.setSubTitle(self.tr("One file holds everything. Keep it somewhere you back up."))
        self.form = ValidatedForm(self)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("B&rowse…"))
        line.addWidget(self.path, 1)
        line.addWidget(self.browse)
        self.form.add_field("path", self.tr("F&ile:"), row)
        self.path.setAccessibleName(self.tr("File"))
        self.browse.clicked.connect(self._on_browse)
        self.path.textChanged.connect(self._on_path_edited)
        note = QLabel(self.tr("Nothing leaves this computer: the file is not uploaded anywhere."))
        note.setWordWrap(True)
        self.form.addRow(note)

    def initializePage(self) -> None:
        if not self.path.text():
            self.path.setText(str(suggested_path(self.field("name"))))

    def _on_browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the group file"),
            self.path.text(),
            self.tr("Group files (*.sponsor)"),
        )
        if chosen:
            self.path.setText(
                chosen if chosen.endswith(GROUP_FILE_SUFFIX) else chosen + GROUP_FILE_SUFFIX
            )

    def chosen_path(self) -> Path:
        text = self.path.text().strip()
        return Path(text if text.endswith(GROUP_FILE_SUFFIX) else text + GROUP_FILE_SUFFIX)

    def _on_path_edited(self) -> None:
        message = None
        if not self.path.text().strip():
            message = self.tr("Choose where to save the file.")
        elif self.chosen_path().exists():
            message = self.tr("That file exists already: choose another name.")
        self.form.set_problem("path", message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self.chosen_path().exists()


class NewGroupWizard(QWizard):
    """Collects the answers; `create_callback(path, NewGroup, HouseholdInput)` makes the file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a group"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(620, 440)
        self.group_page, self.household_page, self.save_page = (
            GroupPage(),
            HouseholdPage(),
            SavePage(),
        )
        for page in (self.group_page, self.household_page, self.save_page):
            self.addPage(page)
        self.create_callback = None
        self.created_path: Path | None = None

    def new_group(self) -> NewGroup:
        page = self.group_page
        return NewGroup(
            name=page.name.text(),
            programme_key=page.programme.currentData(),
            currency=page.currency.text().upper(),
            locale=page.locale.currentData(),
        )

    def first_household(self) -> HouseholdInput:
        page = self.household_page
        arrival = page.arrival.value()
        return HouseholdInput(code=page.code.text(), arrival_date=arrival)

    def accept(self) -> None:
        path = self.save_page.chosen_path()
        try:
            if self.create_callback is not None:
                self.create_callback(path, self.new_group(), self.first_household())
        except InvalidInput as error:
            for page in (self.group_page, self.household_page, self.save_page):
                page.form.show_problems(error)
            return
        except SponsorDeskError as error:
            self.save_page.form.set_problem("path", error_words(error))
            return
        self.created_path = path
        super().accept()
