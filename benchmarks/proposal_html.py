"""The `proposal` benchmark's baseline: the same ProposalContent as HTML + CSS for WeasyPrint.

An equivalent document to ``workbench.proposals.render``'s PDF: the same sections in the same
order (letterhead in the branding's name and colours, title, number/date/validity, customer
and key person, needs, FABE items, the full price table whose header repeats on every page,
totals, gifts, schemes, schedule, approval, terms, manager's contact, signature and stamp
blocks, "第 N 页 / 共 M 页"), A4 with print margins, and the same bundled font, declared with
``@font-face`` by ``file://`` URL so that WeasyPrint subsets and embeds that file and falls
back to no system font. Every text is ``html.escape``d; money is printed from the engine's
strings (``Decimal`` with thousands separators), never through ``float``.

WeasyPrint is the ``bench`` extra (``pip install -e '.[bench]'``), not a dependency.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import Any

from workbench.fontfile import FONT_FAMILY, font_path
from workbench.proposals.branding import Branding, load_branding
from workbench.proposals.content import Person, ProposalContent


def font_file() -> Path:
    """The bundled font, inside the installed package ``workbench.resources`` (no Qt)."""
    return font_path()


def require_weasyprint() -> Any:
    """The ``weasyprint`` module, or a clear error naming the ``bench`` extra."""
    try:
        import weasyprint
    except ImportError as exc:  # OSError too when pango is missing, but that message is clear
        raise RuntimeError(
            "the proposal benchmark's baseline needs WeasyPrint, which is the 'bench' extra: "
            "pip install -e '.[bench]'"
        ) from exc
    return weasyprint


def _e(text: object) -> str:
    return html.escape(str(text))


def money(value: str | None) -> str:
    """An engine amount ("27840.00") with thousands separators ("27,840.00")."""
    if value is None:
        return "—"
    return f"{Decimal(value):,.2f}"


def _percent(value: str | None) -> str:
    return "—" if value is None or Decimal(value) == 0 else f"{Decimal(value).normalize():f}%"


def _dash(value: str) -> str:
    return money(value) if Decimal(value) else "—"


def _table(head: tuple[str, ...], rows: list[list[str]], right_from: int, cls: str = "grid",
           widths_mm: tuple[float, ...] = ()) -> str:
    """A grid whose <thead> WeasyPrint repeats on each page; columns from right_from right-aligned."""
    def cells(tag: str, row: list[str] | tuple[str, ...]) -> str:
        return "".join(f"<{tag}{' class=n' if i >= right_from else ''}>{v}</{tag}>" for i, v in enumerate(row))
    body = "".join(f"<tr>{cells('td', r)}</tr>" for r in rows)
    cols = "".join(f"<col style='width:{w}mm'>" for w in widths_mm)
    fixed = " style='table-layout:fixed'" if widths_mm else ""
    return (f"<table class='{cls}'{fixed}><colgroup>{cols}</colgroup><thead><tr>{cells('th', head)}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _collapse(schedule: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Consecutive months with the same figures as one (first, last, month) range, as the
    ReportLab renderer prints the schedule."""
    keys = ("recurring", "one_off", "installation", "prestore", "free_credit", "rebate", "minimum_spend", "due", "net")
    out: list[tuple[int, int, dict[str, Any]]] = []
    for m in schedule:
        if out and all(out[-1][2][k] == m[k] for k in keys) and out[-1][1] + 1 == m["month"]:
            out[-1] = (out[-1][0], m["month"], out[-1][2])
        else:
            out.append((m["month"], m["month"], m))
    return out




