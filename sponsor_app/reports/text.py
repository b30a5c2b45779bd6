"""Text as reportlab draws it: escaped, each script in a font that has it, shaped, in the
right direction, and broken into lines at the places a reader expects.

Latin-script text (macrons, accents, Vietnamese) is all in the main font and goes through as
it is, which keeps long tables quick. Text with Arabic-script or Ge'ez letters is marked up so
that those letters use the fallback font and reportlab shapes them with HarfBuzz (uharfbuzz:
joined Arabic letters, glyphs in visual order; fonts.register makes it shape each font's run
apart). reportlab's own bidi support needs `rlbidi`, which is not published on PyPI, so the
order of words is settled here: the reports are written left to right, and a run of
right-to-left words (a name written in Dari) is laid out right to left within its line, as the
Unicode bidi algorithm does. That is why lines are broken here too (break_lines), before the
words of each line are put in visual order: reportlab breaking a line already in visual order
printed a wrapped name's two lines in reverse order.

Lines break at spaces and after a hyphen between letters ("McDonald-" / "Hughes"); an email
address only after its "@" or before a dot; any other word only when nothing else fits (the
table helpers widen a column or shrink a cell's type before it comes to that).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts

# Letters of scripts the main font lacks or that run right to left: only such text needs the
# slower path.
_COMPLEX = re.compile("[\u0590-\u08ff\ufb1d-\ufeff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]")
# A break after a hyphen (or en dash) that joins two letters: "McDonald-Hughes", "pre-arrival";
# not in "021-555" or "-5".
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_][-\u2010\u2013])(?=[^\W\d_])")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_EMAIL_BREAK = re.compile(r"(?<=@)|(?=\.)")


def is_complex(text: str) -> bool:
    return bool(_COMPLEX.search(text))


_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def _levels(line: str) -> list[int]:
    """Each character's bidi level in a left-to-right line (the Unicode bidi algorithm, cut
    down to what names and labels hold): 0 left to right, 1 right to left, 2 a number within
    right-to-left text."""
    kinds: list[str] = []
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            kind = "R"
        elif kind in ("EN", "AN"):
            kind = "EN"
        elif kind == "NSM":
            kind = kinds[-1] if kinds else "N"
        elif kind != "L":
            kind = "N"
        kinds.append(kind)
    strong = "L"  # a number after left-to-right text (or first) is left to right (W7)
    for index, kind in enumerate(kinds):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[index] = "L"
    index = 0
    while index < len(kinds):  # neutrals take the direction on both sides, else the line's
        if kinds[index] != "N":
            index += 1
            continue
        end = index
        while end < len(kinds) and kinds[end] == "N":
            end += 1
        before = kinds[index - 1] if index else "L"
        after = kinds[end] if end < len(kinds) else "L"
        before, after = ("R" if k == "EN" else k for k in (before, after))
        kinds[index:end] = [before if before == after else "L"] * (end - index)
        index = end
    return [{"L": 0, "R": 1, "EN": 2}[k] for k in kinds]


def _char_fonts(line: str, bold: bool) -> list[str | None]:
    """Each character's font: letters of other scripts in their fallback font, the rest in the
    main font (None). A sign between two letters of one script ("عبد-الرحمن") goes in that
    script's font when it has the sign, so the script's run is shaped, and ordered, as one;
    signs before or after it (the ";" of "ትግርኛ;") stay in the main font, which has them."""
    chosen: list[str | None] = []
    for char in line:
        found = fonts.fallback_for(char)
        chosen.append((found[1] if bold else found[0]) if found else None)
    for index, char in enumerate(line):
        if chosen[index] is not None or char.isalpha() or char.isspace():
            continue
        left = next((i for i in range(index - 1, -1, -1) if line[i].isalpha()), None)
        right = next((i for i in range(index + 1, len(line)) if line[i].isalpha()), None)
        if left is None or right is None or " " in line[left:right]:
            continue
        font = chosen[left]
        if font is not None and chosen[right] == font and fonts.has_glyph(font, char):
            chosen[index] = font
    return chosen


def visual_runs(line: str, bold: bool = False) -> list[tuple[str, str | None]]:
    """One line as (text, font) runs in the order they are drawn, left to right. A run in a
    shaped script's font stays in reading order (HarfBuzz lays its glyphs right to left); a
    run of signs within right-to-left text is reversed, brackets mirrored."""
    if not line:
        return []
    levels, chosen = _levels(line), _char_fonts(line, bold)
    runs: list[list] = []  # [text, font, level]
    for char, level, font in zip(line, levels, chosen, strict=True):
        font_key = "space" if char.isspace() else font
        if runs and runs[-1][1] == font_key and runs[-1][2] == level:
            runs[-1][0] += char
        else:
            runs.append([char, font_key, level])
    for level in range(max(r[2] for r in runs), 0, -1):  # reverse each run of >= level
        index = 0
        while index < len(runs):
            if runs[index][2] < level:
                index += 1
                continue
            end = index
            while end < len(runs) and runs[end][2] >= level:
                end += 1
            runs[index:end] = runs[index:end][::-1]
            index = end
    shaped = {fonts.ARABIC, fonts.ARABIC_BOLD}
    drawn = []
    for text, font, level in runs:
        font = None if font == "space" else font
        if level % 2 and font not in shaped:
            text = text[::-1].translate(_MIRRORED)
        drawn.append((text, font))
    return drawn


def visual_word_order(words: list[str]) -> list[str]:
    """Words of a left-to-right line in the order they are drawn: each run of right-to-left
    words reversed (neutral words between two right-to-left ones belong to the run)."""
    return "".join(t for t, _ in visual_runs(" ".join(words))).split(" ")


# --- fonts ------------------------------------------------------------------------------------
def font_runs(word: str, bold: bool = False) -> list[tuple[str, str | None]]:
    """The word as (text, font) runs in reading order (for measuring)."""
    runs: list[tuple[str, str | None]] = []
    for char, font in zip(word, _char_fonts(word, bold), strict=True):
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


def _wrap(text: str, font: str | None) -> str:
    return f'<font name="{font}">{escape(text)}</font>' if font else escape(text)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text (never trusted as markup itself). Each line of the text
    (split at "\\n") keeps its words; a right-to-left run within a line is put in visual order."""
    if not is_complex(text):
        return escape(text).replace("\n", "<br/>")
    lines = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        lines.append("".join(_wrap(t, f) for t, f in visual_runs(line, bold)))
    return "<br/>".join(lines)


