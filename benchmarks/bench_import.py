"""`import`: a 10,000-row customer sheet imported through the services, against a bare load.

Ours: what File ▸ Import customers… does with the sheet: ``read_sheet`` (python-calamine),
``preview_import`` (every cell cleaned by the forms' rules, the rows matched to the stored
customers) and ``commit_import`` (one transaction: the customers at their first stage with
their stage events, the contacts with their first score readings, a journal entry for each
row, the search index). Baseline: the same sheet read with python-calamine and its rows
inserted bare (one ``executemany`` per table, customers and contacts, one transaction, no
validation, no journal, no index) into the same kind of fresh store.

Also the longest stall of a thread waiting for the GIL (as the GUI thread waits) while the
commit runs on a worker, as the dialog runs it: a thread ticking every 5 ms notes how late
each tick comes; the same ticker beside a worker running pure Python (which hands the GIL
over every 5 ms) gives the floor on this machine at that moment.

The sheet is generated (xlsxwriter): one customer and one contact per row, every fifth
customer with a second contact on the next row, valid credit codes and mobiles.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from python_calamine import CalamineWorkbook

from benchmarks.harness import Result, result
from workbench.domain.enums import FIRST_STAGE
from workbench.domain.validation import generate_credit_code
from workbench.services import importing
from workbench.services.users import user_context
from workbench.store.engine import open_store

HEADERS = ("客户名称", "统一社会信用代码", "行业", "地区", "地址", "员工数", "联系人", "职务", "手机", "邮箱")
_INDUSTRIES = ("政府", "银行", "医院", "教育", "物流", "证券", "保险", "交通", "电子制造", "连锁酒店")
_REGIONS = ("西湖区", "上城区", "拱墅区", "滨江区", "余杭区", "萧山区", "临平区", "钱塘区")
_KINDS = ("科技有限公司", "贸易有限公司", "物流有限公司", "支行", "中学", "人民医院", "街道办事处", "酒店")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
_TITLES = ("总经理", "办公室主任", "信息中心主任", "IT经理", "行长", "采购经理", "副院长", "科长")
TICK_MS = 5
ROWS, QUICK_ROWS = 10_000, 1_000


def sheet_rows(n: int, seed: int = 14) -> list[list[Any]]:
    """``n`` data rows: customers with one contact each, every fifth with a second one."""
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    k = 0
    while len(rows) < n:
        k += 1
        name = f"杭州{_REGIONS[k % len(_REGIONS)][:-1]}{k:05d}号{_KINDS[k % len(_KINDS)]}"
        code = generate_credit_code(rng)
        region = _REGIONS[k % len(_REGIONS)]
        for j in range(2 if k % 5 == 0 else 1):
            person = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
            mobile = f"13{rng.randrange(10**9):09d}"
            rows.append([name, code, _INDUSTRIES[k % len(_INDUSTRIES)], region,
                         f"杭州市{region}文{k % 300 + 1}路{k}号" if j == 0 else "",
                         float(rng.randrange(20, 5000)) if j == 0 else "",
                         person, _TITLES[(k + j) % len(_TITLES)], mobile, f"c{k}.{j}@example.cn"])
            if len(rows) == n:
                break
    return rows


def write_sheet(path: Path, n: int) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "constant_memory": True})
    ws = book.add_worksheet("客户")
    ws.write_row(0, 0, HEADERS)
    for r, row in enumerate(sheet_rows(n), start=1):
        ws.write_row(r, 0, row)
    book.close()
    return path


def import_sheet(db: Path, sheet_path: Path) -> importing.ImportResult:
    """Ours: read, preview and commit as the dialog does (no progress, no cancel)."""
    store = open_store(db)
    try:
        ctx = user_context(store)
        sheet = importing.read_sheet(sheet_path)
        preview = importing.preview_import(ctx, sheet)
        assert not preview.errors, preview.errors[:3]
        return importing.commit_import(ctx, preview)
    finally:
        store.close()


def bare_load(db: Path, sheet_path: Path) -> int:
    """Baseline: the sheet read with calamine, its rows inserted with one executemany per
    table in one transaction; returns the customers inserted."""
    rows: list[list[Any]] = CalamineWorkbook.from_path(str(sheet_path)).get_sheet_by_index(0).to_python()[1:]
    now = datetime.now().isoformat(sep=" ")
    customers: dict[str, tuple[Any, ...]] = {}
    contacts = []
    for name, code, _industry, region, address, employees, person, title, mobile, email in rows:
        if code not in customers:
            customers[code] = (str(uuid.uuid4()), name, code, "government", region, address or None,
                               int(employees) if employees != "" else None, FIRST_STAGE, 0, now, now, 1, 0, "")
        contacts.append((str(uuid.uuid4()), customers[code][0], person, title, mobile, email, 0, 0, 0, 0, 0,
                         now, now, 1, 0))
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("BEGIN")
        con.executemany("INSERT INTO customers (id, name, credit_code, industry_code, region, address, employees,"
                        " stage_code, shared, created_at, updated_at, version, deleted, sort_key)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", list(customers.values()))
        con.executemany("INSERT INTO contacts (id, customer_id, name, title, mobile, email, closeness, trust, favour,"
                        " is_key_person, is_liaison, created_at, updated_at, version, deleted)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", contacts)
        con.execute("COMMIT")
    finally:
        con.close()
    return len(customers)


def longest_stall(work: Callable[[], object]) -> float:
    """Run ``work`` on a worker thread while this thread ticks every TICK_MS; the longest
    lateness of a tick, ms (the time this thread waited for the GIL, or more)."""
    failed: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - re-raised on this thread
            failed.append(exc)

    worker = threading.Thread(target=target)
    worst, last = 0.0, time.perf_counter()
    worker.start()
    while worker.is_alive():
        time.sleep(TICK_MS / 1000)
        now = time.perf_counter()
        worst = max(worst, (now - last) * 1000 - TICK_MS)
        last = now
    worker.join()
    if failed:
        raise failed[0]
    return max(worst, 0.0)


def _spin(seconds: float) -> None:
    """Pure Python work: the interpreter hands the GIL over every 5 ms (the floor)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(100))


