"""`write`: visits saved per second through the services, against bare executemany.

Ours: ``log_visit`` one call per visit: validation, one durable transaction each
(``synchronous=FULL``), the journal entry, the derived follow-up fields. Baseline: the
same visit rows inserted with one ``executemany`` in one transaction. The ratio says what
a visit's safety costs; a manager saves a few visits an hour, so it is reported, not
targeted.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.harness import Result, result
from workbench.services import customers, visits
from workbench.services.users import user_context
from workbench.store.engine import open_store


def _values(i: int) -> dict[str, object]:
    when = datetime(2026, 1, 1) + timedelta(minutes=i)
    return {"occurred_at": when, "kind": "onsite", "duration_min": 45, "place": "客户办公室",
            "spin_situation": "现有专线两条,带宽不足", "spin_problem": "视频会议卡顿",
            "spin_implication": "影响分支机构协同", "spin_need_payoff": "升级专线并开通网络管家",
            "follow_up_date": when.date() + timedelta(days=7)}


def run(*, scale: int, quick: bool) -> list[Result]:
    n = 300 if quick else 1500
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "write.sqlite")
        ctx = user_context(store)
        cid = customers.create_customer(ctx, values={"name": "杭州海关", "industry_code": "customs"}).id
        t = time.perf_counter()
        for i in range(n):
            visits.log_visit(ctx, customer_id=cid, values=_values(i))
        ours = n / (time.perf_counter() - t)
        store.close()

        con = sqlite3.connect(Path(tmp) / "write.sqlite", isolation_level=None)
        con.execute("PRAGMA synchronous=FULL")
        rows = []
        now = datetime.now().isoformat(sep=" ")
        for i in range(n):
            v = _values(i)
            rows.append((str(uuid.uuid4()), cid, str(v["occurred_at"]), 45, "onsite", v["place"],
                         v["spin_situation"], v["spin_problem"], v["spin_implication"], v["spin_need_payoff"],
                         str(v["follow_up_date"]), 0, now, now, 1, 0))
        t = time.perf_counter()
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO visits (id, customer_id, occurred_at, duration_min, kind, place, spin_situation, "
            "spin_problem, spin_implication, spin_need_payoff, follow_up_date, follow_up_done, created_at, "
            "updated_at, version, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.execute("COMMIT")
        base = n / (time.perf_counter() - t)
        con.close()
    return [result("write", "visits_per_second", ours, "visits/s",
                   "bare executemany, one transaction", base, "reported")]
