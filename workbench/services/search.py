"""The customer search the list screen calls as the user types."""

from __future__ import annotations

from workbench.services import dto
from workbench.services.context import Context
from workbench.services.customers import rows_by_num
from workbench.store import search as store_search
from workbench.store.search import NO_FILTERS, Filters

__all__ = ["Filters", "search_customers", "matching_nums"]


def search_customers(
    ctx: Context, *, query: str, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 50
) -> dto.SearchPage:
    """A ranked page of customers for ``query`` (name, short name, pinyin, initials, credit
    code, contact names, phone digits); an empty query lists everyone in pinyin order."""
    with ctx.store.read() as s:
        hits = store_search.search(s, query, filters=filters, offset=offset, limit=limit)
        rows = rows_by_num(s, hits.nums)
    return dto.SearchPage(query, offset, tuple(rows), hits.total, hits.total_exact)


def matching_nums(ctx: Context, *, query: str, filters: Filters = NO_FILTERS, limit: int = -1) -> list[int]:
    """Every match in rank order, as local keys (a table model pages rows by position)."""
    with ctx.store.read() as s:
        big = limit if limit >= 0 else 10**9
        return store_search.search(s, query, filters=filters, offset=0, limit=big).nums