def _css(b: Branding, font_url: str, footer: str) -> str:
    primary, accent = b.primary, b.accent
    return f"""
@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{font_url}") format("truetype"); }}
@page {{
  size: A4; margin: 38mm 18mm 24mm 18mm;
  @top-center {{ content: element(letterhead); vertical-align: top; padding-top: 15mm; }}
  @bottom-left {{ content: "{_e(footer)}"; font-family: "{FONT_FAMILY}"; font-size: 7pt; color: #777;
                  vertical-align: top; padding-top: 3mm; border-top: 0.4pt solid #ccc; }}
  @bottom-right {{ content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: "{FONT_FAMILY}";
                   font-size: 7.5pt; color: #777; vertical-align: top; padding-top: 3mm;
                   border-top: 0.4pt solid #ccc; }}
}}
* {{ font-family: "{FONT_FAMILY}"; }}
body {{ font-size: 9pt; line-height: 14pt; color: #222; margin: 0; }}
.letterhead {{ position: running(letterhead); width: 174mm; border-bottom: 1.1pt solid {primary};
               height: 17mm; display: flex; }}
.letterhead img {{ height: 12.5mm; width: 12.5mm; margin-right: 3.5mm; }}
.letterhead .left {{ flex: 1; white-space: nowrap; }} .letterhead .right {{ text-align: right; width: 92mm; }}
.company {{ font-size: 13.5pt; color: {primary}; white-space: nowrap; }}
.small-muted {{ font-size: 7pt; color: #777; }} .dept {{ font-size: 7.5pt; color: {accent}; }}
.kicker {{ font-size: 8pt; color: {accent}; letter-spacing: 1pt; }}
h1 {{ font-size: 17pt; font-weight: normal; margin: 1mm 0 2mm; color: {primary}; }}
h2 {{ font-size: 12pt; line-height: 16pt; font-weight: normal; color: {primary}; margin: 14pt 0 3pt;
      page-break-after: avoid; }}
h2 span {{ color: {accent}; }}
h3 {{ font-size: 10pt; line-height: 14pt; font-weight: normal; margin: 2pt 0 2pt; page-break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; }}
table.band {{ background: #eef1f6; border-top: 1.2pt solid {accent}; }}
table.band td {{ padding: 2mm 3mm 3mm; vertical-align: top; color: #777; }}
table.band b, table.parties b {{ font-weight: normal; color: {primary}; font-size: 9.5pt; }}
table.parties th {{ text-align: left; font-weight: normal; color: #777; border-bottom: 0.4pt solid #ccc; }}
table.parties td {{ vertical-align: top; padding: 1mm 3mm 0 0; }}
table.grid {{ font-size: 8pt; line-height: 11pt; }}
table.grid th {{ background: #e3e8f0; color: {primary}; font-size: 7.5pt; line-height: 10pt; font-weight: normal;
                 padding: 3.2pt 3pt 3.6pt; border-top: 0.9pt solid {primary};
                 border-bottom: 0.5pt solid {primary}; text-align: left; }}
table.grid td {{ border-bottom: 0.25pt solid #ccc; padding: 3.2pt 3pt 3.6pt; vertical-align: top; }}
table.grid tr {{ page-break-inside: avoid; }}
.n {{ text-align: right !important; white-space: nowrap; }}
.muted {{ color: #777; }} .note {{ font-size: 7pt; color: #888; }}
.acc {{ color: {accent}; }}
.totals {{ display: flex; gap: 4mm; page-break-inside: avoid; margin-top: 3mm; }}
.totals .why {{ flex: 1; }} .totals table {{ width: 70mm; }}
.totals td {{ border-bottom: 0.25pt solid #ccc; padding: 0.8mm 1mm; }}
.totals tr.sum td {{ border-top: 1pt solid {primary}; background: #eef1f6; font-size: 11pt; color: {primary}; }}
.approval {{ display: flex; }} .badge {{ background: {primary}; color: #fff; width: 20mm; text-align: center;
                                          padding: 2mm 1mm; }}
.approval div.text {{ padding-left: 4mm; }}
ul {{ margin: 0; padding-left: 5mm; }} li::marker {{ color: {accent}; }}
.sign {{ page-break-inside: avoid; }} .sign table td {{ width: 48%; vertical-align: top; padding: 1mm; }}
.sign .who {{ border-top: 1.2pt solid {primary}; color: {primary}; }}
table.contact {{ table-layout: fixed; }} .contact td {{ vertical-align: top; padding: 3pt 6pt 12pt 0; }}
.sign .line {{ white-space: pre; height: 13mm; border-bottom: 0.5pt solid #777; color: #777; }}
.sign .stamp {{ height: 24mm; border: 0.4pt solid #ccc; color: #777; }}
"""


