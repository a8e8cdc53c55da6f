"""Styles, colours and the text helper shared by the proposal PDF's sections.

Every text printed goes through :meth:`Ink.t`, which escapes it for ReportLab's paragraph
markup and records it, so that the renderer can report the characters the font lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, TableStyle

from workbench.proposals.branding import Branding

INK = colors.HexColor("#1F2933")  # body text: a soft black
MUTED = colors.HexColor("#66727F")  # secondary text
RULE = colors.HexColor("#D3DAE2")  # hairlines between rows
PAGE_W = 210 * mm
MARGIN_X = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

CN_NUMBERS = "一二三四五六七八九十"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

#: ``Table(splitInRow=...)``: a row taller than the room left may split inside itself (a row
#: taller than a page would otherwise raise LayoutError). ReportLab reads the value as the
#: least height (points) of each part, so a row is only split when about three lines of body
#: text stay on each side; else it moves to the next page whole.
SPLIT_IN_ROW = 36


def tint(hex_colour: str, amount: float) -> colors.Color:
    """``hex_colour`` mixed with white: amount 0 = the colour, 1 = white."""
    base = colors.HexColor(hex_colour)
    return colors.Color(base.red + (1 - base.red) * amount, base.green + (1 - base.green) * amount,
                        base.blue + (1 - base.blue) * amount)


def money(value: str | None) -> str:
    """The engine's money string with thousands separators, exactly (Decimal, never float)."""
    if value is None:
        return "—"
    return f"{Decimal(value):,.2f}"


def amount(value: str | None) -> str:
    """A money cell: the figure, or "—" when it is zero (nothing charged).

    The sheet's one rule for zero amounts: every table cell and every line of the totals
    block prints "—" for a zero amount, like the schedule always did; only the grand total
    (合约期总额) always prints a figure, even 0.00.
    """
    if value is None or Decimal(value) == 0:
        return "—"
    return money(value)


def fit_text(text: str, font: str, size: float, max_width: float, min_size: float) -> tuple[str, float]:
    """``text`` at the largest size <= ``size`` (down to ``min_size``) that fits ``max_width``;
    at ``min_size`` and still too wide, cut with "…". Returns (text, size)."""
    width = stringWidth(text, font, size)
    if width <= max_width:
        return text, size
    fitted = int(size * max_width / width * 10) / 10  # rounded down to 0.1 pt
    if fitted >= min_size:
        return text, fitted
    cut = text
    while cut and stringWidth(cut.rstrip() + "…", font, min_size) > max_width:
        cut = cut[:-1]
    return (cut.rstrip() + "…" if cut else ""), min_size


def percent(value: str | None) -> str:
    if value is None or Decimal(value) == 0:
        return "—"
    return f"{Decimal(value).normalize():f}%"


