"""A quote as JSON-ready data (Decimals as strings) or as a readable text table.

Pure functions returning values; printing is the caller's business (``workbench price``).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from workbench.pricing.model import UNITS, Text
from workbench.pricing.quote import NEEDS_HQ, NEEDS_TEAM_LEAD, WITHIN, Quote, ScheduleMonth

QUOTE_FORMAT = "workbench-quote/1"
LEVEL_LABELS = {
    WITHIN: Text("权限内", "within authority"),
    NEEDS_TEAM_LEAD: Text("需营销主管审批", "needs team lead approval"),
    NEEDS_HQ: Text("需总部审批", "needs HQ approval"),
}


def jsonable(value: Any) -> Any:
    """Dataclasses to dicts, Decimals to strings (exact), dates to ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    out: dict[str, Any] = {"format": QUOTE_FORMAT}
    out.update(jsonable(quote))
    out["authority"]["label"] = jsonable(LEVEL_LABELS[quote.authority.level])
    return out


def width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cols: int, *, right: bool = False) -> str:
    fill = " " * max(0, cols - width(text))
    return fill + text if right else text + fill


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right_from: int) -> list[str]:
    cols = [max(width(r[c]) for r in [header, *rows]) for c in range(len(header))]
    out = []
    for row in [header, *rows]:
        cells = [pad(cell, cols[c], right=c >= right_from) for c, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
    return out


def render_table(quote: Quote) -> str:
    q, t = quote, quote.totals
    out = [
        f"报价 Quote · {q.customer_name or '(未命名客户)'} · 行业 {q.industry} · {q.today.isoformat()} · 角色 {q.authority.role}",
        f"产品目录 catalogue {q.catalogue_version} · 价格政策 policy {q.policy_version}"
        + (" · 示例价格 illustrative prices" if q.illustrative else ""),
        "",
    ]
    if q.lines:
        header = ["#", "产品 product", "单位", "数量", "期限", "目录价", "优惠%", "净单价", "月费", "一次性", "安装费"]
        rows = [[str(ln.index + 1), f"{ln.name.zh} {ln.product}", UNITS[ln.unit].zh, str(ln.quantity),
                 str(ln.term_months or "-"), money(ln.list_unit), str(ln.effective_discount_percent), money(ln.net_unit),
                 money(ln.monthly), money(ln.one_off), money(ln.installation)] for ln in q.lines]
        table = _table(header, rows, right_from=3)
        out += table[:1]
        for ln, row in zip(q.lines, table[1:], strict=True):
            out.append(row)
            out += [f"      · {d.why.rule}: {d.why.zh}" for d in ln.discounts]
        out.append("")
    out.append("合计 Totals")
    for zh, en, value in (
        ("月费合计", "monthly recurring", t.monthly_recurring), ("一次性费用", "one-off", t.one_off),
        ("安装费", "installation", t.installation), ("首年费用", "first year", t.first_year),
        ("合约期总额", "over the term", t.over_term), ("目录价总额", "list over the term", t.list_over_term),
        ("节省", "savings against list", t.savings),
    ):
        out.append(f"  {pad(zh + ' ' + en, 34)}{money(value):>16}")
    out.append(f"  {pad('实际优惠 effective discount', 34)}{str(t.effective_discount_percent) + '%':>16}")
    if q.schemes:
        out.append(f"  {pad('预存合计 prestore', 34)}{money(t.prestore):>16}")
    if q.gifts:
        out += ["", "赠品 Gifts"]
        for g in q.gifts:
            worth = f", 价值 {money(g.value)}" if g.value else ""
            span = f", {g.months} 个月" if g.months else ""
            out.append(f"  {g.name.zh} × {g.quantity}{span}{worth}  ({g.why.rule}: {g.why.zh})")
    if q.schemes:
        out += ["", "预存回馈 Prestore and rebate"]
        for s in q.schemes:
            out.append(f"  {s.name.zh} × {s.members} 人: 预存 {money(s.prestore_total)}, 返还 {money(s.rebate_total)}")
            out.append(f"      · {s.why.zh}")
    out += ["", "逐月 Schedule", *_schedule(q.schedule)]
    level = LEVEL_LABELS[q.authority.level]
    out += ["", f"审批 Authority: {level.zh} / {level.en}", f"  {q.authority.why.zh}"]
    if q.notes:
        out += ["", "说明 Notes", *(f"  {n.rule}: {n.zh}" for n in q.notes)]
    return "\n".join(out) + "\n"


def _schedule(months: Sequence[ScheduleMonth]) -> list[str]:
    """Month rows; runs of identical consecutive months are folded into one row (3-12)."""
    groups: list[list[ScheduleMonth]] = []
    for m in months:
        if groups and m.month > 1 and dataclasses.replace(m, month=0) == dataclasses.replace(groups[-1][-1], month=0):
            groups[-1].append(m)
        else:
            groups.append([m])
    rows = []
    for g in groups:
        first, last = g[0], g[-1]
        span = str(first.month) if first is last else f"{first.month}-{last.month}"
        rows.append([span, money(first.recurring), money(first.one_off + first.installation), money(first.prestore),
                     money(first.rebate), money(first.minimum_spend), money(first.due), money(first.net)])
    header = ["月 month", "月费", "一次性+安装", "预存", "返还", "保底消费", "应付 due", "净付 net"]
    return ["  " + line for line in _table(header, rows, right_from=1)]
