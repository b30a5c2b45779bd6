"""The built app's ICU data (packaging/linux/icu_data.py): Qt's 32 MB library cut down to the
languages the app offers, which must still be what Qt reads for them."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "icu_data", ROOT / "packaging" / "linux" / "icu_data.py"
)
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)


def test_only_other_languages_locale_items_and_what_qt_never_reads_are_dropped():
    kept = [
        "root.res",
        "en.res",
        "en_001.res",
        "en_US_POSIX.res",
        "fr_CA.res",
        "coll/root.res",
        "coll/fr.res",
        "coll/ucadata.icu",
        "curr/pool.res",
        "zone/en_GB.res",
        "brkitr/char.brk",
        "brkitr/line.brk",
        "zoneinfo64.res",
        "supplementalData.res",
        "likelySubtags.res",
        "cnvalias.icu",
        "uts46.nrm",
    ]
    dropped = [
        "de.res",
        "zh_Hant_HK.res",
        "yue_Hans.res",
        "coll/de__PHONEBOOK.res",
        "coll/es_.res",
        "unit/ja.res",
        "lang/sr_Latn_BA.res",
        "ibm-1390_P110-2003.cnv",
        "brkitr/thaidict.dict",
        "translit/root.res",
        "unames.icu",
    ]
    assert icu_data.dropped_items(kept + dropped, ("en", "fr")) == dropped


QT_ICU_CHECK = """
from PySide6.QtCore import QLocale, QTimeZone
toronto = QTimeZone(b"America/Toronto")
for locale in ("fr_CA", "de_DE"):
    print(toronto.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale(locale)))
print(QLocale("tr_TR").toUpper("istanbul"))
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's ICU library is Linux's")
@pytest.mark.skipif(shutil.which("icupkg") is None, reason="icupkg (icu-devtools) is not here")
def test_qt_reads_the_trimmed_library_french_kept_german_falls_back(tmp_path):
    from PySide6 import QtCore

    library = Path(QtCore.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
    if not library.is_file():
        pytest.skip("this PySide6 has no ICU library of its own")
    trimmed = icu_data.trim(library, tmp_path / "work", ("en", "fr"))
    assert trimmed.stat().st_size < library.stat().st_size / 3
    only = tmp_path / "lib"
    only.mkdir()
    shutil.copy(trimmed, only / library.name)

    def names(library_path: str | None) -> list[str]:
        env = dict(os.environ)
        if library_path:
            env["LD_LIBRARY_PATH"] = library_path  # found before PySide6's own RUNPATH
        result = subprocess.run(
            [sys.executable, "-c", QT_ICU_CHECK],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return result.stdout.splitlines()

    whole = names(None)
    cut = names(str(only))
    assert cut[0] == whole[0] == "heure normale de l’Est"
    assert whole[1] != "Eastern Standard Time"  # German names, in the whole data
    assert cut[1] == "Eastern Standard Time"  # German dropped: ICU's root, English
    assert cut[2] == whole[2] == "İSTANBUL"  # case rules are not a locale's data
