"""The exports as .xlsx (xlsxwriter): Chinese headers, the header row frozen, columns as wide
as their content (a CJK character counts two), dates as real Excel dates, money as numbers
shown with two decimals.

The weekly report's sheets: 汇总 (visits per manager and per day, stage moves, offers, overdue
follow-ups), 拜访明细 (one row per visit), 阶段变化 and 逾期跟进 (one row each). The customer
list: 客户列表 (the headers the import recognises, so the file imports again) and 筛选条件.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from workbench.services.exports_model import WEEKDAYS, CustomerList, WeeklyReport

NO_VISITS = "本周没有拜访记录"
NO_ROWS = "没有符合条件的客户"
MIN_WIDTH, MAX_WIDTH, WRAP_WIDTH = 6, 60, 40  # column widths, in Excel's character units
_WRAPPED = 50  # text columns wider than this wrap at WRAP_WIDTH

VISIT_HEADERS = ("日期", "时间", "客户经理", "客户名称", "行业", "拜访方式", "会见联系人", "背景问题", "难点问题",
                 "暗示问题", "需求-效益问题", "拜访结果", "下一步", "跟进日期")
MOVE_HEADERS = ("时间", "客户名称", "原阶段", "新阶段", "原因", "客户经理")
OVERDUE_HEADERS = ("客户名称", "客户经理", "拜访日期", "跟进日期", "逾期天数", "下一步")
OFFER_HEADERS = ("方案", "数量", "月费合计(元)", "合约期总额(元)")
CUSTOMER_HEADERS = ("客户名称", "简称", "行业", "阶段", "地区", "价值等级", "客户经理", "下次跟进", "最近拜访")


def text_width(text: str) -> int:
    """Display width: CJK (wide and full-width) characters count two; the longest line."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


class _Formats:
    def __init__(self, book: Any) -> None:
        base = {"valign": "top"}
        self.header = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "border_color": "#A6B8CC",
                                       "valign": "vcenter"})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.section = book.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E79"})
        self.note = book.add_format({"italic": True, "font_color": "#66727F"})
        self.text = book.add_format(base)
        self.wrap = book.add_format({**base, "text_wrap": True})
        self.day = book.add_format({**base, "num_format": "yyyy-mm-dd"})
        self.clock = book.add_format({**base, "num_format": "hh:mm"})
        self.stamp = book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm"})
        self.money = book.add_format({**base, "num_format": "#,##0.00"})
        self.int = book.add_format({**base, "num_format": "0"})
        self.total = book.add_format({"bold": True, "top": 1, "num_format": "0"})
        self.total_money = book.add_format({"bold": True, "top": 1, "num_format": "#,##0.00"})


