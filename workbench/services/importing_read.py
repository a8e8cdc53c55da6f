"""Reading a sheet to import: .xlsx/.xlsm/.xls/.ods with python-calamine, .csv with the
standard library (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030, a superset of GBK).

What comes back is every row as read (python-calamine's cells: integers as floats, empty
cells as ''), the header row found among the first rows, the cells holding formulas and the
merged ranges. A file that cannot be imported raises :class:`ImportFileError` with a message
in Chinese and English, never a library's traceback.

Limits (documented in the message too): at most :data:`MAX_ROWS` rows and :data:`MAX_BYTES`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from workbench.domain.errors import DomainError
from workbench.services.importing_columns import guess_columns, is_empty

MAX_ROWS = 100_000  # rows of the sheet, header included
MAX_BYTES = 200 * 1024 * 1024
HEADER_SCAN = 10  # the header row is looked for among the first rows (titles above it)
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv",)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


class ImportFileError(DomainError):
    """The file as a whole cannot be imported; ``zh`` and ``en`` say why and what to do."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en
        super().__init__(f"{zh} / {en}")


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows of one sheet as read; ``header_index`` is the 0-based row of the headers."""

    path: str
    name: str
    sheet_names: tuple[str, ...]
    rows: Sequence[list[Any]]
    header_index: int
    formulas: frozenset[tuple[int, int]] = frozenset()  # (row, column), 0-based
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(str(c).strip() for c in self.rows[self.header_index]) if self.rows else ()

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def data_count(self) -> int:
        return max(0, len(self.rows) - self.header_index - 1)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _too_many(rows: int) -> ImportFileError:
    return ImportFileError(
        f"表格有 {rows:,} 行,超过导入上限 {MAX_ROWS:,} 行:请分成几个文件分别导入",
        f"the sheet has {rows:,} rows, more than the import limit of {MAX_ROWS:,}: split it into "
        f"several files and import them one by one")


def read_sheet(path: str | Path, *, sheet_name: str | None = None) -> Sheet:
    """Read ``path`` (the first visible sheet with data unless ``sheet_name``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES + CSV_SUFFIXES:
        raise ImportFileError(f"不支持的文件类型“{path.suffix or '无扩展名'}”:请选择 .xlsx 或 .csv 表格",
                              f"unsupported file type {path.suffix or '(none)'!r}: choose an .xlsx or .csv sheet")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"无法打开文件:{exc.strerror or exc}", f"cannot open the file: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ImportFileError(f"文件有 {size // 2**20} MB,超过导入上限 {MAX_BYTES // 2**20} MB",
                              f"the file is {size // 2**20} MB, more than the import limit of {MAX_BYTES // 2**20} MB")
    if size == 0:
        raise ImportFileError("文件是空的", "the file is empty")
    if suffix in CSV_SUFFIXES:
        rows = _read_csv(path)
        return _finish(path, "", (), rows, frozenset(), ())
    return _read_workbook(path, suffix, sheet_name)


def _finish(path: Path, name: str, names: tuple[str, ...], rows: list[list[Any]],
            formulas: frozenset[tuple[int, int]], merged: tuple[Any, ...]) -> Sheet:
    while rows and all(is_empty(c) for c in rows[-1]):
        rows.pop()
    if not rows:
        raise ImportFileError("表格中没有数据", "the sheet holds no data")
    if len(rows) > MAX_ROWS:
        raise _too_many(len(rows))
    width = max(len(r) for r in rows)
    for r in rows:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    header = _find_header(rows)
    for (r0, c0), (r1, c1) in merged:
        if r0 <= header <= r1 and (r0 != r1 or c0 != c1):
            cells = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
            raise ImportFileError(
                f"表头有合并单元格({cells}):请取消合并,让每一列只有一个表头,再导入",
                f"the header row has merged cells ({cells}): unmerge them so that every column has "
                f"one header of its own, then import again")
        if r0 > header:  # a merged block of data: every cell it covers holds its value
            value = rows[r0][c0]
            for i in range(r0, min(r1, len(rows) - 1) + 1):
                for j in range(c0, min(c1, width - 1) + 1):
                    rows[i][j] = value
    return Sheet(str(path), name, names, rows, header, formulas, tuple(merged))


def _find_header(rows: list[list[Any]]) -> int:
    """The first of the first rows naming two known columns, else one, else the first with text."""
    scan = rows[:HEADER_SCAN]
    counts = [sum(t is not None for t in guess_columns([str(c) for c in r])) for r in scan]
    for wanted in (2, 1):
        for i, n in enumerate(counts):
            if n >= wanted:
                return i
    return next((i for i, r in enumerate(scan) if any(not is_empty(c) for c in r)), 0)


# -- CSV ------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise ImportFileError("这不是文本格式的 CSV 文件(可能是改了扩展名的其他文件)",
                              "this is not a text CSV file (perhaps another kind of file renamed)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFileError("无法识别文件的文字编码:请另存为“CSV UTF-8”后再导入",
                              "the file's text encoding is not recognised: save it as “CSV UTF-8” and "
                              "import again") from None


