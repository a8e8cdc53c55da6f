"""`pricing`: pricing a 200-line offer, and re-pricing a 50-line offer after one quantity
change, with the price books held in memory (what the offer builder does on a keystroke)
against the naive path: the price books read from the store and parsed again each time.

The on-screen keystroke path (builder widget, totals repainted) is measured by the
builder's own test; this benchmark measures the engine and the store parts of it.
"""

from __future__ import annotations

import copy
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.harness import Result, result
from workbench.pricing import parse_offer, price

TODAY = date(2026, 11, 24)
PRODUCTS = ("MOB-58", "MOB-98", "DIA-20M", "MSTP-2M", "WLAN-AP", "BB-1000M", "HOTLINE-4006")


def offer(lines: int) -> dict[str, Any]:
    return {
        "format": "workbench-offer/1",
        "title": "bench",
        "customer": {"name": "某银行", "industry": "banking", "mobile_lines": 400, "at_risk": False},
        "lines": [{"product": PRODUCTS[i % len(PRODUCTS)], "quantity": 1 + i % 40, "term_months": 36}
                  for i in range(lines)],
    }


def _median_ms(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run(*, scale: int, quick: bool) -> list[Result]:
    from workbench.services import catalogue as books
    from workbench.services.context import Context
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    repeat = 5 if quick else 21
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "pricing.sqlite")
        ctx = Context(store, current_user(store).id)
        books.ensure_defaults(ctx)
        catalogue, policy = books.current_price_books(ctx, today=TODAY)

        def naive(data: dict[str, Any]) -> Any:
            books.clear_cache()  # the naive path: read and parse the books every time
            cat, pol = books.current_price_books(ctx, today=TODAY)
            return price(cat, pol, parse_offer(data), today=TODAY)

        big = offer(200)
        ours_200 = _median_ms(lambda: price(catalogue, policy, parse_offer(big), today=TODAY), repeat)
        base_200 = _median_ms(lambda: naive(big), repeat)

        fifty = offer(50)

        def keystroke(reprice: Any) -> float:
            edited = copy.deepcopy(fifty)
            edited["lines"][17]["quantity"] += 1
            return _median_ms(lambda: reprice(edited), repeat)

        ours_50 = keystroke(lambda d: price(catalogue, policy, parse_offer(d), today=TODAY))
        base_50 = keystroke(naive)
        store.close()
    return [
        result("pricing", "price_200_lines", ours_200, "ms", "books re-read from the store each time", base_200,
               "reported"),
        result("pricing", "reprice_50_lines_after_one_change", ours_50, "ms", "books re-read from the store",
               base_50, "value < 16 ms"),
    ]
