"""The weekly report's .xlsx opened by LibreOffice headless (the program a lead may use):
the same Chinese text, dates and amounts come back, as shown and as values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.libreoffice import convert, run, soffice  # noqa: F401 - soffice is a fixture
from tests.services.export_store import BANK, HOSPITAL, MONDAY, PORT, TODAY, build_week
from workbench.services import exports
from workbench.services.exports_xlsx import VISIT_HEADERS
from workbench.store.engine import Store

pytestmark = pytest.mark.slow


def test_libreoffice_reads_back_the_weekly_report(soffice: str, store: Store, tmp_path: Path) -> None:  # noqa: F811
    week = build_week(store)
    report = exports.weekly_report(week.me, week_of=MONDAY, owner_id=None, today=TODAY)
    path = exports.write_weekly_xlsx(report, tmp_path / "周报.xlsx")
    profile = tmp_path / "lo-profile"
    shown = convert(soffice, path, tmp_path / "shown", profile)
    assert sorted(shown) == sorted(["汇总", "拜访明细", "阶段变化", "逾期跟进"])  # one CSV per sheet
    visits = shown["拜访明细"]
    assert tuple(visits[0]) == VISIT_HEADERS
    rows = [dict(zip(VISIT_HEADERS, r, strict=True)) for r in visits[1:]]
    assert [(r["日期"], r["时间"], r["客户经理"], r["客户名称"]) for r in rows] == [
        ("2026-11-24", "10:30", "李明", HOSPITAL), ("2026-11-26", "15:00", "李明", BANK),
        ("2026-11-27", "09:00", "王芳", HOSPITAL), ("2026-11-29", "23:30", "王芳", PORT)]
    first = rows[0]
    assert (first["行业"], first["拜访方式"], first["会见联系人"]) == ("医院", "上门拜访", "张主任(信息科主任)、李工")
    assert first["暗示问题"] == "远程会诊常被打断,患者投诉" and first["跟进日期"] == "2026-11-27"
    summary = {r[0]: r for r in shown["汇总"] if r and r[0]}
    assert summary["拜访周报 2026-11-23 至 2026-11-29"]
    assert summary["已中标"][1:4] == ["1", "580.00", "6,960.00"]  # two decimals, as formatted
    assert summary["合计"][1:9] == ["0", "1", "0", "1", "1", "0", "1", "4"]
    overdue = shown["逾期跟进"]
    assert overdue[1][:5] == [BANK, "李明", "2026-11-22", "2026-11-25", "6"]

    # The values beneath: numbers are numbers (no thousands separator, no padding), times are times.
    raw = convert(soffice, path, tmp_path / "raw", profile, as_shown=False)
    assert {r[0]: r for r in raw["汇总"] if r and r[0]}["已中标"][1:4] == ["1", "580", "6960"]
    assert re.fullmatch(r"10:30:00( AM)?", raw["拜访明细"][1][1])
    # and dates are dates: LibreOffice's own file says so, cell by cell
    run(soffice, path, "fods", tmp_path / "fods", profile)
    xml = (tmp_path / "fods" / "周报.fods").read_text(encoding="utf-8")
    assert 'office:value-type="date" office:date-value="2026-11-24"' in xml
    assert 'office:value-type="float" office:value="6960"' in xml
