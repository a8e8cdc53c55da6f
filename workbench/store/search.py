"""Customer search and browse queries over the index kept by ``search_index.py``.

A query is normalized (width, case, spaces) and always answered from an index:
- one or two characters: ``search_grams`` (Chinese characters and bigrams, pinyin initials),
  since a trigram index cannot answer them and 银行, 医院, 海关 are the commonest queries;
- three characters or more: FTS5 trigram tables, ``keys_fts`` with ``^"q"`` for keys that
  start with the query and ``search_fts`` for any substring (Chinese, pinyin, digits).
Ranking: exact (the query equals a whole name, pinyin, initials, code or phone) first, then
prefix, then substring; within a class the most recently added customer first.

Every stream comes out of its index already in that order, so a page costs a walk over
``offset + limit`` index entries rather than a sort of every match: the first page of a
query matching 25,000 customers reads a few hundred entries. The total is counted up to
``count_cap`` and reported as a lower bound past it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import cast

from sqlalchemy.orm import Session

from workbench.store.search_terms import MAX_KEYS, normalize

_SHIFT = MAX_KEYS.bit_length() - 1
MAX_QUERY = 200  # characters: longer input is cut (nothing indexed is that long)
_TOP = "\U0010ffff"
_CHUNK = 256


@dataclass(frozen=True, slots=True)
class Filters:
    industry_code: str | None = None
    stage_code: str | None = None
    owner_id: str | None = None
    follow_up_due_on: date | None = None  # an open follow-up due on or before this date
    # The dashboard's figures open the list behind them (services.dashboard):
    follow_up_from: date | None = None  # the next open follow-up on or after this date
    value_grade: str | None = None
    ungraded: bool = False  # no value grade
    quiet_before: date | None = None  # no visit since before this date (or none ever)
    visited_from: date | None = None  # a visit on or after this date ...
    visited_to: date | None = None  # ... and before this one
    visited_by: str | None = None  # ... logged by this user
    offer_states: tuple[str, ...] = ()  # an offer in one of these states

    def sql(self) -> tuple[str, list[object]]:
        clauses: list[str] = ["c.deleted = 0"]
        params: list[object] = []
        if self.industry_code:
            clauses.append("c.industry_code = ?")
            params.append(self.industry_code)
        if self.stage_code:
            clauses.append("c.stage_code = ?")
            params.append(self.stage_code)
        if self.owner_id:
            clauses.append("c.owner_id = ?")
            params.append(self.owner_id)
        if self.follow_up_due_on:
            clauses.append("c.next_follow_up <= ?")
            params.append(self.follow_up_due_on.isoformat())
        clauses += self._dashboard_sql(params)
        return " AND ".join(clauses), params

    def _dashboard_sql(self, params: list[object]) -> list[str]:
        clauses: list[str] = []
        if self.follow_up_from:
            clauses.append("c.next_follow_up >= ?")
            params.append(self.follow_up_from.isoformat())
        if self.value_grade:
            clauses.append("c.value_grade = ?")
            params.append(self.value_grade)
        if self.ungraded:
            clauses.append("c.value_grade IS NULL")
        if self.quiet_before:  # a date sorts before every time of its own day
            clauses.append("(c.last_visit_at IS NULL OR c.last_visit_at < ?)")
            params.append(self.quiet_before.isoformat())
        if self.visited_from and self.visited_to:
            by = " AND v.owner_id = ?" if self.visited_by else ""
            clauses.append("EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = c.id AND v.deleted = 0"
                           f" AND v.occurred_at >= ? AND v.occurred_at < ?{by})")
            params += [self.visited_from.isoformat(), self.visited_to.isoformat()]
            if self.visited_by:
                params.append(self.visited_by)
        if self.offer_states:
            marks = ", ".join("?" * len(self.offer_states))
            clauses.append("EXISTS (SELECT 1 FROM offers o WHERE o.customer_id = c.id AND o.deleted = 0"
                           f" AND o.state IN ({marks}))")
            params += list(self.offer_states)
        return clauses

    @property
    def empty(self) -> bool:
        return not (self.industry_code or self.stage_code or self.owner_id or self.follow_up_due_on
                    or self.follow_up_from or self.value_grade or self.ungraded or self.quiet_before
                    or (self.visited_from and self.visited_to) or self.offer_states)


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class Hits:
    nums: list[int]
    total: int
    total_exact: bool  # False: at least ``total`` matches (counting stopped at the cap)


def _raw(session: Session) -> sqlite3.Connection:
    conn = session.connection().connection.driver_connection
    # sqlite3's, or sqlcipher3's for an encrypted store: the same DB-API (store/connect.py)
    assert conn is not None and hasattr(conn, "execute")
    return cast(sqlite3.Connection, conn)


def _phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _column(con: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> Iterator[int]:
    cur = con.execute(sql, params)
    try:
        while rows := cur.fetchmany(_CHUNK):
            for (value,) in rows:
                yield value
    finally:
        cur.close()


def _exact(con: sqlite3.Connection, q: str) -> list[int]:
    rows = con.execute(
        f"SELECT DISTINCT id >> {_SHIFT} FROM search_keys WHERE key = ? ORDER BY 1 DESC", (q,)
    ).fetchall()
    return [r[0] for r in rows]


_DOC_SQL = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC"
_PREFIX_FTS_SQL = f"SELECT rowid >> {_SHIFT} FROM keys_fts WHERE keys_fts MATCH ? ORDER BY rowid DESC"
_FEW_PREFIXED = 2000


def _prefixed(con: sqlite3.Connection, q: str) -> Iterator[int]:
    """Customers with a key starting with ``q``: the closest (shortest) keys first.

    Most queries start few keys: a B-tree range finds them and they are ordered here, a
    key the query nearly covers (``zgyh`` in 中国银行's ``zgyhgf…``) before a longer one,
    then newest first. A query starting thousands (``zhongguo``) streams newest first from
    the trigram index instead, where an initial-phrase match is slow when rare but fast
    when dense.
    """
    few = con.execute(
        f"SELECT id >> {_SHIFT}, length(key) FROM search_keys WHERE key >= ? AND key < ? LIMIT ?",
        (q, q + _TOP, _FEW_PREFIXED + 1),
    ).fetchall()
    if len(few) <= _FEW_PREFIXED:
        best: dict[int, int] = {}
        for num, size in few:
            best[num] = min(size, best.get(num, size))
        yield from sorted(best, key=lambda n: (best[n], -n))
    else:
        yield from _column(con, _PREFIX_FTS_SQL, ("^" + _phrase(q),))


def _ranked(con: sqlite3.Connection, q: str) -> Iterator[int]:
    """Every matching customer once, exact first, then prefix, then substring."""
    seen: set[int] = set()
    exact = _exact(con, q)
    seen.update(exact)
    yield from exact
    if len(q) <= 2:
        # one stream per class: each is a backward walk of the (gram, cls, num) key
        sql = "SELECT num FROM search_grams WHERE gram = ? AND cls = ? ORDER BY num DESC"
        streams = [_column(con, sql, (q, 0)), _column(con, sql, (q, 1))]
    else:
        streams = [_prefixed(con, q), _column(con, _DOC_SQL, (_phrase(q),))]
    for stream in streams:
        for num in stream:
            if num not in seen:
                seen.add(num)
                yield num


def _filtered(con: sqlite3.Connection, nums: Iterator[int], filters: Filters) -> Iterator[int]:
    if filters.empty:
        yield from nums
        return
    where, params = filters.sql()
    while chunk := list(islice(nums, _CHUNK)):
        marks = ",".join("?" * len(chunk))
        keep = {
            r[0]
            for r in con.execute(
                f"SELECT c.num FROM customers c WHERE c.num IN ({marks}) AND {where}", (*chunk, *params)
            )
        }
        yield from (n for n in chunk if n in keep)


def _count(con: sqlite3.Connection, q: str, filters: Filters, cap: int) -> tuple[int, bool]:
    """How many customers match, counted up to ``cap``.

    Each index holds a customer once per gram (and exact and prefix matches are substrings
    of the same document), so one index range counts without de-duplication. The one
    exception, digits of one or two characters (no grams), can only match exactly.
    """
    if len(q) <= 2:
        cand, params = "SELECT num FROM search_grams WHERE gram = ?", (q,)
    else:
        cand, params = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (_phrase(q),)
    if filters.empty:
        n = con.execute(f"SELECT count(*) FROM ({cand} LIMIT ?)", (*params, cap + 1)).fetchone()[0]
    else:
        where, fparams = filters.sql()
        sql = f"SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.num IN ({cand}) AND {where} LIMIT ?)"
        n = con.execute(sql, (*params, *fparams, cap + 1)).fetchone()[0]
    if n == 0 and len(q) <= 2:
        n = len(list(_filtered(con, iter(_exact(con, q)), filters)))
    return (cap, False) if n > cap else (n, True)


def _browse(con: sqlite3.Connection, filters: Filters, offset: int, limit: int, cap: int) -> Hits:
    where, params = filters.sql()
    nums = [
        r[0]
        for r in con.execute(
            f"SELECT c.num FROM customers c WHERE {where} ORDER BY c.sort_key, c.num LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    ]
    total = con.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0]
    return Hits(nums, total, True)


def _all_terms(con: sqlite3.Connection, terms: list[str], filters: Filters, offset: int, limit: int) -> Hits:
    """Words separated by spaces must all match (``上海 银行`` finds 中国银行上海分行);
    the order is the first word's. Rare, so counted exactly by intersecting sets."""
    others = [set(_ranked(con, t)) for t in terms[1:]]
    matches = list(_filtered(con, (n for n in _ranked(con, terms[0]) if all(n in o for o in others)), filters))
    return Hits(matches[offset : offset + limit] if limit >= 0 else matches[offset:], len(matches), True)


def search(
    session: Session,
    query: str,
    *,
    filters: Filters = NO_FILTERS,
    offset: int = 0,
    limit: int = 50,
    count_cap: int = 10_000,
) -> Hits:
    """One ranked page of customers matching ``query`` and how many match in all.

    An empty query browses every customer in pinyin order of their names.
    """
    con = _raw(session)
    terms = query_terms(query)
    if not terms and normalize(query):
        return Hits([], 0, True)  # only punctuation: nothing that names a customer
    if not terms:
        return _browse(con, filters, offset, limit, count_cap)
    if len(terms) > 1:
        return _all_terms(con, terms, filters, offset, limit)
    q = terms[0]
    stream = _filtered(con, _ranked(con, q), filters)
    nums = list(islice(stream, offset, offset + limit))
    if len(nums) < limit and (nums or offset == 0):
        return Hits(nums, offset + len(nums), True)  # the stream ran out inside this page
    total, exact = _count(con, q, filters, count_cap)
    return Hits(nums, max(total, offset + len(nums)) if nums else total, exact)


# Quotes, brackets and sentence punctuation people paste around a name: not part of it.
_PASTED = re.compile(r"[\"'“”‘’《》〈〉「」『』【】\[\]〔〕,，。.、;；:：!！?？…]+")
_CODE_LIKE = re.compile(r"(?=.*\d)\+?[0-9A-Za-z]{7,}")  # a phone or a code: digits in it
_CHINA_PREFIX = re.compile(r"^(?:\+86|0086)(?=1\d{10}$)")


def query_terms(query: str) -> list[str]:
    """The words of a query as the index compares them. Pasted punctuation goes (“中国银行”,
    《中国银行》, a trailing 。); a phone or credit code typed in groups is one word
    (``+86 175 6684 2356``, ``9111 0000 7109 3913 5P``), a mobile's +86 / 0086 prefix dropped."""
    cleaned = _PASTED.sub(" ", query[:MAX_QUERY])
    joined = "".join(cleaned.split())
    if _CODE_LIKE.fullmatch(joined) and len(cleaned.split()) > 1 or joined.startswith(("+86", "0086")):
        cleaned = _CHINA_PREFIX.sub("", joined)
    return [t for t in (normalize(w) for w in cleaned.split()) if t]


#: Columns a list can be sorted by, and the SQL that sorts them (NULLs last either way).
SORTABLE = {
    "name": "c.sort_key",
    "short_name": "c.short_name",
    "industry_code": "c.industry_code",
    "stage_code": "(SELECT position FROM stage_defs WHERE code = c.stage_code)",
    "region": "c.region",
    "value_grade": "c.value_grade",
    "next_follow_up": "c.next_follow_up",
    "last_visit_at": "c.last_visit_at",
}


def ordered(session: Session, query: str, *, column: str, descending: bool = False,
            filters: Filters = NO_FILTERS) -> list[int]:
    """Every match of ``query`` sorted by ``column`` (a list header click)."""
    expr = SORTABLE[column]
    direction = "DESC" if descending else "ASC"
    con = _raw(session)
    where, params = filters.sql()
    order = f"{expr} IS NULL, {expr} {direction}, c.num"
    if not query_terms(query):
        sql = f"SELECT c.num FROM customers c WHERE {where} ORDER BY {order}"
        return [r[0] for r in con.execute(sql, params)]
    import json

    nums = search(session, query, filters=filters, limit=10**9).nums
    sql = (f"SELECT c.num FROM customers c WHERE c.num IN (SELECT value FROM json_each(?)) "
           f"ORDER BY {order}")
    return [r[0] for r in con.execute(sql, (json.dumps(nums),))]
