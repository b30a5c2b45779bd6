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


def page_lines(path: Path) -> list[list[tuple[float, str, str, float]]]:
    """Each page's pieces of text, top to bottom: (height on the page, text, font, size)."""
    pages = []
    for page in PdfReader(path).pages:
        found: list[tuple[float, str, str, float]] = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                y = cm[5] + tm[5] * cm[3]
                name = str(font.get("/BaseFont", "")) if font else ""
                found.append((round(y, 1), text.strip(), name.split("+", 1)[-1], size * tm[3]))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(found, key=lambda item: -item[0]))
    return pages


def headings_alone_at_foot(path: Path) -> list[tuple[int, str]]:
    """(page, heading) for each page whose last piece of text above the footer is a heading
    (bold, 11 pt or larger)."""
    alone = []
    for number, items in enumerate(page_lines(path), start=1):
        body = [i for i in items if not i[1].startswith(("Generated ", "page "))]
        if body and "Bold" in body[-1][2] and body[-1][3] >= 11:
            alone.append((number, body[-1][1]))
    return alone


def lines_of(path: Path) -> list[str]:
    """Every line of text, page after page, as pypdf reads them (a wrapped cell gives one line
    per printed line)."""
    return [line for page in PdfReader(path).pages for line in page.extract_text().split("\n")]


def joined(path: Path) -> str:
    """The text with whitespace collapsed, and the breaks a reader expects undone: after a
    hyphen between letters, after an email's "@" and before its dots. A word broken anywhere
    else stays broken ("McDona ld-Hughes")."""
    text = text_of(path)
    text = re.sub(r"(?<=[^\W\d_]-) (?=[^\W\d_])", "", text)
    text = re.sub(r"(?<=@) (?=\S)", "", text)
    return re.sub(r"(?<=[\w@]) (?=\.[^\W\d_])", "", text)
