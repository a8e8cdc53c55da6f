"""Render a :class:`ProposalContent` to the PDF handed to the client (ReportLab, no Qt).

A4 portrait, letterhead and footer ("第 N 页 / 共 M 页", the proposal number) on every page,
the bundled CJK font embedded as a subset. Rendering is deterministic: the same content and
branding give the same bytes (the PDF is written with ReportLab's ``invariant`` mode).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from workbench.proposals.branding import Branding, load_branding
from workbench.proposals.content import ProposalContent
from workbench.proposals.pdf_fonts import missing_chars, register_pdf_font
from workbench.proposals.pdf_style import MARGIN_X, MUTED, PAGE_W, RULE, Ink
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
        self.contact = "  ·  ".join(x for x in (f"服务热线 {b.hotline}" if b.hotline else None, b.website) if x)
        self.footer = f"{b.short_name}{' ' + b.department if b.department else ''}  ·  方案编号 {content.number}"
        ink.texts += [b.company_zh, b.company_en, b.department or "", b.address or "", self.contact, self.footer]

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ink, b = self.ink, self.ink.branding
        font = ink.font
        canvas.saveState()
        top = PAGE_H - TOP
        x = MARGIN_X
        logo_h = 12.5 * mm
        if b.logo is not None:
            canvas.drawImage(str(b.logo), x, top - logo_h, logo_h, logo_h, mask="auto")
            x += logo_h + 3.5 * mm
        canvas.setFillColor(ink.primary)
        canvas.setFont(font, 13.5)
        canvas.drawString(x, top - 5.2 * mm, b.company_zh)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, 7)
        canvas.drawString(x, top - 9.3 * mm, b.company_en)
        right = PAGE_W - MARGIN_X
        lines = [(b.department, 8, ink.accent), (b.address, 7, MUTED), (self.contact, 7, MUTED)]
        y = top - 3.6 * mm
        for text, size, colour in lines:
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
        canvas.setFont(font, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, self.footer)
        canvas.restoreState()


def _numbered_canvas(font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds each page until the document ends, then stamps "第 N 页 / 共 M 页"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN_X, FOOTER_Y, f"第 {self._pageNumber} 页 / 共 {total} 页")
                super().showPage()
            super().save()

    return NumberedCanvas


def _story(ink: Ink, c: ProposalContent) -> list[Flowable]:
    q = c.quote
    extras, schedule = money_sections(ink, q)
    story: list[Flowable] = [*title_block(ink, c), Spacer(0, 12), parties_block(ink, c)]
    n = 0

    def section(title: str) -> list[Flowable]:
        nonlocal n
        n += 1
        return ink.section_heading(n, title)

    story += [*section("需求分析"), *needs_block(ink, c)]
    story += [*section("解决方案"), *solution_block(ink, c)]
    story += [*section("报价明细"), price_table(ink, q), Spacer(0, 6), *ink.subheading("费用合计", 62 * mm),
              totals_block(ink, q)]
    if extras or schedule:
        story += [*section("赠送、预存回馈与费用计划"), *extras, *schedule]
    story += [*section("审批状态"), approval_block(ink, c)]
    story += [*section("合作条款"), terms_block(ink, c)]
    story += signature_block(ink, c, n + 1)
    return story


def render_proposal(content: ProposalContent, branding: Branding | None = None) -> RenderedProposal:
    """The proposal sheet as PDF bytes, its page count and the characters the font lacks."""
    font = register_pdf_font()
    branding = load_branding() if branding is None else branding
    ink = Ink(branding, font)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=FRAME_TOP,
        bottomMargin=FRAME_BOTTOM, title=content.title, author=content.manager.name, subject=content.number,
        creator="Workbench", invariant=1, lang="zh-CN", initialFontName=font,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_Letterhead(ink, content))])
    doc.build(_story(ink, content), canvasmaker=_numbered_canvas(font))
    pdf = buffer.getvalue()
    return RenderedProposal(pdf=pdf, pages=doc.page, missing=missing_chars(ink.texts))
