"""The proposal's text sections as ReportLab flowables: title, parties, needs, solution (FABE),
approval, terms, contact and signatures. The money tables are in pdf_tables.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from workbench.proposals.content import Person, ProposalContent
from workbench.proposals.pdf_style import CONTENT_W, MUTED, RULE, SPLIT_IN_ROW, Ink


def grid(ink: Ink, rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True,
         right_from: int | None = None, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table in the house style: tinted header row repeated on each page, hairline rows.

    A row taller than a page (a long evidence list, a long clause) is split inside the row
    (``splitInRow``) instead of raising LayoutError."""
    table = Table(list(rows), colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT",
                  splitInRow=SPLIT_IN_ROW)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LINEBELOW", (0, 1 if header else 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ink.header_fill),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, ink.primary),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, ink.primary),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    if right_from is not None:
        commands.append(("ALIGN", (right_from, 0), (-1, -1), "RIGHT"))
    commands += list(extra)
    table.setStyle(ink.table_style(commands))
    return table


def title_block(ink: Ink, c: ProposalContent) -> list[Flowable]:
    meta = [("方案编号", c.number), ("编制日期", f"{c.issued_on:%Y 年 %m 月 %d 日}"),
            ("有效期至", f"{c.valid_until:%Y 年 %m 月 %d 日}"), ("审批状态", c.state_label)]
    cells = [[ink.m(f"{ink.t(label)}<br/>{ink.colour(ink.t(value), ink.primary)}", ink.value)
              for label, value in meta]]
    table = Table(cells, colWidths=[CONTENT_W * w for w in (0.34, 0.23, 0.23, 0.20)])
    table.setStyle(ink.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), ink.band_fill),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ink.accent),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, ink.header_fill),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    out: list[Flowable] = [ink.p("方案建议书  ·  PROPOSAL", ink.kicker), Spacer(0, 2),
                           ink.p(c.title, ink.title), Spacer(0, 6), table]
    if c.quote.get("illustrative"):
        out += [Spacer(0, 4), ink.p("示例价格 (illustrative prices): 本方案价格取自示例目录, 仅供演示, 非正式资费。",
                                    ink.small)]
    return out


def _person_lines(ink: Ink, person: Person | None, org: str | None = None) -> list[Paragraph]:
    if person is None:
        return [ink.p("—", ink.body_muted)]
    name = ink.t(person.name)
    if person.title:
        name += f'  {ink.colour(ink.t(person.title), MUTED)}'
    lines = [ink.m(name, ink.value)]
    for label, value in (("电话", person.phone), ("邮箱", person.email), ("部门", org)):
        if value:
            lines.append(ink.m(f"{ink.colour(ink.t(label), MUTED)}  {ink.t(value)}", ink.body))
    return lines


def parties_block(ink: Ink, c: ProposalContent) -> Flowable:
    """Customer, key person and manager under their header row, kept together on one page (the
    header is never stranded at a page foot); a block taller than a page splits inside its
    row, with the header repeated."""
    customer = [ink.m(ink.colour(ink.t(c.customer_name), ink.primary), ink.value),
                ink.m(f"{ink.colour(ink.t('行业'), MUTED)}  {ink.t(c.industry)}", ink.body)]
    if c.customer_address:
        customer.append(ink.m(f"{ink.colour(ink.t('地址'), MUTED)}  {ink.t(c.customer_address)}", ink.body))
    heads = [ink.p(h, ink.label) for h in ("客户", "客户联系人", "客户经理")]
    rows = [heads, [customer, _person_lines(ink, c.key_person), _person_lines(ink, c.manager, c.team)]]
    table = Table(rows, colWidths=[CONTENT_W * w for w in (0.40, 0.30, 0.30)], repeatRows=1,
                  splitInRow=SPLIT_IN_ROW)
    table.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
    ]))
    return KeepTogether([table])


def needs_block(ink: Ink, c: ProposalContent) -> list[Flowable]:
    if not c.needs:
        return [ink.p("本次拜访未记录具体需求。", ink.body_muted)]
    return [Paragraph(ink.t(need), ink.bullet, bulletText="●") for need in c.needs]


def solution_block(ink: Ink, c: ProposalContent) -> list[Flowable]:
    """The solution as one FABE matrix: a row per product, header repeated on each page."""
    if not c.solution:
        return [ink.p("—", ink.body_muted)]
    heads = [ink.p("产品", ink.head)] + [
        ink.m(f"{ink.colour(ink.t(letter), ink.accent)} {ink.t(label)}", ink.head)
        for letter, label in (("F", "特征"), ("A", "优势"), ("B", "利益"), ("E", "证据案例"))]
    rows: list[list[Any]] = [heads]
    for item in c.solution:
        product = ink.m(f"{ink.t(item.name)}<br/>{ink.colour(ink.t(item.product), MUTED)}"
                        f"{ink.colour(ink.t(f'  × {item.quantity}'), MUTED)}", ink.cell)
        evidence = [ink.p(e, ink.cell) for e in item.evidence] or [ink.p("—", ink.cell_muted)]
        rows.append([product, ink.p(item.feature or "—", ink.cell), ink.p(item.advantage or "—", ink.cell),
                     ink.p(item.benefit or "—", ink.cell), evidence])
    return [grid(ink, rows, [w * mm for w in (32, 33, 33, 33, 43)])]