# --- measuring --------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def word_width(word: str, bold: bool, size: float) -> float:
    """How wide reportlab draws one word (no spaces in it): shaped, where a script is shaped."""
    main = fonts.BOLD if bold else fonts.REGULAR
    if not is_complex(word):
        return stringWidth(word, main, size)
    from reportlab.pdfbase.ttfonts import shapeStr

    total = 0.0
    for run, font in font_runs(word, bold):
        name = font or main
        shaped = shapeStr(run, name, size) if font else run
        data = getattr(shaped, "__shapeData__", None)
        if data:
            total += sum(d.x_advance for d in data) * size / 1000
        else:
            total += stringWidth(run, name, size)
    return total


def width(text: str, bold: bool = False, size: float = 8.5) -> float:
    """The width of one line of text: its words and the spaces between them."""
    words = text.split()
    if not words:
        return 0.0
    space = stringWidth(" ", fonts.BOLD if bold else fonts.REGULAR, size)
    return sum(word_width(w, bold, size) for w in words) + space * (len(words) - 1)


# --- breaking lines ---------------------------------------------------------------------------
def _hyphen_parts(word: str) -> list[str]:
    return _HYPHEN_BREAK.split(word)


def _email_parts(word: str) -> list[str]:
    return [p for p in _EMAIL_BREAK.split(word) if p]


def _is_email(word: str) -> bool:
    return bool(_EMAIL.fullmatch(word.strip("()<>,;:")))


def units(word: str) -> list[str]:
    """The pieces of a word that a line break never splits when the column is wide enough: the
    parts between its hyphens, or a whole email address."""
    return [word] if _is_email(word) else _hyphen_parts(word)


def widest_unit(text: str, bold: bool = False, size: float = 8.5) -> float:
    """The narrowest a column can be for the text without breaking a word (or an email)."""
    return max(
        (word_width(u, bold, size) for w in text.split() for u in units(w)),
        default=0.0,
    )


def _split_wide(word: str, room: float, fits: Callable[[str], bool]) -> list[str]:
    """Lines for one word wider than the room, broken at the coarsest points that let each
    piece fit: an email at its "@" and dots, another word between its hyphenated parts; only
    then anywhere."""
    levels = [_email_parts, list] if _is_email(word) else [_hyphen_parts, list]

    def split(piece: str, ways) -> list[str]:
        splitter, *finer = ways
        lines, current = [], ""
        for part in splitter(piece):
            if fits(current + part):
                current += part
                continue
            if current:
                lines.append(current)
                current = ""
            if fits(part) or not finer:
                current = part
            else:
                *whole, current = split(part, finer)
                lines += whole
        lines.append(current)
        return lines

    return split(word, levels)


def break_lines(text: str, room: float, bold: bool = False, size: float = 8.5) -> list[str]:
    """The text's lines, in reading (logical) order, each no wider than `room` where it can be:
    broken at spaces and at hyphens between letters; "\\n" always breaks."""

    def fits(line: str) -> bool:
        return width(line, bold, size) <= room

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            joined = f"{line} {word}" if line else word
            if fits(joined):
                line = joined
                continue
            parts = _hyphen_parts(word)
            placed = False
            if line and len(parts) > 1:  # the word's first parts may end this line
                for cut in range(len(parts) - 1, 0, -1):
                    head = f"{line} {''.join(parts[:cut])}"
                    if fits(head):
                        lines.append(head)
                        word, placed = "".join(parts[cut:]), True
                        break
            if line and not placed:
                lines.append(line)
            if fits(word):
                line = word
            else:
                *whole, line = _split_wide(word, room, fits)
                lines += whole
        lines.append(line)
    return lines
