"""The benchmark's fast seeding (benchmarks/sync_seed.py) against the protocol: a seed of 8
customers pushed through the real API, copied twice by SQL on one server and pushed twice more
(the same copies) through the API on a twin of it. Both servers hold the same rows, and a
fresh device pulls the same rows, table by table, from each (benchmarks/sync_seed_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.sync_seed_check import compare
from tests.pgcluster import PgCluster


def test_sql_copies_hold_what_pushed_copies_hold(pg_cluster: PgCluster, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")  # tokens in 0600 files under the test's home
    counts = compare(pg_cluster, tmp_path, seed=8, copies=3)
    assert counts["customers"] == 24
    assert counts["contacts"] > 24 and counts["visits"] > 24 and counts["visit_contacts"] > 0
