"""Helpers of the import tests: real .xlsx files (xlsxwriter) and .csv files in tmp_path."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from workbench.domain.validation import generate_credit_code

HEADERS = ("客户名称", "统一社会信用代码", "行业", "地区", "地址", "联系人", "职务", "手机")


def codes(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [generate_credit_code(rng) for _ in range(n)]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, headers: Sequence[str] = HEADERS,
               above: Sequence[Sequence[Any]] = ()) -> Path:
    """A sheet "客户": ``above`` rows (titles), the headers, then ``rows``; numbers and dates
    written as such, strings as text."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    ws = book.add_worksheet("客户")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate([*above, headers, *rows]):
        for c, value in enumerate(row):
            if hasattr(value, "year"):
                ws.write_datetime(r, c, value, day)
            elif value is not None:
                ws.write(r, c, value)
    book.close()
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8",
              headers: Sequence[str] = HEADERS) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path
