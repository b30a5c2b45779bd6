import pytest

from sponsor_app.domain.enums import OutcomeArea, Phase, Role, TaskStatus


def test_members_with_equal_values_keep_their_own_labels():
    """Regression: labels were keyed by value, so OutcomeArea.HOUSING read "Housing lead"."""
    assert Role.HOUSING.label == "Housing lead"
    assert OutcomeArea.HOUSING.label == "Housing"
    assert Role.EDUCATION.label == "Education and English lead"
    assert OutcomeArea.EDUCATION.label == "Education"
    assert OutcomeArea.HEALTH.label == "Health and wellbeing"


def test_from_text_accepts_values_and_labels():
    assert Role.from_text(" housing lead ") is Role.HOUSING
    assert Role.from_text("FINANCE") is Role.FINANCE
    assert Phase.from_text("Weeks 1-2") is Phase.WEEKS_1_2
    assert TaskStatus.from_text("not applicable") is TaskStatus.NOT_NEEDED
    assert TaskStatus.from_text("To do") is TaskStatus.OPEN
    with pytest.raises(ValueError, match="unknown Role"):
        Role.from_text("astronaut")
