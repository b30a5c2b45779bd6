import pytest

from sponsor_app.domain.enums import OutcomeArea, Phase, TaskStatus
from sponsor_app.domain.programmes import get_programme


def test_members_keep_their_own_labels():
    """Regression: labels were keyed by value, so OutcomeArea.HOUSING read "Housing lead"."""
    assert OutcomeArea.HOUSING.label == "Housing"
    assert OutcomeArea.EDUCATION.label == "Education"
    assert OutcomeArea.HEALTH.label == "Health and wellbeing"


def test_from_text_accepts_values_and_labels():
    assert Phase.from_text("Weeks 1-2") is Phase.WEEKS_1_2
    assert TaskStatus.from_text("not applicable") is TaskStatus.NOT_NEEDED
    assert TaskStatus.from_text("To do") is TaskStatus.OPEN
    with pytest.raises(ValueError, match="unknown Phase"):
        Phase.from_text("astronaut")


def test_the_programmes_roles_are_data_the_group_starts_with():
    roles = dict(get_programme("nz-cors").roles)
    assert roles["housing"] == "Housing lead"
    assert roles["education"] == "Education and English lead"
    assert "safeguarding_deputy" not in roles
    assert dict(get_programme("uk-cs").roles)["safeguarding_deputy"] == "Deputy safeguarding lead"
