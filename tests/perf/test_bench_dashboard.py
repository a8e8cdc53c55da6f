"""The `dashboard` benchmark's contract on a small store: it builds its store with offers in
every state, times the service against the bare GROUP BY and reports one line per metric."""

from __future__ import annotations

import json
import sqlite3

from benchmarks import bench_dashboard  # the repository root is on pytest's pythonpath
from workbench.services.dashboard import OFFER_STATES


def test_quick_run_reports_ratios_on_a_store_with_offers() -> None:
    results = bench_dashboard.run(scale=300, quick=True)
    assert [r.metric for r in results][:2] == ["first_load_team", "load_team"]
    assert results[2].metric.startswith("load_owner_of_")
    for r in results:
        assert r.bench == "dashboard" and r.unit == "ms" and r.value > 0 and r.baseline_value > 0
        assert abs(r.ratio - r.value / r.baseline_value) <= 0.01 * r.ratio  # of the unrounded figures
        assert json.loads(r.line())["metric"] == r.metric
    path = bench_dashboard.ensure_offer_store(300)
    con = sqlite3.connect(path)
    states = {s for (s,) in con.execute("SELECT DISTINCT state FROM offers")}
    priced = con.execute("SELECT count(*) FROM offer_versions WHERE json_extract(quote_json, '$.totals.over_term')"
                         " IS NOT NULL").fetchone()[0]
    con.close()
    assert states == set(OFFER_STATES) and priced == 300 // bench_dashboard.OFFER_EVERY
