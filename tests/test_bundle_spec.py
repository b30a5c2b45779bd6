"""The built app keeps Babel's data only for the languages the app offers dates and numbers in:
every locale a group can choose (the new-group wizard) or a programme sets must be among them,
or the installed app would fail where `make run` works."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sponsor_app.domain.programmes import all_programmes

SPEC = Path(__file__).resolve().parent.parent / "packaging" / "sponsor-desk.spec"


def _bundled_languages() -> set[str]:
    found = re.search(r"^BABEL_LANGUAGES = (\(.*?\))$", SPEC.read_text(), re.MULTILINE)
    return set(ast.literal_eval(found.group(1)))


def test_every_locale_a_group_can_have_is_in_the_bundle():
    from sponsor_app.ui.dialogs.new_group_wizard import LOCALES

    wanted = {code.split("_")[0] for code in LOCALES}
    wanted |= {p.locale.split("_")[0] for p in all_programmes().values()}
    assert wanted <= _bundled_languages()