def _fresh(tmp: Path, name: str) -> Path:
    db = tmp / name
    open_store(db).close()  # created and migrated before the clock starts
    return db


def _commit_only(db: Path, sheet_path: Path) -> tuple[Callable[[], object], Callable[[], None]]:
    """The commit as the dialog's writer runs it, the preview already made."""
    store = open_store(db)
    ctx = user_context(store)
    preview = importing.preview_import(ctx, importing.read_sheet(sheet_path))
    return (lambda: importing.commit_import(ctx, preview)), store.close


def run(*, scale: int, quick: bool) -> list[Result]:
    n = QUICK_ROWS if quick else ROWS
    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        sheet_path = write_sheet(tmp / "customers.xlsx", n)
        ours, base = [], []
        for i in range(repeat):
            db = _fresh(tmp, f"ours{i}.sqlite")
            t = time.perf_counter()
            written = import_sheet(db, sheet_path)
            ours.append(time.perf_counter() - t)
            db = _fresh(tmp, f"bare{i}.sqlite")
            t = time.perf_counter()
            bare = bare_load(db, sheet_path)
            base.append(time.perf_counter() - t)
            assert written.customers_created == bare, (written, bare)
        commit, close = _commit_only(_fresh(tmp, "stall.sqlite"), sheet_path)
        try:
            stall = longest_stall(commit)
        finally:
            close()
        busy = longest_stall(lambda: _spin(1.0))
    mine, floor = min(ours), min(base)
    label = f"calamine read + bare executemany, {n:,} rows"
    return [
        result("import", f"import_{n}_rows", mine, "s", label, floor, "reported"),
        result("import", "rows_per_second", n / mine, "rows/s", label, n / floor, "reported"),
        result("import", "longest_gil_stall_during_commit", stall, "ms",
               "a worker running pure Python for 1 s", busy, "< 50 ms"),
    ]
