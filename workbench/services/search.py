"""The customer search the list screen calls as the user types."""

from __future__ import annotations

from workbench.services import dto
from workbench.services.context import Context
from workbench.services.customers import rows_by_num
from workbench.store import search as store_search
from workbench.store.search import NO_FILTERS, Filters

SORTABLE = tuple(store_search.SORTABLE)

__all__ = ["SORTABLE", "Filters", "matching_nums", "search_customers"]


def search_customers(
    ctx: Context, *, query: str, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 50
) -> dto.SearchPage:
    """A ranked page of customers for ``query`` (name, short name, pinyin, initials, credit
    code, contact names, phone digits); an empty query lists everyone in pinyin order."""
    with ctx.store.read() as s:
        hits = store_search.search(s, query, filters=filters, offset=offset, limit=limit)
        rows = rows_by_num(s, hits.nums)
    return dto.SearchPage(query, offset, tuple(rows), hits.total, hits.total_exact)


def matching_nums(
    ctx: Context, *, query: str, filters: Filters = NO_FILTERS, limit: int = -1,
    order_by: str | None = None, descending: bool = False,
) -> list[int]:
    """Every match as local keys, in rank order or sorted by a column of
    ``SORTABLE`` (a table model pages rows by position)."""
    with ctx.store.read() as s:
        if order_by is not None:
            nums = store_search.ordered(s, query, column=order_by, descending=descending, filters=filters)
            return nums if limit < 0 else nums[:limit]
        big = limit if limit >= 0 else 10**9
        return store_search.search(s, query, filters=filters, offset=0, limit=big).nums
