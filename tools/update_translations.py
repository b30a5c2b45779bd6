"""Rebuild the English translation from the sources: every message with %n gets its singular
and plural form, from the "(s)" in its source text ("%n household(s)"), then compile it.

The services' messages are not literals lupdate can find in ui/: every template of the
catalogue (sponsor_app/domain/messages, CATALOGUE) is written in too, each area its own
context, so a translator has them all and the window finds them (ui/words.py).

Run with `make translations` after adding or changing a message with a count, or any message
of the catalogue.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the catalogue of this tree, not an installed copy

from sponsor_app.domain.messages import CATALOGUE, COUNT, english_forms  # noqa: E402

TS = ROOT / "sponsor_app" / "resources" / "translations" / "sponsor_desk_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def add_catalogue(root: ET.Element) -> None:
    """Every template of the services' catalogue, in its area's context; one with a count is
    a plural message, as lupdate marks tr(..., n)."""
    for area in CATALOGUE:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = area.__name__
        for code in area:
            message = ET.SubElement(context, "message")
            if COUNT.search(code.template):
                message.set("numerus", "yes")
            module = area.__module__.rsplit(".", 1)[-1]
            ET.SubElement(message, "location", filename=f"messages/{module}.py")
            ET.SubElement(message, "source").text = code.template
            ET.SubElement(message, "translation", type="unfinished")


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
    add_catalogue(tree.getroot())
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
    # only the messages with a count need an English translation; the rest fall back (the
    # catalogue's are kept, untranslated, so the file lists every sentence of the services)
    catalogue = {area.__name__ for area in CATALOGUE}
    for context in tree.getroot().findall("context"):
        for message in context.findall("message"):
            if message.get("numerus") != "yes" and context.findtext("name") not in catalogue:
                context.remove(message)
        if not context.findall("message"):
            tree.getroot().remove(context)
    for location in tree.iter("location"):  # paths relative to the scratch folder mean nothing
        location.set("filename", str(Path(location.get("filename")).name))
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
