"""The money tables of the proposal PDF: prices, totals, gifts, prestore schemes and schedule.

Every figure is the pricing engine's own string (``quote_to_dict``), printed with thousands
separators through Decimal; the only sums made here are one-off + installation, of a line, a
month and the totals: "一次性费用" is one thing everywhere on the sheet (the price table's
column, the totals, the schedule), installation included, with the installation alone shown
as "其中安装调测费" under it in the totals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from workbench.pricing.rules import MANUAL_LINE
from workbench.proposals.pdf_style import (
    CONTENT_W,
    MUTED,
    RULE,
    SPLIT_IN_ROW,
    Ink,
    amount,
    money,
    percent,
)
from workbench.proposals.sections import grid

#: One-off charges, installation included: the same word in the table, the totals, the schedule.
ONE_OFF = "一次性费用"
ONE_OFF_EN = "One-off"
OF_WHICH_INSTALLATION = "其中安装调测费"
PRICE_HEAD = ("#", "产品", "数量", "期限(月)", "目录单价", "优惠", "净单价", "月费", ONE_OFF, "合约期总额")
PRICE_HEAD_EN = ("#", "Product", "Qty", "Term (months)", "List unit", "Discount", "Net unit", "Monthly", ONE_OFF_EN,
                 "Total over term")
PRICE_W_MM = (7, 37, 10.5, 11.5, 17, 12, 17, 18, 22, 22)
_PAD = 3 + 3 + 1  # a grid cell's left and right padding, and a point of slack
_MIN_FLEX = 22 * mm  # the text column that gives up space never gets narrower than this


def head_lines(label: str) -> list[str]:
    """A header label as it is set on at most two lines: broken before "(" ("期限" over
    "(月)"), else a label of more than four characters at a space near its middle or at half
    its characters ("合约期" over "总额": never one character alone); a single English word
    ("Discount") is never cut."""
    cut = label.find("(", 1)
    if cut < 0 and len(label) > 4 and (" " in label.strip() or not label.isascii()):  # a word stays whole
        middle = (len(label) + 1) // 2
        spaces = [i for i, ch in enumerate(label) if ch == " " and 0 < i < len(label) - 1]
        cut = min(spaces, key=lambda i: abs(i - middle)) if spaces else middle
    if cut < 0:
        return [label]
    return [part for part in (label[:cut].strip(), label[cut:].strip()) if part]


def _heads(ink: Ink, labels: tuple[str, ...], right_from: int, widths: list[float]) -> list[Any]:
    """Header cells: a label that fits its column stays on one line, else it is set as
    ``head_lines`` says (a paragraph left to wrap CJK by itself breaks anywhere)."""
    def head(label: str, width: float) -> str:
        style = ink.head
        if stringWidth(label, ink.font, style.fontSize) + _PAD <= width:
            return ink.t(label)
        return "<br/>".join(ink.t(line) for line in head_lines(label))

    return [ink.m(head(label, width), ink.head if i < right_from else ink.head_right)
            for i, (label, width) in enumerate(zip(labels, widths, strict=True))]


def _head_need(ink: Ink, label: str) -> float:
    """Width a header needs on at most two lines (as ``head_lines`` sets it)."""
    return max(stringWidth(part, ink.font, ink.head.fontSize) for part in head_lines(label)) + _PAD


def fit_widths(ink: Ink, heads: tuple[str, ...], figures: list[list[str]], base_mm: tuple[float, ...],
               flex: int, numeric: set[int], *, grow_only: bool = False) -> list[float]:
    """Column widths: each ``numeric`` column as wide as its widest figure (figures never wrap)
    or its header (or its ``base_mm`` width at least, with ``grow_only``); the ``flex`` text
    column gets what is left (it wraps)."""
    widths = [w * mm for w in base_mm]
    for col in numeric:
        widest = max((stringWidth(row[col], ink.font, ink.num.fontSize) for row in figures), default=0.0)
        need = max(widest + _PAD, _head_need(ink, heads[col]))
        widths[col] = max(need, widths[col]) if grow_only else need
    widths[flex] = max(CONTENT_W - sum(w for i, w in enumerate(widths) if i != flex), _MIN_FLEX)
    return widths


def price_table(ink: Ink, quote: dict[str, Any]) -> Table:
    figures: list[list[str]] = []
    for line in quote["lines"]:
        one_off = Decimal(line["one_off"]) + Decimal(line["installation"])
        figures.append([
            str(line["index"] + 1), ink.pick(line["name"]), str(line["quantity"]),
            str(line["term_months"]) if line["term_months"] else "—",  # a one-off line has no term
            amount(line["list_unit"]), percent(line["discount_percent"]), amount(line["net_unit"]),
            amount(line["monthly"]), amount(str(one_off)), amount(line["term_total"]),
        ])
    heads = PRICE_HEAD_EN if ink.lang == "en" else PRICE_HEAD
    numeric = {0, *range(2, len(heads))}
    widths = fit_widths(ink, heads, figures, PRICE_W_MM, 1, numeric)
    rows: list[list[Any]] = [_heads(ink, heads, 2, widths)]
    for f in figures:
        rows.append([ink.m(ink.colour(ink.t(f[0]), MUTED), ink.cell), ink.p(f[1], ink.cell),
                     *(ink.p(text, ink.num) for text in f[2:])])
    return grid(ink, rows, widths)


def totals_block(ink: Ink, quote: dict[str, Any]) -> Table:
    t = quote["totals"]
    say = ink.say
    items = [
        (say("月费合计 (每月)", "Monthly (per month)"), amount(t["monthly_recurring"])),
        (say(ONE_OFF, ONE_OFF_EN), amount(str(Decimal(t["one_off"]) + Decimal(t["installation"])))),
        (say(OF_WHICH_INSTALLATION, "of which installation"), amount(t["installation"])),
        (say("首年费用", "First year"), amount(t["first_year"])),
        (say("目录价合约期总额", "List price over the term"), amount(t["list_over_term"])),
        (say("合约期节省", "Savings over the term"), amount(t["savings"])),
        (say("综合优惠幅度", "Effective discount"), percent(t["effective_discount_percent"])),
    ]
    rows: list[list[Any]] = [[ink.p(label, ink.total_label), ink.p(value, ink.total_value)] for label, value in items]
    rows.append([ink.m(ink.colour(ink.t(say("合约期总额", "Total over the term")), ink.primary), ink.total_label),
                 ink.p(money(t["over_term"]), ink.value_big)])
    totals = Table(rows, colWidths=[36 * mm, 34 * mm])
    totals.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, ink.primary),
        ("BACKGROUND", (0, -1), (-1, -1), ink.band_fill),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("TOPPADDING", (0, -1), (-1, -1), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    reasons: list[str] = []
    for line in quote["lines"]:
        for discount in line["discounts"]:
            why = discount_reason(ink, line, discount)
            if why not in reasons:
                reasons.append(why)
    left: list[Any] = [ink.p(say("优惠说明", "Discounts"), ink.label)]
    left += [ink.m(f"{ink.colour('●', ink.accent)} {ink.t(r)}", ink.body_muted) for r in reasons]
    left.append(Spacer(0, 4))
    left.append(ink.p(say("金额单位: 人民币元; 月费按计费月收取; 一次性费用含安装调测费, 计入合约期总额。",
                          "Amounts in yuan (CNY); monthly fees are charged per billing month; one-off charges "
                          "include installation and count in the total over the term."), ink.small))
    if quote.get("illustrative"):
        left.append(ink.p(say("示例价格 (illustrative prices), 非正式资费。", "Illustrative prices, not a tariff."),
                          ink.small))
    outer = Table([[left, totals]], colWidths=[CONTENT_W - 74 * mm, 74 * mm], splitInRow=SPLIT_IN_ROW)
    outer.setStyle(ink.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 12),
        ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ("LEFTPADDING", (1, 0), (1, 0), 4),
    ]))
    return outer


def discount_reason(ink: Ink, line: dict[str, Any], discount: dict[str, Any]) -> str:
    """Why a line is cheaper, as the client reads it. A manual discount on one line names the
    line ("#2 集团成员套餐 58 元: 手工优惠 10%"): the engine's "本行手工优惠" ("this line's")
    reads as "our bank's" to a bank customer."""
    why = discount["why"]
    if why.get("rule") == MANUAL_LINE:
        pct = percent(discount["percent"])
        return ink.say(f"#{line['index'] + 1} {ink.pick(line['name'])}: 手工优惠 {pct}",
                       f"#{line['index'] + 1} {ink.pick(line['name'])}: manual discount {pct}")
    return ink.pick(why)


def gifts_table(ink: Ink, quote: dict[str, Any]) -> Table | None:
    gifts = quote.get("gifts") or []
    if not gifts:
        return None
    widths = [38 * mm, 12 * mm, 14 * mm, 20 * mm, CONTENT_W - 84 * mm]
    heads = (("Gift", "Qty", "Months", "Value", "Why") if ink.lang == "en"
             else ("赠送内容", "数量", "期限(月)", "价值", "赠送依据"))
    rows: list[list[Any]] = [_heads(ink, heads, 1, widths)]
    for g in gifts:
        rows.append([
            ink.p(ink.pick(g["name"]), ink.cell), ink.p(g["quantity"], ink.num),
            ink.p(g["months"] if g["months"] else "—", ink.num), ink.p(amount(g["value"]), ink.num),
            ink.p(ink.pick(g["why"]), ink.cell_muted),
        ])
    rows[0][4] = ink.p(heads[4], ink.head)
    return grid(ink, rows, widths)


def _refundable(ink: Ink, value: bool | None) -> str:
    if value is None:
        return "—"
    return ink.say("可清退", "refundable") if value else ink.say("不可清退", "not refundable")


def schemes_table(ink: Ink, quote: dict[str, Any]) -> Table | None:
    schemes = quote.get("schemes") or []
    if not schemes:
        return None
    head = (("Prestore scheme", "Members", "Prestore each", "Rebate × months", "Free credit", "Minimum monthly",
             "Refund", "Gift", "Prestore total") if ink.lang == "en"
            else ("预存回馈方案", "成员数", "每户预存", "月返还 × 月数", "自由话费", "月保底消费", "清退", "赠品", "预存合计"))
    figures: list[list[str]] = []
    for s in schemes:
        rebate = (f"{money(s['rebate_monthly'])} × {s['term_months']}"
                  if Decimal(s["rebate_monthly"]) else "—")
        figures.append([ink.pick(s["name"]), str(s["members"]), amount(s["prestore"]), rebate,
                        amount(s["free_credit"]), amount(s["minimum_monthly_spend"]), _refundable(ink, s["refundable"]),
                        ink.pick(s.get("gift")) or "—", amount(s["prestore_total"])])
    sized = {1, 2, 3, 4, 5, 8} | ({6} if ink.lang == "en" else set())  # "not refundable" kept whole
    widths = fit_widths(ink, head, figures, (38, 12, 16, 20, 16, 17, 15, 22, 18), 0, sized, grow_only=True)
    rows: list[list[Any]] = [_heads(ink, head, 1, widths)]
    for f in figures:  # the refund and gift columns are words: they wrap
        rows.append([ink.p(f[0], ink.cell), *(ink.p(text, ink.cell_right if i in (6, 7) else ink.num)
                                              for i, text in enumerate(f[1:], 1))])
    return grid(ink, rows, widths)


_SCHEDULE_KEYS = ("recurring", "one_off", "installation", "prestore", "free_credit", "rebate", "minimum_spend",
                  "due", "net")


def collapse_schedule(schedule: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Consecutive months with the same figures as one (first, last, month) range."""
    ranges: list[tuple[int, int, dict[str, Any]]] = []
    for month in schedule:
        key = tuple(month[k] for k in _SCHEDULE_KEYS)
        if ranges and tuple(ranges[-1][2][k] for k in _SCHEDULE_KEYS) == key \
                and ranges[-1][1] + 1 == month["month"]:
            first, _, values = ranges[-1]
            ranges[-1] = (first, month["month"], values)
        else:
            ranges.append((month["month"], month["month"], month))
    return ranges


