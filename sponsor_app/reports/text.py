"""Text as reportlab draws it: escaped, each script in a font that has it, shaped, and in the
right direction.

Latin-script text (macrons, accents, Vietnamese) is all in the main font and goes through as
it is, which keeps long tables quick. Text with Arabic-script or Ge'ez letters is marked up so
that those letters use the fallback font and reportlab shapes them with HarfBuzz (uharfbuzz:
joined Arabic letters, glyphs in visual order). reportlab's own bidi support needs `rlbidi`,
which is not published on PyPI, so the order of words is settled here: the reports are written
left to right, and a run of right-to-left words (a name written in Dari) is laid out right to
left within it, as the Unicode bidi algorithm does for a line.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from ..domain.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from . import fonts

# Letters of scripts the main font lacks or that run right to left: only such text needs the
# slower path.
_COMPLEX = re.compile("[\u0590-\u08ff\ufb1d-\ufeff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]")


def is_complex(text: str) -> bool:
    return bool(_COMPLEX.search(text))


def _direction(word: str) -> str:
    """'R' or 'L' from the word's first strong letter; 'N' when it has none (numbers, signs)."""
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "N"


def visual_word_order(words: list[str]) -> list[str]:
    """Words of a left-to-right line in the order they are drawn: each run of right-to-left
    words reversed (neutral words between two right-to-left ones belong to the run)."""
    directions = [_direction(w) for w in words]
    for index, kind in enumerate(directions):
        if kind != "N":
            continue
        before = next((d for d in reversed(directions[:index]) if d != "N"), "L")
        after = next((d for d in directions[index + 1 :] if d != "N"), "L")
        directions[index] = "R" if before == after == "R" else "L"
    ordered: list[str] = []
    run: list[str] = []
    for word, kind in zip(words, directions, strict=True):
        if kind == "R":
            run.append(word)
            continue
        ordered.extend(reversed(run))
        run = []
        ordered.append(word)
    ordered.extend(reversed(run))
    return ordered


def _font_runs(word: str, bold: bool) -> str:
    """The word's letters of other scripts wrapped in their fallback font."""
    parts: list[str] = []
    current: str | None = None
    buffer = ""
    for char in word:
        found = fonts.fallback_for(char)
        name = (found[1] if bold else found[0]) if found else None
        if name != current and buffer:
            parts.append(_wrap(buffer, current))
            buffer = ""
        current = name
        buffer += char
    if buffer:
        parts.append(_wrap(buffer, current))
    return "".join(parts)


def _wrap(text: str, font: str | None) -> str:
    return f'<font name="{font}">{escape(text)}</font>' if font else escape(text)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text (never trusted as markup itself)."""
    if not is_complex(text):
        return escape(text).replace("\n", "<br/>")
    # A name isolated for the window (domain/text.py:isolate) is a run of its own here
    # already: the lines below are laid out left to right, each right-to-left run turned as
    # a whole. The marks themselves have no glyph to draw.
    text = text.replace(FIRST_STRONG_ISOLATE, "").replace(POP_DIRECTIONAL_ISOLATE, "")
    lines = []
    for line in text.split("\n"):
        words = visual_word_order(line.split())
        lines.append(" ".join(_font_runs(w, bold) for w in words))
    return "<br/>".join(lines)
