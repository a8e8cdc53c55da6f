"""`search`: latency of the customer search service on the big store, against a LIKE scan.

200 realistic queries drawn (seeded) from the store itself: two- and three-character
Chinese words, longer substrings of names, pinyin initials, contact names and phone
digits. Ours: the service call the list screen makes (first page of 50 and the total).
Baseline: a naive ``LIKE '%q%'`` scan over the same customers and contacts, first 50.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

from benchmarks.data import ensure_store
from benchmarks.harness import Result, percentile, result
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store.engine import open_store
from workbench.store.search_terms import normalize, pinyin

COMMON_WORDS = ("银行", "医院", "海关", "税务", "证券", "保险", "物流", "中学", "学校", "政府", "分行", "支行",
                "公司", "酒店", "石化", "电子", "杭州", "宁波", "南京", "人民医院", "税务局", "营业部", "分公司")


def queries(path: Path, n: int = 200, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT name FROM customers WHERE num % 97 = 0")]
    people = con.execute("SELECT name, mobile FROM contacts WHERE rowid % 211 = 0").fetchall()
    con.close()
    out: list[str] = []
    kinds = ("word2", "word3", "substring", "initials", "person", "phone", "word_common")
    while len(out) < n:
        kind = kinds[len(out) % len(kinds)]
        name = normalize(rng.choice(names))
        if kind == "word_common":
            out.append(rng.choice(COMMON_WORDS))
        elif kind in ("word2", "word3", "substring"):
            size = {"word2": 2, "word3": 3}.get(kind) or rng.randint(4, 7)
            start = rng.randrange(0, max(1, len(name) - size))
            out.append(name[start : start + size])
        elif kind == "initials":
            out.append(pinyin(name)[1][: rng.randint(2, 6)])
        elif kind == "person":
            out.append(rng.choice(people)[0])
        else:
            mobile = next((m for _, m in rng.sample(people, 20) if m), "13800000000")
            start = rng.randint(0, 5)
            out.append(mobile[start : start + rng.randint(4, 6)])
    return out


def naive(con: sqlite3.Connection, q: str) -> list[int]:
    like = f"%{q}%"
    return [r[0] for r in con.execute(
        "SELECT DISTINCT c.num FROM customers c LEFT JOIN contacts k ON k.customer_id = c.id AND k.deleted = 0 "
        "WHERE c.deleted = 0 AND (c.name LIKE ?1 OR c.short_name LIKE ?1 OR c.credit_code LIKE ?1 "
        "OR k.name LIKE ?1 OR k.mobile LIKE ?1 OR k.phone LIKE ?1) LIMIT 50", (like,))]


def run(*, scale: int, quick: bool) -> list[Result]:
    path = ensure_store(scale)
    qs = queries(path)
    store = open_store(path)
    ctx = user_context(store)
    for q in qs:  # warm the page cache and pinyin tables, as a running program has them
        search_customers(ctx, query=q)
    repeat = 3 if quick else 5
    ours: list[float] = []
    for q in qs:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            search_customers(ctx, query=q, limit=50)
            times.append(time.perf_counter() - t)
        ours.append(statistics.median(times) * 1000)
    store.close()
    con = sqlite3.connect(path)
    base: list[float] = []
    for q in qs[:: 4 if quick else 1]:
        t = time.perf_counter()
        naive(con, q)
        base.append((time.perf_counter() - t) * 1000)
    con.close()
    b50, b95 = percentile(base, 0.5), percentile(base, 0.95)
    o50, o95 = percentile(ours, 0.5), percentile(ours, 0.95)
    label = f"LIKE scan, {scale:,} customers"
    return [
        result("search", "p50_latency", o50, "ms", label, b50, "-"),
        result("search", "p95_latency", o95, "ms", label, b95, "ratio <= 0.05 and value < 5 ms"),
        result("search", "max_latency", max(ours), "ms", label, max(base), "-"),
    ]