class _Sheet:
    """A worksheet that writes each value as its type and remembers how wide each column is."""

    def __init__(self, book: Any, name: str, fmt: _Formats) -> None:
        self.ws, self.fmt = book.add_worksheet(name), fmt
        self.widths: dict[int, int] = {}
        self.skip_width: set[int] = set()  # rows whose cells do not size their columns

    def _seen(self, r: int, c: int, width: int) -> None:
        if r not in self.skip_width:
            self.widths[c] = max(self.widths.get(c, 0), width)

    def put(self, r: int, c: int, value: Any, fmt: Any = None) -> None:
        f = self.fmt
        if value is None or value == "":
            self.ws.write_blank(r, c, None, fmt or f.text)
        elif isinstance(value, bool):
            self.ws.write_string(r, c, "是" if value else "否", fmt or f.text)
            self._seen(r, c, 2)
        elif isinstance(value, datetime):
            self.ws.write_datetime(r, c, value, fmt or f.stamp)
            self._seen(r, c, 16)
        elif isinstance(value, date):
            self.ws.write_datetime(r, c, datetime(value.year, value.month, value.day), fmt or f.day)
            self._seen(r, c, 10)
        elif isinstance(value, time):
            self.ws.write_datetime(r, c, value, fmt or f.clock)
            self._seen(r, c, 5)
        elif isinstance(value, Decimal):
            self.ws.write_number(r, c, float(value), fmt or f.money)
            self._seen(r, c, len(f"{value:,.2f}"))
        elif isinstance(value, int):
            self.ws.write_number(r, c, value, fmt or f.int)
            self._seen(r, c, len(str(value)))
        else:
            text = str(value)
            width = text_width(text)
            wrap = fmt is None and (width > _WRAPPED or "\n" in text)
            self.ws.write_string(r, c, text, f.wrap if wrap else fmt or f.text)
            self._seen(r, c, min(width, WRAP_WIDTH) if wrap else width)

    def row(self, r: int, values: Sequence[Any], fmt: Any = None, first: int = 0) -> None:
        for c, value in enumerate(values, first):
            self.put(r, c, value, fmt)

    def table_header(self, r: int, headers: Sequence[str], *, frozen: bool = False) -> None:
        self.row(r, headers, self.fmt.header)
        for c, h in enumerate(headers):
            self._seen(-1, c, text_width(h) + 2)  # room for the filter button
        if frozen:
            self.ws.freeze_panes(r + 1, 0)

    def note(self, r: int, text: str) -> None:
        """A line that does not widen its column (it runs over the empty cells beside it)."""
        self.skip_width.add(r)
        self.ws.write_string(r, 0, text, self.fmt.note)

    def finish(self) -> None:
        for c, width in self.widths.items():
            self.ws.set_column(c, c, max(MIN_WIDTH, min(MAX_WIDTH, width + 2)))


def _book(out: Path) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                                          "strings_to_numbers": False})


def write_weekly_xlsx(report: WeeklyReport, out: str | Path) -> Path:
    """Write ``report`` to ``out`` (overwritten); returns its path."""
    out = Path(out)
    book = _book(out)
    try:
        fmt = _Formats(book)
        book.set_properties({"title": report.title, "subject": f"范围:{report.scope}", "author": "Workbench"})
        sheets = [_summary(book, fmt, report), _visits(book, fmt, report), _moves(book, fmt, report),
                  _overdue(book, fmt, report)]
        for sheet in sheets:
            sheet.finish()
    finally:
        book.close()
    return out


def _summary(book: Any, fmt: _Formats, report: WeeklyReport) -> _Sheet:
    sh = _Sheet(book, "汇总", fmt)
    sh.skip_width.update({0, 1})
    sh.ws.write_string(0, 0, report.title, fmt.title)
    sh.ws.write_string(1, 0, f"范围:{report.scope}    逾期统计截至 {report.today:%Y-%m-%d}", fmt.note)
    r = 3
    sh.ws.write_string(r, 0, f"拜访:共 {len(report.visits)} 次", fmt.section)
    sh.skip_width.add(r)
    r += 1
    sh.table_header(r, ["客户经理", *(f"{w} {d:%m-%d}" for w, d in zip(WEEKDAYS, report.days, strict=True)), "合计"])
    r += 1
    if not report.managers:
        sh.note(r, NO_VISITS)
        r += 1
    for mw in report.managers:
        sh.row(r, [mw.name, *mw.per_day, mw.total])
        r += 1
    sh.row(r, ["合计", *report.per_day, len(report.visits)], fmt.total)
    r += 2
    sh.ws.write_string(r, 0, f"阶段变化:共 {len(report.stage_moves)} 次", fmt.section)
    sh.skip_width.add(r)
    r += 1
    if report.stage_moves_to:
        sh.table_header(r, ["新阶段", "次数"])
        r += 1
        for stage, n in report.stage_moves_to:
            sh.row(r, [stage, n])
            r += 1
        sh.note(r, "明细见“阶段变化”表")
    else:
        sh.note(r, "本周没有阶段变化")
    r += 2
    sh.ws.write_string(r, 0, "方案", fmt.section)
    sh.skip_width.add(r)
    r += 1
    sh.table_header(r, OFFER_HEADERS)
    r += 1
    for o in report.offers:
        sh.row(r, [o.label, o.count, o.monthly_total, o.term_total])
        r += 1
    r += 1
    sh.ws.write_string(r, 0, f"逾期未跟进:{len(report.overdue)} 项", fmt.section)
    sh.skip_width.add(r)
    r += 1
    sh.note(r, f"截至 {report.today:%Y-%m-%d} 仍未完成、跟进日期已过的拜访;明细见“逾期跟进”表" if report.overdue
            else f"截至 {report.today:%Y-%m-%d} 没有逾期的跟进")
    return sh


