"""A newcomer's first hour (issue 14's "done when"): import the sample sheet shipped in
docs/examples, meet exactly its deliberate mistakes, fix them in the error report, import that
again, log a visit, and send the lead a weekly report that LibreOffice opens."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.libreoffice import convert, soffice  # noqa: F401 - soffice is a fixture
from tests.services.export_store import column_widths
from tests.ui.importing.sample import SAMPLE, make_sample, read_rows, rewrite
from tests.ui.importing.test_import_dialog import imported, opened
from workbench.services import contacts, search, visits
from workbench.services.customers import customer_rows
from workbench.services.exports_xlsx import VISIT_HEADERS, text_width
from workbench.services.importing_report import ERRORS_HEADER
from workbench.services.search import Filters
from workbench.ui.env import UiEnv
from workbench.ui.importing.state import NEW, UNCHANGED
from workbench.ui.importing.weekly_dialog import WeeklyExportDialog


def test_the_shipped_sample_is_what_its_script_writes(tmp_path: Path) -> None:
    again = make_sample().write(tmp_path / "again.xlsx")
    assert read_rows(again) == read_rows(SAMPLE)


def test_import_fix_reimport_and_send_the_weekly_report(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
                                                        soffice: str) -> None:  # noqa: F811
    mistakes = make_sample().MISTAKES
    # 1. The sheet as it came: the four mistakes, nothing else; the rest goes in.
    dialog = opened(qtbot, ui_env, SAMPLE)
    assert [(e.row, e.header, e.value) for e in dialog.error_model.errors] == [
        (row, header, wrong) for row, (header, wrong, _fix) in sorted(mistakes.items())]
    first = imported(qtbot, dialog)
    assert (first.customers_created, first.contacts_created) == (16, 18)

    # 2. The error report: the sheet as it was, each mistake's message beside its row.
    with qtbot.waitSignal(dialog.report_written, timeout=30_000) as got:
        dialog.write_report(tmp_path / "报告.xlsx")
    rows = read_rows(got.args[0])
    headers = rows[0]
    assert headers[-1] == ERRORS_HEADER
    flagged = {n + 1: r[-1] for n, r in enumerate(rows) if n and r[-1]}
    assert sorted(flagged) == sorted(mistakes)
    assert "未知行业" in flagged[20] and "校验位" in flagged[21] and "11位" in flagged[22] and "整数" in flagged[23]
    widths = column_widths(got.args[0], 1)  # readable as it opens: no ### dates, no cut-off names
    longest = max(text_width(str(r[0])) for r in rows)
    assert widths[0] >= longest and widths[headers.index("竞争对手合同到期")] >= 10
    assert widths[len(headers) - 1] > 60  # the errors column (xlsxwriter adds its padding)

    # 3. The newcomer fixes the red cells in the report and saves it.
    for row, (header, wrong, fix) in mistakes.items():
        column = headers.index(header)
        assert rows[row - 1][column] == wrong
        rows[row - 1][column] = fix
    fixed = rewrite(got.args[0], rows, tmp_path / "报告-改好.xlsx")

    # 4. Imported again: the four rows are new, the rest already in, nothing refused.
    dialog.close()
    again = opened(qtbot, ui_env, fixed)
    assert again.error_model.errors == ()
    statuses = again.state.status
    assert {statuses[r] for r in mistakes} == {NEW}
    assert {s for r, s in statuses.items() if r not in mistakes} == {UNCHANGED}
    second = imported(qtbot, again)
    assert (second.customers_created, second.customers_updated, second.contacts_created) == (4, 0, 4)
    nums = search.matching_nums(ui_env.ctx, query="", filters=Filters())
    assert len(nums) == 20  # every customer of the 22 rows, once (two have two contacts)
    by_name = {r.name: r for r in customer_rows(ui_env.ctx, nums=nums)}
    assert by_name["杭州云栖物流科技有限公司"].industry_code == "logistics"
    assert by_name["杭州丰收餐饮管理有限公司"].industry_code == "other"

    # 5. A visit, and the weekly report for the lead, opened by LibreOffice.
    bank = by_name["中国银行杭州西湖支行"].id
    met = [c.id for c in contacts.list_contacts(ui_env.ctx, customer_id=bank)]
    assert len(met) == 2
    visits.log_visit(ui_env.ctx, customer_id=bank, values={
        "occurred_at": datetime(2026, 11, 24, 14, 0), "kind": "onsite", "contact_ids": met,
        "spin_situation": "支行有三个网点,专线由他网提供", "outcome": "同意做专线方案"})
    weekly = WeeklyExportDialog(ui_env)
    qtbot.addWidget(weekly)
    weekly.week.setDate(QDate(2026, 11, 24))
    weekly.path.setText(str(tmp_path / "周报.xlsx"))
    with qtbot.waitSignal(weekly.exported, timeout=30_000) as sent:
        weekly.export_button.click()
    book = convert(soffice, sent.args[0], tmp_path / "csv", tmp_path / "lo-profile")
    lines = book["拜访明细"]
    assert tuple(lines[0]) == VISIT_HEADERS and len(lines) == 2
    row = dict(zip(VISIT_HEADERS, lines[1], strict=True))
    assert (row["日期"], row["时间"], row["客户名称"], row["行业"]) == ("2026-11-24", "14:00", "中国银行杭州西湖支行", "银行")
    assert set(row["会见联系人"].split("、")) == {"王丽华(行长)", "刘洋(科技部经理)"}
    assert row["背景问题"] == "支行有三个网点,专线由他网提供"
