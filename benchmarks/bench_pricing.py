"""`pricing`: pricing a 200-line offer, and re-pricing a 50-line offer after one quantity
change, with the price books held in memory (what the offer builder does on a keystroke)
against the naive path: the price books read from the store and parsed again each time.

Also the on-screen keystroke path: the builder widget (offscreen) re-pricing and
repainting after a quantity edit, against a builder that re-reads the books each time.
"""

from __future__ import annotations

import copy
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.harness import Result, median_time, result
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
    return median_time(fn, repeat) * 1000


def run(*, scale: int, quick: bool) -> list[Result]:
    from workbench.services import catalogue as books
    from workbench.services.users import user_context
    from workbench.store.engine import open_store

    repeat = 5 if quick else 21
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "pricing.sqlite")
        ctx = user_context(store)
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
    return run_screen(quick=quick) + [
        result("pricing", "price_200_lines", ours_200, "ms", "books re-read from the store each time", base_200,
               "reported"),
        result("pricing", "reprice_50_lines_after_one_change", ours_50, "ms", "books re-read from the store",
               base_50, "value < 16 ms"),
    ]


def run_screen(*, quick: bool) -> list[Result]:
    """Keystroke to totals on screen: the offer builder widget (offscreen Qt) at 50 lines,
    a quantity edited through the table's model and the window's pending layout and
    paint processed; against a builder that re-reads the price books on every keystroke."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from workbench.services import catalogue as books
    from workbench.services.users import user_context
    from workbench.store.engine import open_store
    from workbench.ui.env import UiEnv
    from workbench.ui.fonts import apply_app_font, register_fonts
    from workbench.ui.offers.builder import OfferBuilder
    from workbench.ui.offers.lines_model import EDITABLE
    from workbench.ui.runner import Runner
    from workbench.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    register_fonts()
    apply_app_font(app)  # type: ignore[arg-type]
    quantity_col = next(col for col, attr in EDITABLE.items() if attr == "quantity")
    repeat = 7 if quick else 31
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        store = open_store(Path(tmp) / "screen.sqlite")
        ctx = user_context(store)
        books.ensure_defaults(ctx)
        catalogue, policy = books.current_price_books(ctx, today=TODAY)
        env = UiEnv(ctx=ctx, runner=Runner(), undo=QUndoStack(),
                    settings=Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        facts = {"industry": "banking", "mobile_lines": 400}

        class NaiveBuilder(OfferBuilder):
            def reprice(self) -> Any:
                books.clear_cache()
                self.catalogue, self.policy = books.current_price_books(ctx, today=TODAY)
                return super().reprice()

        def measure(cls: type) -> float:
            builder = cls(env, customer=facts, catalogue=catalogue, policy=policy, today=TODAY, offer=offer(50))
            builder.resize(1440, 900)
            builder.show()
            app.processEvents()
            model = builder.lines
            times = []
            for i in range(repeat):
                index = model.index(17, quantity_col)
                t = time.perf_counter()
                model.setData(index, str(20 + i % 9))
                app.processEvents()
                times.append(time.perf_counter() - t)
            builder.close()
            return statistics.median(times) * 1000

        ours, base = measure(OfferBuilder), measure(NaiveBuilder)
        store.close()
    return [result("pricing", "keystroke_to_totals_on_screen_50_lines", ours, "ms",
                   "builder re-reading the price books on each keystroke", base, "value < 16 ms")]
