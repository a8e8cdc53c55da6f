"""The `encryption` benchmark's contract on a small store: its encrypted copy is really
encrypted and holds the same customers, and it reports encrypted / plain ratios."""

from __future__ import annotations

import json
import sqlite3

import pytest

from benchmarks import bench_encryption  # the repository root is on pytest's pythonpath
from benchmarks.data import ensure_store
from workbench.store import keys
from workbench.store.connect import connect, is_encrypted


@pytest.mark.slow  # about 20 s: a 2,000-customer store is generated (the queries need that many contacts)
def test_quick_run_reports_ratios_on_an_encrypted_copy() -> None:
    results = bench_encryption.run(scale=2000, quick=True)
    assert [r.metric for r in results] == ["search_p50", "search_p95", "visits_per_second"]
    for r in results:
        assert r.bench == "encryption" and r.value > 0 and r.baseline_value > 0
        assert abs(r.ratio - r.value / r.baseline_value) <= 0.01 * r.ratio
        assert json.loads(r.line())["metric"] == r.metric
    plain = ensure_store(2000)
    enc = bench_encryption.encrypted_copy(plain)
    assert is_encrypted(enc) and not is_encrypted(plain)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(enc).execute("SELECT count(*) FROM customers").fetchone()
    keys.forget()
    keys.remember(bench_encryption.KEY)
    con = connect(enc)
    assert con.execute("SELECT count(*) FROM customers").fetchone() == (2000,)
    con.close()
    keys.forget()
