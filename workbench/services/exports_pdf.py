"""The weekly visit report as a PDF (ReportLab, no Qt): landscape A4, the proposals' bundled
CJK font embedded as a subset, a heading and "第 N 页 / 共 M 页" on every page.

The first page opens with the week's figures (visits per manager and per day, stage moves,
offers made / sent / won with their values, overdue follow-ups); then one table row per visit,
the header row repeated on each page; a row taller than the room left splits across pages.
Deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workbench.proposals.pdf_fonts import missing_chars, register_pdf_font
from workbench.proposals.render import numbered_canvas
from workbench.services.exports_model import WEEKDAYS, ReportVisit, WeeklyReport

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 12 * mm
HEAD_Y = PAGE_H - MARGIN - 4 * mm  # the baseline of the running heading
FOOT_Y = MARGIN - 2 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#66727F")
RULE = colors.HexColor("#D3DAE2")
PRIMARY = colors.HexColor("#1F4E79")
HEAD_FILL = colors.HexColor("#E8EEF5")
#: the visit table's columns (mm): their sum is the content width, 273 mm
VISIT_COLUMNS = (("日期", 17), ("客户经理", 15), ("客户 / 行业", 40), ("方式", 13), ("会见联系人", 27),
                 ("SPIN 记录", 91), ("结果 / 下一步", 54), ("跟进", 16))
SPLIT_IN_ROW = 30  # points: a visit row splits only when about three lines stay on each side


@dataclass(frozen=True, slots=True)
class RenderedReport:
    pdf: bytes
    pages: int
    missing: tuple[str, ...]  # characters the font lacks (printed as boxes)


class _Ink:
    """Paragraph styles in the bundled font; records every text for the coverage check."""

    def __init__(self, font: str) -> None:
        self.font = font
        self.texts: list[str] = []

        def style(name: str, size: float, leading: float, colour: colors.Color = INK, **extra: Any) -> ParagraphStyle:
            # CJK word wrap breaks between any two characters; figures (wordWrap None) never break
            extra.setdefault("wordWrap", "CJK")
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=colour, **extra)

        self.title = style("title", 15, 20, PRIMARY, spaceAfter=2)
        self.sub = style("sub", 8.5, 12, MUTED, spaceAfter=6)
        self.section = style("section", 10.5, 14, PRIMARY, spaceBefore=8, spaceAfter=3)
        self.cell = style("cell", 7.5, 10)
        self.muted = style("muted", 7, 9.5, MUTED)
        self.head = style("head", 7.5, 10, PRIMARY)
        self.num = style("num", 7.5, 10, alignment=TA_RIGHT, wordWrap=None)
        self.head_num = style("head_num", 7.5, 10, PRIMARY, alignment=TA_RIGHT, wordWrap=None)
        self.empty = style("empty", 11, 16, MUTED, alignment=TA_CENTER, spaceBefore=30)

    def t(self, text: object) -> str:
        value = str(text)
        self.texts.append(value)
        return escape(value).replace("\n", "<br/>")

    def p(self, text: object, style: ParagraphStyle) -> Paragraph:
        return Paragraph(self.t(text), style)

    def grid(self, rows: list[list[Any]], widths: Sequence[float], *, right_from: int | None = None,
             total_row: bool = False, **kw: Any) -> Table:
        table = Table(rows, colWidths=list(widths), repeatRows=1, **kw)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if total_row:
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        table.setStyle(TableStyle(commands))
        return table


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _summary(ink: _Ink, r: WeeklyReport) -> list[Flowable]:
    out: list[Flowable] = [ink.p(f"拜访:共 {len(r.visits)} 次", ink.section)]
    heads = ["客户经理", *(f"{w} {d:%m-%d}" for w, d in zip(WEEKDAYS, r.days, strict=True)), "合计"]
    rows: list[list[Any]] = [[ink.p(heads[0], ink.head), *(ink.p(h, ink.head_num) for h in heads[1:])]]
    for mw in r.managers:
        rows.append([ink.p(mw.name, ink.cell), *(ink.p(n, ink.num) for n in (*mw.per_day, mw.total))])
    rows.append([ink.p("合计", ink.cell), *(ink.p(n, ink.num) for n in (*r.per_day, len(r.visits)))])
    out.append(ink.grid(rows, [36 * mm, *[20 * mm] * 7, 16 * mm], total_row=True, hAlign="LEFT"))
    facts: list[list[Any]] = [[ink.p(h, ink.head if i == 0 else ink.head_num)
                               for i, h in enumerate(("方案", "数量", "月费合计(元)", "合约期总额(元)"))]]
    for o in r.offers:
        facts.append([ink.p(o.label, ink.cell), ink.p(o.count, ink.num), ink.p(_money(o.monthly_total), ink.num),
                      ink.p(_money(o.term_total), ink.num)])
    moves = "、".join(f"{stage} {n} 次" for stage, n in r.stage_moves_to) or "无"
    lines = [f"阶段变化:共 {len(r.stage_moves)} 次({moves})",
             f"逾期未跟进:{len(r.overdue)} 项(截至 {r.today:%Y-%m-%d})"]
    side = [ink.p(line, ink.cell) for line in lines]
    pair = Table([[ink.grid(facts, [24 * mm, 14 * mm, 32 * mm, 34 * mm], hAlign="LEFT"), side]],
                 colWidths=[110 * mm, CONTENT_W - 110 * mm], hAlign="LEFT")
    pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("FONTNAME", (0, 0), (-1, -1), ink.font)]))
    out += [Spacer(0, 6), pair]
    return out


def _spin(ink: _Ink, v: ReportVisit) -> Paragraph:
    parts = [(label, text) for label, text in (("S", v.situation), ("P", v.problem), ("I", v.implication),
                                               ("N", v.need_payoff)) if text]
    if not parts:
        return ink.p("—", ink.muted)
    markup = "<br/>".join(f'<font color="#1F4E79">{label}</font> {ink.t(text)}' for label, text in parts)
    return Paragraph(markup, ink.cell)


def _visit_row(ink: _Ink, v: ReportVisit) -> list[Any]:
    result = []
    if v.outcome:
        result.append(ink.t(v.outcome))
    if v.next_step:
        result.append(f'<font color="#66727F">下一步:</font>{ink.t(v.next_step)}')
    follow = f"{v.follow_up_date:%m-%d}{'<br/>(已完成)' if v.follow_up_done else ''}" if v.follow_up_date else "—"
    return [
        Paragraph(f"{ink.t(f'{v.occurred_at:%m-%d} {WEEKDAYS[v.occurred_at.weekday()]}')}<br/>"
                  f"{ink.t(f'{v.occurred_at:%H:%M}')}", ink.cell),
        ink.p(v.manager, ink.cell),
        Paragraph(f"{ink.t(v.customer)}<br/><font color='#66727F' size='6.5'>{ink.t(v.industry)}</font>", ink.cell),
        ink.p(v.kind, ink.cell),
        ink.p("、".join(v.contacts) or "—", ink.cell if v.contacts else ink.muted),
        _spin(ink, v),
        Paragraph("<br/>".join(result), ink.cell) if result else ink.p("—", ink.muted),
        Paragraph(follow, ink.cell),  # digits and a fixed word: nothing to escape
    ]


def _story(ink: _Ink, r: WeeklyReport) -> list[Flowable]:
    story: list[Flowable] = [ink.p(r.title, ink.title),
                             ink.p(f"范围:{r.scope}    生成日期:{r.today:%Y-%m-%d}", ink.sub), *_summary(ink, r),
                             ink.p("拜访明细", ink.section)]
    if not r.visits:
        story.append(ink.p(f"本周没有拜访记录({r.week_start:%Y-%m-%d} 至 {r.week_end:%Y-%m-%d})", ink.empty))
        return story
    rows: list[list[Any]] = [[ink.p(head, ink.head) for head, _ in VISIT_COLUMNS]]
    rows += [_visit_row(ink, v) for v in r.visits]
    story.append(ink.grid(rows, [w * mm for _, w in VISIT_COLUMNS], splitInRow=SPLIT_IN_ROW))
    return story


def _canvas(font: str, report: WeeklyReport) -> type[Canvas]:
    heading = f"{report.title} · {report.scope}"

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        """The running heading from page 2, a rule, the footer and "第 N 页 / 共 M 页"."""
        canvas.setFont(font, 7.5)
        canvas.setFillColor(MUTED)
        if page > 1:
            canvas.drawString(MARGIN, HEAD_Y, heading)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, FOOT_Y + 4 * mm, PAGE_W - MARGIN, FOOT_Y + 4 * mm)
        canvas.drawString(MARGIN, FOOT_Y, "集团客户经理工作台 · 拜访周报")
        canvas.drawRightString(PAGE_W - MARGIN, FOOT_Y, f"第 {page} 页 / 共 {total} 页")

    return numbered_canvas(report.today, decorate)


def render_weekly_pdf(report: WeeklyReport) -> RenderedReport:
    """The report as PDF bytes, its page count and the characters the font lacks."""
    font = register_pdf_font()
    ink = _Ink(font)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + 8 * mm, bottomMargin=MARGIN + 5 * mm, title=report.title,
                          subject=f"范围:{report.scope}", creator="Workbench", invariant=1, lang="zh-CN",
                          initialFontName=font)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(_story(ink, report), canvasmaker=_canvas(font, report))
    ink.texts += [report.title, report.scope]
    return RenderedReport(pdf=buffer.getvalue(), pages=doc.page, missing=missing_chars(ink.texts))


def write_weekly_pdf(report: WeeklyReport, out: str | Path) -> RenderedReport:
    """Write the PDF to ``out`` (overwritten)."""
    rendered = render_weekly_pdf(report)
    Path(out).write_bytes(rendered.pdf)
    return rendered
