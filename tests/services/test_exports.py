"""The exports (services.exports): the weekly visit report's figures, its .xlsx read back with
python-calamine and its XML, its PDF parsed back with pypdf; the customer list as shown."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
import python_calamine as pc
from pypdf import PdfReader

from tests.services.export_store import (
    BANK,
    HOSPITAL,
    MONDAY,
    PORT,
    SUNDAY,
    TODAY,
    Week,
    build_week,
    column_widths,
    frozen_rows,
    number_format,
)
from workbench.domain.errors import NotFoundError
from workbench.services import exports
from workbench.services.exports_pdf import render_weekly_pdf
from workbench.services.exports_xlsx import NO_VISITS, VISIT_HEADERS, text_width
from workbench.services.importing import guess_mapping
from workbench.services.importing_read import read_sheet
from workbench.services.search import Filters, matching_nums
from workbench.services.users import user_context
from workbench.store.engine import Store, open_store


@pytest.fixture
def week(store: Store) -> Week:
    return build_week(store)


def sheets(path: Path) -> dict[str, list[list[object]]]:
    with pc.CalamineWorkbook.from_path(str(path)) as book:
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("day", [MONDAY, date(2026, 11, 26), SUNDAY])
def test_any_day_gives_its_monday_to_sunday(day: date) -> None:
    assert exports.week_of(day) == (MONDAY, SUNDAY)


def test_team_report_holds_the_weeks_visits_and_figures(week: Week) -> None:
    r = exports.weekly_report(week.me, week_of=date(2026, 11, 25), owner_id=None, today=TODAY)
    assert (r.week_start, r.week_end, r.scope, r.owner_id) == (MONDAY, SUNDAY, "全组", None)
    assert [(v.customer, v.occurred_at, v.manager) for v in r.visits] == [
        (HOSPITAL, datetime(2026, 11, 24, 10, 30), "李明"), (BANK, datetime(2026, 11, 26, 15), "李明"),
        (HOSPITAL, datetime(2026, 11, 27, 9), "王芳"), (PORT, datetime(2026, 11, 29, 23, 30), "王芳")]
    first = r.visits[0]
    assert (first.industry, first.kind, first.contacts) == ("医院", "上门拜访", ("张主任(信息科主任)", "李工"))
    assert (first.situation, first.need_payoff, first.next_step) == (
        "三个院区,专线两条,合同明年三月到期", "一张专网连通三院区,会诊不再中断", "安排专网演示")
    assert first.follow_up_date == date(2026, 11, 27) and r.visits[2].kind == "谈判"
    assert [(mw.name, mw.per_day) for mw in r.managers] == [("李明", (0, 1, 0, 1, 0, 0, 0)),
                                                             ("王芳", (0, 0, 0, 0, 1, 0, 1))]
    assert r.per_day == (0, 1, 0, 1, 1, 0, 1)
    assert [(mv.customer, mv.from_stage, mv.to_stage, mv.manager, mv.occurred_at) for mv in r.stage_moves] == [
        (HOSPITAL, "选择市场", "客户背景调查", "李明", datetime(2026, 11, 24, 10, 30))]
    assert r.stage_moves_to == (("客户背景调查", 1),)
    made, sent, won = r.offers
    w, late, theirs = week.won_offer, week.late_offer, week.colleague_offer
    assert (made.count, made.monthly_total, made.term_total) == (
        2, w.monthly_total + theirs.monthly_total, w.term_total + theirs.term_total)
    assert (sent.count, sent.term_total) == (2, w.term_total + late.term_total)
    assert (won.count, won.monthly_total, won.term_total) == (1, Decimal("580.00"), Decimal("6960.00"))
    assert [(f.customer, f.follow_up_date, f.days_overdue) for f in r.overdue] == [
        (BANK, date(2026, 11, 25), 6), (HOSPITAL, date(2026, 11, 27), 4), (PORT, date(2026, 11, 30), 1)]


def test_an_owners_report_counts_what_that_manager_did(week: Week) -> None:
    mine = exports.weekly_report(week.me, week_of=MONDAY, owner_id=week.me.user_id, today=TODAY)
    assert mine.scope == "李明" and [v.customer for v in mine.visits] == [HOSPITAL, BANK]
    assert [mw.name for mw in mine.managers] == ["李明"] and len(mine.stage_moves) == 1
    assert [o.count for o in mine.offers] == [1, 2, 1]
    assert [f.customer for f in mine.overdue] == [BANK, HOSPITAL]  # the manager's customers
    theirs = exports.weekly_report(week.me, week_of=MONDAY, owner_id=week.colleague.user_id, today=TODAY)
    assert [v.customer for v in theirs.visits] == [HOSPITAL, PORT]  # a visit to 李明's customer is hers
    assert [o.count for o in theirs.offers] == [1, 0, 0] and theirs.stage_moves == ()
    assert [f.customer for f in theirs.overdue] == [PORT]
    with pytest.raises(NotFoundError):
        exports.weekly_report(week.me, week_of=MONDAY, owner_id="no-such-user", today=TODAY)


def test_weekly_xlsx_reads_back_with_dates_numbers_frozen_header_and_fitting_widths(week: Week, tmp_path: Path) -> None:
    r = exports.weekly_report(week.me, week_of=MONDAY, owner_id=None, today=TODAY)
    path = exports.write_weekly_xlsx(r, tmp_path / "周报.xlsx")
    book = sheets(path)
    assert list(book) == ["汇总", "拜访明细", "阶段变化", "逾期跟进"]
    visits = book["拜访明细"]
    assert tuple(visits[0]) == VISIT_HEADERS and len(visits) == 5
    row = dict(zip(VISIT_HEADERS, visits[1], strict=True))
    assert row["日期"] == date(2026, 11, 24) and row["时间"] == time(10, 30)
    assert (row["客户名称"], row["行业"], row["拜访方式"], row["客户经理"]) == (HOSPITAL, "医院", "上门拜访", "李明")
    assert row["会见联系人"] == "张主任(信息科主任)、李工" and row["跟进日期"] == date(2026, 11, 27)
    assert row["暗示问题"] == "远程会诊常被打断,患者投诉" and row["拜访结果"] == "同意下周做演示"
    assert visits[4][0] == SUNDAY and visits[4][-1] == date(2026, 11, 30)
    assert number_format(path, 2, "A2") == "yyyy-mm-dd" and number_format(path, 2, "B2") == "hh:mm"
    assert frozen_rows(path, 2) == 1 and frozen_rows(path, 3) == 1 and frozen_rows(path, 4) == 1
    widths = column_widths(path, 2)
    name_col = VISIT_HEADERS.index("客户名称")
    assert widths[name_col] >= text_width(BANK) == 22  # CJK characters count double
    assert widths[VISIT_HEADERS.index("时间")] < widths[name_col] and max(widths.values()) <= 60
    summary = book["汇总"]
    assert summary[0][0] == "拜访周报 2026-11-23 至 2026-11-29"
    by_first = {line[0]: line for line in summary if line[0]}
    assert by_first["李明"][1:9] == [0, 1, 0, 1, 0, 0, 0, 2] and by_first["合计"][1:9] == [0, 1, 0, 1, 1, 0, 1, 4]
    assert by_first["已中标"][1:4] == [1, 580.0, 6960.0]
    won_row = next(i for i, line in enumerate(summary) if line[0] == "已中标") + 1
    assert number_format(path, 1, f"C{won_row}") == "#,##0.00" and number_format(path, 1, f"D{won_row}") == "#,##0.00"
    assert "逾期未跟进:3 项" in by_first
    overdue = book["逾期跟进"]
    assert overdue[1][:5] == [BANK, "李明", date(2026, 11, 22), date(2026, 11, 25), 6]
    moves = book["阶段变化"]
    assert moves[1][0] == datetime(2026, 11, 24, 10, 30) and moves[1][1] == HOSPITAL


def test_an_empty_week_says_so(week: Week, tmp_path: Path) -> None:
    r = exports.weekly_report(week.me, week_of=date(2026, 10, 7), owner_id=None, today=TODAY)
    assert r.visits == () and r.managers == () and r.per_day == (0,) * 7
    book = sheets(exports.write_weekly_xlsx(r, tmp_path / "empty.xlsx"))
    assert book["拜访明细"][1][0].startswith(NO_VISITS)
    assert any(line[0] == NO_VISITS for line in book["汇总"])
    assert book["阶段变化"][1][0] == "本周没有阶段变化"
    rendered = render_weekly_pdf(r)
    text = pdf_text(rendered.pdf)
    assert rendered.pages == 1 and NO_VISITS in text[0] and "第 1 页 / 共 1 页" in text[0]


def test_weekly_pdf_prints_the_chinese_names_and_page_numbers(week: Week, tmp_path: Path) -> None:
    r = exports.weekly_report(week.me, week_of=MONDAY, owner_id=None, today=TODAY)
    rendered = exports.write_weekly_pdf(r, tmp_path / "周报.pdf")
    assert (tmp_path / "周报.pdf").read_bytes() == rendered.pdf == render_weekly_pdf(r).pdf  # deterministic
    text = "".join(pdf_text(rendered.pdf))
    assert rendered.missing == () and rendered.pages == 1
    for name in (HOSPITAL, BANK, PORT, "张主任", "李明", "王芳", "拜访周报 2026-11-23 至 2026-11-29", "第 1 页"):
        assert name in text
    assert PdfReader(io.BytesIO(rendered.pdf)).pages[0].mediabox.width > 800  # landscape A4 (842 pt)


def test_a_long_week_runs_over_pages_numbered_n_of_m(demo_store_path: Path, tmp_path: Path) -> None:
    store = open_store(demo_store_path)
    try:
        r = exports.weekly_report(user_context(store), week_of=date(2026, 11, 18), owner_id=None,
                                  today=date(2026, 11, 24))
    finally:
        store.close()
    assert len(r.visits) > 30
    rendered = render_weekly_pdf(r)
    pages = pdf_text(rendered.pdf)
    assert rendered.pages == len(pages) > 1
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页 / 共 {len(pages)} 页" in text
    assert r.visits[-1].customer in pages[-1].replace("\n", "")


def test_customer_list_is_what_the_list_screen_shows(demo_store_path: Path, tmp_path: Path) -> None:
    store = open_store(demo_store_path)
    try:
        ctx = user_context(store)
        filters = Filters(industry_code="banking")
        listing = exports.customer_list(ctx, query="银行", filters=filters)
        nums = matching_nums(ctx, query="银行", filters=filters)
        everyone = exports.customer_list(ctx)
    finally:
        store.close()
    assert len(listing.rows) == len(nums) > 0 and listing.industry == "银行"
    assert all(row.industry == "银行" for row in listing.rows) and len(everyone.rows) == 400
    path = exports.write_customers_xlsx(listing, tmp_path / "客户.xlsx")
    book = sheets(path)
    rows = book["客户列表"]
    assert [r[0] for r in rows[1:]] == [c.name for c in listing.rows]
    first = listing.rows[0]
    assert rows[1][2:7] == [first.industry, first.stage, first.region, first.value_grade, first.manager]
    dated = next(i for i, c in enumerate(listing.rows, 1) if c.last_visit is not None)
    assert rows[dated][8] == listing.rows[dated - 1].last_visit
    assert number_format(path, 1, f"I{dated + 1}") == "yyyy-mm-dd" and frozen_rows(path, 1) == 1
    assert ["搜索", "银行"] in book["筛选条件"] and ["行业", "银行"] in book["筛选条件"]
    mapping = guess_mapping(read_sheet(str(path)))  # the file imports again: its headers are recognised
    assert mapping.targets[:3] == ("name", "short_name", "industry") and "region" in mapping.targets


def test_an_empty_customer_list_says_so(ctx, tmp_path: Path) -> None:  # noqa: ANN001
    listing = exports.customer_list(ctx, query="没有这个客户")
    assert listing.rows == ()
    rows = sheets(exports.write_customers_xlsx(listing, tmp_path / "none.xlsx"))["客户列表"]
    assert rows[1][0] == "没有符合条件的客户"
