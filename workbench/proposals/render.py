"""Render a :class:`ProposalContent` to the PDF handed to the client (ReportLab, no Qt).

A4 portrait, letterhead and footer ("第 N 页 / 共 M 页", the proposal number) on every page,
the bundled CJK font embedded as a subset. Rendering is deterministic: the same content and
branding give the same bytes (the PDF is written with ReportLab's ``invariant`` mode, its
CreationDate is the content's ``made_at``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from workbench.proposals.branding import Branding, load_branding
from workbench.proposals.content import ProposalContent
from workbench.proposals.pdf_fonts import missing_chars, register_pdf_font
from workbench.proposals.pdf_style import MARGIN_X, MUTED, PAGE_W, RULE, Ink, fit_text
from workbench.proposals.pdf_tables import money_sections, price_table, totals_block
from workbench.proposals.sections import (
    approval_block,
    needs_block,
    parties_block,
    signature_block,
    solution_block,
    terms_block,
    title_block,
)

PAGE_H = A4[1]
TOP = 15 * mm  # nothing is drawn closer than 15 mm to any edge
LETTERHEAD_H = 17 * mm
FRAME_TOP = TOP + LETTERHEAD_H + 6 * mm
FOOTER_Y = 15 * mm
FRAME_BOTTOM = FOOTER_Y + 9 * mm
LOGO_H = 12.5 * mm
LETTERHEAD_GAP = 6 * mm  # the least room between the company name and the right-hand lines
#: (size, least size) of the company name, its English name, and the right-hand lines
_LEFT_SIZES = ((13.5, 9.5), (7.0, 6.0))
_RIGHT_SIZES = ((8.0, 6.0), (7.0, 6.0), (7.0, 6.0))
_CST = timezone(timedelta(hours=8))  # how records made before ``made_at`` were stamped
PAGE_NUMBER_W = 26 * mm  # room kept free for "第 N 页 / 共 M 页" at the right of the footer

Fitted = tuple[tuple[str, float], ...]  # (text as drawn, font size) per line


def fit_letterhead(font: str, left: tuple[str, str], right: tuple[str | None, ...],
                   width: float) -> tuple[Fitted, Fitted]:
    """The letterhead's left lines (company name, English name) and right-hand lines
    (department, address, contact; None: not drawn, kept as "") fitted into ``width`` so that
    the widest left line and the widest right line keep ``LETTERHEAD_GAP`` apart: the right
    lines shrink first, then the name, each down to a least size; past that, the right lines are
    cut (the name only when it needs more than 60% of the room) with "…"."""
    room = width - LETTERHEAD_GAP
    rights = [text or "" for text in right]

    def widest(texts: list[str], sizes: tuple[tuple[float, float], ...], least: bool) -> float:
        return max((stringWidth(t, font, s[1] if least else s[0]) for t, s in zip(texts, sizes, strict=True)),
                   default=0.0)

    lefts = list(left)
    left_w, right_w = widest(lefts, _LEFT_SIZES, False), widest(rights, _RIGHT_SIZES, False)
    if left_w + right_w <= room:  # the usual case: everything at its size
        right_room = right_w
    elif left_w + widest(rights, _RIGHT_SIZES, True) <= room:
        right_room = room - left_w  # the right lines shrink (not below their least size)
    else:
        left_least, right_least = widest(lefts, _LEFT_SIZES, True), widest(rights, _RIGHT_SIZES, True)
        if left_least + right_least <= room:
            right_room = right_least
        elif left_least <= room * 0.6:  # the company name has priority: the right lines are cut
            right_room = room - left_least
        elif right_least <= room * 0.4:
            right_room = right_least
        else:
            right_room = room * 0.4
    left_room = room - right_room

    def fit(texts: list[str], sizes: tuple[tuple[float, float], ...], limit: float) -> Fitted:
        return tuple(fit_text(t, font, size, limit, least) for t, (size, least) in zip(texts, sizes, strict=True))

    return fit(lefts, _LEFT_SIZES, left_room), fit(rights, _RIGHT_SIZES, right_room)


@dataclass(frozen=True, slots=True)
class RenderedProposal:
    pdf: bytes
    pages: int
    missing: tuple[str, ...]  # characters of the content the font lacks (printed as .notdef)


class _Letterhead:
    """Draws the letterhead and the left part of the footer on each page."""

    def __init__(self, ink: Ink, content: ProposalContent) -> None:
        self.ink, self.content = ink, content
        b = ink.branding
        head = b.letterhead(ink.lang)
        hotline, number = ink.say("服务热线", "Hotline"), ink.say("方案编号", "Proposal no.")
        self.contact = "  ·  ".join(x for x in (f"{hotline} {b.hotline}" if b.hotline else None, b.website) if x)
        joint = ", " if ink.lang == "en" else " "
        footer = f"{head.short_name}{joint + head.department if head.department else ''}  ·  {number} {content.number}"
        ink.texts += [head.name, head.second_name, head.department or "", head.address or "", self.contact, footer]
        self.x = MARGIN_X + (LOGO_H + 3.5 * mm if b.logo is not None else 0)
        self.left, self.right = fit_letterhead(ink.font, (head.name, head.second_name),
                                               (head.department, head.address, self.contact),
                                               PAGE_W - MARGIN_X - self.x)
        self.footer = fit_text(footer, ink.font, 7, PAGE_W - 2 * MARGIN_X - PAGE_NUMBER_W, 6)

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ink, b = self.ink, self.ink.branding
        font = ink.font
        canvas.saveState()
        top = PAGE_H - TOP
        if b.logo is not None:
            canvas.drawImage(str(b.logo), MARGIN_X, top - LOGO_H, LOGO_H, LOGO_H, mask="auto")
        (name, name_size), (second, second_size) = self.left
        canvas.setFillColor(ink.primary)
        canvas.setFont(font, name_size)
        canvas.drawString(self.x, top - 5.2 * mm, name)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, second_size)
        canvas.drawString(self.x, top - 9.3 * mm, second)
        right = PAGE_W - MARGIN_X
        y = top - 3.6 * mm
        for (text, size), colour in zip(self.right, (ink.accent, MUTED, MUTED), strict=True):
            if text:
                canvas.setFont(font, size)
                canvas.setFillColor(colour)
                canvas.drawRightString(right, y, text)
            y -= 3.9 * mm
        rule_y = top - LETTERHEAD_H
        canvas.setStrokeColor(ink.primary)
        canvas.setLineWidth(1.1)
        canvas.line(MARGIN_X, rule_y, right, rule_y)
        canvas.setStrokeColor(ink.accent)
        canvas.setLineWidth(2.2)
        canvas.line(MARGIN_X, rule_y + 0.55, MARGIN_X + 24 * mm, rule_y + 0.55)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, FOOTER_Y + 4.5 * mm, right, FOOTER_Y + 4.5 * mm)
        canvas.setFont(font, self.footer[1])
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, self.footer[0])
        canvas.restoreState()


def document_timestamp(moment: datetime | date) -> TimeStamp:
    """The PDF's CreationDate/ModDate: ``moment`` as its local time with its UTC offset
    ("D:20261124093015+08'00'"; a naive moment is taken as this machine's local time). A bare
    date (a record made before the moment was kept) stands for its midnight in China Standard
    Time, as those records were stamped. Replaces the 2000-01-01 that ReportLab's invariant mode
    stamps; only the document's own timestamp object is changed (no process-wide setting, no
    environment), so the same moment gives the same bytes on every machine."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=_CST)
    elif moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.astimezone()
    offset = moment.utcoffset()
    assert offset is not None
    minutes = round(offset.total_seconds() / 60)
    hours, mins = divmod(abs(minutes), 60)
    stamp = TimeStamp(1)
    stamp.t = moment.timestamp()
    stamp.YMDhms = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    stamp.lt = (*stamp.YMDhms, moment.weekday(), moment.timetuple().tm_yday, 0)
    # PDFDate writes "%+03d'%02d'" of (dhh, dmm): the sign rides on the hours ("-03'30'")
    stamp.dhh, stamp.dmm = (-hours if minutes < 0 else hours), mins
    stamp.tzname = moment.tzname() or ""
    return stamp


