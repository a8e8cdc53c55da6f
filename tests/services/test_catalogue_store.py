from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.resources import files

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import NotFoundError
from workbench.pricing import load_catalogue, load_policy
from workbench.services import catalogue
from workbench.services.context import Context
from workbench.store import models as m

TODAY = date(2026, 12, 1)


def rows(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def add_book(ctx: Context, kind: str, version: str, valid_from: date, change: dict[str, str]) -> None:
    """An HQ publication: the shipped book with another version, start and list prices."""
    data = json.loads(files("workbench.resources").joinpath("catalogue", f"{kind}.json").read_text("utf-8"))
    data["version"], data["valid_from"] = version, valid_from.isoformat()
    for p in data.get("products", []):
        if p["code"] in change:
            p["list_price"] = change[p["code"]]
    with ctx.store.write() as s:
        s.add(m.PriceBook(kind=kind, book_version=version, valid_from=valid_from, valid_to=None,
                          body=json.dumps(data, ensure_ascii=False)))


def test_ensure_defaults_loads_both_books_once_without_journal(ctx: Context) -> None:
    journal_before = rows(ctx, m.JournalEntry)
    catalogue.ensure_defaults(ctx)
    catalogue.ensure_defaults(ctx)
    assert rows(ctx, m.PriceBook) == 2
    assert rows(ctx, m.JournalEntry) == journal_before  # HQ data: never pushed from a device
    with ctx.store.read() as s:
        books = {b.kind: b for b in s.scalars(select(m.PriceBook))}
    assert books["catalogue"].book_version == load_catalogue().version
    assert books["policy"].valid_from == load_policy().valid_from


def test_current_books_parse_the_stored_rows_and_are_cached(ctx: Context) -> None:
    catalogue.ensure_defaults(ctx)
    cat, pol = catalogue.current_price_books(ctx, today=TODAY)
    assert cat == load_catalogue() and pol == load_policy()
    again = catalogue.current_price_books(ctx, today=TODAY)
    assert again[0] is cat and again[1] is pol  # the keystroke path never re-parses


def test_a_fresh_store_gets_the_defaults_on_first_use(ctx: Context) -> None:
    cat, _ = catalogue.current_price_books(ctx, today=TODAY)
    assert cat.product("MOB-58") is not None and rows(ctx, m.PriceBook) == 2


def test_the_newest_valid_book_wins(ctx: Context) -> None:
    catalogue.ensure_defaults(ctx)
    add_book(ctx, "catalogue", "2027.1", date(2027, 1, 1), {"MOB-58": "60.00"})
    old, _ = catalogue.current_price_books(ctx, today=TODAY)
    new, _ = catalogue.current_price_books(ctx, today=date(2027, 2, 1))
    assert old.version == "2026.1" and new.version == "2027.1"
    product = new.product("MOB-58")
    assert product is not None and product.list_price == Decimal("60.00")


def test_no_book_valid_on_the_date_is_an_error(ctx: Context) -> None:
    catalogue.ensure_defaults(ctx)
    with pytest.raises(NotFoundError):
        catalogue.current_price_books(ctx, today=date(2020, 1, 1))
