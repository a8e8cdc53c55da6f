"""The proposal's text sections as ReportLab flowables: title, parties, needs, solution (FABE),
approval, terms, contact and signatures. The money tables are in pdf_tables.py.

Every label is in the sheet's language (``ink.say``); what the content carries (names,
notes, terms) is already in it. The approval section tells the client the state and who
approved, never the manager's discount authority (an internal limit)."""

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
    say = ink.say
    meta = [(say("方案编号", "Proposal no."), c.number), (say("编制日期", "Date"), ink.day(c.issued_on)),
            (say("有效期至", "Valid until"), ink.day(c.valid_until)), (say("审批状态", "Approval"), c.state_label)]
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
    out: list[Flowable] = [ink.p(say("方案建议书  ·  PROPOSAL", "PROPOSAL"), ink.kicker), Spacer(0, 2),
                           ink.p(c.title, ink.title), Spacer(0, 6), table]
    if c.quote.get("illustrative"):
        out += [Spacer(0, 4), ink.p(say("示例价格 (illustrative prices): 本方案价格取自示例目录, 仅供演示, 非正式资费。",
                                        "Illustrative prices: taken from a sample catalogue for demonstration, "
                                        "not a tariff."), ink.small)]
    return out


def _person_lines(ink: Ink, person: Person | None, org: str | None = None) -> list[Paragraph]:
    if person is None:
        return [ink.p("—", ink.body_muted)]
    name = ink.t(person.name)
    if person.title:
        name += f'  {ink.colour(ink.t(person.title), MUTED)}'
    lines = [ink.m(name, ink.value)]
    for label, value in ((ink.say("电话", "Phone"), person.phone), (ink.say("邮箱", "E-mail"), person.email),
                         (ink.say("部门", "Team"), org)):
        if value:
            lines.append(ink.m(f"{ink.colour(ink.t(label), MUTED)}  {ink.t(value)}", ink.body))
    return lines


def parties_block(ink: Ink, c: ProposalContent) -> Flowable:
    """Customer, key person and manager under their header row, kept together on one page (the
    header is never stranded at a page foot); a block taller than a page splits inside its
    row, with the header repeated."""
    customer = [ink.m(ink.colour(ink.t(c.customer_name), ink.primary), ink.value),
                ink.m(f"{ink.colour(ink.t(ink.say('行业', 'Industry')), MUTED)}  {ink.t(c.industry)}", ink.body)]
    if c.customer_address:
        customer.append(ink.m(f"{ink.colour(ink.t(ink.say('地址', 'Address')), MUTED)}  {ink.t(c.customer_address)}",
                              ink.body))
    heads = [ink.p(h, ink.label) for h in (ink.say("客户", "Customer"), ink.say("客户联系人", "Customer contact"),
                                           ink.say("客户经理", "Account manager"))]
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
        return [ink.p(ink.say("本次拜访未记录具体需求。", "No specific needs were recorded on the visits."),
                      ink.body_muted)]
    return [Paragraph(ink.t(need), ink.bullet, bulletText="●") for need in c.needs]


def solution_block(ink: Ink, c: ProposalContent) -> list[Flowable]:
    """The solution as one FABE matrix: a row per product, header repeated on each page."""
    if not c.solution:
        return [ink.p("—", ink.body_muted)]
    say = ink.say
    heads = [ink.p(say("产品", "Product"), ink.head)] + [
        ink.m(f"{ink.colour(ink.t(letter), ink.accent)} {ink.t(label)}", ink.head)
        for letter, label in (("F", say("特征", "Feature")), ("A", say("优势", "Advantage")),
                              ("B", say("利益", "Benefit")), ("E", say("证据案例", "Evidence")))]
    rows: list[list[Any]] = [heads]
    for item in c.solution:
        product = ink.m(f"{ink.t(item.name)}<br/>{ink.colour(ink.t(item.product), MUTED)}"
                        f"{ink.colour(ink.t(f'  × {item.quantity}'), MUTED)}", ink.cell)
        evidence = [ink.p(e, ink.cell) for e in item.evidence] or [ink.p("—", ink.cell_muted)]
        rows.append([product, ink.p(item.feature or "—", ink.cell), ink.p(item.advantage or "—", ink.cell),
                     ink.p(item.benefit or "—", ink.cell), evidence])
    return [grid(ink, rows, [w * mm for w in (32, 33, 33, 33, 43)])]


def approval_block(ink: Ink, c: ProposalContent) -> Table:
    """The state and who approved; the quote's authority verdict (the manager's own limit, as
    "在客户经理权限 20% 以内") is internal and is not printed on the client's sheet."""
    lines = [ink.p(c.approval or ink.say("本方案优惠无需另行审批。", "This offer's discounts need no further approval."),
                   ink.body)]
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
    say = ink.say
    items = [(say("客户经理", "Account manager"), name), (say("电话", "Phone"), ink.t(m.phone or "—")),
             (say("邮箱", "E-mail"), ink.t(m.email or "—")), (say("服务热线", "Hotline"),
                                                            ink.t(ink.branding.hotline or "—")),
             (say("所属团队", "Team"), ink.t(c.team or "—"))]
    cells = [[ink.m(f"{ink.colour(ink.t(label), MUTED)}<br/>{value}", ink.body) for label, value in items]]
    table = Table(cells, colWidths=[CONTENT_W * w for w in (0.22, 0.15, 0.22, 0.15, 0.26)], hAlign="LEFT")
    table.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [ink.p(say("如对本方案有任何疑问, 欢迎随时联系您的客户经理。",
                      "For any question on this proposal, please contact your account manager."), ink.body_muted),
            Spacer(0, 3), table]


def signature_block(ink: Ink, c: ProposalContent, number: int) -> list[Flowable]:
    say = ink.say

    def side(party: str, name: str) -> list[Any]:
        if ink.lang == "en":
            when = ink.t("Date")
        else:
            when = ink.t("日期") + "&nbsp;" * 16 + ink.t("年") + "&nbsp;" * 8 + ink.t("月") + "&nbsp;" * 8 + ink.t("日")
        return [
            ink.m(f"{ink.colour(ink.t(party), ink.primary)}<br/>{ink.t(name)}", ink.value),
            ink.p(say("授权代表签字", "Signature of the authorised representative"), ink.label),
            ink.p(say("盖章", "Company stamp"), ink.label),
            ink.m(when, ink.label),
        ]

    left = side(say("甲方 (客户)", "Party A (customer)"), c.customer_name)
    right = side(say("乙方 (服务提供方)", "Party B (service provider)"),
                 ink.branding.company_en if ink.lang == "en" and ink.branding.company_en else ink.branding.company_zh)
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
    heading = ink.section_heading(number, say("联系与签署", "Contact and signatures"))
    return [heading[0], KeepTogether([heading[1], *contact_block(ink, c), Spacer(0, 12), table])]
