"""File ▸ Import…: the dialog over the docs/examples sample sheet and bad files (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.import_sheets import codes, write_xlsx
from tests.ui.importing.sample import SAMPLE, make_sample, read_rows
from workbench.services import search
from workbench.services.search import Filters
from workbench.ui.env import UiEnv
from workbench.ui.importing import files
from workbench.ui.importing.dialog import ImportDialog
from workbench.ui.importing.models import BAD_CELL, FIRST_CELL
from workbench.ui.importing.state import ERROR, NEW, UNCHANGED, UPDATE


def opened(qtbot: QtBot, env: UiEnv, path: Path) -> ImportDialog:
    dialog = ImportDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=30_000):
        dialog.open_path(path)
    return dialog


def imported(qtbot: QtBot, dialog: ImportDialog) -> object:
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as got, qtbot.waitSignal(dialog.previewed, timeout=30_000):
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
    return got.args[0]


def cell(dialog: ImportDialog, number: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = dialog.preview_model
    position = model.position_of(number)
    assert position is not None
    return model.index(position, column).data(role)


def test_the_sample_sheet_shows_its_four_mistakes_marked_and_the_rest_as_new(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = opened(qtbot, ui_env, SAMPLE)
    mistakes = make_sample().MISTAKES
    errors = dialog.error_model.errors
    assert [(e.row, e.header, e.value) for e in errors] == [(r, h, v) for r, (h, v, _fix) in sorted(mistakes.items())]
    headers = dialog.state.sheet.headers
    for e in errors:  # the refused cell is painted and says why; its row says Error
        column = FIRST_CELL + headers.index(e.header)
        assert cell(dialog, e.row, column) == e.value
        assert cell(dialog, e.row, column, Qt.ItemDataRole.BackgroundRole) == BAD_CELL
        assert cell(dialog, e.row, column, Qt.ItemDataRole.ToolTipRole) == e.en
        assert cell(dialog, e.row, 1) == "Error"
    assert dialog.state.status[2] == NEW and cell(dialog, 2, 1) == "New"
    assert cell(dialog, 2, FIRST_CELL + 1, Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.error_model.index(0, 4).data() == errors[0].en
    assert "22 rows read: 16 new customers" in dialog.summary.text()
    assert "4 rows with errors (4 errors)" in dialog.summary.text()
    assert dialog.tabs.tabText(1) == "Errors (4)"
    assert dialog.import_button.text() == "&Import 16 customers"
    dialog.only_errors.setChecked(True)
    assert dialog.preview_model.rowCount() == 4
    dialog.error_view.clicked.emit(dialog.error_model.index(2, 0))  # an error leads to its row
    assert dialog.preview_view.currentIndex().row() == dialog.preview_model.position_of(22)
    # the guessed mapping, one combo per column
    assert [c.currentData() for c in dialog.mapping_table.combos][:4] == ["name", "short_name", "credit_code",
                                                                          "industry"]


def test_importing_writes_the_valid_rows_and_the_customer_list_refreshes(qtbot: QtBot, ui_env: UiEnv) -> None:
    from workbench.ui.customers.view import CustomersPage

    page = CustomersPage(ui_env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not ui_env.runner.loading(page.model, "search"), timeout=10_000)
    assert page.model.rowCount() == 0
    dialog = opened(qtbot, ui_env, SAMPLE)
    with qtbot.waitSignal(page.model.loaded, timeout=30_000):  # the bus told the list
        result = imported(qtbot, dialog)
    assert (result.customers_created, result.contacts_created) == (16, 18)
    assert page.model.rowCount() == 16
    assert page.count.text() == "16 customers"
    assert "Imported: 16 new customers, 0 updated; 18 new contacts" in dialog.message.text()
    # checked again: the imported rows are unchanged now, the four mistakes still there
    assert dialog.state.status[2] == UNCHANGED and dialog.state.status[20] == ERROR
    assert not dialog.import_button.isEnabled()
    assert len(search.matching_nums(ui_env.ctx, query="中国银行", filters=Filters())) == 1


def test_a_column_taken_away_or_given_back_checks_the_rows_again(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = opened(qtbot, ui_env, SAMPLE)
    headcount = dialog.state.sheet.headers.index("员工数")
    with qtbot.waitSignal(dialog.previewed, timeout=30_000):
        dialog.mapping_table.combos[headcount].setCurrentIndex(0)  # (not imported)
    assert {e.header for e in dialog.error_model.errors} == {"行业", "统一社会信用代码", "手机"}
    with qtbot.waitSignal(dialog.previewed, timeout=30_000):
        dialog.mapping_table.combos[0].setCurrentIndex(0)  # no customer name any more
    assert "no column gives the customer name" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    name = dialog.mapping_table.combos[1].findData("name")
    with qtbot.waitSignal(dialog.previewed, timeout=30_000):
        dialog.mapping_table.combos[1].setCurrentIndex(name)  # the short name column as the name
    assert not dialog.message.isVisible()
    assert dialog.state.preview.mapping.targets[:2] == (None, "name")
    assert dialog.import_button.isEnabled()


def test_the_error_report_is_written_beside_the_sheet(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = opened(qtbot, ui_env, SAMPLE)
    out = tmp_path / "报告"
    asked: list[Path] = []
    monkeypatch.setattr(files, "ask_save_path", lambda _p, _t, suggested, _f: asked.append(suggested) or out)
    with qtbot.waitSignal(dialog.report_written, timeout=30_000) as got:
        dialog.report_button.click()
    assert asked == [SAMPLE.with_name("sample-customers-errors.xlsx")]
    assert got.args[0] == tmp_path / "报告.xlsx"
    rows = read_rows(got.args[0])
    assert rows[0][-1] == "错误 / Errors"
    assert "餐饮" in rows[19][-1] and rows[1][-1] == ""
    assert "The error report is written to" in dialog.message.text()


@pytest.mark.parametrize(("name", "content", "words"), [
    ("客户.xlsx", b"just some text, not a workbook", "this is not a valid spreadsheet"),
    ("加密.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected"),
    ("客户.txt", b"name\n", "unsupported file type"),
    ("空.csv", b"", "the file is empty"),
])
def test_a_file_that_cannot_be_imported_is_said_in_the_dialog(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
                                                               name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    dialog = ImportDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.refused, timeout=30_000) as got:
        dialog.open_path(path)
    assert got.args[0].startswith("This file cannot be imported: ")
    assert words in dialog.message.text()
    assert dialog.message.isVisible()
    assert dialog.state is None and not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()  # choose another


def test_merged_header_cells_are_said(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path) -> None:
    path = tmp_path / "合并.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.merge_range(0, 0, 0, 1, "客户名称")
    ws.write_row(0, 2, ["行业", "手机"])
    ws.write_row(1, 0, ["某单位", "", "银行", "13805710001"])
    book.close()
    dialog = ImportDialog(ui_env)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.refused, timeout=30_000):
        dialog.open_path(path)
    assert "merged cells (A1:B1)" in dialog.message.text()


def test_a_big_sheet_shows_progress_and_stops_when_asked(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path) -> None:
    n = 6000
    path = write_xlsx(tmp_path / "大.xlsx", [(f"单位{i}", code, "银行", "西湖区", "", f"联系人{i}", "", "")
                                             for i, code in enumerate(codes(n))])
    dialog = ImportDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.refused, timeout=30_000):
        op = dialog.open_path(path)
        assert dialog.progress.isVisible() and dialog.stop_button.isVisible()
        dialog.stop_button.click()
    assert op.cancelled
    assert "Stopped" in dialog.message.text()
    assert not dialog.progress.isVisible()
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        op = dialog.open_path(path)
        op.progressed.connect(lambda done, total, _l: seen.append((done, total)))
    assert seen and seen[-1] == (n, n) and all(total == n for _d, total in seen)
    assert dialog.import_button.text() == f"&Import {n} customers"


def test_an_error_report_that_cannot_be_written_is_said(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path) -> None:
    dialog = opened(qtbot, ui_env, SAMPLE)
    (tmp_path / "报告.xlsx").mkdir()  # the name is taken by a folder
    with qtbot.waitSignal(dialog.message_shown, timeout=30_000):
        dialog.write_report(tmp_path / "报告.xlsx")
    assert dialog.message.text() == "The error report could not be written: Is a directory"
    assert dialog.report_button.isEnabled()


def test_the_dialog_in_chinese_renders_with_the_bundled_font(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
                                                             qapp, english_after: None) -> None:  # noqa: ANN001
    import os

    from workbench.ui import i18n
    from workbench.ui.fonts import apply_app_font, missing_glyphs

    font = qapp.font()
    try:
        apply_app_font(qapp)
        i18n.install("zh_CN")
        dialog = opened(qtbot, ui_env, SAMPLE)
        assert dialog.windowTitle() == "导入客户"
        assert dialog.import_button.text() == "导入 16 个客户(&I)"
        assert dialog.summary.text().startswith("已读取 22 行：新客户 16 个")
        assert dialog.tabs.tabText(1) == "错误（4）"
        assert cell(dialog, 20, 1) == "有错误" and cell(dialog, 2, 1) == "新客户"
        assert dialog.mapping_table.combos[0].currentText() == "客户名称"
        problem = dialog.error_model.index(0, 4).data()
        assert problem.startswith("未知行业")
        dialog.preview_view.scrollToBottom()  # the rows with mistakes in sight
        qapp.processEvents()
        shown = dialog.intro.text() + dialog.summary.text() + problem + "".join(
            str(dialog.preview_model.index(r, c).data()) for r in range(dialog.preview_model.rowCount())
            for c in range(dialog.preview_model.columnCount()))
        assert missing_glyphs(shown) == []
        out = Path(os.environ.get("WORKBENCH_SCREENSHOT_DIR", tmp_path)) / "import-zh.png"
        assert dialog.grab().save(str(out))
        assert out.stat().st_size > 20_000
    finally:
        qapp.setFont(font)


def _sample_with(tmp_path: Path, **changes: object) -> Path:
    """The sample sheet with the first row's cells changed (header -> value)."""
    from tests.ui.importing.sample import rewrite

    rows = read_rows(SAMPLE)
    for header, value in changes.items():
        rows[1][rows[0].index(header)] = value
    return rewrite(SAMPLE, rows, tmp_path / "changed.xlsx")