def schedule_table(ink: Ink, quote: dict[str, Any]) -> Table | None:
    schedule = quote.get("schedule") or []
    if not schedule:
        return None
    head = (("Month", "Monthly", ONE_OFF_EN, "Prestore", "Free credit", "Rebate", "Minimum spend", "Due",
             "Net after rebate") if ink.lang == "en"
            else ("月份", "月费", ONE_OFF, "预存款", "赠送话费", "月返还", "保底消费", "当月应缴", "返还后净支出"))
    figures: list[list[str]] = []
    for first, last, m in collapse_schedule(schedule):
        if ink.lang == "en":
            span = f"Month {first}" if first == last else f"Months {first}–{last}"
        else:
            span = f"第 {first} 月" if first == last else f"第 {first}–{last} 月"
        one_off = str(Decimal(m["one_off"]) + Decimal(m["installation"]))
        figures.append([span, *(amount(v) for v in (m["recurring"], one_off, m["prestore"], m["free_credit"],
                                                    m["rebate"], m["minimum_spend"], m["due"], m["net"]))])
    widths = fit_widths(ink, head, figures, (22, 19, 20, 17, 17, 16, 17, 23, 23), 0, set(range(1, 9)),
                        grow_only=True)
    rows: list[list[Any]] = [_heads(ink, head, 1, widths)]
    rows += [[ink.p(f[0], ink.cell), *(ink.p(text, ink.num) for text in f[1:])] for f in figures]
    return grid(ink, rows, widths)


def money_sections(ink: Ink, quote: dict[str, Any]) -> tuple[list[Flowable], list[Flowable]]:
    """(gifts and schemes, schedule) flowables; empty lists when the quote has none."""
    extras: list[Flowable] = []
    gifts, schemes = gifts_table(ink, quote), schemes_table(ink, quote)
    if gifts is not None:
        extras += [*ink.subheading(ink.say("赠送", "Gifts")), gifts, Spacer(0, 8)]
    if schemes is not None:
        extras += [*ink.subheading(ink.say("预存回馈", "Prestore and rebate")), schemes, Spacer(0, 8)]
    schedule = schedule_table(ink, quote)
    sched: list[Flowable] = []
    if schedule is not None:
        sched = [*ink.subheading(ink.say("逐月费用计划 (相同月份合并显示)",
                                         "Month by month (identical months merged)")), schedule]
    return extras, sched
