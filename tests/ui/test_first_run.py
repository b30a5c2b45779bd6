"""First run: the welcome page, the New wizard end to end, reopening the last file."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from sponsor_app.services.group.groups import group_info, open_group
from sponsor_app.services.households.households import list_households
from sponsor_app.ui.main_window import MainWindow

from .conftest import TODAY, click, on_next_modal, type_date, type_into


def test_no_file_shows_the_welcome_choices(window):
    assert window.is_showing_welcome()
    assert window.welcome.create_button.isVisible() and window.welcome.demo_button.isVisible()
    assert window.windowTitle() == "Sponsor Desk"
    assert not window.page_actions[0].isEnabled()


def test_new_wizard_end_to_end(window, qtbot, tmp_path):
    target = tmp_path / "Ōtaki Welcome.sponsor"
    arrival = TODAY + timedelta(days=40)

    def fill(wizard: QWizard) -> None:
        group = wizard.group_page
        assert group.programme.currentData() == "nz-cors"  # preselected
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # name is required
        group.name.insert("Ō")  # QTest can only type ASCII keys; paste the macron
        qtbot.keyClicks(group.name, "taki Welcome")
        index = group.programme.findData("uk-cs")
        group.programme.setCurrentIndex(index)
        assert group.currency.text() == "GBP"  # prefilled from the programme
        assert group.locale.currentText() == "English (United Kingdom)"
        group.programme.setCurrentIndex(group.programme.findData("nz-cors"))
        assert group.currency.text() == "NZD"
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

        household = wizard.household_page
        household.code.clear()
        type_into(qtbot, household.code, "H 1")
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        assert "up to 16 letters" in household.form.errors["code"].text()
        household.code.clear()
        qtbot.keyClicks(household.code, "H1")
        type_date(qtbot, household.arrival, arrival)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

        save = wizard.save_page
        assert save.path.text().endswith("Ōtaki Welcome.sponsor")  # suggested from the name
        save.path.setText(str(target))
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )

    with on_next_modal(qtbot, fill):
        click(qtbot, window.welcome.create_button)

    assert target.exists()
    assert not window.is_showing_welcome()
    assert window.windowTitle().startswith("Ōtaki Welcome — Ōtaki Welcome.sponsor")
    arrivals = window.dashboard.arrivals.model.rows()
    assert [(a.code, a.arrival_date, a.days_since) for a in arrivals] == [("H1", arrival, -40)]
    assert window.dashboard.arrivals.view.isVisibleTo(window.dashboard)
    assert window.file_label.text() == str(target)
    window.context.close()
    with open_group(target) as store:
        assert group_info(store).programme_key == "nz-cors"
        assert [h.tasks_total > 0 for h in list_households(store)] == [True]


def test_the_last_file_reopens(qtbot, small_demo):
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.open_file(small_demo)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.settings.last_file() == small_demo.resolve()
    second.open_later(second.settings.last_file())
    qtbot.waitUntil(lambda: second.context.is_open)
    assert second.context.path == small_demo.resolve()
    second.context.close()


def test_close_returns_to_welcome_with_the_file_in_recent(window, small_demo):
    window.open_file(small_demo)
    window.close_file()
    assert window.is_showing_welcome()
    assert window.welcome.recent.count() == 1
    assert window.settings.last_file() is None