def numbered_canvas(made: datetime | date, decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds each page until the document ends, then calls
    ``decorate(canvas, page, pages)`` on each (a footer with "第 N 页 / 共 M 页", a running
    heading) before it is written; the Info dictionary's dates are ``made`` (see
    :func:`document_timestamp`)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = document_timestamp(made)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _numbered_canvas(ink: Ink, made: datetime | date) -> type[Canvas]:
    def footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFont(ink.font, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_W - MARGIN_X, FOOTER_Y,
                               ink.say(f"第 {page} 页 / 共 {total} 页", f"Page {page} of {total}"))

    return numbered_canvas(made, footer)


def _story(ink: Ink, c: ProposalContent) -> list[Flowable]:
    q = c.quote
    extras, schedule = money_sections(ink, q)
    story: list[Flowable] = [*title_block(ink, c), Spacer(0, 12), parties_block(ink, c)]
    n = 0

    def section(title: str) -> list[Flowable]:
        nonlocal n
        n += 1
        return ink.section_heading(n, title)

    say = ink.say
    story += [*section(say("需求分析", "Needs")), *needs_block(ink, c)]
    story += [*section(say("解决方案", "Solution")), *solution_block(ink, c)]
    story += [*section(say("报价明细", "Prices")), price_table(ink, q), Spacer(0, 6),
              *ink.subheading(say("费用合计", "Totals"), 62 * mm), totals_block(ink, q)]
    if extras or schedule:
        story += [*section(say("赠送、预存回馈与费用计划", "Gifts, prestore rebates and schedule")), *extras, *schedule]
    story += [*section(say("审批状态", "Approval")), approval_block(ink, c)]
    story += [*section(say("合作条款", "Terms")), terms_block(ink, c)]
    story += signature_block(ink, c, n + 1)
    return story


def render_proposal(content: ProposalContent, branding: Branding | None = None, *,
                    lang: str | None = None) -> RenderedProposal:
    """The proposal sheet as PDF bytes, its page count and the characters the font lacks;
    the sheet's own labels in ``lang`` (default: the content's, ``content.lang``; the
    content's texts print as they are)."""
    font = register_pdf_font()
    branding = load_branding() if branding is None else branding
    lang = content.lang if lang is None else lang
    ink = Ink(branding, font, lang=lang)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=FRAME_TOP,
        bottomMargin=FRAME_BOTTOM, title=content.title, author=content.manager.name, subject=content.number,
        creator="Workbench", invariant=1, lang="en" if lang == "en" else "zh-CN", initialFontName=font,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_Letterhead(ink, content))])
    made = content.issued_on if content.made_at is None else content.made_at
    doc.build(_story(ink, content), canvasmaker=_numbered_canvas(ink, made))
    pdf = buffer.getvalue()
    return RenderedProposal(pdf=pdf, pages=doc.page, missing=missing_chars(ink.texts))
