"""Import files: CSV encodings, bad files with a clear message, limits, formulas, merged cells,
dates, the error report read back with python-calamine, and one 10,000-row sheet."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import python_calamine as pc
import xlsxwriter

from tests.services.import_sheets import HEADERS, codes, write_csv, write_xlsx
from workbench.services import importing, importing_read
from workbench.services.context import Context

ROWS = [["甲公司", "", "银行", "杭州", "", "张三", "经理", "13812345678"],
        ["乙公司", "", "政府", "宁波", "", "李四", "", "1381234"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_csv_in_every_encoding(tmp_path: Path, ctx: Context, encoding: str) -> None:
    path = write_csv(tmp_path / "in.csv", ROWS, encoding=encoding)
    sheet = importing.read_sheet(path)
    assert sheet.headers == HEADERS and sheet.rows[1][0] == "甲公司"
    preview = importing.preview_import(ctx, sheet)
    assert [(e.row, e.header) for e in preview.errors] == [(3, "手机")]
    assert importing.commit_import(ctx, preview).customers_created == 1


def _refused(path: Path) -> importing.ImportFileError:
    with pytest.raises(importing.ImportFileError) as info:
        importing.read_sheet(path)
    assert info.value.zh and info.value.en
    return info.value


def test_bad_files_get_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    assert "不支持" in _refused(tmp_path / "a.pdf").zh
    (tmp_path / "b.xlsx").write_bytes(b"this is no spreadsheet at all")
    assert "不是有效的表格" in _refused(tmp_path / "b.xlsx").zh
    (tmp_path / "c.xlsx").write_bytes(b"PK\x03\x04broken zip")
    assert "不是有效的表格" in _refused(tmp_path / "c.xlsx").zh
    # an encrypted OOXML file is an OLE compound file, not a zip
    (tmp_path / "d.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    assert "密码" in _refused(tmp_path / "d.xlsx").zh
    (tmp_path / "e.csv").write_bytes(b"")
    assert "空" in _refused(tmp_path / "e.csv").zh
    (tmp_path / "f.csv").write_bytes(b"\x00\x01\x02binary")
    assert "不是文本" in _refused(tmp_path / "f.csv").zh
    assert "无法打开" in _refused(tmp_path / "missing.xlsx").zh
    write_xlsx(tmp_path / "g.xlsx", [], headers=[])
    assert "没有数据" in _refused(tmp_path / "g.xlsx").zh


def test_too_many_rows_are_refused_before_loading(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "big.xlsx"))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["名称", "行业"])
    ws.write(999_999, 0, "最后一行")  # a 1,000,000-row sheet (its dimension says so)
    book.close()
    error = _refused(tmp_path / "big.xlsx")
    assert "1,000,000" in error.zh and f"{importing.MAX_ROWS:,}" in error.en
    lines = "名称,行业\n" + "甲,银行\n" * (importing.MAX_ROWS + 5)
    (tmp_path / "big.csv").write_text(lines, encoding="utf-8")
    assert "上限" in _refused(tmp_path / "big.csv").zh


def test_merged_header_refused_merged_data_filled(tmp_path: Path, ctx: Context) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "h.xlsx"))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["名称", "行业"])
    ws.merge_range(0, 2, 0, 3, "联系人")
    book.close()
    assert "合并" in _refused(tmp_path / "h.xlsx").zh
    book = xlsxwriter.Workbook(str(tmp_path / "d.xlsx"))
    ws = book.add_worksheet()
    ws.merge_range(0, 0, 0, 2, "客户名单")  # a title above the headers is fine
    ws.write_row(1, 0, ["客户名称", "行业", "联系人"])
    ws.merge_range(2, 0, 3, 0, "甲公司")  # one customer over its two contacts
    ws.merge_range(2, 1, 3, 1, "银行")
    ws.write(2, 2, "张三")
    ws.write(3, 2, "李四")
    book.close()
    preview = importing.preview_import(ctx, importing.read_sheet(tmp_path / "d.xlsx"))
    assert preview.errors == () and len(preview.customers) == 1 and len(preview.customers[0].contacts) == 2


def test_formulas_dates_and_long_numbers(tmp_path: Path, ctx: Context) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "f.xlsx"))
    ws = book.add_worksheet()
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["名称", "行业", "合同到期", "联系人", "生日", "统一社会信用代码"])
    ws.write_row(1, 0, ["甲", "银行", "2025/3/5", "张三", "1980年2月29日"])
    ws.write_formula(2, 0, '="乙"&"公司"', None, "乙公司")
    ws.write_row(2, 1, ["银行"])
    ws.write_row(3, 0, ["丙", "银行", "2025-02-30"])
    ws.write_row(4, 0, ["丁", "银行"])
    ws.write_datetime(4, 2, datetime.datetime(2026, 1, 31), day)
    ws.write_row(5, 0, ["戊", "银行", "", "", "", 911101080000000000])  # 18 digits as a number
    ws.write_row(6, 0, ["己", "银行", "", "王五", "明年"])
    book.close()
    preview = importing.preview_import(ctx, importing.read_sheet(tmp_path / "f.xlsx"))
    errors = {(e.row, e.header): e for e in preview.errors}
    assert set(errors) == {(3, "名称"), (4, "合同到期"), (6, "统一社会信用代码"), (7, "生日")}
    assert "公式" in errors[(3, "名称")].zh and "formula" in errors[(3, "名称")].en
    assert "15" in errors[(6, "统一社会信用代码")].zh
    plans = {p.name: p for p in preview.customers}
    assert plans["甲"].values["competitor_contract_end"] == datetime.date(2025, 3, 5)
    assert plans["甲"].contacts[0].values["birthday"] == datetime.date(1980, 2, 29)
    assert plans["丁"].values["competitor_contract_end"] == datetime.date(2026, 1, 31)


def test_error_report_beside_the_rows(tmp_path: Path, ctx: Context) -> None:
    path = write_xlsx(tmp_path / "in.xlsx", ROWS, above=[["标题"]])
    sheet = importing.read_sheet(path)
    preview = importing.preview_import(ctx, sheet)
    out = importing.write_error_report(sheet, preview, tmp_path / "errors.xlsx")
    with pc.CalamineWorkbook.from_path(str(out)) as book:
        data = book.get_sheet_by_index(0).to_python()
        listing = book.get_sheet_by_index(1).to_python()
    assert data[0][0] == "标题" and data[1][-1] == "错误 / Errors"  # rows where they were
    assert data[2][-1] == "" and "手机(H)" in data[3][-1] and "电话号码无效" in data[3][-1]
    assert "Invalid phone number" in data[3][-1] and data[3][7] == "1381234"
    assert listing[1][:4] == [4.0, "H", "手机", "1381234"]
    # the user fixes the cell in the report and imports it again: only the fixed row is new
    book = xlsxwriter.Workbook(str(tmp_path / "fixed.xlsx"))
    ws = book.add_worksheet()
    for r, row in enumerate(data):
        ws.write_row(r, 0, ["13812345679" if (r, c) == (3, 7) else v for c, v in enumerate(row)])
    book.close()
    importing.commit_import(ctx, preview)
    again = importing.preview_import(ctx, importing.read_sheet(tmp_path / "fixed.xlsx"))
    assert again.errors == () and again.counts()["customers_new"] == 1 and again.counts()["customers_unchanged"] == 1


def test_ten_thousand_rows(tmp_path: Path, ctx: Context) -> None:
    n = 10_000
    cc = codes(n)
    rows = [[f"公司{i}", cc[i], "银行", "杭州", "", f"联系人{i}", "", 13800000000.0 + i] for i in range(n)]
    rows[5000][7] = "bad"
    sheet = importing.read_sheet(write_xlsx(tmp_path / "big.xlsx", rows))
    preview = importing.preview_import(ctx, sheet)
    assert preview.rows_read == n and [e.row for e in preview.errors] == [5002]
    assert preview.counts()["customers_new"] == n - 1
    assert importing_read.MAX_ROWS >= 100_000
