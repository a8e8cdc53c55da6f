"""The `import` benchmark's contract on a small sheet: the generated sheet imports without an
error, ours and the bare load write the same customers, one line per metric with its ratio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from benchmarks import bench_import  # the repository root is on pytest's pythonpath


def test_quick_run_reports_ratios(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_import, "QUICK_ROWS", 60)
    results = bench_import.run(scale=0, quick=True)
    assert [r.metric for r in results] == ["import_60_rows", "rows_per_second", "longest_gil_stall_during_commit"]
    for r in results[:2]:
        assert r.bench == "import" and r.value > 0 and r.baseline_value > 0
        # the ratio is of the unrounded figures; a 60-row bare load rounds to 4 decimals of a second
        assert r.ratio == pytest.approx(r.value / r.baseline_value, rel=0.05)
    assert results[0].ratio > 1 > results[1].ratio  # ours is slower than the bare load, in both units
    assert results[2].unit == "ms" and results[2].value >= 0 and results[2].baseline_value >= 0
    assert json.loads(results[0].line())["metric"] == "import_60_rows"


def test_the_sheet_has_every_fifth_customer_with_two_contacts(tmp_path: Path) -> None:
    path = bench_import.write_sheet(tmp_path / "s.xlsx", 12)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert tuple(rows[0]) == bench_import.HEADERS and len(rows) == 13
    names = [r[0] for r in rows[1:]]
    assert len(set(names)) == 10 and names[4] == names[5]  # customer 5 has two contacts
    assert bench_import.bare_load(_store(tmp_path), path) == 10


def _store(tmp_path: Path) -> Path:
    from workbench.store.engine import open_store

    db = tmp_path / "bare.sqlite"
    open_store(db).close()
    return db
