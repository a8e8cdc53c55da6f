"""`export`: the weekly visit report of a 10,000-visit week, against xlsxwriter writing the
same cells bare.

Ours: what File ▸ Weekly report… does for the whole team: ``weekly_report`` (the week's
visits with their customer, industry, manager and contacts met, the stage moves, the offers,
the overdue follow-ups, read in SQL) and ``write_weekly_xlsx`` (four sheets, Chinese headers,
frozen header rows, fitted widths, real dates, money with two decimals). Baseline: the same
visit rows' cells written by xlsxwriter into one sheet, no formats, no widths, no summary.
Also ours without the reading (the .xlsx writing alone) against the same baseline.

The store: the demo store (2,000 customers, 400 with ``--quick``) with its visits moved into
one week by SQL until the week holds 10,000 (1,000 with ``--quick``), copies made where the
demo has fewer.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import xlsxwriter

from benchmarks.harness import Result, result
from workbench.services import exports
from workbench.services.demo import DEMO_CUSTOMERS, build_demo_store
from workbench.services.users import user_context
from workbench.store.engine import open_store

WEEK = date(2026, 11, 23)  # a Monday
VISITS, QUICK_VISITS = 10_000, 1_000


def _fill_week(db: Path, visits: int) -> None:
    """Copy the demo's visits (new ids) until there are ``visits`` of them, then move exactly
    ``visits`` of them into the week, spread over its seven days and working hours."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(visits)")]
        others = ", ".join(c for c in cols if c != "id")
        con.execute("BEGIN")
        while con.execute("SELECT count(*) FROM visits").fetchone()[0] < visits:
            con.execute(f"INSERT INTO visits (id, {others}) SELECT lower(hex(randomblob(16))), {others} FROM visits")
        con.execute(
            "UPDATE visits SET occurred_at = datetime(:monday, '+' || (rowid % 7) || ' days', "
            "'+' || (8 * 60 + rowid % 600) || ' minutes'), follow_up_date = CASE WHEN follow_up_date IS NOT NULL "
            "THEN date(:monday, '+' || (7 + rowid % 14) || ' days') END "
            "WHERE rowid IN (SELECT rowid FROM visits ORDER BY rowid LIMIT :n)",
            {"monday": WEEK.isoformat(), "n": visits})
        con.execute("UPDATE visits SET occurred_at = datetime(:monday, '-30 days') WHERE rowid NOT IN "
                    "(SELECT rowid FROM visits ORDER BY rowid LIMIT :n) AND occurred_at >= :monday",
                    {"monday": WEEK.isoformat(), "n": visits})
        con.execute("COMMIT")
    finally:
        con.close()


def _bare(rows: Sequence[Sequence[object]], out: Path) -> None:
    book = xlsxwriter.Workbook(str(out))
    sheet = book.add_worksheet("拜访明细")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()


def run(*, scale: int, quick: bool) -> list[Result]:
    n = QUICK_VISITS if quick else VISITS
    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "demo.sqlite"
        build_demo_store(db, customers=400 if quick else DEMO_CUSTOMERS)
        _fill_week(db, n)
        store = open_store(db)
        try:
            ctx = user_context(store)
            whole, writing, bare = [], [], []
            for i in range(repeat):
                t = time.perf_counter()
                report = exports.weekly_report(ctx, week_of=WEEK, owner_id=None, today=WEEK)
                t_read = time.perf_counter()
                exports.write_weekly_xlsx(report, tmp / f"weekly{i}.xlsx")
                t_end = time.perf_counter()
                whole.append(t_end - t)
                writing.append(t_end - t_read)
                assert len(report.visits) == n, (len(report.visits), n)
                rows = [[v.occurred_at.date().isoformat(), v.occurred_at.strftime("%H:%M"), v.manager, v.customer,
                         v.industry, v.kind, "、".join(v.contacts), v.situation, v.problem, v.implication,
                         v.need_payoff, v.outcome, v.next_step,
                         v.follow_up_date.isoformat() if v.follow_up_date else ""] for v in report.visits]
                t = time.perf_counter()
                _bare(rows, tmp / f"bare{i}.xlsx")
                bare.append(time.perf_counter() - t)
        finally:
            store.close()
    label = f"xlsxwriter writing the {n:,} visits' cells bare"
    return [
        result("export", f"weekly_{n}_visits", min(whole), "s", label, min(bare), "reported"),
        result("export", "weekly_xlsx_writing_only", min(writing), "s", label, min(bare), "reported"),
    ]