def approval_block(ink: Ink, c: ProposalContent) -> Table:
    authority = c.quote.get("authority") or {}
    lines = [ink.p(c.approval or "本方案优惠在审批权限以内, 无需另行审批。", ink.body)]
    label = (authority.get("label") or {}).get("zh")
    why = (authority.get("why") or {}).get("zh")
    if label:
        text = f"{ink.colour(ink.t('折扣权限'), MUTED)}  {ink.t(label)}"
        if why:
            text += f"{ink.colour(ink.t(' · ' + why), MUTED)}"
        lines.append(ink.m(text, ink.body))
    fill = ink.primary if c.state in {"approved", "sent", "won"} else ink.accent
    badge = ink.m(f'<font color="#FFFFFF">{ink.t(c.state_label)}</font>', ink.cell_center)
    table = Table([[badge, lines]], colWidths=[22 * mm, CONTENT_W - 22 * mm], hAlign="LEFT",
                  splitInRow=SPLIT_IN_ROW)
    table.setStyle(ink.table_style([
        ("BACKGROUND", (0, 0), (0, 0), fill),
        ("VALIGN", (0, 0), (0, 0), "TOP"),  # a split row keeps its badge at the top
        ("VALIGN", (1, 0), (1, 0), "TOP"),
        ("LEFTPADDING", (1, 0), (1, 0), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def terms_block(ink: Ink, c: ProposalContent) -> Table:
    rows = [[ink.m(f"{ink.colour(ink.t(f'{i}.'), ink.accent)} {ink.t(term.heading)}", ink.body),
             ink.p(term.text, ink.body)] for i, term in enumerate(c.terms, 1)]
    return grid(ink, rows, [26 * mm, CONTENT_W - 26 * mm], header=False)


def contact_block(ink: Ink, c: ProposalContent) -> list[Flowable]:
    """The account manager's contact: one line of label-over-value cells."""
    m = c.manager
    name = ink.t(m.name) + (f"&nbsp;&nbsp;{ink.colour(ink.t(m.title), MUTED)}" if m.title else "")
    items = [("客户经理", name), ("电话", ink.t(m.phone or "—")), ("邮箱", ink.t(m.email or "—")),
             ("服务热线", ink.t(ink.branding.hotline or "—")), ("所属团队", ink.t(c.team or "—"))]
    cells = [[ink.m(f"{ink.colour(ink.t(label), MUTED)}<br/>{value}", ink.body) for label, value in items]]
    table = Table(cells, colWidths=[CONTENT_W * w for w in (0.22, 0.15, 0.22, 0.15, 0.26)], hAlign="LEFT")
    table.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [ink.p("如对本方案有任何疑问, 欢迎随时联系您的客户经理。", ink.body_muted), Spacer(0, 3), table]


def signature_block(ink: Ink, c: ProposalContent, number: int) -> list[Flowable]:
    def side(party: str, name: str) -> list[Any]:
        return [
            ink.m(f"{ink.colour(ink.t(party), ink.primary)}<br/>{ink.t(name)}", ink.value),
            ink.p("授权代表签字", ink.label),
            ink.p("盖章", ink.label),
            ink.m(ink.t("日期") + "&nbsp;" * 16 + ink.t("年") + "&nbsp;" * 8 + ink.t("月") + "&nbsp;" * 8 + ink.t("日"), ink.label),
        ]

    left = side("甲方 (客户)", c.customer_name)
    right = side("乙方 (服务提供方)", ink.branding.company_zh)
    gap = 10 * mm
    half = (CONTENT_W - gap) / 2
    rows = [[left[i], "", right[i]] for i in range(4)]
    table = Table(rows, colWidths=[half, gap, half], rowHeights=[None, 15 * mm, 26 * mm, 10 * mm])
    table.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("VALIGN", (0, 0), (-1, 0), "TOP"),
        ("VALIGN", (0, 2), (-1, 2), "TOP"),
        ("LINEABOVE", (0, 0), (0, 0), 1.2, ink.primary),
        ("LINEABOVE", (2, 0), (2, 0), 1.2, ink.primary),
        ("LINEBELOW", (0, 1), (0, 1), 0.5, MUTED),
        ("LINEBELOW", (2, 1), (2, 1), 0.5, MUTED),
        ("BOX", (0, 2), (0, 2), 0.4, RULE),
        ("BOX", (2, 2), (2, 2), 0.4, RULE),
        ("LINEBELOW", (0, 3), (0, 3), 0.5, MUTED),
        ("LINEBELOW", (2, 3), (2, 3), 0.5, MUTED),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
    ]))
    heading = ink.section_heading(number, "联系与签署")
    return [heading[0], KeepTogether([heading[1], *contact_block(ink, c), Spacer(0, 12), table])]
