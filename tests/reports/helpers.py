"""Reading reports back: text, fonts and outline of a PDF, with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

BASE_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def text_of(path: Path) -> str:
    """All the text, whitespace collapsed to single spaces (lines wrap anywhere)."""
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def fonts_of(path: Path) -> dict[str, bool]:
    """Every font a page uses: its base name -> embedded (has a font file)."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            name = str(font["/BaseFont"]).lstrip("/")
            found[name.split("+", 1)[-1]] = embedded
    return found


def assert_fonts_embedded_and_not_base14(path: Path) -> None:
    fonts = fonts_of(path)
    assert fonts, "no fonts at all"
    assert not set(fonts) & BASE_14, f"base-14 fonts used: {set(fonts) & BASE_14}"
    assert all(fonts.values()), f"fonts not embedded: {[n for n, e in fonts.items() if not e]}"


def outline_titles(path: Path) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(PdfReader(path).outline))