def test_stored_customers_are_offered_as_updates_and_can_be_left_alone(qtbot: QtBot, ui_env: UiEnv,
                                                                        tmp_path: Path) -> None:
    from workbench.services import customers
    from workbench.services.customers import customer_rows

    imported(qtbot, opened(qtbot, ui_env, SAMPLE))
    changed = _sample_with(tmp_path, 地址="杭州市西湖区文三路90号")
    dialog = opened(qtbot, ui_env, changed)
    assert dialog.state.status[2] == UPDATE and cell(dialog, 2, 1) == "Update"
    assert "0 new customers, 1 to update, 15 unchanged" in dialog.summary.text()
    assert dialog.import_button.text() == "&Import 1 customers"
    dialog.updates.setChecked(False)  # leave the stored customers as they are
    result = imported(qtbot, dialog)
    assert (result.customers_created, result.customers_updated) == (0, 0)
    nums = search.matching_nums(ui_env.ctx, query="西湖区人民政府办公室", filters=Filters())
    (office,) = customer_rows(ui_env.ctx, nums=nums)
    assert customers.get_customer(ui_env.ctx, customer_id=office.id).address == "杭州市西湖区文三路88号"
    dialog.updates.setChecked(True)
    result = imported(qtbot, dialog)
    assert result.customers_updated == 1
    assert customers.get_customer(ui_env.ctx, customer_id=office.id).address == "杭州市西湖区文三路90号"


