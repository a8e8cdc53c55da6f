"""The `sync_window` benchmark's contract on its quick run (120 customers: 40 pushed, copied
twice by SQL): a real window syncs every seeded row, and the two results carry their ratios."""

from __future__ import annotations

import json

import pytest

from benchmarks import bench_sync_window  # the repository root is on pytest's pythonpath


@pytest.mark.slow  # about 20 s: a PostgreSQL cluster, a server process, a window
def test_quick_run_reports_the_stall_against_the_idle_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    results = bench_sync_window.run(scale=100_000, quick=True)
    assert [r.bench for r in results] == ["sync_window", "sync_window"]
    stall, p99 = results
    assert "120 customers" in stall.metric and stall.target == "< 50 ms"
    for r in results:
        assert r.value > 0 and r.baseline_value > 0 and r.unit == "ms"
        assert abs(r.ratio - r.value / r.baseline_value) <= 0.01 * r.ratio
        assert json.loads(r.line())["metric"] == r.metric
    assert p99.value <= stall.value
