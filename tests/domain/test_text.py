"""Replacing names whatever their case and accents (retention's ledger scrub relies on it)."""

import unicodedata

from sponsor_app.domain.text import replace_folded


def test_names_go_whatever_their_case_and_accents():
    text = "Paid YASMIN AL-KHATIB, then yāsmin al-khatib; Al-Khatib's bond"
    assert replace_folded(text, {"Yasmin Al-Khatib", "Al-Khatib"}, "(x)") == (
        "Paid (x), then (x); (x)'s bond"
    )


def test_a_decomposed_accent_goes_with_its_letter():
    text = unicodedata.normalize("NFD", "Mere Pōtae paid")
    assert replace_folded(text, {"Mere Potae"}, "(x)") == "(x) paid"
    assert replace_folded("Pōtae", {"pō"}, "(x)") == "(x)tae"


def test_nothing_else_changes():
    assert replace_folded("Countdown Kāpiti", {"Al-Khatib", ""}, "(x)") == "Countdown Kāpiti"