def _read_csv(path: Path) -> list[list[Any]]:
    text = _decode(path.read_bytes())
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise _too_many_rows_in(text)
    except csv.Error as exc:
        raise ImportFileError(f"CSV 格式错误(第 {len(rows) + 1} 行附近):{exc}",
                              f"malformed CSV (near row {len(rows) + 1}): {exc}") from None
    return rows


def _too_many_rows_in(text: str) -> ImportFileError:
    return _too_many(text.count("\n") + (0 if text.endswith("\n") else 1))


# -- workbooks ------------------------------------------------------------------------------


def _encrypted() -> ImportFileError:
    return ImportFileError("文件设有打开密码(已加密):请在 Excel 中取消密码后另存,再导入",
                           "the file is password-protected (encrypted): remove the password in Excel, save "
                           "it, and import again")


def _read_workbook(path: Path, suffix: str, sheet_name: str | None) -> Sheet:
    import python_calamine as pc

    with path.open("rb") as f:
        head = f.read(len(_OLE_MAGIC))
    if suffix in (".xlsx", ".xlsm") and head == _OLE_MAGIC:
        raise _encrypted()  # an encrypted OOXML file is an OLE container, not a zip
    not_a_sheet = ImportFileError(
        "这不是有效的表格文件(可能已损坏,或是改了扩展名的其他文件)",
        "this is not a valid spreadsheet (it may be damaged, or another kind of file renamed)")
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise _encrypted() from None
    except (pc.CalamineError, ValueError, OSError):
        raise not_a_sheet from None
    with book:
        names = tuple(book.sheet_names)
        visible = [m.name for m in book.sheets_metadata
                   if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet]
        if sheet_name is not None and sheet_name not in names:
            raise ImportFileError(f"没有名为“{sheet_name}”的工作表(有:{'、'.join(names)})",
                                  f"no sheet named {sheet_name!r} (there are: {', '.join(names)})")
        candidates = [sheet_name] if sheet_name is not None else visible or list(names)
        xml = _sheet_xml_paths(path) if suffix in (".xlsx", ".xlsm") else {}
        for name in candidates:
            rows_hint = _dimension_rows(path, xml.get(name))
            if rows_hint > MAX_ROWS:
                raise _too_many(rows_hint)
            try:
                sheet = book.get_sheet_by_name(name)
                if sheet.height > MAX_ROWS:
                    raise _too_many(sheet.height)
                rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
                merged = tuple(sheet.merged_cell_ranges or ())
            except pc.CalamineError:
                raise not_a_sheet from None
            if any(not is_empty(c) for r in rows for c in r):
                formulas = _formula_cells(path, xml.get(name))
                return _finish(path, name, names, rows, formulas, merged)
    raise ImportFileError("表格中没有数据", "the sheet holds no data")


def _sheet_xml_paths(path: Path) -> dict[str, str]:
    """Sheet name -> its XML part inside the .xlsx (for formulas and the row count)."""
    try:
        with zipfile.ZipFile(path) as z:
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out: dict[str, str] = {}
    for s in book.iter(f"{_NS}sheet"):
        target = targets.get(s.get(f"{_REL_NS}id"), "")
        if target:
            out[s.get("name", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return out


def _dimension_rows(path: Path, part: str | None) -> int:
    """The last row the sheet's <dimension> names (0 when unknown), read before loading it."""
    if not part:
        return 0
    try:
        with zipfile.ZipFile(path) as z, z.open(part) as f:
            m = _DIMENSION.search(f.read(4096))
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    return int(m[1]) if m and m[1] else 0


def _formula_cells(path: Path, part: str | None) -> frozenset[tuple[int, int]]:
    """The cells of the sheet holding a formula (an .xlsx part; empty when none or unknown)."""
    if not part:
        return frozenset()
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as z:
            with z.open(part) as f:
                tail = b""
                while chunk := f.read(1 << 20):
                    if b"<f" in tail + chunk:
                        break
                    tail = chunk[-2:]
                else:
                    return frozenset()
            with z.open(part) as f:
                for _, el in ElementTree.iterparse(f):
                    if el.tag == f"{_NS}c":
                        if el.find(f"{_NS}f") is not None:
                            m = _CELL_REF.fullmatch(el.get("r", ""))
                            if m:
                                found.add((int(m[2]) - 1, _column_index(m[1])))
                        el.clear()
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return frozenset(found)
    return frozenset(found)


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
