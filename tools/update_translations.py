"""Rebuild the English translation from the sources: every message with %n gets its singular
and plural form, from the "(s)" in its source text ("%n household(s)"), then compile it.

Run with `make translations` after adding or changing a message with a count.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "sponsor_app" / "resources" / "translations" / "sponsor_desk_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
# Plurals "(s)" cannot spell: the source says person(s), English says people.
IRREGULAR = {
    "person(s)": ("person", "people"),
    "category(ies)": ("category", "categories"),
    "copy(ies)": ("copy", "copies"),
}


def english_forms(source: str) -> tuple[str, str]:
    one, many = source, source
    for marked, (singular, plural) in IRREGULAR.items():
        one, many = one.replace(marked, singular), many.replace(marked, plural)
    return re.sub(r"\((e?s)\)", "", one), re.sub(r"\((e?s)\)", r"\1", many)


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "sponsor_app" / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as scratch:
        extracted = Path(scratch) / "extracted.ts"  # always from scratch: no merging
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), "-silent", *sources, "-ts", str(extracted)],
            check=True,
        )
        tree = ET.parse(extracted)
    tree.getroot().set("language", "en_GB")
    for message in tree.iter("message"):
        # lupdate marks tr(..., n) as plural but not translate(context, text, "", n)
        if re.search(r"%L?n", message.findtext("source") or ""):
            message.set("numerus", "yes")
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in english_forms(source):
            ET.SubElement(translation, "numerusform").text = form
    # only the messages with a count need an English translation; the rest fall back
    for context in tree.getroot().findall("context"):
        for message in context.findall("message"):
            if message.get("numerus") != "yes":
                context.remove(message)
        if not context.findall("message"):
            tree.getroot().remove(context)
    for location in tree.iter("location"):  # paths relative to the scratch folder mean nothing
        location.set("filename", str(Path(location.get("filename")).name))
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