CN_NUMBERS = "一二三四五六七八九十"


def _parties(c: ProposalContent) -> str:
    def person(p: Person | None, org: str | None = None) -> str:
        if p is None:
            return "<span class='muted'>—</span>"
        out = f"<b>{_e(p.name)}</b>" + (f" <span class='muted'>{_e(p.title)}</span>" if p.title else "")
        for label, value in (("电话", p.phone), ("邮箱", p.email), ("部门", org)):
            if value:
                out += f"<br><span class='muted'>{label}</span>  {_e(value)}"
        return out

    customer = f"<b>{_e(c.customer_name)}</b><br><span class='muted'>行业</span>  {_e(c.industry)}"
    if c.customer_address:
        customer += f"<br><span class='muted'>地址</span>  {_e(c.customer_address)}"
    return ("<table class='parties'><tr><th>客户</th><th>客户联系人</th><th>客户经理</th></tr>"
            f"<tr><td style='width:40%'>{customer}</td><td>{person(c.key_person)}</td>"
            f"<td>{person(c.manager, c.team)}</td></tr></table>")


def _solution(c: ProposalContent) -> str:
    """The solution as one FABE matrix: a row per product, header repeated on each page."""
    if not c.solution:
        return "<p class='muted'>—</p>"
    rows = [[f"{_e(s.name)}<br><span class='muted'>{_e(s.product)}  × {s.quantity}</span>",
             _e(s.feature or "—"), _e(s.advantage or "—"), _e(s.benefit or "—"),
             "<br>".join(_e(e) for e in s.evidence) or "—"] for s in c.solution]
    head = ("产品", "<span class='acc'>F</span> 特征", "<span class='acc'>A</span> 优势",
            "<span class='acc'>B</span> 利益", "<span class='acc'>E</span> 证据案例")
    return _table(head, rows, 99, "grid fabe", (32, 33, 33, 33, 43))


def _prices(q: dict[str, Any]) -> str:
    rows = []
    for line in q["lines"]:
        one_off = Decimal(line["one_off"]) + Decimal(line["installation"])
        rows.append([str(line["index"] + 1), _e(line["name"]["zh"]),
                     str(line["quantity"]), str(line["term_months"]), money(line["list_unit"]),
                     _percent(line["discount_percent"]), money(line["net_unit"]), money(line["monthly"]),
                     money(str(one_off)) if one_off else "—", money(line["term_total"])])
    head = ("#", "产品", "数量", "期限(月)", "目录单价", "优惠", "净单价", "月费", "一次性(含安装)", "合约期总额")
    t = q["totals"]
    items = [("月费合计 (每月)", money(t["monthly_recurring"])), ("一次性费用", money(t["one_off"])),
             ("安装调测费", money(t["installation"])), ("首年费用", money(t["first_year"])),
             ("目录价合约期总额", money(t["list_over_term"])), ("合约期节省", money(t["savings"])),
             ("综合优惠幅度", _percent(t["effective_discount_percent"]))]
    totals = "".join(f"<tr><td>{k}</td><td class='n'>{v}</td></tr>" for k, v in items)
    totals += f"<tr class='sum'><td>合约期总额</td><td class='n'>{money(t['over_term'])}</td></tr>"
    reasons: list[str] = []
    for line in q["lines"]:
        for d in line["discounts"]:
            if d["why"]["zh"] not in reasons:
                reasons.append(d["why"]["zh"])
    why = "".join(f"<li class='muted'>{_e(r)}</li>" for r in reasons)
    note = "<p class='note'>金额单位: 人民币元; 月费按计费月收取, 合约期总额含一次性及安装费用。</p>"
    if q.get("illustrative"):
        note += "<p class='note'>示例价格 (illustrative prices), 非正式资费。</p>"
    return (_table(head, rows, 2, widths_mm=(7, 40, 10.5, 11.5, 17, 12, 17, 18, 19, 22)) + "<h3>费用合计</h3>" + f"<div class='totals'><div class='why'><div class='muted'>优惠说明</div>"
            f"<ul>{why}</ul>{note}</div><table>{totals}</table></div>")


