"""The fonts every report embeds: Noto Sans for text, Noto Sans Arabic and Ethiopic for names
written in those scripts. Shipped in resources/fonts with their licence (OFL.txt).

Registered once per process. No base-14 font (Helvetica...) is ever used for text: those
cannot show a macron, and a PDF viewer substitutes them.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from itertools import groupby

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ARABIC = "NotoSansArabic"
ARABIC_BOLD = "NotoSansArabic-Bold"
ETHIOPIC = "NotoSansEthiopic"
ETHIOPIC_BOLD = "NotoSansEthiopic-Bold"

_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}
# Scripts the main font lacks, by Unicode block, with the font that has them and whether the
# script runs right to left.
FALLBACKS = (
    # Arabic, Arabic Supplement, Arabic Extended-A, presentation forms A and B
    (((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
     ARABIC, ARABIC_BOLD, True),
    # Ethiopic and its supplements (Tigrinya, Amharic)
    (((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)), ETHIOPIC, ETHIOPIC_BOLD, False),
)  # fmt: skip


@cache
def register() -> None:
    """Load the fonts from the package (not the system), once."""
    folder = resources.files("sponsor_app.resources") / "fonts"
    for name, file_name in _FILES.items():
        data = (folder / file_name).read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    for regular, bold in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD), (ETHIOPIC, ETHIOPIC_BOLD)):
        pdfmetrics.registerFontFamily(
            regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
        )
    paragraph.shapeFragWord = _shape_each_font


_shape_word = ttfonts.shapeFragWord


def _shape_each_font(word, *args, **kwargs):
    """reportlab 5.1 shapes a word (text between spaces) with the font of its first letter,
    whatever fonts its later letters are in: the ";" of "ትግርኛ;" was looked up in the Ethiopic
    font, which lacks it (a box), and after Arabic it became whatever glyph the Arabic font
    has at that number (a stray mark). Here each run of one font is shaped with its own font
    and the runs are put back together, in the same form reportlab returns."""
    pieces = word[1:]
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    if any(hasattr(f, "cbDefn") for f, _ in pieces) or len({f.fontName for f, _ in pieces}) < 2:
        return _shape_word(word, *args, **kwargs)
    total, shaped_pieces, changed = 0.0, [], False
    for _, group in groupby(pieces, key=lambda piece: piece[0].fontName):
        run = list(group)
        if any(isinstance(t, ttfonts.ShapedStr) for _, t in run):  # shaped on an earlier pass
            total += sum(pdfmetrics.stringWidth(t, f.fontName, f.fontSize) for f, t in run)
            shaped_pieces += run
            continue
        run_word = [sum(pdfmetrics.stringWidth(t, f.fontName, f.fontSize) for f, t in run), *run]
        shaped = _shape_word(run_word, *args, **kwargs)
        changed = changed or shaped is not run_word
        total += shaped[0]
        shaped_pieces += shaped[1:]
    if not changed:
        return word
    return ttfonts.makeShapedFragWord(word)([total, *shaped_pieces])


def fallback_for(char: str) -> tuple[str, str, bool] | None:
    """(regular, bold, right-to-left) of the font to use for a character the main font lacks,
    or None when the main font has it."""
    code = ord(char)
    if code < 0x0600:
        return None
    for blocks, regular, bold, rtl in FALLBACKS:
        if any(low <= code <= high for low, high in blocks):
            return regular, bold, rtl
    return None


def has_glyph(font_name: str, char: str) -> bool:
    register()
    return ord(char) in pdfmetrics.getFont(font_name).face.charWidths
