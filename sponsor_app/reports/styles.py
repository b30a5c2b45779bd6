"""The one look of every report: paper, margins, type, colours (readable in greyscale), tables."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from . import fonts

MARGIN = 18 * mm
HEADER_SPACE = 17 * mm  # the running head above the frame
FOOTER_SPACE = 10 * mm

# Dark to light, each distinct in greyscale: charts use them in this order.
INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEAD_FILL = colors.HexColor("#dcdcdc")
ZEBRA = colors.HexColor("#f3f3f3")
ACCENT = colors.HexColor("#24466b")
SERIES = (
    colors.HexColor("#24466b"),
    colors.HexColor("#8aa4c2"),
    colors.HexColor("#4d4d4d"),
    colors.HexColor("#c9c9c9"),
)
CONFIDENTIAL_INK = colors.HexColor("#8b1a1a")


def page_size(letter: bool) -> tuple[float, float]:
    return LETTER if letter else A4


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=fonts.REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    return {
        # Headings keep with what follows them (template.KeepWithFirst): never alone at the
        # foot of a page.
        "title": _style("title", fontName=fonts.BOLD, fontSize=22, leading=27, spaceAfter=10,
                        keepWithNext=1),
        "subtitle": _style("subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=4),
        "h1": _style(
            "h1", fontName=fonts.BOLD, fontSize=14, leading=18, spaceBefore=4, spaceAfter=6,
            textColor=ACCENT, keepWithNext=1,
        ),
        "h2": _style("h2", fontName=fonts.BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4,
                     keepWithNext=1),
        "body": _style("body", spaceAfter=5),
        "note": _style("note", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=4),
        "cell": _style("cell", fontSize=8.5, leading=10.5),
        "cell_right": _style("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        "cell_bold": _style("cell_bold", fontName=fonts.BOLD, fontSize=8.5, leading=10.5),
        "head": _style("head", fontName=fonts.BOLD, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
        "head_right": _style(
            "head_right", fontName=fonts.BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "running": _style("running", fontSize=8, leading=10, textColor=MUTED),
        "running_right": _style(
            "running_right", fontSize=8, leading=10, textColor=MUTED, alignment=TA_RIGHT
        ),
        "running_bold": _style("running_bold", fontName=fonts.BOLD, fontSize=9, leading=11),
        "confidential": _style(
            "confidential", fontName=fonts.BOLD, fontSize=8.5, leading=10.5,
            textColor=CONFIDENTIAL_INK,
        ),
    }  # fmt: skip


@cache
def shaped(name: str) -> ParagraphStyle:
    """The same style with HarfBuzz shaping on, for text in Arabic or Ge'ez script."""
    base = styles()[name]
    return ParagraphStyle(f"{name}-shaped", parent=base, shaping=1)


FONT_SIZE = 8.5


def table_style(
    numeric: tuple[int, ...] = (),
    header_rows: int = 1,
    zebra: bool = True,
    bold_rows: tuple[int, ...] = (),
) -> TableStyle:
    """Grey header row, thin rules, numbers right-aligned; `bold_rows` for totals."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header_rows:
        commands += [
            ("FONTNAME", (0, 0), (-1, header_rows - 1), fonts.BOLD),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), (colors.white, ZEBRA)))
    for column in numeric:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    for row in bold_rows:
        commands += [
            ("FONTNAME", (0, row), (-1, row), fonts.BOLD),
            ("LINEABOVE", (0, row), (-1, row), 0.8, INK),
        ]
    return TableStyle(commands)