def _money_sections(q: dict[str, Any]) -> str:
    out = []
    if q.get("gifts"):
        rows = [[_e(g["name"]["zh"]), str(g["quantity"]), str(g["months"] or "—"), _dash(g["value"]),
                 f"<span class='muted'>{_e(g['why']['zh'])}</span>"] for g in q["gifts"]]
        out.append("<h3>赠送</h3>" + _table(("赠送内容", "数量", "期限(月)", "价值", "赠送依据"), rows, 1)
                   .replace("<th class=n>赠送依据", "<th>赠送依据"))
    if q.get("schemes"):
        rows = []
        for s in q["schemes"]:
            rebate = f"{money(s['rebate_monthly'])} × {s['term_months']}" if Decimal(s["rebate_monthly"]) else "—"
            refund = "—" if s["refundable"] is None else ("可清退" if s["refundable"] else "不可清退")
            rows.append([_e(s["name"]["zh"]), str(s["members"]), money(s["prestore"]), rebate, money(s["free_credit"]),
                         money(s["minimum_monthly_spend"]) if s["minimum_monthly_spend"] else "—", refund,
                         _e((s.get("gift") or {}).get("zh") or "—"), money(s["prestore_total"])])
        head = ("预存回馈方案", "成员数", "每户预存", "月返还 × 月数", "自由话费", "月保底消费", "清退", "赠品", "预存合计")
        out.append("<h3>预存回馈</h3>" + _table(head, rows, 1))
    if q.get("schedule"):
        rows = []
        for first, last, m in _collapse(q["schedule"]):
            span = f"第 {first} 月" if first == last else f"第 {first}–{last} 月"
            one_off = str(Decimal(m["one_off"]) + Decimal(m["installation"]))
            rows.append([span] + [_dash(v) for v in (m["recurring"], one_off, m["prestore"], m["free_credit"],
                                                      m["rebate"], m["minimum_spend"], m["due"], m["net"])])
        head = ("月份", "月费", "一次性及安装", "预存款", "赠送话费", "月返还", "保底消费", "当月应缴", "返还后净支出")
        out.append("<h3>逐月费用计划 (相同月份合并显示)</h3>" + _table(head, rows, 1))
    return "".join(out)


