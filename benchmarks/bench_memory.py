"""`memory`: peak RSS with the big store open and every customer page read once.

Measured in child processes (``ru_maxrss`` of a fresh interpreter each). Ours: open the
store through the services, take the list order (every customer, as the list screen
does), then read every page of 100 rows through ``customer_rows``. Baseline: a bare
sqlite3 process streaming the same customer rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.data import ensure_store
from benchmarks.harness import Result, result

OURS = r"""
import json, sys
from benchmarks.bench_memory import peak_kb
from workbench.store.engine import open_store
from workbench.services.context import Context
from workbench.services.users import user_context
from workbench.services.search import matching_nums
from workbench.services.customers import customer_rows
store = open_store(sys.argv[1])
ctx = user_context(store)
nums = matching_nums(ctx, query="")
seen = 0
for i in range(0, len(nums), 100):
    seen += len(customer_rows(ctx, nums=nums[i:i + 100]))
assert seen == len(nums), (seen, len(nums))
print(json.dumps({"rows": seen, "kb": peak_kb()}))
"""

BASE = r"""
import json, sqlite3, sys
from benchmarks.bench_memory import peak_kb
con = sqlite3.connect(sys.argv[1])
seen = 0
cur = con.execute("SELECT num, id, name, short_name, industry_code, stage_code, region, value_grade, owner_id, "
                  "next_follow_up, last_visit_at FROM customers WHERE deleted = 0 ORDER BY sort_key")
while rows := cur.fetchmany(100):
    seen += len(rows)
print(json.dumps({"rows": seen, "kb": peak_kb()}))
"""


def peak_kb() -> int:
    """This process's peak resident set (VmHWM). Not ``ru_maxrss``: Linux carries that
    over from the parent through fork and exec, so a child would report the parent's peak."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak(code: str, path: str) -> dict[str, int]:
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", code, path], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": root})
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(*, scale: int, quick: bool) -> list[Result]:
    path = str(ensure_store(scale))
    ours = _peak(OURS, path)
    base = _peak(BASE, path)
    assert ours["rows"] == base["rows"]
    return [result("memory", "peak_rss_all_pages", ours["kb"] / 1024, "MB",
                   f"bare sqlite3 read of the same {base['rows']:,} rows", base["kb"] / 1024, "value < 300 MB")]