def test_a_customer_changed_meanwhile_refuses_the_import_whole_and_checks_again(qtbot: QtBot, ui_env: UiEnv,
                                                                                 tmp_path: Path) -> None:
    from workbench.services import customers
    from workbench.services.customers import customer_rows

    imported(qtbot, opened(qtbot, ui_env, SAMPLE))
    dialog = opened(qtbot, ui_env, _sample_with(tmp_path, 地址="杭州市西湖区文三路90号", 员工数=130))
    assert dialog.state.status[2] == UPDATE
    nums = search.matching_nums(ui_env.ctx, query="西湖区人民政府办公室", filters=Filters())
    (office,) = customer_rows(ui_env.ctx, nums=nums)
    customers.update_customer(ui_env.ctx, customer_id=office.id, changes={"employees": 125})  # another window
    with qtbot.waitSignal(dialog.refused, timeout=30_000) as got, qtbot.waitSignal(dialog.previewed, timeout=30_000):
        dialog.import_button.click()
    assert got.args[0].startswith("Nothing was imported: a customer of this sheet was changed meanwhile")
    assert customers.get_customer(ui_env.ctx, customer_id=office.id).employees == 125  # nothing overwritten
    assert dialog.import_button.isEnabled()  # checked again: importing now is an informed choice
    result = imported(qtbot, dialog)
    assert result.customers_updated == 1
    assert customers.get_customer(ui_env.ctx, customer_id=office.id).employees == 130