def proposal_html(content: ProposalContent, *, branding: Branding | None = None, font: Path | None = None) -> str:
    """The whole proposal as one HTML document (CSS inline, font by ``file://`` URL)."""
    b = branding if branding is not None else load_branding()
    c, q = content, content.quote
    logo = f"<img src='{_e(b.logo.resolve().as_uri())}' alt=''>" if b.logo is not None else ""
    contact = "  ·  ".join(x for x in (b.address, f"服务热线 {b.hotline}" if b.hotline else None, b.website) if x)
    footer = f"{b.short_name}{' ' + b.department if b.department else ''}  ·  方案编号 {c.number}"
    sections: list[str] = []

    def section(title: str, body: str) -> None:
        sections.append(f"<h2><span>{CN_NUMBERS[len(sections)]}、</span>{_e(title)}</h2>{body}")

    section("需求分析", "<ul>" + "".join(f"<li>{_e(n)}</li>" for n in c.needs) + "</ul>" if c.needs
            else "<p class='muted'>本次拜访未记录具体需求。</p>")
    section("解决方案", _solution(c))
    section("报价明细", _prices(q))
    extras = _money_sections(q)
    if extras:
        section("赠送、预存回馈与费用计划", extras)
    authority = q.get("authority") or {}
    text = f"<p>{_e(c.approval or '本方案优惠在审批权限以内, 无需另行审批。')}</p>"
    if (authority.get("label") or {}).get("zh"):
        text += (f"<p><span class='muted'>折扣权限</span>  {_e(authority['label']['zh'])}"
                 f"<span class='muted'> · {_e((authority.get('why') or {}).get('zh') or '')}</span></p>")
    section("审批状态", f"<div class='approval'><div class='badge'>{_e(c.state_label)}</div>"
                    f"<div class='text'>{text}</div></div>")
    section("合作条款", "<table class='grid'><tbody>" + "".join(
        f"<tr><td style='width:24mm'><span style='color:{b.accent}'>{i}.</span> {_e(t.heading)}</td>"
        f"<td>{_e(t.text)}</td></tr>" for i, t in enumerate(c.terms, 1)) + "</tbody></table>")
    m = c.manager
    reach = "".join(f"<td style='width:{w}%'><span class='muted'>{k}</span><br>{v}</td>" for (k, v), w in zip((
        ("客户经理", _e(m.name) + (f"  <span class='muted'>{_e(m.title)}</span>" if m.title else "")),
        ("电话", _e(m.phone or "—")), ("邮箱", _e(m.email or "—")), ("服务热线", _e(b.hotline or "—")),
        ("所属团队", _e(c.team or "—"))), (22, 15, 22, 15, 26), strict=True))

    def side(party: str, name: str) -> str:
        return (f"<td><div class='who'>{party}<br>{_e(name)}</div><div class='line'>授权代表签字</div>"
                "<div class='stamp'>盖章</div><div class='line' style='height:8mm'>日期        年      月      日</div></td>")

    signature = (f"<div class='sign'><h2><span>{CN_NUMBERS[len(sections)]}、</span>联系与签署</h2>"
                 "<p class='muted'>如对本方案有任何疑问, 欢迎随时联系您的客户经理。</p>"
                 f"<table class='contact'><tr>{reach}</tr></table><table><tr>"
                 f"{side('甲方 (客户)', c.customer_name)}<td style='width:4%'></td>"
                 f"{side('乙方 (服务提供方)', b.company_zh)}</tr></table></div>")
    band = "".join(f"<td>{k}<br><b>{_e(v)}</b></td>" for k, v in (
        ("方案编号", c.number), ("编制日期", f"{c.issued_on:%Y 年 %m 月 %d 日}"),
        ("有效期至", f"{c.valid_until:%Y 年 %m 月 %d 日}"), ("审批状态", c.state_label)))
    illustrative = ("<p class='note'>示例价格 (illustrative prices): 本方案价格取自示例目录, 仅供演示, 非正式资费。</p>"
                    if q.get("illustrative") else "")
    font_url = (font or font_file()).resolve().as_uri()
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(c.title)}</title>
<style>{_css(b, font_url, footer)}</style></head><body>
<div class="letterhead">{logo}<div class="left"><div class="company">{_e(b.company_zh)}</div>
<div class="small-muted">{_e(b.company_en)}</div></div>
<div class="right"><div class="dept">{_e(b.department or "")}</div><div class="small-muted">{_e(contact)}</div></div></div>
<div class="kicker">方案建议书  ·  PROPOSAL</div>
<h1>{_e(c.title)}</h1>
<table class="band"><tr>{band}</tr></table>{illustrative}
<div style="height:4mm"></div>{_parties(c)}
{"".join(sections)}
{signature}
</body></html>"""


def render_weasyprint(content: ProposalContent, *, branding: Branding | None = None) -> bytes:
    """The baseline's whole path: content -> HTML -> PDF bytes."""
    weasyprint = require_weasyprint()
    pdf: bytes = weasyprint.HTML(string=proposal_html(content, branding=branding)).write_pdf()
    return pdf
