"""The import's error report as an .xlsx (xlsxwriter): the user's own sheet, every row where it
was (so row numbers match the original), the refused cells filled red, and a last column
"错误 / Errors" beside each refused row; a second sheet lists every error one per line.

The user fixes the cells in this file and imports it again: the added column is not mapped,
and the rows already imported come back as unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from workbench.services.importing_columns import show
from workbench.services.importing_plan import ImportPreview, RowError
from workbench.services.importing_read import Sheet, column_letter

ERRORS_HEADER = "错误 / Errors"
LIST_SHEET = "错误列表 Errors"
LIST_HEADERS = ("行 Row", "列 Column", "表头 Header", "值 Value", "错误", "Error")


def _message(e: RowError) -> str:
    where = f"{e.header}({e.column})" if e.column else e.header
    return f"{where}: {e.zh} / {e.en}"


def write_error_report(sheet: Sheet, preview: ImportPreview, out: str | Path) -> Path:
    """Write the report to ``out`` (overwritten); returns its path."""
    import xlsxwriter

    out = Path(out)
    by_row: dict[int, list[RowError]] = defaultdict(list)
    for e in preview.errors:
        by_row[e.row].append(e)
    book = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                                          "strings_to_numbers": False})
    try:
        bold = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
        bad = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        wrap = book.add_format({"text_wrap": True, "font_color": "#9C0006", "valign": "top"})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        data = book.add_worksheet(_sheet_title(sheet.name or "数据 Data"))
        width = sheet.width
        for r, row in enumerate(sheet.rows):
            marked = {e.column for e in by_row.get(r + 1, ())}
            for c, cell in enumerate(row):
                fmt = bold if r == sheet.header_index else bad if column_letter(c) in marked else None
                _write(data, r, c, cell, fmt, day, stamp)
            if r == sheet.header_index:
                data.write_string(r, width, ERRORS_HEADER, bold)
            elif r + 1 in by_row:
                data.write_string(r, width, "\n".join(_message(e) for e in by_row[r + 1]), wrap)
        data.freeze_panes(sheet.header_index + 1, 0)
        for c, chars in enumerate(_widths(sheet)):
            data.set_column(c, c, chars)
        data.set_column(width, width, 60)
        listing = book.add_worksheet(LIST_SHEET)
        listing.write_row(0, 0, LIST_HEADERS, bold)
        for n, e in enumerate(preview.errors, 1):
            listing.write_number(n, 0, e.row)
            for c, text in enumerate((e.column, e.header, e.value, e.zh, e.en), 1):
                listing.write_string(n, c, text)
        listing.freeze_panes(1, 0)
        listing.set_column(1, 3, 16)
        listing.set_column(4, 5, 48)
    finally:
        book.close()
    return out


def _widths(sheet: Sheet, sample: int = 2000) -> list[int]:
    """Column widths (in characters) that fit the header and the first rows, CJK counting two;
    dates and numbers are never shown as ###."""
    from workbench.services.exports_xlsx import text_width

    out = []
    for c in range(sheet.width):
        cells = [row[c] for row in sheet.rows[:sample]]
        widest = max((10 if isinstance(v, (date, datetime)) else text_width(show(v)) for v in cells), default=0)
        out.append(min(max(widest + 2, 6), 50))
    return out


def _sheet_title(name: str) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")
    return (clean or "数据 Data")[:31]


def _write(ws: Any, r: int, c: int, cell: Any, fmt: Any, day: Any, stamp: Any) -> None:
    if cell is None or cell == "":
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
        return
    if isinstance(cell, bool):
        ws.write_boolean(r, c, cell, fmt)
    elif isinstance(cell, (int, float)):
        ws.write_number(r, c, cell, fmt)
    elif isinstance(cell, datetime):
        ws.write_datetime(r, c, cell, fmt or stamp)
    elif isinstance(cell, date):
        ws.write_datetime(r, c, datetime(cell.year, cell.month, cell.day), fmt or day)
    elif isinstance(cell, (time, timedelta)):
        ws.write_string(r, c, show(cell), fmt)
    else:
        ws.write_string(r, c, str(cell), fmt)