def _visits(book: Any, fmt: _Formats, report: WeeklyReport) -> _Sheet:
    sh = _Sheet(book, "拜访明细", fmt)
    sh.table_header(0, VISIT_HEADERS, frozen=True)
    if not report.visits:
        sh.note(1, f"{NO_VISITS}({report.week_start:%Y-%m-%d} 至 {report.week_end:%Y-%m-%d},范围:{report.scope})")
    for r, v in enumerate(report.visits, 1):
        sh.row(r, [v.occurred_at.date(), v.occurred_at.time().replace(second=0, microsecond=0), v.manager,
                   v.customer, v.industry, v.kind, "、".join(v.contacts), v.situation, v.problem, v.implication,
                   v.need_payoff, v.outcome, v.next_step, v.follow_up_date])
    if report.visits:
        sh.ws.autofilter(0, 0, len(report.visits), len(VISIT_HEADERS) - 1)
    return sh


def _moves(book: Any, fmt: _Formats, report: WeeklyReport) -> _Sheet:
    sh = _Sheet(book, "阶段变化", fmt)
    sh.table_header(0, MOVE_HEADERS, frozen=True)
    if not report.stage_moves:
        sh.note(1, "本周没有阶段变化")
    for r, mv in enumerate(report.stage_moves, 1):
        sh.row(r, [mv.occurred_at.replace(second=0, microsecond=0), mv.customer, mv.from_stage, mv.to_stage,
                   mv.reason, mv.manager])
    return sh


def _overdue(book: Any, fmt: _Formats, report: WeeklyReport) -> _Sheet:
    sh = _Sheet(book, "逾期跟进", fmt)
    sh.table_header(0, OVERDUE_HEADERS, frozen=True)
    if not report.overdue:
        sh.note(1, f"截至 {report.today:%Y-%m-%d} 没有逾期的跟进")
    for r, f in enumerate(report.overdue, 1):
        sh.row(r, [f.customer, f.manager, f.visit_date, f.follow_up_date, f.days_overdue, f.next_step])
    return sh


def write_customers_xlsx(listing: CustomerList, out: str | Path) -> Path:
    """Write ``listing`` to ``out`` (overwritten); returns its path."""
    out = Path(out)
    book = _book(out)
    try:
        fmt = _Formats(book)
        sh = _Sheet(book, "客户列表", fmt)
        sh.table_header(0, CUSTOMER_HEADERS, frozen=True)
        if not listing.rows:
            sh.note(1, NO_ROWS)
        for r, c in enumerate(listing.rows, 1):
            sh.row(r, [c.name, c.short_name, c.industry, c.stage, c.region, c.value_grade, c.manager,
                       c.next_follow_up, c.last_visit])
        if listing.rows:
            sh.ws.autofilter(0, 0, len(listing.rows), len(CUSTOMER_HEADERS) - 1)
        sh.finish()
        cond = _Sheet(book, "筛选条件", fmt)
        cond.table_header(0, ("条件", "值"), frozen=True)
        f = listing.filters
        due = f"{f.follow_up_due_on:%Y-%m-%d} 前到期" if f.follow_up_due_on else ""
        for r, pair in enumerate((("搜索", listing.query), ("行业", listing.industry), ("阶段", listing.stage),
                                  ("客户经理", listing.owner), ("跟进", due), ("客户数", len(listing.rows))), 1):
            cond.row(r, pair)
        cond.finish()
    finally:
        book.close()
    return out
