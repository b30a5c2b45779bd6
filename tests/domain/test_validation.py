import pytest

from sponsor_app.domain.validation import (
    email_problems,
    household_code_problems,
    phone_problems,
    split_list,
)


@pytest.mark.parametrize("value", ["aroha@example.org", "ayşe.yılmaz@örnek.com.tr", ""])
def test_good_emails(value):
    assert email_problems("email", value) == []


@pytest.mark.parametrize("value", ["aroha", "aroha@", "a b@example.org", "@example.org", "a@b"])
def test_bad_emails_name_the_field(value):
    (problem,) = email_problems("email", value)
    assert problem.field == "email" and "email address" in problem.message


@pytest.mark.parametrize("value", ["021 555 1234", "+64 21 555 1234", "(04) 555-1234", ""])
def test_good_phones(value):
    assert phone_problems("phone", value) == []


@pytest.mark.parametrize("value", ["12345", "call me", "+64 21 555 1234 5678 90"])
def test_bad_phones(value):
    assert phone_problems("phone", value)


def test_split_list_trims_and_drops_repeats():
    assert split_list(" Arabic; English ;arabic;; Dari") == ("Arabic", "English", "Dari")
    assert split_list("") == ()


def test_household_codes():
    assert household_code_problems("code", "H12") == []
    assert household_code_problems("code", "") and household_code_problems("code", "H 1")
