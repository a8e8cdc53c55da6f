"""The docs/examples sample sheet and helpers of the import-dialog tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import python_calamine as pc
import xlsxwriter

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "docs" / "examples" / "sample-customers.xlsx"


def make_sample() -> ModuleType:
    """docs/examples/make_sample.py as a module (its ROWS, MISTAKES and write())."""
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "docs" / "examples" / "make_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_rows(path: Path, sheet: int = 0) -> list[list[Any]]:
    with pc.CalamineWorkbook.from_path(str(path)) as book:
        return [list(r) for r in book.get_sheet_by_index(sheet).to_python(skip_empty_area=False)]


def rewrite(path: Path, rows: list[list[Any]], out: Path) -> Path:
    """``rows`` saved as a one-sheet .xlsx, as a spreadsheet program saves what the user typed."""
    book = xlsxwriter.Workbook(str(out), {"strings_to_numbers": False})
    ws = book.add_worksheet("客户清单")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if hasattr(value, "year"):
                ws.write_datetime(r, c, value, day)
            elif value not in (None, ""):
                ws.write(r, c, value)
    book.close()
    return out
