"""The benchmark contract of docs/architecture.md: one JSON object per line, then a table."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Result:
    bench: str
    metric: str
    value: float
    unit: str
    baseline: str
    baseline_value: float
    ratio: float
    target: str

    def line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def result(bench: str, metric: str, value: float, unit: str, baseline: str, baseline_value: float,
           target: str) -> Result:
    ratio = value / baseline_value if baseline_value else float("nan")
    return Result(bench, metric, round(value, 4), unit, baseline, round(baseline_value, 4), round(ratio, 4), target)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def table(results: list[Result]) -> str:
    rows = [("bench", "metric", "value", "baseline", "ratio", "target")]
    rows += [(r.bench, r.metric, f"{r.value:g} {r.unit}", f"{r.baseline_value:g} ({r.baseline})",
              f"{r.ratio:g}", r.target) for r in results]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
