"""Frozen against unfrozen start-up, as the startup benchmark measures it (benchmarks/
bench_startup.py): ``python packaging/measure.py [--bundle dist/workbench] [--store PATH]``.

Interleaved runs (machine noise hits all alike), medians, ratios: a bare PySide6 window (the
floor), ``workbench --version`` and the first painted window and first customer rows
(``WORKBENCH_FIRST_PAINT_EXIT``), each from the venv (``python -m workbench``, byte-compiled) and
from the bundle. Prints one JSON object; packaging/README.md keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))  # benchmarks/ (after this folder: never shadow the packaging lib)

from benchmarks.bench_startup import BARE, _compile_bytecode, _measure  # noqa: E402


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "workbench")
    parser.add_argument("--store", type=Path, required=True, help="the store the window opens")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--bare-frozen", type=Path, metavar="EXE",
                        help="the bare window frozen too (the floor of a frozen program): "
                             "pyinstaller --paths . bare.py, bare.py being BARE of bench_startup")
    args = parser.parse_args()
    frozen = [str(args.bundle / "workbench")]
    unfrozen = [sys.executable, "-m", "workbench"]
    _compile_bytecode()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_HOME": home,
               "PYTHONPATH": str(ROOT)}
        paint = {**env, "WORKBENCH_FIRST_PAINT_EXIT": "paint"}
        rows = {**env, "WORKBENCH_FIRST_PAINT_EXIT": "rows"}
        store = ["--db", str(args.store)]
        runs = {
            "bare_paint": lambda: _measure([sys.executable, "-c", BARE], env, "paint"),
            "version_unfrozen": lambda: _wall([*unfrozen, "--version"], env),
            "version_frozen": lambda: _wall([*frozen, "--version"], env),
            "paint_unfrozen": lambda: _measure([*unfrozen, *store], paint, "paint"),
            "paint_frozen": lambda: _measure([*frozen, *store], paint, "paint"),
            "rows_unfrozen": lambda: _measure([*unfrozen, *store], rows, "rows"),
            "rows_frozen": lambda: _measure([*frozen, *store], rows, "rows"),
        }
        if args.bare_frozen:
            runs["bare_paint_frozen"] = lambda: _measure([str(args.bare_frozen)], env, "paint")
        for fn in runs.values():  # warm the OS caches
            fn()
        for _ in range(args.repeat):
            for name, fn in runs.items():
                times.setdefault(name, []).append(fn())
    med = {name: round(statistics.median(v), 4) for name, v in times.items()}
    ratios = {
        "version frozen/unfrozen": med["version_frozen"] / med["version_unfrozen"],
        "first paint frozen/unfrozen": med["paint_frozen"] / med["paint_unfrozen"],
        "first rows frozen/unfrozen": med["rows_frozen"] / med["rows_unfrozen"],
        "first paint frozen/bare PySide6": med["paint_frozen"] / med["bare_paint"],
    }
    if args.bare_frozen:
        ratios["first paint frozen/bare PySide6 frozen"] = med["paint_frozen"] / med["bare_paint_frozen"]
    print(json.dumps({"medians_s": med, "ratios": {k: round(v, 2) for k, v in ratios.items()},
                      "repeat": args.repeat, "store": str(args.store)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
