from __future__ import annotations

import argparse
import importlib
import sys

from benchmarks.harness import Result, table

ALL = ("search", "memory", "write", "startup", "pricing", "proposal", "sync", "sync_window", "draft", "busy_write", "dashboard", "import", "export",
       "encryption")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {', '.join(ALL)})")
    parser.add_argument("--scale", type=int, default=100_000, help="customers in the store (default 100000)")
    parser.add_argument("--quick", action="store_true", help="a small store and fewer repetitions (smoke test)")
    args = parser.parse_args(argv)
    if args.quick and args.scale == 100_000:
        args.scale = 3_000
    unknown = [n for n in args.names if n not in ALL]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    results: list[Result] = []
    for name in args.names or ALL:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        for r in module.run(scale=args.scale, quick=args.quick):
            print(r.line(), flush=True)
            results.append(r)
    print(table(results), file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