@dataclass
class Ink:
    """Paragraph styles in the brand's colours, and the record of every text printed."""

    branding: Branding
    font: str
    texts: list[str] = field(default_factory=list)
    lang: str = "zh"  # the sheet's language: "zh" or "en" (the content's, not the window's)

    def __post_init__(self) -> None:
        self.primary = colors.HexColor(self.branding.primary)
        self.accent = colors.HexColor(self.branding.accent)
        self.header_fill = tint(self.branding.primary, 0.90)
        self.band_fill = tint(self.branding.primary, 0.955)
        f = self.font

        def style(name: str, size: float, leading: float, colour: colors.Color = INK,
                  align: int = TA_LEFT, wrap: bool = True, **extra: object) -> ParagraphStyle:
            # CJK word wrap breaks between any two characters; figures must never break
            # ("9,999,999.\n99"), so numeric styles (wrap=False) break at spaces only, and so
            # does an English sheet's text (words whole; a long run of typed Chinese is split
            # where it must, splitLongWords).
            cjk = wrap and self.lang != "en"
            return ParagraphStyle(name, fontName=f, fontSize=size, leading=leading, textColor=colour,
                                  alignment=align, wordWrap="CJK" if cjk else None, **extra)

        self.body = style("body", 9, 14)
        self.body_muted = style("body_muted", 8.5, 13, MUTED)
        self.small = style("small", 7.5, 10.5, MUTED)
        self.cell = style("cell", 8, 11)
        self.cell_right = style("cell_right", 8, 11, align=TA_RIGHT)
        self.num = style("num", 8, 11, align=TA_RIGHT, wrap=False)  # figures: never wrapped
        self.cell_center = style("cell_center", 8, 11, align=TA_CENTER)
        self.cell_muted = style("cell_muted", 7, 9.5, MUTED)
        self.head = style("head", 7.5, 10, self.primary)
        self.head_right = style("head_right", 7.5, 10, self.primary, align=TA_RIGHT)
        self.head_center = style("head_center", 7.5, 10, self.primary, align=TA_CENTER)
        self.label = style("label", 8, 12, MUTED)
        self.kicker = style("kicker", 9, 12, self.accent)
        self.title = style("title", 17, 23, self.primary, spaceAfter=2)
        self.section = style("section", 12, 16, self.primary, spaceBefore=14, spaceAfter=3)
        self.subhead = style("subhead", 10, 14, INK, spaceBefore=2, spaceAfter=2)
        self.value = style("value", 9.5, 13.5)
        self.value_big = style("value_big", 12, 16, self.primary, align=TA_RIGHT, wrap=False)
        self.total_label = style("total_label", 8.5, 13, INK)
        self.total_value = style("total_value", 9, 13, INK, align=TA_RIGHT, wrap=False)
        self.bullet = style("bullet", 9, 14, leftIndent=10, bulletIndent=0, bulletFontName=f,
                            bulletColor=self.accent, spaceAfter=3)

    def say(self, zh: str, en: str) -> str:
        """The sheet's own wording in its language."""
        return en if self.lang == "en" else zh

    def pick(self, text: dict[str, str] | None) -> str:
        """A bilingual text of the quote (``{"zh": ..., "en": ...}``) in the sheet's language."""
        if not text:
            return ""
        return text.get("en") or text.get("zh", "") if self.lang == "en" else text.get("zh", "")

    def day(self, value: date) -> str:
        """A date as the sheet prints it: "2026 年 11 月 24 日", "24 November 2026"."""
        if self.lang == "en":  # not %B: that follows the process's locale
            return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
        return f"{value:%Y 年 %m 月 %d 日}"

    def t(self, text: object) -> str:
        """``text`` escaped for paragraph markup (and recorded for the coverage check)."""
        value = str(text)
        self.texts.append(value)
        return escape(value)

    def p(self, text: object, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain text (escaped)."""
        return Paragraph(self.t(text), style)

    def m(self, markup: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of markup already built with :meth:`t` for every text in it."""
        return Paragraph(markup, style)

    def table_style(self, commands: list[tuple[Any, ...]]) -> TableStyle:
        """A table style whose cells draw in the bundled font (never a standard, unembedded one)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font), *commands])

    def colour(self, markup: str, colour: colors.Color) -> str:
        return f'<font color="#{colour.hexval()[2:]}">{markup}</font>'

    def section_heading(self, number: int, title: str, room: float = 55 * mm) -> list[Flowable]:
        """A numbered heading ("三、报价明细"), on a new page unless ``room`` is left below it."""
        if self.lang == "en":
            mark = f"{number}. "
        else:
            mark = (CN_NUMBERS[number - 1] if number <= len(CN_NUMBERS) else str(number)) + "、"
        heading = self.m(f"{self.colour(self.t(mark), self.accent)}{self.t(title)}", self.section)
        return [CondPageBreak(room), heading]

    def subheading(self, title: str, room: float = 30 * mm) -> list[Flowable]:
        return [CondPageBreak(room), self.p(title, self.subhead)]
